import { z } from 'zod';
import type { Context } from '../context.js';
import type { PrismaClient } from '../db/prisma-client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/zod-error.js';
import { parseId } from '../schema/global-id.js';
import { type AssignmentDirective, nobodyEligibleError, selectAssignee } from './assignment-candidates.js';
import { ASSIGNMENT_STRATEGIES, type AssignmentExplanation } from './assignment-eligibility.js';
import { runIdempotent } from './idempotency.js';
import { recordTimelineEvent } from './timeline.js';
import type { TenantTransaction } from './transaction.js';

export type AssignmentTarget = { caseId: string; taskId?: undefined } | { taskId: string; caseId?: undefined };

export interface OfferResult {
  assignmentId: string | null;
  explanation: AssignmentExplanation;
}

/** Statuses of a case that can no longer take an assignment. */
const CLOSED_CASE_STATUSES = ['RESOLVED', 'CLOSED'];
const CLOSED_TASK_STATUSES = ['DONE', 'CANCELLED'];

/**
 * Offers a case or task to the person a directive selects, in the caller's transaction:
 * locks the target (one active assignment at a time), locks the pool, picks, writes the
 * offer and the timeline. With `allowUnassigned`, nobody eligible leaves the target
 * unassigned (a backlog) instead of failing.
 */
