import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { writeVersioned } from '../../kernel/versioned-write.js';
import type { AssignmentDirective } from '../assignments/index.js';
import { ASSIGNMENT_STRATEGIES, type AssignmentExplanation, offerAssignment } from '../assignments/index.js';

export const TASK_KINDS = [
  'BBB',
  'SOCIAL_MEDIA',
  'TIER3_BACKLOG',
  'DISPATCH',
  'PURCHASING_REQUEST',
  'RECORDING_REQUEST',
  'SAFETY_REVIEW',
  'EXECUTIVE_CALLBACK',
  'FOLLOW_UP',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Kinds whose fields are a validated form: they are created by their own mutation. */
const FORM_KINDS: Partial<Record<TaskKind, string>> = {
  PURCHASING_REQUEST: 'submitPurchasingRequest',
  RECORDING_REQUEST: 'requestRecording',
  SAFETY_REVIEW: 'requestSafetyReview',
};

/** Who takes a task of a kind when the request names nobody (the procedures' defaults). */
const DEFAULT_ASSIGNMENT: Partial<Record<TaskKind, AssignmentDirective>> = {
  // CIN-7: the T3 backlog is assigned randomly and automatically to Tier 3 associates
  TIER3_BACKLOG: { strategy: 'RANDOM', team: 'tier3' },
  // CIN-9: dispatch tasks go to each member of the dispatch team in turn
  DISPATCH: { strategy: 'ROUND_ROBIN', team: 'dispatch' },
};

export interface NewTask {
  kind: TaskKind;
  title: string;
  caseId?: string | null;
  dueAt?: Date | null;
  data?: Record<string, unknown>;
  /** explicit assignment; otherwise the kind's default, if its team exists */
  assignment?: AssignmentDirective | null;
  /** team that owns the task when nobody is assigned */
  team?: string | null;
  /** an explicit directive that finds nobody leaves the task unassigned instead of failing */
  allowUnassigned?: boolean;
}

export interface CreateTaskResult {
  taskId: string;
  assignmentId: string | null;
  assignmentExplanation: AssignmentExplanation | null;
}

/**
 * Creates a task (and, when a directive applies, offers it) in the caller's transaction.
 * A default assignment that finds nobody eligible leaves the task in its team's backlog.
 */
export async function createTaskInTransaction(
  tx: TenantTransaction,
  context: Context,
  task: NewTask,
): Promise<CreateTaskResult> {
  if (task.caseId) {
    const found = await tx.case.findUnique({ where: { id: task.caseId }, select: { id: true } });
    if (!found) {
      throw new AppError('NOT_FOUND', 'Case not found', {
        fields: [{ path: 'input.caseId', message: 'no such case' }],
      });
    }
  }
  let directive = task.assignment ?? null;
  const isDefault = !directive;
  if (!directive) {
    const fallback = DEFAULT_ASSIGNMENT[task.kind];
    if (fallback?.team && (await tx.team.findFirst({ where: { slug: fallback.team }, select: { id: true } }))) {
      directive = fallback;
    }
  }
  const teamSlug = task.team ?? directive?.team ?? null;
  let teamId: string | null = null;
  if (teamSlug) {
    const team = await tx.team.findFirst({ where: { slug: teamSlug }, select: { id: true } });
    if (!team) {
      throw new AppError('VALIDATION_FAILED', `Unknown team "${teamSlug}"`, {
        fields: [{ path: 'input.team', message: 'no team with this slug in your organization' }],
      });
    }
    teamId = team.id;
  }
  const created = await tx.task.create({
    data: {
      tenantId: context.viewer.tenantId,
      caseId: task.caseId ?? null,
      kind: task.kind,
      title: task.title,
      teamId,
      dueAt: task.dueAt ?? null,
      data: (task.data ?? {}) as object,
      createdById: context.viewer.userId,
    },
    select: { id: true },
  });
  await recordTimelineEvent(tx, context, {
    caseId: task.caseId ?? null,
    type: 'TASK_CREATED',
    data: { taskId: created.id, kind: task.kind, title: task.title, team: teamSlug },
  });
  if (!directive) return { taskId: created.id, assignmentId: null, assignmentExplanation: null };
  const offer = await offerAssignment(tx, context, {
    target: { taskId: created.id },
    directive,
    reason: isDefault ? `default assignment for ${task.kind} tasks` : null,
    allowUnassigned: isDefault || task.allowUnassigned === true,
  });
  return { taskId: created.id, assignmentId: offer.assignmentId, assignmentExplanation: offer.explanation };
}

const ZTaskData = z
  .record(z.string(), z.unknown())
  .refine((data) => JSON.stringify(data).length <= 20_000, { message: 'at most 20,000 characters of JSON' });

export const ZCreateTaskInput = z
  .object({
    kind: z.enum(TASK_KINDS),
    title: z.string().trim().min(1, 'is required').max(500),
    caseId: z.string().nullish(),
    dueAt: z.date().nullish(),
    team: z.string().trim().min(1).max(80).nullish(),
    assigneeId: z.string().nullish(),
    strategy: z.enum(ASSIGNMENT_STRATEGIES).nullish(),
    data: ZTaskData.nullish(),
    idempotencyKey: z.string().min(1).max(200).nullish(),
  })
  .superRefine((input, ctx) => {
    const dedicated = FORM_KINDS[input.kind];
    if (dedicated) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `${input.kind} tasks are created with ${dedicated}` });
    }
    if (input.strategy && input.strategy !== 'DIRECT' && !input.team) {
      ctx.addIssue({ code: 'custom', path: ['team'], message: `required for ${input.strategy}` });
    }
  });

