/** Reply-check and lint findings. */
import { z } from 'zod';
import { ZCustomerFacts } from './input-types.js';

// ─── Reply checks ──────────────────────────────────────────────────────────────

export const ZReplyCheckInput = z.strictObject({
  /** the reply an agent is about to send */
  text: z.string(),
  customer: ZCustomerFacts.optional(),
  /** the customer's own words, used to tell a requested escalation from an unprompted offer */
  customerText: z.string().optional(),
  /** set when the customer asked for escalation outside the text given (e.g. on the phone) */
  customerAskedForEscalation: z.boolean().optional(),
  /** trigger codes already known for the case (its last routing decision), flags included */
  caseTriggerCodes: z.array(z.string()).optional(),
  /** restrict to these check ids (e.g. the decision's replyChecks); all of the pack's by default */
  checkIds: z.array(z.string()).optional(),
});
export type TReplyCheckInput = z.input<typeof ZReplyCheckInput>;

export const ZReplyFinding = z.strictObject({
  checkId: z.string(),
  kind: z.enum(['FORBIDDEN_PHRASE', 'LEGAL_NAME_USED', 'UNPROMPTED_ESCALATION_OFFER']),
  requirementIds: z.array(z.string()),
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
});
export type TReplyFinding = z.infer<typeof ZReplyFinding>;

// ─── Lint ──────────────────────────────────────────────────────────────────────

export const LINT_CODES = [
  'UNKNOWN_CONDITION',
  'NEVER_FIRES',
  'SHADOWED',
  'UNKNOWN_TRIGGER',
  'UNREACHABLE_QUEUE',
  'UNREACHABLE_TEAM',
  'TIE_WITHOUT_TIE_BREAKER',
] as const;
export const ZLintFinding = z.strictObject({
  code: z.enum(LINT_CODES),
  severity: z.enum(['error', 'warning']),
  policyId: z.string(),
  ruleId: z.string().nullable(),
  message: z.string(),
});
export type TLintFinding = z.infer<typeof ZLintFinding>;
