import { z } from 'zod';
import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '../assignment-eligibility.js';
import {
  ASSIGNMENT_RESPONSES,
  type RespondResult,
  respondToAssignment,
  ZRespondInput,
} from '../assignment-responses.js';
import { assign, type OfferResult, ZAssignInput } from '../assignment-service.js';

export const ASSIGNMENT_STATUSES = ['OFFERED', 'ACCEPTED', 'REJECTED', 'RETURNED', 'EXPIRED'] as const;
type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const AssignmentStatusEnum = builder.enumType('AssignmentStatus', { values: ASSIGNMENT_STATUSES });
export const AssignmentStrategyEnum = builder.enumType('AssignmentStrategy', { values: ASSIGNMENT_STRATEGIES });
const AssignmentResponseEnum = builder.enumType('AssignmentResponse', { values: ASSIGNMENT_RESPONSES });

builder.prismaNode('Assignment', {
  id: { field: 'id' },
  description: 'An offer of a case or task to a person: OFFERED → ACCEPTED, or REJECTED / RETURNED / EXPIRED',
  fields: (t) => ({
    status: t.field({ type: AssignmentStatusEnum, resolve: (row) => row.status as AssignmentStatus }),
    strategy: t.field({ type: AssignmentStrategyEnum, resolve: (row) => row.strategy as AssignmentStrategy }),
    explanation: t.expose('explanation', {
      type: 'JSON',
      description: 'who was considered, who was eligible, who was excluded and why, and why the assignee was chosen',
    }),
    reason: t.exposeString('reason', { nullable: true }),
    offeredAt: t.expose('offeredAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    assignee: t.relation('assignee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    case: t.relation('case', { nullable: true }),
    task: t.relation('task', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'assignments', (t) =>
  t.relation('assignments', {
    query: { orderBy: { offeredAt: 'desc' }, take: 50 },
    description: 'Offers of this case, newest first',
  }),
);

const AssignmentFilterInput = builder.inputType('AssignmentFilter', {
  fields: (t) => ({
    status: t.field({ type: [AssignmentStatusEnum] }),
    assigneeId: t.id(),
    mine: t.boolean({ description: "only the viewer's own assignments" }),
  }),
});

const ZAssignmentFilter = z
  .object({
    status: z.array(z.enum(ASSIGNMENT_STATUSES)).max(5).nullish(),
    assigneeId: z.string().max(200).nullish(),
    mine: z.boolean().nullish(),
  })
  .nullish();

builder.queryField('assignments', (t) =>
  t.prismaConnection({
    type: 'Assignment',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    args: { filter: t.arg({ type: AssignmentFilterInput }) },
    description: 'Assignments in your organization, newest first',
    resolve: (query, _root, args, context) => {
      const filter = parseInput(ZAssignmentFilter, args.filter, 'filter');
      return context.db.assignment.findMany({
        ...query,
        where: {
          ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
          ...(filter?.assigneeId ? { assigneeId: filter.assigneeId } : {}),
          ...(filter?.mine ? { assigneeId: context.viewer.userId } : {}),
        },
        orderBy: [{ offeredAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
);

const AssignInput = builder.inputType('AssignInput', {
  fields: (t) => ({
    caseId: t.id({ description: 'the case to assign (or taskId)' }),
    taskId: t.id({ description: 'the task to assign (or caseId)' }),
    strategy: t.field({ type: AssignmentStrategyEnum, required: true }),
    assigneeId: t.id({ description: 'DIRECT: the person' }),
    role: t.string({ description: 'DIRECT: whoever holds this role' }),
    skill: t.string({ description: 'DIRECT: whoever has this routing skill, e.g. tsm-escalations-lead' }),
    team: t.string({ description: 'team slug: the pool for ROUND_ROBIN, LEAST_LOADED and RANDOM' }),
    reason: t.string(),
    expiresInMinutes: t.int({ description: 'the offer expires when not accepted in time' }),
    idempotencyKey: t.string(),
  }),
});

const AssignPayload = builder.objectRef<OfferResult>('AssignPayload').implement({
  fields: (t) => ({
    assignment: t.prismaField({
      type: 'Assignment',
      resolve: (query, payload, _args, context) =>
        context.db.assignment.findUniqueOrThrow({ ...query, where: { id: payload.assignmentId ?? '' } }),
    }),
    explanation: t.field({ type: 'JSON', resolve: (payload) => payload.explanation }),
  }),
});

builder.mutationField('assign', (t) =>
  t.field({
    type: AssignPayload,
    errors: {},
    description: 'Offer a case or task to one person chosen by a strategy; the choice is explained',
    args: { input: t.arg({ type: AssignInput, required: true }) },
    resolve: (_root, args, context) => assign(context, parseInput(ZAssignInput, args.input)),
  }),
);

const RespondToAssignmentInput = builder.inputType('RespondToAssignmentInput', {
  fields: (t) => ({
    assignmentId: t.id({ required: true }),
    response: t.field({ type: AssignmentResponseEnum, required: true }),
    reason: t.string(),
    idempotencyKey: t.string(),
  }),
});

const RespondToAssignmentPayload = builder.objectRef<RespondResult>('RespondToAssignmentPayload').implement({
  fields: (t) => ({
    assignment: t.prismaField({
      type: 'Assignment',
      resolve: (query, payload, _args, context) =>
        context.db.assignment.findUniqueOrThrow({ ...query, where: { id: payload.assignmentId } }),
    }),
    caseClosed: t.exposeBoolean('caseClosed', {
      description: 'true when the response closed the case (SOL-5: CASE_VOIDED)',
    }),
  }),
});

builder.mutationField('respondToAssignment', (t) =>
  t.field({
    type: RespondToAssignmentPayload,
    errors: {},
    description: 'ACCEPT or REJECT an offer, or RETURN an accepted assignment',
    args: { input: t.arg({ type: RespondToAssignmentInput, required: true }) },
    resolve: (_root, args, context) => respondToAssignment(context, parseInput(ZRespondInput, args.input)),
  }),
);
