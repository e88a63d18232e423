import type { TReplyFinding } from '@escalate/rules';
import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import type { EscalationResult } from '../../routing/index.js';
import {
  GENDER_IDENTITY_CATEGORIES,
  raiseGenderIdentityConcern,
  ZRaiseGenderIdentityConcernInput,
} from '../customer-gender-identity.js';
import { checkCaseReply, type ReplyCheckResult, ZCheckReplyArgs } from '../customer-reply-check.js';
import { type AddTeamToCaseResult, addTeamToCase, ZAddTeamToCaseInput } from '../customer-safety-team.js';
import { type UpsertCustomerResult, upsertCustomer, ZUpsertCustomerInput } from '../customer-service.js';

builder.prismaNode('Customer', {
  id: { field: 'id' },
  description: 'A member of your organization',
  fields: (t) => ({
    externalRef: t.exposeString('externalRef', { description: "the member's id in your systems" }),
    email: t.exposeString('email', { nullable: true }),
    legalName: t.exposeString('legalName', { nullable: true }),
    preferredName: t.exposeString('preferredName', {
      nullable: true,
      description: 'the name to address the member by (CARE-G2)',
    }),
    addressAs: t.string({
      description: 'the name replies use: the preferred name when set (CARE-G2)',
      select: { preferredName: true, legalName: true, externalRef: true },
      resolve: (row) => row.preferredName ?? row.legalName ?? row.externalRef,
    }),
    signInMethods: t.exposeStringList('signInMethods'),
    brand: t.exposeString('brand', { nullable: true }),
    rmaCount: t.exposeInt('rmaCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Case', 'customer', (t) =>
  t.relation('customer', { nullable: true, description: 'the member the case is about, when known' }),
);

builder.queryField('customer', (t) =>
  t.prismaField({
    type: 'Customer',
    nullable: true,
    args: { id: t.arg.id(), externalRef: t.arg.string() },
    description: 'A member by id or by your reference',
    resolve: (query, _root, args, context) => {
      if (args.id) {
        const id = String(args.id);
        return id ? context.db.customer.findUnique({ ...query, where: { id } }) : null;
      }
      if (args.externalRef)
        return context.db.customer.findFirst({ ...query, where: { externalRef: args.externalRef } });
      return null;
    },
  }),
);

const SignInMethodEnum = builder.enumType('SignInMethod', {
  values: ['password', 'google', 'apple', 'facebook', 'sso'] as const,
});

const UpsertCustomerInput = builder.inputType('UpsertCustomerInput', {
  fields: (t) => ({
    externalRef: t.string({ required: true }),
    email: t.string(),
    legalName: t.string(),
    preferredName: t.string(),
    signInMethods: t.field({ type: [SignInMethodEnum] }),
    brand: t.string(),
    rmaCount: t.int(),
    idempotencyKey: t.string(),
  }),
});

const UpsertCustomerPayload = builder.objectRef<UpsertCustomerResult>('UpsertCustomerPayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created'),
    customer: t.prismaField({
      type: 'Customer',
      resolve: (query, payload, _args, context) =>
        context.db.customer.findUniqueOrThrow({ ...query, where: { id: payload.customerId } }),
    }),
  }),
});

builder.mutationField('upsertCustomer', (t) =>
  t.field({
    type: UpsertCustomerPayload,
    errors: {},
    description: 'Creates or updates a member by your reference (integrations, admins, Tier 2, privacy staff)',
    args: { input: t.arg({ type: UpsertCustomerInput, required: true }) },
    resolve: (_root, args, context) => upsertCustomer(context, parseInput(ZUpsertCustomerInput, args.input)),
  }),
);

// ─── CARE-G3: Tier 2 brings Member Review and Safety onto the case ────────────────────────────

builder.prismaObject('CaseTeam', {
  description: 'A team brought onto a case besides the owning team (CARE-G3)',
  fields: (t) => ({
    team: t.relation('team'),
    addedAt: t.expose('addedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Case', 'additionalTeams', (t) =>
  t.relation('caseTeams', { description: 'teams brought in on the case', query: { orderBy: { addedAt: 'asc' } } }),
);

const AddTeamToCaseInput = builder.inputType('AddTeamToCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    team: t.string({ description: 'team slug; member-review-safety by default' }),
    createTask: t.boolean({
      description: 'open a SAFETY_REVIEW task for the team (default: yes for Member Review and Safety)',
    }),
    reason: t.string({ description: 'what the team should look at' }),
    idempotencyKey: t.string(),
  }),
});

const AddTeamToCasePayload = builder.objectRef<AddTeamToCaseResult>('AddTeamToCasePayload').implement({
  fields: (t) => ({
    added: t.exposeBoolean('added', { description: 'false when the team was on the case already' }),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, payload, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: payload.caseId } }),
    }),
    team: t.prismaField({
      type: 'Team',
      resolve: (query, payload, _args, context) =>
        context.db.team.findUniqueOrThrow({ ...query, where: { id: payload.teamId } }),
    }),
    taskId: t.id({
      nullable: true,
      description: 'the SAFETY_REVIEW task opened for the team, when one was',
      resolve: (payload) => payload.taskId,
    }),
  }),
});

