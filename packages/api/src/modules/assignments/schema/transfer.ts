import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  completeWarmTransfer,
  startWarmTransfer,
  type WarmTransferAdvice,
  warmTransferTarget,
  ZCompleteInput,
  ZStartInput,
} from '../warm-transfer.js';

const TRANSFER_OUTCOMES = ['PENDING', 'ANSWERED', 'VOICEMAIL'] as const;
const TransferOutcomeEnum = builder.enumType('TransferOutcome', { values: TRANSFER_OUTCOMES });
const WarmTransferActionEnum = builder.enumType('WarmTransferAction', {
  values: ['WARM_TRANSFER', 'VOICEMAIL'] as const,
});

builder.prismaNode('TransferAttempt', {
  id: { field: 'id' },
  description: 'SOL-7: a warm transfer to the Resolution Lead skill, or the voicemail it fell back to',
  fields: (t) => ({
    outcome: t.field({
      type: TransferOutcomeEnum,
      resolve: (row) => row.outcome as (typeof TRANSFER_OUTCOMES)[number],
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    deadlineAt: t.expose('deadlineAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    targetUser: t.relation('targetUser', { nullable: true }),
    case: t.relation('case'),
  }),
});

builder.prismaObjectField('Case', 'transferAttempts', (t) =>
  t.relation('transferAttempts', { query: { orderBy: { startedAt: 'desc' }, take: 50 } }),
);

const ConsideredLeadRef = builder
  .objectRef<WarmTransferAdvice['considered'][number]>('WarmTransferCandidate')
  .implement({
    fields: (t) => ({
      user: t.prismaField({
        type: 'User',
        resolve: (query, row, _args, context) =>
          context.db.user.findUniqueOrThrow({ ...query, where: { id: row.userId } }),
      }),
      available: t.exposeBoolean('available'),
      why: t.exposeString('why'),
    }),
  });

const WarmTransferAdviceRef = builder.objectRef<WarmTransferAdvice>('WarmTransferAdvice').implement({
  fields: (t) => ({
    action: t.field({ type: WarmTransferActionEnum, resolve: (advice) => advice.action }),
    target: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, advice, _args, context) =>
        advice.targetUserId ? context.db.user.findUnique({ ...query, where: { id: advice.targetUserId } }) : null,
    }),
    waitSeconds: t.exposeInt('waitSeconds'),
    explanation: t.exposeString('explanation'),
    considered: t.field({ type: [ConsideredLeadRef], resolve: (advice) => advice.considered }),
  }),
});

builder.queryField('warmTransferTarget', (t) =>
  t.field({
    type: WarmTransferAdviceRef,
    errors: {},
    description: 'SOL-7: warm transfer to an available Resolution Lead (wait 30 s), or voicemail — as of now',
    args: { caseId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => warmTransferTarget(context, String(args.caseId)),
  }),
);

const TransferPayload = builder.objectRef<{ transferAttemptId: string }>('TransferAttemptPayload').implement({
  fields: (t) => ({
    transferAttempt: t.prismaField({
      type: 'TransferAttempt',
      resolve: (query, payload, _args, context) =>
        context.db.transferAttempt.findUniqueOrThrow({ ...query, where: { id: payload.transferAttemptId } }),
    }),
  }),
});

const StartWarmTransferInput = builder.inputType('StartWarmTransferInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    at: t.field({ type: 'DateTime', description: 'when the transfer started (telephony time); default now' }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('startWarmTransfer', (t) =>
  t.field({
    type: TransferPayload,
    errors: {},
    args: { input: t.arg({ type: StartWarmTransferInput, required: true }) },
    resolve: (_root, args, context) => startWarmTransfer(context, parseInput(ZStartInput, args.input)),
  }),
);

const CompleteWarmTransferInput = builder.inputType('CompleteWarmTransferInput', {
  fields: (t) => ({
    transferAttemptId: t.id({ required: true }),
    answered: t.boolean({ required: true }),
    at: t.field({
      type: 'DateTime',
      description: 'when the call was answered or given up (telephony time); default now',
    }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('completeWarmTransfer', (t) =>
  t.field({
    type: TransferPayload,
    errors: {},
    description: 'Answered within 30 s → ANSWERED; otherwise the call goes to voicemail (recorded)',
    args: { input: t.arg({ type: CompleteWarmTransferInput, required: true }) },
    resolve: (_root, args, context) => completeWarmTransfer(context, parseInput(ZCompleteInput, args.input)),
  }),
);
