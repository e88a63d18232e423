import type { TDecision } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { activePolicy } from '../policy/index.js';
import { applyDecision, buildEvaluationInput, decide, loadCaseForEvaluation } from '../routing/index.js';

export const REFUND_KINDS = ['BOOKING', 'SUBSCRIPTION', 'PROGRAM'] as const;

export const ZRecordRefundInput = z.object({
  customerRef: z.string().trim().min(1, 'is required').max(200),
  caseId: z.string().min(1).nullish(),
  kind: z.enum(REFUND_KINDS).nullish(),
  /** the booking refund reason, e.g. "Provider no-show" */
  reason: z.string().trim().min(1, 'is required').max(200),
  amountCents: z.number().int().min(0).max(100_000_000),
  /** the provider refunded the seeker outside the platform */
  offline: z.boolean().nullish(),
  /** after an offline refund: the cancellation fee still has to be refunded (CARE-B2) */
  cancellationFeeOwed: z.boolean().nullish(),
  processedAt: z.date().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export interface RefundRouting {
  outcome: 'ESCALATED' | 'NOT_ESCALATED' | 'NO_CASE';
  policyVersion: number | null;
  triggers: string[];
  summary: string;
}

export interface RecordRefundResult {
  refundId: string;
  caseId: string | null;
  routing: RefundRouting;
}

/** Reasons are compared case- and space-insensitively: "Provider no-show" = "provider  NO-SHOW". */
export function refundReasonKey(reason: string): string {
  return reason.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Booking refunds of a member, counted per reason (CARE-B1). */
export async function bookingRefundsByReason(
  tx: TenantTransaction,
  customerId: string,
): Promise<Record<string, number>> {
  const refunds = await tx.refund.findMany({ where: { customerId, kind: 'BOOKING' }, select: { reason: true } });
  const counts: Record<string, number> = {};
  for (const refund of refunds) {
    const key = refundReasonKey(refund.reason);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Routes the case with the refund facts through the active policy (CARE-B1, CARE-B2): the
 * decision is applied when the policy escalates without an approval or a handoff note.
 */
async function routeWithRefundFacts(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  facts: { refundsByReason: Record<string, number>; cancellationFeeOwed: boolean; lastRefundProcessedAt: Date },
): Promise<RefundRouting> {
  const policy = await activePolicy(tx);
  const row = await loadCaseForEvaluation(tx, caseId);
  const evaluationInput = buildEvaluationInput(
    policy.compiled,
    row,
    { signals: { ...facts, cancellationFeeOwed: facts.cancellationFeeOwed || null } },
    context.viewer,
    context.now,
  );
  const decision: TDecision = decide(policy, evaluationInput);
  const triggers = [...new Set(decision.triggers.map((trigger) => trigger.code))];
  const base = { policyVersion: policy.version, triggers, summary: decision.explanation.summary };
  const movesCase =
    decision.outcome === 'ESCALATE' &&
    !decision.approval.required &&
    decision.requiredNoteFields.length === 0 &&
    (decision.target.tier !== null || decision.target.queue !== null);
  if (!movesCase) return { outcome: 'NOT_ESCALATED', ...base };
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  await applyDecision(tx, context, {
    caseId,
    expectedVersion: current.version,
    decision,
    policy: policy.compiled,
    policyVersion: policy.version,
    evaluationInput,
    note: null,
  });
  return { outcome: 'ESCALATED', ...base };
}

/** Records a refund in the member's history and, on a case, routes it by the refund facts. */
export async function recordRefund(
  context: Context,
  input: z.output<typeof ZRecordRefundInput>,
): Promise<RecordRefundResult> {
  const caseId = input.caseId ? input.caseId : null;
  if (input.cancellationFeeOwed && !input.offline) {
    throw new AppError('VALIDATION_FAILED', 'A cancellation fee is owed only after an offline refund', {
      rule: 'CARE-B2',
      fields: [{ path: 'input.cancellationFeeOwed', message: 'only with offline: true' }],
    });
  }
  return runIdempotent(context, 'recordRefund', input, input.idempotencyKey, async (tx) => {
    const customer = await tx.customer.findFirst({ where: { externalRef: input.customerRef } });
    if (!customer) {
      throw new AppError('NOT_FOUND', `No member with reference ${input.customerRef}`, {
        fields: [{ path: 'input.customerRef', message: 'unknown member' }],
      });
    }
    if (caseId && !(await tx.case.findUnique({ where: { id: caseId }, select: { id: true } }))) {
      throw AppError.notFound('Case');
    }
    const processedAt = input.processedAt ?? context.now;
    const refund = await tx.refund.create({
      data: {
        tenantId: context.viewer.tenantId,
        customerId: customer.id,
        caseId,
        kind: input.kind ?? 'BOOKING',
        reason: input.reason,
        amountCents: input.amountCents,
        offline: input.offline ?? false,
        processedAt,
      },
    });
    if (!caseId) {
      return {
        refundId: refund.id,
        caseId: null,
        routing: { outcome: 'NO_CASE', policyVersion: null, triggers: [], summary: 'no case to route' },
      };
    }
    const refundsByReason = await bookingRefundsByReason(tx, customer.id);
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'REFUND_RECORDED',
      data: {
        refundId: refund.id,
        kind: refund.kind,
        reason: refund.reason,
        amountCents: refund.amountCents,
        offline: refund.offline,
        cancellationFeeOwed: input.cancellationFeeOwed ?? false,
        refundsForReason: refundsByReason[refundReasonKey(refund.reason)] ?? 0,
      },
    });
    const routing = await routeWithRefundFacts(tx, context, caseId, {
      refundsByReason,
      cancellationFeeOwed: input.cancellationFeeOwed ?? false,
      lastRefundProcessedAt: processedAt,
    });
    return { refundId: refund.id, caseId, routing };
  });
}
