import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  type ApprovalDecisionResult,
  approveEscalation,
  rejectEscalation,
  ZDecideApprovalInput,
  ZRejectApprovalInput,
} from '../approvals.js';
import { approverIdentities } from '../approvers.js';

const ApprovalStatusEnum = builder.enumType('ApprovalStatus', { values: ['PENDING', 'APPROVED', 'REJECTED'] as const });

builder.prismaNode('Approval', {
  id: { field: 'id' },
  description: 'An escalation waiting for (or decided by) an approver before the case moves (CIN-2)',
  fields: (t) => ({
    status: t.field({
      type: ApprovalStatusEnum,
      resolve: (row) => row.status as 'PENDING' | 'APPROVED' | 'REJECTED',
    }),
    approverRole: t.exposeString('approverRole'),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'why approval is needed, or the decider’s comment',
    }),
    decision: t.expose('decision', { type: 'JSON', description: 'the decision applied once approved' }),
    policyVersion: t.exposeInt('policyVersion', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    case: t.relation('case'),
    requestedBy: t.relation('requestedBy', { nullable: true }),
    decidedBy: t.relation('decidedBy', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'approvals', (t) =>
  t.relation('approvals', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
);

builder.queryField('pendingApprovals', (t) =>
  t.prismaConnection({
    type: 'Approval',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description:
      'Escalations waiting for an approver of your role or one of your skills (admins see all), oldest first',
    resolve: async (query, _root, _args, context) => {
      const approvers = context.viewer.role === 'admin' ? null : await approverIdentities(context.db, context);
      return context.db.approval.findMany({
        ...query,
        where: { status: 'PENDING', ...(approvers ? { approverRole: { in: approvers } } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);

const ApproveEscalationInput = builder.inputType('ApproveEscalationInput', {
  fields: (t) => ({
    comment: t.string(),
    idempotencyKey: t.string(),
  }),
});

const RejectEscalationInput = builder.inputType('RejectEscalationInput', {
  fields: (t) => ({
    comment: t.string({ required: true, description: 'why the escalation is rejected' }),
    idempotencyKey: t.string(),
  }),
});

const ApprovalDecisionPayload = builder.objectRef<ApprovalDecisionResult>('ApprovalDecisionPayload').implement({
  fields: (t) => ({
    approval: t.prismaField({
      type: 'Approval',
      resolve: (query, result, _args, context) =>
        context.db.approval.findUniqueOrThrow({ ...query, where: { id: result.approvalId } }),
    }),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, result, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
    }),
  }),
});

builder.mutationField('approveEscalation', (t) =>
  t.field({
    type: ApprovalDecisionPayload,
    errors: {},
    description:
      'Approve a pending escalation (the approval’s approver role, e.g. tier1_supervisor): the case moves now',
    args: { approvalId: t.arg.id({ required: true }), input: t.arg({ type: ApproveEscalationInput }) },
    resolve: (_root, args, context) =>
      approveEscalation(context, String(args.approvalId), parseInput(ZDecideApprovalInput, args.input ?? {})),
  }),
);

builder.mutationField('rejectEscalation', (t) =>
  t.field({
    type: ApprovalDecisionPayload,
    errors: {},
    description: 'Reject a pending escalation: the case returns to its previous status',
    args: { approvalId: t.arg.id({ required: true }), input: t.arg({ type: RejectEscalationInput, required: true }) },
    resolve: (_root, args, context) =>
      rejectEscalation(context, String(args.approvalId), parseInput(ZRejectApprovalInput, args.input)),
  }),
);
