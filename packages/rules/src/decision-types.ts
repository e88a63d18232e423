/** The decision: what happens to a case and why. */
import { z } from 'zod';
import { ZCaseStatus, ZPriority, ZTier } from './input-types.js';

export const ZTextEvidence = z.strictObject({
  kind: z.literal('text'),
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  field: z.string(),
  /** Present when the classifier, not a pattern, raised the code. */
  signal: z.literal('classifier').optional(),
  /** The classifier's driving words, strongest first. */
  words: z.array(z.string()).optional(),
  /** The classifier's probability. */
  probability: z.number().min(0).max(1).optional(),
});
export const ZSignalEvidence = z.strictObject({
  kind: z.literal('signal'),
  name: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
});
export const ZEvidence = z.discriminatedUnion('kind', [ZTextEvidence, ZSignalEvidence]);
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZFiredTrigger = z.strictObject({
  code: z.string(),
  /** the detector or signal-trigger rule that produced it */
  ruleId: z.string(),
  evidence: ZEvidence,
});
export type TFiredTrigger = z.infer<typeof ZFiredTrigger>;

export const STEP_KINDS = ['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY'] as const;
export const ZStepKind = z.enum(STEP_KINDS);
export type TStepKind = z.infer<typeof ZStepKind>;

export const ZRenderedNotification = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('EMAIL'),
    template: z.string(),
    to: z.string(),
    /** the template's subject line, when the pack gives one */
    subject: z.string().optional(),
    message: z.string(),
    ruleId: z.string(),
  }),
  z.strictObject({
    kind: z.literal('DIRECT_MESSAGE'),
    toRole: z.string(),
    message: z.string(),
    ruleId: z.string(),
  }),
  z.strictObject({
    kind: z.literal('CHANNEL_POST'),
    channel: z.string(),
    message: z.string(),
    ruleId: z.string(),
  }),
  z.strictObject({
    kind: z.literal('LIVE_ALERT'),
    toRole: z.string(),
    message: z.string(),
    ruleId: z.string(),
  }),
]);
export type TRenderedNotification = z.infer<typeof ZRenderedNotification>;

export const ASSIGNMENT_STRATEGIES = ['DIRECT', 'ROUND_ROBIN', 'LEAST_LOADED', 'RANDOM'] as const;
export const ZAssignmentDirective = z.strictObject({
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  /** DIRECT: a role or a routing skill (e.g. tsm-escalations-lead) */
  role: z.string().optional(),
  skill: z.string().optional(),
  /** pool strategies: the team whose members are eligible */
  team: z.string().optional(),
  /** DIRECT: offered as a Case Assignment the person accepts, rejects or returns (SOL-5) */
  offer: z.boolean().optional(),
});
export type TAssignmentDirective = z.infer<typeof ZAssignmentDirective>;

export const ZDecisionTask = z.strictObject({
  kind: z.string(),
  title: z.string(),
  team: z.string().optional(),
  assignment: ZAssignmentDirective.optional(),
  requiredFields: z.array(z.string()),
  ruleId: z.string(),
});
export type TDecisionTask = z.infer<typeof ZDecisionTask>;

export const ZAvailability = z.strictObject({
  calendar: z.string(),
  openNow: z.boolean(),
  nextOpeningAt: z.string().nullable(),
  /** what to do now: route now, wait for the next opening, or promise a callback */
  action: z.enum(['ROUTE_NOW', 'WAIT_FOR_OPENING', 'CALLBACK']),
  explanation: z.string(),
});
export type TAvailability = z.infer<typeof ZAvailability>;

export const ZSla = z.strictObject({
  calendar: z.string(),
  startAt: z.string(),
  dueAt: z.string(),
  businessMinutes: z.number().int(),
  explanation: z.string(),
});
export type TSla = z.infer<typeof ZSla>;

export const ZRuleTrace = z.strictObject({
  ruleId: z.string(),
  requirementIds: z.array(z.string()),
  priority: z.number(),
  specificity: z.number(),
  matched: z.boolean(),
  /** why it matched or not, one line per condition that decided it */
  reasons: z.array(z.string()),
});
export type TRuleTrace = z.infer<typeof ZRuleTrace>;

export const ZExplanation = z.strictObject({
  policyId: z.string(),
  policyVersion: z.number().int(),
  evaluatedAt: z.string(),
  rules: z.array(ZRuleTrace),
  winner: z.string().nullable(),
  winnerReason: z.string(),
  /** which rule supplied each routing field (later-ranked rules fill fields the winner leaves open) */
  fieldSources: z.record(z.string(), z.string()),
  summary: z.string(),
});
export type TExplanation = z.infer<typeof ZExplanation>;

export const ZDecision = z.strictObject({
  /** ESCALATE when a rule routes the case, STAY when nothing applies */
  outcome: z.enum(['ESCALATE', 'STAY']),
  triggers: z.array(ZFiredTrigger),
  target: z.strictObject({
    tier: ZTier.nullable(),
    team: z.string().nullable(),
    queue: z.string().nullable(),
  }),
  setStatus: ZCaseStatus.nullable(),
  setPriority: ZPriority.nullable(),
  approval: z.strictObject({
    required: z.boolean(),
    approverRole: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  requiredSteps: z.array(z.strictObject({ id: z.string(), label: z.string(), ruleId: z.string() })),
  requiredNoteFields: z.array(z.string()),
  stepOrder: z.array(ZStepKind),
  notifications: z.array(ZRenderedNotification),
  assignment: ZAssignmentDirective.nullable(),
  tasks: z.array(ZDecisionTask),
  replyChecks: z.array(z.string()),
  guidance: z.array(z.strictObject({ ruleId: z.string(), text: z.string() })),
  availability: ZAvailability.nullable(),
  sla: ZSla.nullable(),
  explanation: ZExplanation,
});
export type TDecision = z.infer<typeof ZDecision>;
