import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { type ReplayedCase, type ReplayResult, replayPolicy, ZReplayPolicyInput } from '../policy-replay.js';
import { RoutingDecisionRef } from './routing-decision.js';

const ReplayedCaseRef = builder.objectRef<ReplayedCase>('ReplayedCase').implement({
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case',
      resolve: (query, result, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
    }),
    differences: t.exposeStringList('differences', { description: 'which parts of the decision change' }),
    baseline: t.field({ type: RoutingDecisionRef, resolve: (result) => result.baseline }),
    candidate: t.field({ type: RoutingDecisionRef, resolve: (result) => result.candidate }),
  }),
});

const PolicyReplayRef = builder.objectRef<ReplayResult>('PolicyReplay').implement({
  fields: (t) => ({
    baselineVersion: t.exposeInt('baselineVersion'),
    candidateVersion: t.exposeInt('candidateVersion'),
    evaluated: t.exposeInt('evaluated', { description: 'cases replayed' }),
    changed: t.field({ type: [ReplayedCaseRef], resolve: (result) => result.changed }),
  }),
});

const ReplayPolicyInput = builder.inputType('ReplayPolicyInput', {
  fields: (t) => ({
    version: t.int({ description: 'a stored version to try' }),
    document: t.field({ type: 'JSON', description: 'or an unsaved candidate policy pack' }),
    baselineVersion: t.int({ description: 'compare against this version; the active one by default' }),
    since: t.field({ type: 'DateTime', required: true, description: 'replay cases created since then' }),
    limit: t.int({ description: 'at most this many recent cases (default 200, at most 500)' }),
  }),
});

builder.queryField('replayPolicy', (t) =>
  t.field({
    type: PolicyReplayRef,
    errors: {},
    description:
      'Which recent cases a candidate policy would decide differently, both decisions side by side. Changes nothing.',
    args: { input: t.arg({ type: ReplayPolicyInput, required: true }) },
    resolve: (_root, args, context) =>
      replayPolicy(context, parseInput(ZReplayPolicyInput, { ...args.input, limit: args.input.limit ?? undefined })),
  }),
);
