import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { type EscalationResult, escalateCase, ZEscalateCaseInput } from '../escalation.js';
import { routeCase, ZRouteCaseInput } from '../routing.js';
import { RoutingDecisionRef } from './routing-decision.js';

export const RoutingSignalsInput = builder.inputType('RoutingSignalsInput', {
  description: 'Structured facts next to the free text: agent flags, counts, dates, sentiment',
  fields: (t) => ({
    agentFlags: t.stringList({ description: 'e.g. SOS_HIGH_RISK, HEALTH_SAFETY, TIME_SENSITIVE' }),
    sentiment: t.float({ description: 'customer sentiment, -1 (angry) … 1 (happy) (TON-8)' }),
    supervisorApproved: t.boolean({ description: 'a Tier 1 supervisor already approved contacting Tier 2 (CIN-2)' }),
    jobStatus: t.string({ description: 'field-service job state (CIN-9)' }),
    rmaCount: t.int({ description: 'returns/RMAs on the member (TON-7)' }),
    monthlyBillingsRefunded: t.int(),
    programPurchaseRefunds: t.int(),
    refundsByReason: t.field({ type: 'JSON', description: 'refund count per booking refund reason' }),
    lastRefundProcessedAt: t.field({ type: 'DateTime' }),
    lastRefundReceived: t.boolean(),
    cancellationFeeOwed: t.boolean(),
    values: t.field({ type: 'JSON', description: 'further named values rules can compare' }),
  }),
});

const RouteCaseInput = builder.inputType('RouteCaseInput', {
  fields: (t) => ({
    text: t.string({ description: "the customer's words; the case's subject and description when absent" }),
    agentNote: t.string(),
    signals: t.field({ type: RoutingSignalsInput }),
    at: t.field({ type: 'DateTime', description: 'evaluate as of this instant (replays); now by default' }),
    policyVersion: t.int({ description: 'a stored policy version; the active one by default' }),
  }),
});

const EscalateCaseInput = builder.inputType('EscalateCaseInput', {
  fields: (t) => ({
    expectedVersion: t.int({ required: true, description: 'the case version this escalation is based on (X-4)' }),
    text: t.string({ description: "the customer's words; the case's subject and description when absent" }),
    agentNote: t.string(),
    signals: t.field({ type: RoutingSignalsInput }),
    note: t.field({
      type: 'JSON',
      description:
        'handoff note: the fields the policy requires, e.g. { reason, stepsTaken, offersMade, helpNeeded } (TON-4)',
    }),
    idempotencyKey: t.string({ description: 'repeat the request with the same key to get the first result (X-4)' }),
  }),
});

const EscalationOutcomeEnum = builder.enumType('EscalationOutcome', {
  values: ['APPLIED', 'PENDING_APPROVAL'] as const,
  description: 'APPLIED: the case moved; PENDING_APPROVAL: it waits for an approver (CIN-2)',
});

const EscalateCasePayload = builder.objectRef<EscalationResult>('EscalateCasePayload').implement({
  fields: (t) => ({
    outcome: t.field({ type: EscalationOutcomeEnum, resolve: (result) => result.outcome }),
    decision: t.field({ type: RoutingDecisionRef, resolve: (result) => result }),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, result, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
    }),
    approval: t.prismaField({
      type: 'Approval',
      nullable: true,
      resolve: (query, result, _args, context) =>
        result.approvalId ? context.db.approval.findUnique({ ...query, where: { id: result.approvalId } }) : null,
    }),
  }),
});

builder.queryField('routeCase', (t) =>
  t.field({
    type: RoutingDecisionRef,
    errors: {},
    description:
      'Dry run (X-2): what the active policy decides for this case and the new text/signals. Changes nothing.',
    args: {
      caseId: t.arg.id({ required: true }),
      input: t.arg({ type: RouteCaseInput }),
    },
    resolve: (_root, args, context) =>
      routeCase(context, String(args.caseId), parseInput(ZRouteCaseInput, args.input ?? {})),
  }),
);

builder.mutationField('escalateCase', (t) =>
  t.field({
    type: EscalateCasePayload,
    errors: {},
    description:
      'Applies the policy decision: approval first when required (CIN-2), handoff note before the queue (TON-4), then queue → status → priority (TON-5), notifications and timeline.',
    args: {
      caseId: t.arg.id({ required: true }),
      input: t.arg({ type: EscalateCaseInput, required: true }),
    },
    resolve: (_root, args, context) =>
      escalateCase(context, String(args.caseId), parseInput(ZEscalateCaseInput, args.input)),
  }),
);
