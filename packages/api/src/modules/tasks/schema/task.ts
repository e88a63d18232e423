import { builder } from '../../../edge/builder.js';
import { checkPageArguments } from '../../../edge/connection-arguments.js';
import { parseInput } from '../../../errors/zod-error.js';
import { AssignmentStrategyEnum } from '../../assignments/schema/assignment.js';
import { type DistributeBacklogResult, distributeBacklog, ZDistributeBacklogInput } from '../task-backlog.js';
import { taskWhere } from '../task-filter.js';
import {
  requestRecording,
  requestSafetyReview,
  type SafetyReviewResult,
  submitPurchasingRequest,
  ZPurchasingRequestForm,
  ZRecordingRequestInput,
  ZSafetyReviewInput,
} from '../task-forms.js';
import {
  type CreateTaskResult,
  createTask,
  TASK_KINDS,
  TASK_STATUSES,
  type TaskKind,
  type TaskStatus,
  updateTaskStatus,
  ZCreateTaskInput,
  ZUpdateTaskStatusInput,
} from '../task-service.js';

export const TaskKindEnum = builder.enumType('TaskKind', { values: TASK_KINDS });
export const TaskStatusEnum = builder.enumType('TaskStatus', { values: TASK_STATUSES });

builder.prismaNode('Task', {
  id: { field: 'id' },
  description: 'Work linked to a case: BBB and social-media escalations, the Tier 3 backlog, dispatch, forms…',
  fields: (t) => ({
    kind: t.field({ type: TaskKindEnum, resolve: (row) => row.kind as TaskKind }),
    title: t.exposeString('title'),
    status: t.field({ type: TaskStatusEnum, resolve: (row) => row.status as TaskStatus }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    data: t.expose('data', { type: 'JSON', description: 'kind-specific fields, e.g. the purchasing form' }),
    version: t.exposeInt('version', { description: 'send it back with status changes' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    case: t.relation('case', { nullable: true }),
    assignee: t.relation('assignee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    assignments: t.relation('assignments', { query: { orderBy: { offeredAt: 'desc' }, take: 20 } }),
  }),
});

builder.prismaObjectField('Case', 'tasks', (t) =>
  t.relation('tasks', { query: { orderBy: { createdAt: 'asc' }, take: 100 }, description: 'Tasks of this case' }),
);

const TaskFilterInput = builder.inputType('TaskFilter', {
  fields: (t) => ({
    kind: t.field({ type: [TaskKindEnum] }),
    status: t.field({ type: [TaskStatusEnum] }),
    team: t.string({ description: 'team slug' }),
    assigneeId: t.id(),
    mine: t.boolean({ description: "only the viewer's tasks" }),
    unassigned: t.boolean({ description: 'only tasks nobody holds (the backlog)' }),
  }),
});

builder.queryField('tasks', (t) =>
  t.prismaConnection({
    type: 'Task',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    args: { filter: t.arg({ type: TaskFilterInput }) },
    description: 'Tasks of your organization, newest first',
    resolve: (query, _root, args, context) => {
      return context.db.task.findMany({
        ...query,
        where: taskWhere(args.filter, context.viewer.userId),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
);

interface BoardColumn {
  status: TaskStatus;
  count: number;
  where: ReturnType<typeof taskWhere>;
}

const TaskBoardColumnRef = builder.objectRef<BoardColumn>('TaskBoardColumn').implement({
  description: 'One status column of a task board',
  fields: (t) => ({
    status: t.field({ type: TaskStatusEnum, resolve: (column) => column.status }),
    count: t.exposeInt('count'),
    tasks: t.prismaField({
      type: ['Task'],
      args: { first: t.arg.int({ defaultValue: 50 }) },
      description: 'the column’s tasks, earliest due first (at most 100)',
      resolve: (query, column, args, context) => {
        checkPageArguments({ first: args.first });
        return context.db.task.findMany({
          ...query,
          where: { ...column.where, status: column.status },
          orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
          take: args.first ?? 50,
        });
      },
    }),
  }),
});

builder.queryField('taskBoard', (t) =>
  t.field({
    type: [TaskBoardColumnRef],
    description: 'CIN-6: tasks grouped by status, one column per status in board order',
    args: { filter: t.arg({ type: TaskFilterInput }) },
    resolve: async (_root, args, context) => {
      const where = taskWhere(args.filter, context.viewer.userId);
      const groups = await context.db.task.groupBy({ by: ['status'], where, _count: { _all: true } });
      const statuses = (where.status as { in?: TaskStatus[] } | undefined)?.in ?? TASK_STATUSES;
      return TASK_STATUSES.filter((status) => statuses.includes(status)).map((status) => ({
        status,
        count: groups.find((group) => group.status === status)?._count._all ?? 0,
        where,
      }));
    },
  }),
);

const TaskPayload = builder.objectRef<CreateTaskResult>('TaskPayload').implement({
  fields: (t) => ({
    task: t.prismaField({
      type: 'Task',
      resolve: (query, payload, _args, context) =>
        context.db.task.findUniqueOrThrow({ ...query, where: { id: payload.taskId } }),
    }),
    assignment: t.prismaField({
      type: 'Assignment',
      nullable: true,
      resolve: (query, payload, _args, context) =>
        payload.assignmentId
          ? context.db.assignment.findUnique({ ...query, where: { id: payload.assignmentId } })
          : null,
    }),
    assignmentExplanation: t.field({
      type: 'JSON',
      nullable: true,
      description: 'who was eligible and why the assignee was chosen (or why nobody was)',
      resolve: (payload) => payload.assignmentExplanation,
    }),
  }),
});

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  fields: (t) => ({
    kind: t.field({ type: TaskKindEnum, required: true }),
    title: t.string({ required: true }),
    caseId: t.id(),
    dueAt: t.field({ type: 'DateTime' }),
    team: t.string({ description: 'team slug that owns the task' }),
    assigneeId: t.id({ description: 'assign directly to this person' }),
    strategy: t.field({ type: AssignmentStrategyEnum, description: 'or pick within the team by a strategy' }),
    data: t.field({ type: 'JSON' }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('createTask', (t) =>
  t.field({
    type: TaskPayload,
    errors: {},
    description:
      'Create a task. TIER3_BACKLOG tasks are assigned randomly to an eligible Tier 3 member (CIN-7), DISPATCH tasks round robin',
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    resolve: (_root, args, context) => createTask(context, parseInput(ZCreateTaskInput, args.input)),
  }),
);

const UpdateTaskStatusInput = builder.inputType('UpdateTaskStatusInput', {
  fields: (t) => ({
    taskId: t.id({ required: true }),
    status: t.field({ type: TaskStatusEnum, required: true }),
    version: t.int({ required: true }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('updateTaskStatus', (t) =>
  t.field({
    type: TaskPayload,
    errors: {},
    args: { input: t.arg({ type: UpdateTaskStatusInput, required: true }) },
    resolve: async (_root, args, context) => {
      const { taskId } = await updateTaskStatus(context, parseInput(ZUpdateTaskStatusInput, args.input));
      return { taskId, assignmentId: null, assignmentExplanation: null };
    },
  }),
);

const DistributeBacklogInput = builder.inputType('DistributeBacklogInput', {
  fields: (t) => ({
    team: t.string({ description: 'team slug (default tier3)' }),
    kind: t.field({ type: TaskKindEnum, description: 'default TIER3_BACKLOG' }),
    limit: t.int({ description: 'at most this many tasks (default 1000)' }),
  }),
});

const AssigneeCountRef = builder.objectRef<{ userId: string; count: number }>('AssigneeCount').implement({
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      resolve: (query, row, _args, context) =>
        context.db.user.findUniqueOrThrow({ ...query, where: { id: row.userId } }),
    }),
    count: t.exposeInt('count'),
  }),
});

const DistributeBacklogPayload = builder.objectRef<DistributeBacklogResult>('DistributeBacklogPayload').implement({
  fields: (t) => ({
    assigned: t.exposeInt('assigned'),
    leftInBacklog: t.exposeInt('leftInBacklog'),
    byAssignee: t.field({ type: [AssigneeCountRef], resolve: (payload) => payload.byAssignee }),
  }),
});

builder.mutationField('distributeBacklog', (t) =>
  t.field({
    type: DistributeBacklogPayload,
    errors: {},
    description: 'CIN-7: assign unassigned backlog tasks randomly among eligible team members',
    args: { input: t.arg({ type: DistributeBacklogInput }) },
    resolve: (_root, args, context) =>
      distributeBacklog(context, parseInput(ZDistributeBacklogInput, args.input ?? {})),
  }),
);

const PurchasingUrgencyEnum = builder.enumType('PurchasingUrgency', { values: ['NORMAL', 'HIGH', 'URGENT'] as const });

const PurchasingRequestInput = builder.inputType('PurchasingRequestInput', {
  description: 'CIN-10: the Purchasing escalation form',
  fields: (t) => ({
    caseId: t.id(),
    serviceJobNumber: t.string({ required: true }),
    orderNumber: t.string({ required: true }),
    itemDescription: t.string({ required: true }),
    vendor: t.string(),
    informationNeeded: t.string({ required: true, description: 'what Purchasing must answer to move the job' }),
    urgency: t.field({ type: PurchasingUrgencyEnum }),
    neededBy: t.field({ type: 'DateTime' }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('submitPurchasingRequest', (t) =>
  t.field({
    type: TaskPayload,
    errors: {},
    args: { input: t.arg({ type: PurchasingRequestInput, required: true }) },
    resolve: (_root, args, context) => submitPurchasingRequest(context, parseInput(ZPurchasingRequestForm, args.input)),
  }),
);

const RecordingRequestInput = builder.inputType('RecordingRequestInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    interactionId: t.string({ required: true, description: 'the recording or interaction id' }),
    recordedAt: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('requestRecording', (t) =>
  t.field({
    type: TaskPayload,
    errors: {},
    description: 'SOL-9: request an interaction recording; older than 90 days only for resolution specialists',
    args: { input: t.arg({ type: RecordingRequestInput, required: true }) },
    resolve: (_root, args, context) => requestRecording(context, parseInput(ZRecordingRequestInput, args.input)),
  }),
);

const SafetyReviewInput = builder.inputType('SafetyReviewInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    reason: t.string({ required: true }),
    idempotencyKey: t.string(),
  }),
});

const SafetyReviewPayload = builder.objectRef<SafetyReviewResult>('SafetyReviewPayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created', { description: 'false when an open safety review already existed' }),
    task: t.prismaField({
      type: 'Task',
      resolve: (query, payload, _args, context) =>
        context.db.task.findUniqueOrThrow({ ...query, where: { id: payload.taskId } }),
    }),
    assignment: t.prismaField({
      type: 'Assignment',
      nullable: true,
      resolve: (query, payload, _args, context) =>
        payload.assignmentId
          ? context.db.assignment.findUnique({ ...query, where: { id: payload.assignmentId } })
          : null,
    }),
  }),
});

builder.mutationField('requestSafetyReview', (t) =>
  t.field({
    type: SafetyReviewPayload,
    errors: {},
    description: 'CARE-G3: bring the Member Review and Safety team onto the case',
    args: { input: t.arg({ type: SafetyReviewInput, required: true }) },
    resolve: (_root, args, context) => requestSafetyReview(context, parseInput(ZSafetyReviewInput, args.input)),
  }),
);