builder.mutationField('addTeamToCase', (t) =>
  t.field({
    type: AddTeamToCasePayload,
    errors: {},
    description:
      'Tier 2 brings another team onto a case, by default Member Review and Safety with a review task (CARE-G3)',
    args: { input: t.arg({ type: AddTeamToCaseInput, required: true }) },
    resolve: (_root, args, context) => addTeamToCase(context, parseInput(ZAddTeamToCaseInput, args.input)),
  }),
);

// ─── CARE-G2: replies use the preferred name ───────────────────────────────────────────────────

const ReplyFindingRef = builder.objectRef<TReplyFinding>('ReplyFinding').implement({
  description: 'Something to fix in a reply before sending it, with its place in the text',
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    kind: t.exposeString('kind', { description: 'LEGAL_NAME_USED, FORBIDDEN_PHRASE or UNPROMPTED_ESCALATION_OFFER' }),
    requirementIds: t.exposeStringList('requirementIds'),
    phrase: t.exposeString('phrase'),
    start: t.exposeInt('start', { description: 'offset of the first character (UTF-16 code units)' }),
    end: t.exposeInt('end', { description: 'offset after the last character' }),
    message: t.exposeString('message'),
  }),
});

const ReplyCheckRef = builder.objectRef<ReplyCheckResult>('ReplyCheck').implement({
  fields: (t) => ({
    ok: t.boolean({ resolve: (result) => result.findings.length === 0 }),
    addressAs: t.exposeString('addressAs', {
      nullable: true,
      description: 'the name to use: the preferred name when set',
    }),
    policyVersion: t.exposeInt('policyVersion'),
    findings: t.field({ type: [ReplyFindingRef], resolve: (result) => result.findings }),
  }),
});

builder.queryField('checkReply', (t) =>
  t.field({
    type: ReplyCheckRef,
    errors: {},
    description:
      'Checks a reply before it is sent on a case: legal name instead of the preferred one (CARE-G2) and the policy’s other reply checks',
    args: { caseId: t.arg.id({ required: true }), text: t.arg.string({ required: true }) },
    resolve: (_root, args, context) =>
      checkCaseReply(context, parseInput(ZCheckReplyArgs, { caseId: String(args.caseId), text: args.text }, '')),
  }),
);

// ─── CARE-G1: gender identity concerns by category ─────────────────────────────────────────────

const GenderIdentityCategoryEnum = builder.enumType('GenderIdentityCategory', {
  values: GENDER_IDENTITY_CATEGORIES,
  description: 'The kinds of gender identity concerns Tier 2 handles (CARE-G1)',
});

const RaiseGenderIdentityConcernInput = builder.inputType('RaiseGenderIdentityConcernInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    category: t.field({ type: GenderIdentityCategoryEnum, required: true }),
    expectedVersion: t.int({ required: true, description: 'the case version this is based on (X-4)' }),
    text: t.string({ description: "the member's words, if any" }),
    idempotencyKey: t.string(),
  }),
});

const GenderIdentityConcernPayload = builder.objectRef<EscalationResult>('GenderIdentityConcernPayload').implement({
  fields: (t) => ({
    outcome: t.exposeString('outcome', { description: 'APPLIED or PENDING_APPROVAL' }),
    triggers: t.stringList({
      resolve: (result) => [...new Set(result.decision.triggers.map((trigger) => trigger.code))],
    }),
    summary: t.string({ resolve: (result) => result.decision.explanation.summary }),
    policyVersion: t.exposeInt('policyVersion'),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, result, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
    }),
  }),
});

builder.mutationField('raiseGenderIdentityConcern', (t) =>
  t.field({
    type: GenderIdentityConcernPayload,
    errors: {},
    description:
      'Escalates a case for a gender identity concern chosen by category; the policy routes it to Tier 2 (CARE-G1)',
    args: { input: t.arg({ type: RaiseGenderIdentityConcernInput, required: true }) },
    resolve: (_root, args, context) =>
      raiseGenderIdentityConcern(context, parseInput(ZRaiseGenderIdentityConcernInput, args.input)),
  }),
);