export async function createTask(
  context: Context,
  input: z.output<typeof ZCreateTaskInput>,
): Promise<CreateTaskResult> {
  const caseId = input.caseId ? input.caseId : null;
  const assigneeId = input.assigneeId ? input.assigneeId : null;
  let assignment: AssignmentDirective | null = null;
  if (assigneeId) assignment = { strategy: 'DIRECT', assigneeId, team: input.team };
  else if (input.strategy && input.team) assignment = { strategy: input.strategy, team: input.team };
  return runIdempotent(context, 'createTask', input, input.idempotencyKey, (tx) =>
    createTaskInTransaction(tx, context, {
      kind: input.kind,
      title: input.title,
      caseId,
      dueAt: input.dueAt,
      data: input.data ?? {},
      team: input.team,
      assignment,
    }),
  );
}

const ALLOWED_TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  TODO: ['IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['TODO', 'BLOCKED', 'DONE', 'CANCELLED'],
  BLOCKED: ['TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED'],
  DONE: ['IN_PROGRESS'],
  CANCELLED: [],
};

const TASK_SUPERVISING_ROLES = ['tier1_supervisor', 'tier2', 'lead', 'admin'];

export const ZUpdateTaskStatusInput = z.object({
  taskId: z.string().min(1),
  status: z.enum(TASK_STATUSES),
  version: z.number().int().min(1),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/** Moves a task on the board; optimistic concurrency on `version`. */
export async function updateTaskStatus(
  context: Context,
  input: z.output<typeof ZUpdateTaskStatusInput>,
): Promise<{ taskId: string }> {
  const taskId = input.taskId;
  return runIdempotent(context, 'updateTaskStatus', input, input.idempotencyKey, async (tx) => {
    const task = await tx.task.findUnique({ where: { id: taskId } });
    if (!task) {
      throw new AppError('NOT_FOUND', 'Task not found', {
        fields: [{ path: 'input.taskId', message: 'no such task' }],
      });
    }
    if (task.assigneeId !== context.viewer.userId && !TASK_SUPERVISING_ROLES.includes(context.viewer.role)) {
      throw AppError.forbidden('Only the assignee or a supervisor can move this task');
    }
    const from = task.status as TaskStatus;
    if (from !== input.status && !ALLOWED_TASK_TRANSITIONS[from].includes(input.status)) {
      throw new AppError('INVALID_TRANSITION', `A task cannot go from ${from} to ${input.status}`, {
        fields: [
          {
            path: 'input.status',
            message: `allowed from ${from}: ${ALLOWED_TASK_TRANSITIONS[from].join(', ') || 'none'}`,
          },
        ],
      });
    }
    await writeVersioned(
      'Task',
      input.version,
      () =>
        tx.task.updateMany({
          where: { id: taskId, version: input.version },
          data: { status: input.status, version: { increment: 1 } },
        }),
      async () => (await tx.task.findUnique({ where: { id: taskId }, select: { version: true } }))?.version ?? null,
      'input.version',
    );
    await recordTimelineEvent(tx, context, {
      caseId: task.caseId,
      type: 'TASK_STATUS_CHANGED',
      data: { taskId, kind: task.kind, status: { before: from, after: input.status } },
    });
    return { taskId };
  });
}
