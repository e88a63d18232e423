import type { TDecision, TEvaluationInput } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { changedMeanwhile } from '../../kernel/versioned-write.js';
import { requireCase, updateCaseGuarded } from '../cases/index.js';
import { policyByVersion } from '../policy/index.js';
import { mayDecideApproval } from './approvers.js';
import { applyDecision } from './decision-apply.js';

export const ZDecideApprovalInput = z.object({
  comment: z.string().trim().max(2000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export const ZRejectApprovalInput = ZDecideApprovalInput.extend({
  comment: z.string().trim().min(1, 'say why the escalation is rejected').max(2000),
});

export interface ApprovalDecisionResult {
  approvalId: string;
  caseId: string;
}

interface StoredApprovalInput {
  evaluationInput: TEvaluationInput;
  previousStatus: string;
}

async function claimPendingApproval(
  tx: TenantTransaction,
  context: Context,
  approvalId: string,
  status: 'APPROVED' | 'REJECTED',
  comment: string | null,
) {
  const approval = await tx.approval.findUnique({ where: { id: approvalId } });
  if (!approval) throw AppError.notFound('Approval');
  if (!(await mayDecideApproval(tx, context, approval.approverRole))) {
    throw AppError.forbidden(`Only a ${approval.approverRole} may decide this approval`, 'CIN-2');
  }
  if (approval.status !== 'PENDING') {
    throw new AppError('INVALID_TRANSITION', `The approval was already ${approval.status.toLowerCase()}`, {
      rule: 'CIN-2',
      details: { status: approval.status },
    });
  }
  // one decider wins even when two supervisors click at once
  const claimed = await tx.approval.updateMany({
    where: { id: approvalId, status: 'PENDING' },
    data: {
      status,
      decidedById: context.viewer.userId,
      decidedAt: context.now,
      ...(comment ? { reason: comment } : {}),
    },
  });
  if (claimed.count === 0) throw changedMeanwhile('approval');
  return approval;
}

/** A supervisor approves a pending escalation (CIN-2): the stored decision is applied now. */
export async function approveEscalation(
  context: Context,
  rawApprovalId: string,
  input: z.output<typeof ZDecideApprovalInput>,
): Promise<ApprovalDecisionResult> {
  const approvalId = rawApprovalId;
  return runIdempotent(context, 'approveEscalation', { approvalId, ...input }, input.idempotencyKey, async (tx) => {
    const approval = await claimPendingApproval(tx, context, approvalId, 'APPROVED', input.comment ?? null);
    const current = await requireCase(tx, approval.caseId, { version: true, status: true });
    const decision = approval.decision as unknown as TDecision;
    const stored = approval.input as unknown as StoredApprovalInput;
    await recordTimelineEvent(tx, context, {
      caseId: approval.caseId,
      type: 'APPROVAL_GRANTED',
      data: { approvalId, approverRole: approval.approverRole, comment: input.comment ?? null },
      policyVersion: approval.policyVersion,
    });
    const policy = await policyByVersion(tx, approval.policyVersion ?? 1);
    await applyDecision(tx, context, {
      caseId: approval.caseId,
      expectedVersion: current.version,
      decision,
      policy: policy.compiled,
      policyVersion: policy.version,
      evaluationInput: stored.evaluationInput,
      note: null,
      approvalId,
    });
    return { approvalId, caseId: approval.caseId };
  });
}

/** A supervisor rejects a pending escalation: the case returns to where it was, nothing else moves. */
export async function rejectEscalation(
  context: Context,
  rawApprovalId: string,
  input: z.output<typeof ZRejectApprovalInput>,
): Promise<ApprovalDecisionResult> {
  const approvalId = rawApprovalId;
  return runIdempotent(context, 'rejectEscalation', { approvalId, ...input }, input.idempotencyKey, async (tx) => {
    const approval = await claimPendingApproval(tx, context, approvalId, 'REJECTED', input.comment);
    const current = await requireCase(tx, approval.caseId, { version: true, status: true });
    const stored = approval.input as unknown as StoredApprovalInput;
    const restored = stored.previousStatus ?? 'OPEN';
    await updateCaseGuarded(tx, approval.caseId, current.version, { status: restored });
    await recordTimelineEvent(tx, context, {
      caseId: approval.caseId,
      type: 'APPROVAL_REJECTED',
      data: {
        approvalId,
        status: { before: current.status, after: restored },
        reason: input.comment,
      },
      policyVersion: approval.policyVersion,
    });
    return { approvalId, caseId: approval.caseId };
  });
}
