/**
 * The evaluation input: everything the evaluator needs about a case — including the time.
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
