import { type CompiledPolicy, JOB_STATUSES, parseEvaluationInput, type TEvaluationInput } from '@escalate/rules';
import { z } from 'zod';
import type { Viewer } from '../../context.js';
import { refuseRecordedSignals, withoutRecordedSignals } from '../../kernel/recorded-signals.js';
import { RESOLUTION_LEAD_SKILL } from '../assignments/index.js';

/**
 * Structured signals an agent or an integration sends with a routing request, and that a case
 * keeps (Case.signals). Facts about the case (counts, dates) sit next to agent flags.
 */
export const ZRoutingSignals = z.object({
  agentFlags: z.array(z.string().trim().min(1).max(100)).max(50).nullish(),
  sentiment: z.number().min(-1).max(1).nullish(),
  supervisorApproved: z.boolean().nullish(),
  jobStatus: z.enum(JOB_STATUSES).nullish(),
  rmaCount: z.number().int().min(0).max(1000).nullish(),
  monthlyBillingsRefunded: z.number().int().min(0).max(1000).nullish(),
  programPurchaseRefunds: z.number().int().min(0).max(1000).nullish(),
  refundsByReason: z.record(z.string().max(100), z.number().int().min(0)).nullish(),
  lastRefundProcessedAt: z.coerce.date().nullish(),
  lastRefundReceived: z.boolean().nullish(),
  cancellationFeeOwed: z.boolean().nullish(),
  values: z.record(z.string().max(100), z.union([z.number(), z.string().max(500), z.boolean()])).nullish(),
});
export type TRoutingSignals = z.infer<typeof ZRoutingSignals>;

/** Signals as a caller may send them: the recorded ones are refused, naming the field. */
export const ZCallerSignals = ZRoutingSignals.superRefine((signals, ctx) => refuseRecordedSignals(signals, ctx));

/** Stored signals are read leniently: a key that does not fit is ignored, never fatal. */
export function storedSignals(raw: unknown): TRoutingSignals {
  if (!raw || typeof raw !== 'object') return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = ZRoutingSignals.shape[key as keyof typeof ZRoutingSignals.shape];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) result[key] = parsed.data;
  }
  return withoutRecordedSignals(result) as TRoutingSignals;
}

/** Newer signals win; agent flags and named values accumulate. */
export function mergeSignals(base: TRoutingSignals, update: TRoutingSignals | null | undefined): TRoutingSignals {
  if (!update) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) if (value !== undefined && value !== null) merged[key] = value;
  merged.agentFlags = [...new Set([...(base.agentFlags ?? []), ...(update.agentFlags ?? [])])].sort();
  merged.values = { ...(base.values ?? {}), ...(update.values ?? {}) };
  return merged as TRoutingSignals;
}

export interface CaseForEvaluation {
  id: string;
  number: number;
  status: string;
  priority: string;
  tier: string;
  brand: string | null;
  channel: string | null;
  subject: string;
  description: string | null;
  signals: unknown;
  /** SOL-7: someone with the Resolution Lead skill can take a warm transfer now */
  resolutionLeadAvailable?: boolean | null;
  team: { slug: string } | null;
  queue: { slug: string } | null;
  customer: {
    preferredName: string | null;
    legalName: string | null;
    signInMethods: string[];
    rmaCount: number;
    refunds?: { kind: string; reason: string; processedAt: Date | null }[];
  } | null;
  /** CIN-2: approvals on record that a supervisor granted */
  approvals?: { id: string }[];
}

/** What the routing query needs from the case row. */
export const caseEvaluationSelect = {
  id: true,
  number: true,
  status: true,
  priority: true,
  tier: true,
  brand: true,
  channel: true,
  subject: true,
  description: true,
  signals: true,
  team: { select: { slug: true } },
  queue: { select: { slug: true } },
  customer: {
    select: {
      preferredName: true,
      legalName: true,
      signInMethods: true,
      rmaCount: true,
      refunds: { select: { kind: true, reason: true, processedAt: true } },
    },
  },
  approvals: { where: { status: 'APPROVED' }, select: { id: true }, take: 1 },
} as const;

