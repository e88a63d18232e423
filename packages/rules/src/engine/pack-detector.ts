/**
 * Builds the text detector of a pack: the canonical trigger definitions the pack lists, plus
 * its own `org:CODE` extension definitions. Packs with the same definitions share one compiled
 * detector (a policy's versions usually do), so a replay that decides each stored case with a
 * baseline and a candidate version analyzes the text once.
 */

import type { CompiledDetector } from '../detection/compile-detector.js';
import { canonicalTriggerDefinitions, compileDetector, type TTriggerDefinition } from '../detection/index.js';
import type { TPolicyPack } from '../policy/parse-pack.js';

/** Compiled detectors kept for reuse, by their definitions; past this the oldest goes. */
const sharedDetectorLimit = 16;
const sharedDetectors = new Map<string, CompiledDetector>();

export function packTriggerDefinitions(pack: TPolicyPack): TTriggerDefinition[] {
  const wanted = new Set(pack.triggers.canonical);
  const canonical = canonicalTriggerDefinitions.filter((definition) => wanted.has(definition.code));
  return [...canonical, ...pack.triggers.extensions];
}

/** A detector that keeps its last answer per field: asked again about the same text, it answers at once. */
function rememberingLastText(detector: CompiledDetector): CompiledDetector {
  const lastByField = new Map<string, { text: string; hits: ReturnType<CompiledDetector['detect']> }>();
  return {
    ...detector,
    detect(text, field = 'customerText') {
      const last = lastByField.get(field);
      if (last !== undefined && last.text === text) return last.hits.map((hit) => ({ ...hit }));
      const hits = detector.detect(text, field);
      if (lastByField.size > 8) lastByField.clear();
      lastByField.set(field, { text, hits: hits.map((hit) => ({ ...hit })) });
      return hits;
    },
  };
}

export function createPackDetector(pack: TPolicyPack): CompiledDetector {
  const definitions = packTriggerDefinitions(pack);
  const key = JSON.stringify(definitions);
  const shared = sharedDetectors.get(key);
  if (shared !== undefined) return shared;
  const detector = rememberingLastText(compileDetector(definitions));
  if (sharedDetectors.size >= sharedDetectorLimit) {
    const oldest = sharedDetectors.keys().next().value;
    if (oldest !== undefined) sharedDetectors.delete(oldest);
  }
  sharedDetectors.set(key, detector);
  return detector;
}

/** A detector over every canonical trigger definition (the CLI's `detect` without --org). */
export function createCanonicalDetector(): CompiledDetector {
  return compileDetector(canonicalTriggerDefinitions);
}
