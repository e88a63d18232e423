import { createRequire } from 'node:module';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';

/**
 * graphql 16 has no `exports` map: Node loads its CommonJS build for the inspector while
 * bundlers (vitest) pick the ES module. Load the same CommonJS build here so the schemas we
 * build are the inspector's own kind.
 */
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export interface CompatibilityReport {
  breaking: Change[];
  dangerous: Change[];
  /** breaking changes whose schema path the changelog's Unreleased section does not name */
  unannounced: Change[];
  safe: number;
}

/**
 * The text of the changelog's `## Unreleased` section (up to the next `## ` heading).
 * A breaking change is announced when this section names its schema path in backticks,
 * e.g. "- `Case.priority` is now nullable".
 */
export function unreleasedNotes(changelog: string): string {
  const start = changelog.search(/^## Unreleased\b.*$/im);
  if (start === -1) return '';
  const rest = changelog.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^## /m);
  return end === -1 ? rest : rest.slice(0, end);
}

function announces(notes: string, change: Change): boolean {
  const path = change.path ?? '';
  if (!path) return notes.includes(change.message);
  return notes.includes(`\`${path}\``);
}

/** Diffs the released schema against the current one and checks the breaking changes are announced. */
export async function checkCompatibility(
  releasedSdl: string,
  currentSdl: string,
  changelog: string,
): Promise<CompatibilityReport> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous);
  const notes = unreleasedNotes(changelog);
  return {
    breaking,
    dangerous,
    unannounced: breaking.filter((change) => !announces(notes, change)),
    safe: changes.length - breaking.length - dangerous.length,
  };
}