export async function offerAssignment(
  tx: TenantTransaction,
  context: Context,
  request: {
    target: AssignmentTarget;
    directive: AssignmentDirective;
    reason?: string | null;
    expiresAt?: Date | null;
    allowUnassigned?: boolean;
    random?: (n: number) => number;
  },
): Promise<OfferResult> {
  const tenantId = context.viewer.tenantId;
  const { target } = request;
  let caseIdForTimeline: string | null;
  if (target.caseId) {
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status" FROM "Case" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${target.caseId}::uuid FOR UPDATE`;
    const status = locked[0]?.status;
    if (!status)
      throw new AppError('NOT_FOUND', 'Case not found', {
        fields: [{ path: 'input.caseId', message: 'no such case' }],
      });
    if (CLOSED_CASE_STATUSES.includes(status)) {
      throw new AppError('INVALID_TRANSITION', `A ${status} case cannot be assigned`, {
        fields: [{ path: 'input.caseId', message: `case is ${status}` }],
      });
    }
    caseIdForTimeline = target.caseId;
  } else {
    const locked = await tx.$queryRaw<{ status: string; caseId: string | null }[]>`
      SELECT "status", "caseId"::text AS "caseId" FROM "Task" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${target.taskId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row)
      throw new AppError('NOT_FOUND', 'Task not found', {
        fields: [{ path: 'input.taskId', message: 'no such task' }],
      });
    if (CLOSED_TASK_STATUSES.includes(row.status)) {
      throw new AppError('INVALID_TRANSITION', `A ${row.status} task cannot be assigned`, {
        fields: [{ path: 'input.taskId', message: `task is ${row.status}` }],
      });
    }
    caseIdForTimeline = row.caseId;
  }
  const active = await tx.assignment.findFirst({
    where: {
      ...(target.caseId ? { caseId: target.caseId } : { taskId: target.taskId }),
      status: { in: ['OFFERED', 'ACCEPTED'] },
    },
    include: { assignee: { select: { name: true } } },
  });
  if (active) {
    throw new AppError(
      'CONFLICT',
      `Already ${active.status.toLowerCase()} to ${active.assignee?.name ?? 'someone'}; it must be returned, rejected or expire first`,
      { details: { assignmentId: active.id } },
    );
  }
  const selection = await selectAssignee(
    tx,
    { id: tenantId, slug: context.viewer.tenantSlug },
    request.directive,
    context.now,
    request.random,
  );
  const chosen = selection.chosen;
  if (!chosen) {
    if (request.allowUnassigned) return { assignmentId: null, explanation: selection.explanation };
    throw nobodyEligibleError(selection.explanation);
  }
  const assignment = await tx.assignment.create({
    data: {
      tenantId,
      caseId: target.caseId ?? null,
      taskId: target.taskId ?? null,
      assigneeId: chosen.id,
      teamId: selection.teamId,
      strategy: request.directive.strategy,
      status: 'OFFERED',
      explanation: selection.explanation as object,
      reason: request.reason ?? null,
      createdById: context.viewer.userId,
      offeredAt: context.now,
      expiresAt: request.expiresAt ?? null,
    },
    select: { id: true },
  });
  await tx.user.update({ where: { id: chosen.id }, data: { lastAssignedAt: context.now } });
  if (target.caseId) {
    await tx.case.update({
      where: { id: target.caseId },
      data: { assigneeId: chosen.id, version: { increment: 1 } },
    });
  } else {
    await tx.task.update({
      where: { id: target.taskId },
      data: { assigneeId: chosen.id, teamId: selection.teamId ?? undefined, version: { increment: 1 } },
    });
  }
  await recordTimelineEvent(tx, context, {
    caseId: caseIdForTimeline,
    type: 'ASSIGNMENT_OFFERED',
    data: {
      assignmentId: assignment.id,
      taskId: target.taskId ?? null,
      assignee: { id: chosen.id, name: chosen.name },
      strategy: request.directive.strategy,
      reason: request.reason ?? null,
      expiresAt: request.expiresAt?.toISOString() ?? null,
    },
    decision: selection.explanation,
  });
  return { assignmentId: assignment.id, explanation: selection.explanation };
}

const ZAssignInput = z
  .object({
    caseId: z.string().nullish(),
    taskId: z.string().nullish(),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    assigneeId: z.string().nullish(),
    role: z.string().trim().min(1).max(40).nullish(),
    skill: z.string().trim().min(1).max(80).nullish(),
    team: z.string().trim().min(1).max(80).nullish(),
    reason: z.string().trim().max(2000).nullish(),
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullish(),
    idempotencyKey: z.string().min(1).max(200).nullish(),
  })
  .refine((input) => Boolean(input.caseId) !== Boolean(input.taskId), {
    message: 'give exactly one of caseId and taskId',
    path: ['caseId'],
  });

/** The `assign` mutation: offer a case or task by a strategy. */
export async function assign(context: Context, rawInput: unknown): Promise<OfferResult> {
  const input = parseInput(ZAssignInput, rawInput);
  const target: AssignmentTarget = input.caseId
    ? { caseId: parseId(input.caseId, 'Case', 'input.caseId') }
    : { taskId: parseId(input.taskId ?? '', 'Task', 'input.taskId') };
  const directive: AssignmentDirective = {
    strategy: input.strategy,
    assigneeId: input.assigneeId ? parseId(input.assigneeId, 'User', 'input.assigneeId') : null,
    role: input.role,
    skill: input.skill,
    team: input.team,
  };
  return runIdempotent(context, 'assign', input, input.idempotencyKey, (tx) =>
    offerAssignment(tx, context, {
      target,
      directive,
      reason: input.reason,
      expiresAt: input.expiresInMinutes ? new Date(context.now.getTime() + input.expiresInMinutes * 60_000) : null,
    }),
  );
}

export const ASSIGNMENT_RESPONSES = ['ACCEPT', 'REJECT', 'RETURN'] as const;
export type AssignmentResponse = (typeof ASSIGNMENT_RESPONSES)[number];

const ZRespondInput = z.object({
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
export async function respondToAssignment(context: Context, rawInput: unknown): Promise<RespondResult> {
  const input = parseInput(ZRespondInput, rawInput);
  const assignmentId = parseId(input.assignmentId, 'Assignment', 'input.assignmentId');
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

/**
 * Expires offers nobody answered in time (all organizations; run by the worker). Each
 * expiry is its own small transaction with a status guard, so a concurrent accept wins or loses cleanly.
 */
export async function expireOverdueOffers(db: PrismaClient, now: Date): Promise<number> {
  const overdue = await db.assignment.findMany({
    where: { status: 'OFFERED', expiresAt: { lte: now } },
    select: { id: true, tenantId: true, caseId: true, taskId: true, assigneeId: true },
    take: 200,
  });
  let expired = 0;
  for (const assignment of overdue) {
    await db.$transaction(async (tx) => {
      const updated = await tx.assignment.updateMany({
        where: { id: assignment.id, status: 'OFFERED' },
        data: { status: 'EXPIRED', respondedAt: now },
      });
      if (updated.count === 0) return;
      expired += 1;
      if (assignment.caseId && assignment.assigneeId) {
        await tx.case.updateMany({
          where: { id: assignment.caseId, tenantId: assignment.tenantId, assigneeId: assignment.assigneeId },
          data: { assigneeId: null, version: { increment: 1 } },
        });
      }
      let caseId = assignment.caseId;
      if (assignment.taskId) {
        const task = await tx.task.findUnique({ where: { id: assignment.taskId }, select: { caseId: true } });
        caseId = task?.caseId ?? null;
        if (assignment.assigneeId) {
          await tx.task.updateMany({
            where: { id: assignment.taskId, tenantId: assignment.tenantId, assigneeId: assignment.assigneeId },
            data: { assigneeId: null, version: { increment: 1 } },
          });
        }
      }
      await tx.timelineEvent.create({
        data: {
          tenantId: assignment.tenantId,
          caseId,
          actorId: null,
          type: 'ASSIGNMENT_EXPIRED',
          data: {
            assignmentId: assignment.id,
            taskId: assignment.taskId,
            status: { before: 'OFFERED', after: 'EXPIRED' },
          },
        },
      });
    });
  }
  return expired;
}
