import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  activatePolicyVersion,
  createPolicyVersion,
  ZActivatePolicyVersionInput,
  ZCreatePolicyVersionInput,
} from '../policy-versions.js';

builder.prismaNode('PolicyVersion', {
  id: { field: 'id' },
  description: 'One stored version of the organization’s escalation policy (X-3); exactly one is active',
  fields: (t) => ({
    version: t.exposeInt('version'),
    active: t.exposeBoolean('active'),
    comment: t.exposeString('comment', { nullable: true }),
    document: t.expose('document', { type: 'JSON', description: 'the policy pack' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  policyVersions: t.prismaField({
    type: ['PolicyVersion'],
    description: 'Stored policy versions of your organization, newest first',
    resolve: (query, _root, _args, context) =>
      context.db.policyVersion.findMany({ ...query, orderBy: { version: 'desc' }, take: 100 }),
  }),
  activePolicyVersion: t.prismaField({
    type: 'PolicyVersion',
    nullable: true,
    resolve: (query, _root, _args, context) =>
      context.db.policyVersion.findFirst({ ...query, where: { active: true } }),
  }),
}));

const PolicyVersionPayload = builder.objectRef<{ versionId: string }>('PolicyVersionPayload').implement({
  fields: (t) => ({
    policyVersion: t.prismaField({
      type: 'PolicyVersion',
      resolve: (query, result, _args, context) =>
        context.db.policyVersion.findUniqueOrThrow({ ...query, where: { id: result.versionId } }),
    }),
  }),
});

const CreatePolicyVersionInput = builder.inputType('CreatePolicyVersionInput', {
  fields: (t) => ({
    document: t.field({ type: 'JSON', required: true, description: 'the policy pack; every problem is reported' }),
    comment: t.string(),
    activate: t.boolean({ description: 'make it the active version right away' }),
    idempotencyKey: t.string(),
  }),
});

const ActivatePolicyVersionInput = builder.inputType('ActivatePolicyVersionInput', {
  fields: (t) => ({
    version: t.int({ required: true }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('createPolicyVersion', (t) =>
  t.field({
    type: PolicyVersionPayload,
    errors: {},
    args: { input: t.arg({ type: CreatePolicyVersionInput, required: true }) },
    resolve: (_root, args, context) => createPolicyVersion(context, parseInput(ZCreatePolicyVersionInput, args.input)),
  }),
);

builder.mutationField('activatePolicyVersion', (t) =>
  t.field({
    type: PolicyVersionPayload,
    errors: {},
    args: { input: t.arg({ type: ActivatePolicyVersionInput, required: true }) },
    resolve: (_root, args, context) =>
      activatePolicyVersion(context, parseInput(ZActivatePolicyVersionInput, args.input)),
  }),
);
