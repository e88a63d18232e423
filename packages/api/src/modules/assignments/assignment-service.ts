import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { type AssignmentDirective, nobodyEligibleError, selectAssignee } from './assignment-candidates.js';
import { ASSIGNMENT_STRATEGIES, type AssignmentExplanation } from './assignment-eligibility.js';

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

export const ZAssignInput = z
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
export async function assign(context: Context, input: z.output<typeof ZAssignInput>): Promise<OfferResult> {
  const target: AssignmentTarget = input.caseId ? { caseId: input.caseId } : { taskId: input.taskId ?? '' };
  const directive: AssignmentDirective = {
    strategy: input.strategy,
    assigneeId: input.assigneeId ? input.assigneeId : null,
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
