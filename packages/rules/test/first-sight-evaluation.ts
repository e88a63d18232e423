/**
 * First-sight evaluation: patterns as they stood when a held-out set arrived (recorded in
 * first-sight-pattern-codes.json by scripts/snapshot-first-sight-patterns.ts), alone and combined
 * with a classifier the way the detector combines them: the classifier adds a code only where
 * those patterns were silent, outside negations and guarded sentences, above its threshold, and
 * codes are suppressed as their definitions say, and never where those patterns turned a cue down.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ClassifierModel } from '../src/detection/classifier/classifier-model.js';
import { type ClassifierHit, createClassifierSignal } from '../src/detection/classifier/classifier-signal.js';
import { analyzeText, canonicalTriggerDefinitions } from '../src/detection/index.js';
import type { DetectCodes } from './labeled-evaluation.js';

const ZFirstSightCodes = z.record(
  z.string(),
  z.object({
    detectorCommit: z.string(),
    codes: z.record(z.string(), z.array(z.string())),
    vetoed: z.record(z.string(), z.array(z.string())),
  }),
);

export const firstSightPatternCodes = ZFirstSightCodes.parse(
  JSON.parse(readFileSync(new URL('./first-sight-pattern-codes.json', import.meta.url), 'utf8')),
);

const suppressions = new Map(
  canonicalTriggerDefinitions.map((definition) => [definition.code, definition.suppressedBy]),
);

export function firstSightPatterns(id: string): string[] {
  return recorded(id).codes;
}

function recorded(id: string): { codes: string[]; vetoed: string[] } {
  for (const set of Object.values(firstSightPatternCodes)) {
    const codes = set.codes[id];
    if (codes !== undefined) return { codes, vetoed: set.vetoed[id] ?? [] };
  }
  throw new Error(`${id}: no first-sight pattern output recorded`);
}

/** What the classifier adds to first-sight patterns; `minimumProbability` overrides the thresholds. */
export function firstSightClassifierHits(model: ClassifierModel, minimumProbability?: number) {
  const signal = createClassifierSignal(
    model,
    new Set(canonicalTriggerDefinitions.map((definition) => definition.code)),
    new Set(canonicalTriggerDefinitions.filter((definition) => definition.blockedInQuestions).map((d) => d.code)),
  );
  return (text: string, id: string): ClassifierHit[] => {
    const out: ClassifierHit[] = [];
    const { codes, vetoed } = recorded(id);
    signal.propose(analyzeText(text), new Set(codes), new Set(vetoed), out, minimumProbability);
    return out;
  };
}

export function firstSightCombined(model: ClassifierModel, minimumProbability?: number): DetectCodes {
  const added = firstSightClassifierHits(model, minimumProbability);
  return (text, id) => {
    const codes = new Set([...firstSightPatterns(id), ...added(text, id).map((hit) => hit.code)]);
    return [...codes].filter((code) => !(suppressions.get(code) ?? []).some((other) => codes.has(other))).sort();
  };
}
