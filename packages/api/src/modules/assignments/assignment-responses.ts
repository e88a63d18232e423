import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';

export const ASSIGNMENT_RESPONSES = ['ACCEPT', 'REJECT', 'RETURN'] as const;
export type AssignmentResponse = (typeof ASSIGNMENT_RESPONSES)[number];

export const ZRespondInput = z.object({
  assignmentId: z.string().min(1),
  response: z.enum(ASSIGNMENT_RESPONSES),
  reason: z.string().trim().max(2000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

const TRANSITIONS: Record<AssignmentResponse, { from: string; to: string; event: string }> = {
  ACCEPT: { from: 'OFFERED', to: 'ACCEPTED', event: 'ASSIGNMENT_ACCEPTED' },
  REJECT: { from: 'OFFERED', to: 'REJECTED', event: 'ASSIGNMENT_REJECTED' },
  RETURN: { from: 'ACCEPTED', to: 'RETURNED', event: 'ASSIGNMENT_RETURNED' },
};

/** Roles that may reject or return on the assignee's behalf. */
const SUPERVISING_ROLES = ['lead', 'admin', 'tier1_supervisor'];

export interface RespondResult {
  assignmentId: string;
  caseClosed: boolean;
}

/**
 * Accept, reject or return an assignment. Only the assignee accepts; a supervisor may also
 * reject or return for them. SOL-5: when a resolution specialist rejects or returns a case
 * assignment, the case closes with reason CASE_VOIDED in the same transaction.
 */
export async function respondToAssignment(
  context: Context,
  input: z.output<typeof ZRespondInput>,
): Promise<RespondResult> {
  const assignmentId = input.assignmentId;
  const transition = TRANSITIONS[input.response];
  return runIdempotent(context, 'respondToAssignment', input, input.idempotencyKey, async (tx) => {
    const assignment = await tx.assignment.findUnique({
      where: { id: assignmentId },
      include: { assignee: { select: { id: true, name: true, role: true } } },
    });
    if (!assignment) {
      throw new AppError('NOT_FOUND', 'Assignment not found', {
        fields: [{ path: 'input.assignmentId', message: 'no such assignment' }],
      });
    }
    const isAssignee = assignment.assigneeId === context.viewer.userId;
    if (!isAssignee && (input.response === 'ACCEPT' || !SUPERVISING_ROLES.includes(context.viewer.role))) {
      throw AppError.forbidden(
        input.response === 'ACCEPT'
          ? 'Only the assignee can accept an assignment'
          : 'Only the assignee or a supervisor can reject or return an assignment',
      );
    }
    if (assignment.status !== transition.from) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Cannot ${input.response.toLowerCase()} an assignment that is ${assignment.status} (it must be ${transition.from})`,
        { details: { status: assignment.status } },
      );
    }
    if (input.response === 'ACCEPT' && assignment.expiresAt && assignment.expiresAt <= context.now) {
      throw new AppError('INVALID_TRANSITION', `The offer expired at ${assignment.expiresAt.toISOString()}`, {
        details: { status: 'EXPIRED' },
      });
    }
    // the status guard makes two concurrent responses race safely: one wins, the other changes nothing
    const updated = await tx.assignment.updateMany({
      where: { id: assignmentId, status: transition.from },
      data: { status: transition.to, respondedAt: context.now, reason: input.reason ?? assignment.reason },
    });
    if (updated.count === 0) {
      throw new AppError('INVALID_TRANSITION', `The assignment is no longer ${transition.from}`);
    }
    let caseIdForTimeline = assignment.caseId;
    if (assignment.taskId) {
      const task = await tx.task.findUnique({ where: { id: assignment.taskId }, select: { caseId: true } });
      caseIdForTimeline = task?.caseId ?? null;
    }
    await recordTimelineEvent(tx, context, {
      caseId: caseIdForTimeline,
      type: transition.event,
      data: {
        assignmentId,
        taskId: assignment.taskId,
        assignee: assignment.assignee ? { id: assignment.assignee.id, name: assignment.assignee.name } : null,
        status: { before: transition.from, after: transition.to },
        reason: input.reason ?? null,
      },
    });
    let caseClosed = false;
    if (input.response !== 'ACCEPT') {
      await releaseTarget(tx, assignment);
      if (assignment.caseId && assignment.assignee?.role === 'resolution_specialist') {
        caseClosed = await voidCase(tx, context, assignment.caseId, input.response);
      }
    }
    return { assignmentId, caseClosed };
  });
}

/** Clears the assignee on the case or task if it still points at this assignment's person. */
async function releaseTarget(
  tx: TenantTransaction,
  assignment: { caseId: string | null; taskId: string | null; assigneeId: string | null },
): Promise<void> {
  if (!assignment.assigneeId) return;
  if (assignment.caseId) {
    await tx.case.updateMany({
      where: { id: assignment.caseId, assigneeId: assignment.assigneeId },
      data: { assigneeId: null, version: { increment: 1 } },
    });
  }
  if (assignment.taskId) {
    await tx.task.updateMany({
      where: { id: assignment.taskId, assigneeId: assignment.assigneeId },
      data: { assigneeId: null, version: { increment: 1 } },
    });
  }
}

/** SOL-5: the case closes with reason CASE_VOIDED. */
async function voidCase(tx: TenantTransaction, context: Context, caseId: string, response: AssignmentResponse) {
  const before = await tx.case.findUnique({ where: { id: caseId }, select: { status: true, closeReason: true } });
  if (!before || before.status === 'CLOSED') return false;
  await tx.case.update({
    where: { id: caseId },
    data: { status: 'CLOSED', closeReason: 'CASE_VOIDED', closedAt: context.now, version: { increment: 1 } },
  });
  await recordTimelineEvent(tx, context, {
    caseId,
    type: 'CASE_CLOSED',
    data: {
      status: { before: before.status, after: 'CLOSED' },
      closeReason: { before: before.closeReason, after: 'CASE_VOIDED' },
      rule: 'SOL-5',
      because: `the resolution specialist ${response === 'REJECT' ? 'rejected' : 'returned'} the assignment`,
    },
  });
  return true;
}