/** Booking refunds on file per reason (case- and space-insensitive), and the latest processed one. */
export function recordedRefundFacts(refunds: readonly { kind: string; reason: string; processedAt: Date | null }[]) {
  const refundsByReason: Record<string, number> = {};
  let lastRefundProcessedAt: Date | null = null;
  for (const refund of refunds) {
    if (refund.processedAt && (!lastRefundProcessedAt || refund.processedAt > lastRefundProcessedAt)) {
      lastRefundProcessedAt = refund.processedAt;
    }
    if (refund.kind !== 'BOOKING') continue;
    const key = refund.reason.trim().toLowerCase().replace(/\s+/g, ' ');
    refundsByReason[key] = (refundsByReason[key] ?? 0) + 1;
  }
  return { refundsByReason, lastRefundProcessedAt };
}

export interface RoutingRequest {
  /** what the customer said or wrote now; the case's subject and description when absent */
  text?: string | null;
  agentNote?: string | null;
  signals?: TRoutingSignals | null;
}

/** SOL-7: the Resolution Lead's availability now, for packs that declare that transfer skill; sent values win. */
function availabilityFacts(policy: CompiledPolicy, row: CaseForEvaluation): Record<string, boolean> {
  const declared = policy.pack.roles.some((role) => role.slug === RESOLUTION_LEAD_SKILL && role.kind === 'skill');
  return declared && row.resolutionLeadAvailable != null
    ? { resolutionLeadAvailable: row.resolutionLeadAvailable }
    : {};
}

export function caseReference(number: number): string {
  return `CASE-${String(number).padStart(6, '0')}`;
}

/**
 * Builds the rules engine's input from the stored case, its customer and the new request.
 * Deterministic: the same case, request and time give the same input.
 */
export function buildEvaluationInput(
  policy: CompiledPolicy,
  row: CaseForEvaluation,
  request: RoutingRequest,
  viewer: Pick<Viewer, 'role'>,
  at: Date,
): TEvaluationInput {
  const signals = mergeSignals(storedSignals(row.signals), request.signals);
  const stored = row.signals && typeof row.signals === 'object' ? (row.signals as Record<string, unknown>) : {};
  const caseFlags = Array.isArray(stored.flags) ? stored.flags.filter((flag) => typeof flag === 'string') : [];
  const customerText = request.text ?? [row.subject, row.description].filter(Boolean).join('\n');
  const customer = row.customer;
  // facts on record win; the refund flow passes the counts it just recorded as request facts
  const onFile = recordedRefundFacts(customer?.refunds ?? []);
  const refundsByReason = signals.refundsByReason ?? onFile.refundsByReason;
  const lastRefundProcessedAt = signals.lastRefundProcessedAt ?? onFile.lastRefundProcessedAt;
  const supervisorApproved = (row.approvals?.length ?? 0) > 0;
  return parseEvaluationInput({
    orgSlug: policy.pack.orgSlug,
    case: {
      id: row.id,
      reference: caseReference(row.number),
      status: row.status,
      priority: row.priority,
      tier: row.tier,
      team: row.team?.slug ?? null,
      queue: row.queue?.slug ?? null,
      brand: row.brand === 'TSM' || row.brand === 'HB' ? row.brand : null,
      channel: row.channel,
      flags: caseFlags,
      rmaCount: customer?.rmaCount ?? 0,
      refundsByReason,
      monthlyBillingsRefunded: signals.monthlyBillingsRefunded ?? 0,
      programPurchaseRefunds: signals.programPurchaseRefunds ?? 0,
      lastRefundProcessedAt: lastRefundProcessedAt?.toISOString() ?? null,
      ...(signals.lastRefundReceived != null ? { lastRefundReceived: signals.lastRefundReceived } : {}),
      ...(signals.cancellationFeeOwed != null ? { cancellationFeeOwed: signals.cancellationFeeOwed } : {}),
      customer: {
        ...(customer?.preferredName ? { preferredName: customer.preferredName } : {}),
        ...(customer?.legalName ? { legalName: customer.legalName } : {}),
        signInMethods: customer?.signInMethods ?? [],
      },
    },
    customerText,
    agentNote: request.agentNote ?? '',
    signals: {
      agentFlags: signals.agentFlags ?? [],
      ...(signals.jobStatus ? { jobStatus: signals.jobStatus } : {}),
      ...(supervisorApproved ? { supervisorApproved } : {}),
      ...(signals.sentiment != null ? { sentiment: signals.sentiment } : {}),
      values: { ...availabilityFacts(policy, row), ...(signals.values ?? {}) },
    },
    actorRole: viewer.role,
    now: at.toISOString(),
  });
}
