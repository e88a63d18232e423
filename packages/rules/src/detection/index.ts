export { type CompiledDetector, compileDetector, type TextTriggerHit } from './compile-detector.js';
export {
  type TPatternScope,
  type TScopedPatterns,
  type TTriggerCue,
  type TTriggerDefinition,
  type TTriggerDefinitionInput,
  ZPatternScope,
  ZScopedPatterns,
  ZTokenPattern,
  ZTriggerCue,
  ZTriggerDefinition,
} from './definition-schema.js';
export { canonicalTriggerDefinitions } from './definitions/index.js';
export { compilePattern } from './pattern.js';
export { analyzeText, type TextAnalysis, type Token } from './tokenize.js';
