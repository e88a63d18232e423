import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import { assertCaseVersion, requireCase, updateCaseGuarded } from './case-guards.js';
import { CASE_STATUSES, type CaseStatus } from './case-vocabulary.js';
import { slaDataForStatus } from './sla.js';

/**
 * Allowed status changes. PENDING_APPROVAL is entered and left only through approvals
 * (CIN-2); CLOSED is entered only through closeCase (it needs a reason) and left only by a
 * reopen to NEW (CARE-R4).
 */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  NEW: ['OPEN', 'WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED'],
  OPEN: ['WAITING_ON_CUSTOMER', 'ESCALATED', 'RESOLVED'],
  WAITING_ON_CUSTOMER: ['OPEN', 'ESCALATED', 'RESOLVED'],
  ESCALATED: ['OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED'],
  PENDING_APPROVAL: [],
  RESOLVED: ['OPEN'],
  CLOSED: ['NEW'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

function transitionError(from: CaseStatus, to: CaseStatus): AppError {
  let hint = `allowed from ${from}: ${STATUS_TRANSITIONS[from].join(', ') || 'none'}`;
  if (from === 'PENDING_APPROVAL') hint = 'approve or reject the pending approval first';
  else if (to === 'CLOSED') hint = 'close a case with closeCase and a reason';
  else if (to === 'PENDING_APPROVAL') hint = 'escalate the case; the policy asks for approval when needed';
  return new AppError('INVALID_TRANSITION', `A case cannot go from ${from} to ${to}: ${hint}`, {
    fields: [{ path: 'input.status', message: hint }],
    details: { from, to, allowed: STATUS_TRANSITIONS[from] },
  });
}

export const ZChangeStatusInput = z.object({
  expectedVersion: z.number().int().min(1),
  status: z.enum(CASE_STATUSES),
  reason: z.string().trim().max(2000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export const ZCloseCaseInput = z.object({
  expectedVersion: z.number().int().min(1),
  reason: z.string().trim().min(1, 'is required').max(100),
  secondaryReason: z.string().trim().min(1).max(100).nullish(),
  finalComment: z.string().trim().min(1).max(20_000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

const SLA_FIELDS = {
  version: true,
  status: true,
  slaStartedAt: true,
  slaDueAt: true,
  slaPausedAt: true,
  slaBusinessMinutes: true,
  slaExplanation: true,
  closedAt: true,
} as const;

/** Changes the status along the transition table; SLA clocks pause while waiting on the customer. */
export async function changeStatus(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZChangeStatusInput>,
): Promise<{ caseId: string }> {
  const caseId = rawCaseId;
  return runIdempotent(context, 'changeStatus', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const current = await requireCase(tx, caseId, SLA_FIELDS);
    assertCaseVersion(current, input.expectedVersion);
    const from = current.status as CaseStatus;
    if (from === input.status) return { caseId };
    if (!canTransition(from, input.status)) throw transitionError(from, input.status);
    const reopened = from === 'CLOSED' || from === 'RESOLVED';
    await updateCaseGuarded(tx, caseId, input.expectedVersion, {
      status: input.status,
      ...(from === 'CLOSED' ? { closedAt: null, closeReason: null, closeSecondaryReason: null } : {}),
      ...(await slaDataForStatus(tx, current, input.status, context.now)),
    });
    await recordTimelineEvent(tx, context, {
      caseId,
      type: reopened ? 'CASE_REOPENED' : 'STATUS_CHANGED',
      data: {
        status: { before: from, after: input.status },
        ...(input.reason ? { reason: input.reason } : {}),
        ...(from === 'CLOSED' ? { rule: 'CARE-R4' } : {}),
      },
    });
    return { caseId };
  });
}

/** Closes a case with a reason and a secondary reason, optionally with a final comment. */
export async function closeCase(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZCloseCaseInput>,
): Promise<{ caseId: string }> {
  const caseId = rawCaseId;
  return runIdempotent(context, 'closeCase', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const current = await requireCase(tx, caseId, { ...SLA_FIELDS, closeReason: true, closeSecondaryReason: true });
    assertCaseVersion(current, input.expectedVersion);
    const from = current.status as CaseStatus;
    if (from === 'CLOSED') {
      throw new AppError('INVALID_TRANSITION', 'The case is already closed', { details: { from, to: 'CLOSED' } });
    }
    if (from === 'PENDING_APPROVAL') throw transitionError(from, 'CLOSED');
    await updateCaseGuarded(tx, caseId, input.expectedVersion, {
      status: 'CLOSED',
      closedAt: context.now,
      closeReason: input.reason,
      closeSecondaryReason: input.secondaryReason ?? null,
      slaPausedAt: null,
    });
    if (input.finalComment) {
      const comment = await tx.caseComment.create({
        data: {
          tenantId: context.viewer.tenantId,
          caseId,
          authorId: context.viewer.userId,
          kind: 'FINAL',
          body: input.finalComment,
        },
        select: { id: true },
      });
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'COMMENT_ADDED',
        data: { commentId: comment.id, kind: 'FINAL', body: input.finalComment },
      });
    }
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'CASE_CLOSED',
      data: {
        status: { before: from, after: 'CLOSED' },
        closeReason: { before: current.closeReason, after: input.reason },
        closeSecondaryReason: { before: current.closeSecondaryReason, after: input.secondaryReason ?? null },
      },
    });
    return { caseId };
  });
}
