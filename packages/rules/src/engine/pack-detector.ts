/**
 * Builds the text detector of a pack: the canonical trigger definitions the pack lists, plus
 * its own `org:CODE` extension definitions.
 */
import { compileDetector } from '../detection/compile-detector.js';
import { type TTriggerDefinition, ZTriggerDefinition } from '../detection/definition-schema.js';
import type { TPolicyPack } from '../policy/parse-pack.js';
import type { CompiledDetector } from './detection-contract.js';

const canonicalTriggerDefinitions: readonly TTriggerDefinition[] = [];

export function packTriggerDefinitions(pack: TPolicyPack): TTriggerDefinition[] {
  const wanted = new Set(pack.triggers.canonical);
  const canonical = canonicalTriggerDefinitions.filter((definition) => wanted.has(definition.code));
  const extensions = pack.triggers.extensions.map((definition) => ZTriggerDefinition.parse(definition));
  return [...canonical, ...extensions];
}

export function createPackDetector(pack: TPolicyPack): CompiledDetector {
  return compileDetector(packTriggerDefinitions(pack));
}

/** A detector over every canonical trigger definition (the CLI's `detect` without --org). */
export function createCanonicalDetector(): CompiledDetector {
  return compileDetector(canonicalTriggerDefinitions);
}
