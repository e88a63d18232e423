/**
 * @escalate/rules — pure escalation policy engine: no I/O, no clock (time is an input).
 *
 *   const policy = compilePolicy(getShippedPolicyPack('cinch'));   // once
 *   const decision = evaluate(policy, parseEvaluationInput(json));  // per case, deterministic
 */
export * from './calendar/index.js';
export type { CompiledDetector, TextTriggerHit } from './detection/compile-detector.js';
export {
  type CompiledPolicy,
  type CompilePolicyOptions,
  compilePolicy,
} from './engine/compile-policy.js';
export {
  EvaluationInputError,
  evaluate,
  parseEvaluationInput,
} from './engine/evaluate.js';
export { formatDecision } from './engine/format-decision.js';
export { createPackDetector, packTriggerDefinitions } from './engine/pack-detector.js';
export { lintPolicyPack } from './lint/lint-pack.js';
// data and pure helpers the care procedures need besides the pack (CARE-R2, R5, P5, P6, G2)
export * from './packs/care-templates.js';
export {
  getShippedPolicyPack,
  SHIPPED_POLICY_SLUGS,
  shippedPolicyPacks,
  type TShippedPolicySlug,
  UnknownPolicyError,
} from './packs/index.js';
export {
  asKnownCondition,
  BUILTIN_SIGNALS,
  CONDITION_FIELDS,
  conditionSpecificity,
  type TCondition,
  type TKnownCondition,
} from './policy/condition-schema.js';
export type {
  TNotificationSpec,
  TOutcome,
  TReplyCheckSpec,
  TRule,
  TSignalTrigger,
} from './policy/pack-schema.js';
export {
  PolicyPackError,
  parsePolicyPack,
  type TPolicyPack,
  type TPolicyPackInput,
  type TPolicyProblem,
  ZPolicyPack,
} from './policy/parse-pack.js';
export {
  CANONICAL_TRIGGER_CODES,
  type TCanonicalTriggerCode,
} from './policy/trigger-codes.js';
export { checkReply } from './reply-checks/check-reply.js';
export * from './types.js';
