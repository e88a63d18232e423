/**
 * Builds the text detector of a pack: the canonical trigger definitions the pack lists, plus
 * its own `org:CODE` extension definitions.
 */

import type { CompiledDetector } from '../detection/compile-detector.js';
import { canonicalTriggerDefinitions, compileDetector, type TTriggerDefinition } from '../detection/index.js';
import type { TPolicyPack } from '../policy/parse-pack.js';

export function packTriggerDefinitions(pack: TPolicyPack): TTriggerDefinition[] {
  const wanted = new Set(pack.triggers.canonical);
  const canonical = canonicalTriggerDefinitions.filter((definition) => wanted.has(definition.code));
  return [...canonical, ...pack.triggers.extensions];
}

export function createPackDetector(pack: TPolicyPack): CompiledDetector {
  return compileDetector(packTriggerDefinitions(pack));
}

/** A detector over every canonical trigger definition (the CLI's `detect` without --org). */
export function createCanonicalDetector(): CompiledDetector {
  return compileDetector(canonicalTriggerDefinitions);
}
