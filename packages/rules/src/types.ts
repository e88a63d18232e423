/**
 * Evaluation input and decision: the contract between the rules engine and its callers
 * (the API and the SDK). Everything the evaluator needs is in the input — including the time.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

export const CASE_STATUSES = [
  'NEW',
  'OPEN',
  'PENDING_APPROVAL',
  'WAITING_ON_CUSTOMER',
  'ESCALATED',
  'RESOLVED',
  'CLOSED',
] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT', 'CRITICAL'] as const;
export const ZPriority = z.enum(PRIORITIES);
export type TPriority = z.infer<typeof ZPriority>;

export const TIERS = ['TIER1', 'TIER2', 'TIER3'] as const;
export const ZTier = z.enum(TIERS);
export type TTier = z.infer<typeof ZTier>;

export const CHANNELS = ['PHONE', 'CHAT', 'EMAIL', 'SMS', 'SOCIAL', 'WEB'] as const;
export const ZChannel = z.enum(CHANNELS);
export type TChannel = z.infer<typeof ZChannel>;

export const ACTOR_ROLES = [
  'agent',
  'tier1_supervisor',
  'tier2',
  'tier3',
  'privacy',
  'resolution_specialist',
  'lead',
  'admin',
  'integration',
] as const;
export const ZActorRole = z.enum(ACTOR_ROLES);
export type TActorRole = z.infer<typeof ZActorRole>;

/** Field-service job states reported by integrators (CIN-9). */
export const JOB_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'REJECTED', 'EXPIRED', 'PROCURE_VENDOR', 'COMPLETED'] as const;
export const ZJobStatus = z.enum(JOB_STATUSES);
export type TJobStatus = z.infer<typeof ZJobStatus>;

const ZONED_ISO_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * An ISO-8601 instant that carries its offset (`Z` or `±hh:mm`). A local time without a zone
 * is ambiguous and rejected: the engine never guesses a time zone.
 */
export const ZZonedIsoTime = z.string().superRefine((value, ctx) => {
  if (!ZONED_ISO_SUFFIX.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `time "${value}" has no offset or zone (expected e.g. 2026-03-06T20:30:00-05:00 or …Z)`,
    });
    return;
  }
  if (!DateTime.fromISO(value, { setZone: true }).isValid) {
    ctx.addIssue({
      code: 'custom',
      message: `time "${value}" is not a valid ISO-8601 instant`,
    });
  }
});

const ZCount = z.number().int().min(0);

export const ZCustomerFacts = z.strictObject({
  preferredName: z.string().min(1).optional(),
  legalName: z.string().min(1).optional(),
  /** e.g. ["password"], ["google"], ["apple", "password"] (CARE-P1) */
  signInMethods: z.array(z.string()).default([]),
});
export type TCustomerFacts = z.infer<typeof ZCustomerFacts>;

export const ZSubscription = z.strictObject({
  status: z.enum(['ACTIVE', 'PAUSED', 'CANCELLED', 'NONE']),
  monthlyAmountCents: ZCount.optional(),
  billingsCount: ZCount.optional(),
});

export const ZCaseFacts = z.strictObject({
  id: z.string().optional(),
  /** human-readable reference used in messages, e.g. CASE-000123 */
  reference: z.string().optional(),
  status: ZCaseStatus,
  priority: ZPriority,
  tier: ZTier,
  team: z.string().nullable().optional(),
  queue: z.string().nullable().optional(),
  /** LL brands */
  brand: z.enum(['TSM', 'HB']).nullable().optional(),
  channel: ZChannel.nullable().optional(),
  /** free-form case flags set by staff, e.g. CALLBACK_EXCEPTION_GRANTED */
  flags: z.array(z.string()).default([]),
  rmaCount: ZCount.default(0),
  /** refund count per booking refund reason (CARE-B1) */
  refundsByReason: z.record(z.string(), ZCount).default({}),
  /** monthly subscription billings refunded (LL-1 threshold: more than 3) */
  monthlyBillingsRefunded: ZCount.default(0),
  /** program purchase refunds (LL-1 threshold: 4 or more) */
  programPurchaseRefunds: ZCount.default(0),
  lastRefundProcessedAt: ZZonedIsoTime.nullable().optional(),
  lastRefundReceived: z.boolean().optional(),
  /** provider refunded the customer offline and the cancellation fee is still owed (CARE-B2) */
  cancellationFeeOwed: z.boolean().optional(),
  subscription: ZSubscription.optional(),
  customer: ZCustomerFacts.default({ signInMethods: [] }),
});
export type TCaseFacts = z.infer<typeof ZCaseFacts>;

export const ZSignals = z.strictObject({
  /**
   * agent-set flags, e.g. SOS_HIGH_RISK, PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE. A flag named like
   * a trigger code the pack listens for (e.g. LEGAL_THREAT) raises that trigger directly.
   */
  agentFlags: z.array(z.string()).default([]),
  jobStatus: ZJobStatus.optional(),
  /** a Tier 1 supervisor has approved contacting Tier 2 (CIN-2) */
  supervisorApproved: z.boolean().optional(),
  /** customer sentiment as scored by the agent or an upstream analyzer, -1 … 1 (TON-8) */
  sentiment: z.number().min(-1).max(1).optional(),
  /** further named values; rules can compare them with the `signal` condition */
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
});
export type TSignals = z.infer<typeof ZSignals>;

export const ZEvaluationInput = z.strictObject({
  orgSlug: z.string().min(1),
  case: ZCaseFacts,
  /** what the customer said or wrote */
  customerText: z.string().default(''),
  /** the agent's note on the case */
  agentNote: z.string().default(''),
  signals: ZSignals.default({ agentFlags: [], values: {} }),
  actorRole: ZActorRole,
  /** the evaluation time, with offset; the engine never reads a clock */
  now: ZZonedIsoTime,
});
export type TEvaluationInput = z.infer<typeof ZEvaluationInput>;
/** What callers may pass before defaults are applied. */
export type TEvaluationInputRaw = z.input<typeof ZEvaluationInput>;

// ─── Decision ──────────────────────────────────────────────────────────────────

export const ZTextEvidence = z.strictObject({
  kind: z.literal('text'),
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  field: z.string(),
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

// ─── Reply checks ──────────────────────────────────────────────────────────────

export const ZReplyCheckInput = z.strictObject({
  /** the reply an agent is about to send */
  text: z.string(),
  customer: ZCustomerFacts.optional(),
  /** the customer's own words, used to tell a requested escalation from an unprompted offer */
  customerText: z.string().optional(),
  /** set when the customer asked for escalation outside the text given (e.g. on the phone) */
  customerAskedForEscalation: z.boolean().optional(),
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
