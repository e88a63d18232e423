import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  REFUND_KINDS,
  type RecordRefundResult,
  recordRefund,
  refundReasonKey,
  ZRecordRefundInput,
} from '../refund-service.js';

const RefundKindEnum = builder.enumType('RefundKind', { values: REFUND_KINDS });
const RefundRoutingOutcomeEnum = builder.enumType('RefundRoutingOutcome', {
  values: ['ESCALATED', 'NOT_ESCALATED', 'NO_CASE'] as const,
  description: 'ESCALATED: the policy moved the case (e.g. to Tier 2, CARE-B1/B2); NO_CASE: recorded without a case',
});

builder.prismaNode('Refund', {
  id: { field: 'id' },
  description: 'A refund to a member (CARE-B1, CARE-B2)',
  fields: (t) => ({
    kind: t.field({ type: RefundKindEnum, resolve: (row) => row.kind as (typeof REFUND_KINDS)[number] }),
    reason: t.exposeString('reason'),
    amountCents: t.exposeInt('amountCents'),
    offline: t.exposeBoolean('offline', { description: 'refunded by the provider outside the platform' }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    customer: t.relation('customer'),
    case: t.relation('case', { nullable: true }),
  }),
});

const RefundReasonCountRef = builder.objectRef<{ reason: string; count: number }>('RefundReasonCount').implement({
  fields: (t) => ({ reason: t.exposeString('reason'), count: t.exposeInt('count') }),
});

builder.prismaObjectFields('Customer', (t) => ({
  refunds: t.relation('refunds', {
    description: 'refund history, newest first',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 },
  }),
  bookingRefundsByReason: t.field({
    type: [RefundReasonCountRef],
    description:
      'booking refunds per reason (case- and space-insensitive, spelled as first recorded), most first (CARE-B1)',
    select: {
      refunds: { where: { kind: 'BOOKING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { reason: true } },
    },
    resolve: (customer) => {
      const counts = new Map<string, { reason: string; count: number }>();
      for (const refund of customer.refunds) {
        const key = refundReasonKey(refund.reason);
        const entry = counts.get(key) ?? { reason: refund.reason, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
      return [...counts.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    },
  }),
}));

const RecordRefundInput = builder.inputType('RecordRefundInput', {
  fields: (t) => ({
    customerRef: t.string({ required: true }),
    caseId: t.id({ description: 'the case the refund was asked on; it is routed with the refund facts' }),
    kind: t.field({ type: RefundKindEnum, description: 'default BOOKING' }),
    reason: t.string({ required: true, description: 'booking refund reason' }),
    amountCents: t.int({ required: true }),
    offline: t.boolean({ description: 'the provider refunded the seeker outside the platform' }),
    cancellationFeeOwed: t.boolean({
      description: 'after an offline refund, the cancellation fee must still be refunded',
    }),
    processedAt: t.field({ type: 'DateTime' }),
    idempotencyKey: t.string(),
  }),
});

const RefundRoutingRef = builder.objectRef<RecordRefundResult['routing']>('RefundRouting').implement({
  fields: (t) => ({
    outcome: t.field({ type: RefundRoutingOutcomeEnum, resolve: (routing) => routing.outcome }),
    policyVersion: t.exposeInt('policyVersion', { nullable: true }),
    triggers: t.exposeStringList('triggers'),
    summary: t.exposeString('summary'),
  }),
});

const RecordRefundPayload = builder.objectRef<RecordRefundResult>('RecordRefundPayload').implement({
  fields: (t) => ({
    refund: t.prismaField({
      type: 'Refund',
      resolve: (query, payload, _args, context) =>
        context.db.refund.findUniqueOrThrow({ ...query, where: { id: payload.refundId } }),
    }),
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      resolve: (query, payload, _args, context) =>
        payload.caseId ? context.db.case.findUnique({ ...query, where: { id: payload.caseId } }) : null,
    }),
    routing: t.field({ type: RefundRoutingRef, resolve: (payload) => payload.routing }),
  }),
});

builder.mutationField('recordRefund', (t) =>
  t.field({
    type: RecordRefundPayload,
    errors: {},
    description:
      'Records a refund in the member’s history; on a case, routes it by the refund facts (third refund for one reason CARE-B1, offline refund with the cancellation fee owed CARE-B2)',
    args: { input: t.arg({ type: RecordRefundInput, required: true }) },
    resolve: (_root, args, context) => recordRefund(context, parseInput(ZRecordRefundInput, args.input)),
  }),
);
