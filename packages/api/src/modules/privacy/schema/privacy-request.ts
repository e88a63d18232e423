import { z } from 'zod';
import type { Prisma } from '../../../db/prisma-client.js';
import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { JURISDICTIONS, type Jurisdiction } from '../dsar-deadlines.js';
import { type ClosePrivacyCaseResult, closeCaseForPrivacyRequest } from '../privacy-case-close.js';
import {
  INTAKE_STATUSES,
  OPEN_PRIVACY_STATUSES,
  PRIVACY_REQUEST_STATUSES,
  PRIVACY_REQUEST_TYPES,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
  privacyRequestNumber,
  ZClosePrivacyCaseInput,
  ZCreatePrivacyRequestInput,
  ZDeletePrivacyRequestInput,
  ZExtendPrivacyRequestInput,
  ZUpdatePrivacyRequestInput,
} from '../privacy-request-rules.js';
import {
  createPrivacyRequest,
  deletePrivacyRequest,
  extendPrivacyRequest,
  type PrivacyRequestResult,
  updatePrivacyRequest,
} from '../privacy-request-service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const PrivacyRequestTypeEnum = builder.enumType('PrivacyRequestType', { values: PRIVACY_REQUEST_TYPES });
const PrivacyRequestStatusEnum = builder.enumType('PrivacyRequestStatus', { values: PRIVACY_REQUEST_STATUSES });
const PrivacyIntakeStatusEnum = builder.enumType('PrivacyIntakeStatus', {
  values: INTAKE_STATUSES,
  description:
    'REQUESTED when the identity is verified; COMPLETED_FAILED_VERIFICATION when the contact cannot be verified',
});
const JurisdictionEnum = builder.enumType('PrivacyJurisdiction', { values: JURISDICTIONS });
const DeadlineStateEnum = builder.enumType('PrivacyDeadlineState', {
  values: ['OVERDUE', 'DUE_SOON'] as const,
  description: 'OVERDUE: an open request past its due date; DUE_SOON: an open request due within dueWithinDays',
});

builder.prismaNode('PrivacyRequest', {
  id: { field: 'id' },
  description: 'A data subject request (DSAR) on a case (CARE-P1..P7)',
  fields: (t) => ({
    number: t.exposeInt('number'),
    name: t.string({
      description: 'Human-readable number, e.g. PR-000123 (CARE-P4)',
      select: { number: true },
      resolve: (row) => privacyRequestNumber(row.number),
    }),
    type: t.field({ type: PrivacyRequestTypeEnum, resolve: (row) => row.type as PrivacyRequestType }),
    status: t.field({ type: PrivacyRequestStatusEnum, resolve: (row) => row.status as PrivacyRequestStatus }),
    jurisdiction: t.field({ type: JurisdictionEnum, resolve: (row) => row.jurisdiction as Jurisdiction }),
    requesterName: t.exposeString('requesterName'),
    requesterEmail: t.exposeString('requesterEmail'),
    denialReason: t.exposeString('denialReason', { nullable: true }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'the request date' }),
    receiptDueAt: t.expose('receiptDueAt', {
      type: 'DateTime',
      nullable: true,
      description: 'CCPA: receipt must be confirmed by then (10 business days)',
    }),
    receiptConfirmedAt: t.expose('receiptSentAt', { type: 'DateTime', nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'response due (moved by an extension)' }),
    extendedAt: t.expose('extendedAt', { type: 'DateTime', nullable: true }),
    extensionReason: t.exposeString('extensionReason', { nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
    overdue: t.boolean({
      select: { status: true, dueAt: true, deletedAt: true },
      resolve: (row, _args, context) =>
        !row.deletedAt &&
        OPEN_PRIVACY_STATUSES.includes(row.status as PrivacyRequestStatus) &&
        row.dueAt.getTime() < context.now.getTime(),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    case: t.relation('case'),
    customer: t.relation('customer', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    updatedBy: t.relation('updatedBy', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'privacyRequests', (t) =>
  t.relation('privacyRequests', {
    description: 'Privacy requests of the case, oldest first; deleted ones are left out (CARE-P7)',
    query: { where: { deletedAt: null }, orderBy: { number: 'asc' } },
  }),
);

const PrivacyRequestFilter = builder.inputType('PrivacyRequestFilter', {
  fields: (t) => ({
    deadline: t.field({ type: DeadlineStateEnum }),
    dueWithinDays: t.int({ description: 'window for DUE_SOON, default 7' }),
    status: t.field({ type: [PrivacyRequestStatusEnum] }),
    jurisdiction: t.field({ type: JurisdictionEnum }),
    caseId: t.id(),
    includeDeleted: t.boolean(),
  }),
});

const ZPrivacyRequestFilter = z
  .object({
    deadline: z.enum(['OVERDUE', 'DUE_SOON']).nullish(),
    dueWithinDays: z.number().int().min(1).max(366).nullish(),
    status: z.array(z.enum(PRIVACY_REQUEST_STATUSES)).max(10).nullish(),
    jurisdiction: z.enum(JURISDICTIONS).nullish(),
    caseId: z.string().nullish(),
    includeDeleted: z.boolean().nullish(),
  })
  .nullish();

function privacyRequestWhere(rawFilter: unknown, now: Date): Prisma.PrivacyRequestWhereInput {
  const filter = parseInput(ZPrivacyRequestFilter, rawFilter, 'filter');
  const and: Prisma.PrivacyRequestWhereInput[] = [];
  if (!filter?.includeDeleted) and.push({ deletedAt: null });
  if (filter?.status?.length) and.push({ status: { in: filter.status } });
  if (filter?.jurisdiction) and.push({ jurisdiction: filter.jurisdiction });
  if (filter?.caseId) and.push({ caseId: filter.caseId });
  if (filter?.deadline) and.push({ status: { in: [...OPEN_PRIVACY_STATUSES] }, deletedAt: null });
  if (filter?.deadline === 'OVERDUE') and.push({ dueAt: { lt: now } });
  if (filter?.deadline === 'DUE_SOON') {
    const horizon = new Date(now.getTime() + (filter.dueWithinDays ?? 7) * DAY_MS);
    and.push({ dueAt: { gte: now, lt: horizon } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  privacyRequest: t.prismaField({
    type: 'PrivacyRequest',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = String(args.id);
      return id ? context.db.privacyRequest.findUnique({ ...query, where: { id } }) : null;
    },
  }),
  privacyRequests: t.prismaConnection({
    type: 'PrivacyRequest',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description: 'Privacy requests by due date (soonest first); filter OVERDUE or DUE_SOON for the deadline views',
    args: { filter: t.arg({ type: PrivacyRequestFilter }) },
    resolve: (query, _root, args, context) => {
      return context.db.privacyRequest.findMany({
        ...query,
        where: privacyRequestWhere(args.filter, context.now),
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));

const PrivacyRequestPayload = builder.objectRef<PrivacyRequestResult>('PrivacyRequestPayload').implement({
  fields: (t) => ({
    privacyRequest: t.prismaField({
      type: 'PrivacyRequest',
      resolve: (query, payload, _args, context) =>
        context.db.privacyRequest.findUniqueOrThrow({ ...query, where: { id: payload.privacyRequestId } }),
    }),
  }),
});

const idempotencyKey = { description: 'repeat the request with the same key to get the first result (X-4)' };

const CreatePrivacyRequestInput = builder.inputType('CreatePrivacyRequestInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    type: t.field({ type: PrivacyRequestTypeEnum, required: true }),
    status: t.field({ type: PrivacyIntakeStatusEnum, description: 'default REQUESTED' }),
    jurisdiction: t.field({ type: JurisdictionEnum, description: 'default CCPA' }),
    requesterName: t.string({ description: "default: the case customer's name" }),
    requesterEmail: t.string({ description: "default: the case customer's email" }),
    receivedAt: t.field({ type: 'DateTime', description: 'when the request was received; default now' }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const UpdatePrivacyRequestInput = builder.inputType('UpdatePrivacyRequestInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    type: t.field({ type: PrivacyRequestTypeEnum }),
    status: t.field({ type: PrivacyRequestStatusEnum }),
    denialReason: t.string({ description: 'required with status DENIED' }),
    requesterName: t.string(),
    requesterEmail: t.string(),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const ReasonedPrivacyRequestInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      id: t.id({ required: true }),
      reason: t.string({ required: true }),
      idempotencyKey: t.string(idempotencyKey),
    }),
  });
const DeletePrivacyRequestInput = ReasonedPrivacyRequestInput('DeletePrivacyRequestInput');
const ExtendPrivacyRequestInput = ReasonedPrivacyRequestInput('ExtendPrivacyRequestInput');

const ClosePrivacyCaseInput = builder.inputType('CloseCaseForPrivacyRequestInput', {
  fields: (t) => ({
    privacyRequestId: t.id({ required: true }),
    caseVersion: t.int({ description: 'the case version you saw; refused with CONFLICT if it changed' }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const ClosePrivacyCasePayload = builder
  .objectRef<ClosePrivacyCaseResult>('CloseCaseForPrivacyRequestPayload')
  .implement({
    fields: (t) => ({
      case: t.prismaField({
        type: 'Case',
        resolve: (query, payload, _args, context) =>
          context.db.case.findUniqueOrThrow({ ...query, where: { id: payload.caseId } }),
      }),
      privacyRequest: t.prismaField({
        type: 'PrivacyRequest',
        resolve: (query, payload, _args, context) =>
          context.db.privacyRequest.findUniqueOrThrow({ ...query, where: { id: payload.privacyRequestId } }),
      }),
    }),
  });

builder.mutationFields((t) => ({
  createPrivacyRequest: t.field({
    type: PrivacyRequestPayload,
    errors: {},
    description: 'Adds a privacy request to a case and queues the confirmation email (CARE-P1, P4, P5)',
    args: { input: t.arg({ type: CreatePrivacyRequestInput, required: true }) },
    resolve: (_root, args, context) =>
      createPrivacyRequest(context, parseInput(ZCreatePrivacyRequestInput, args.input)),
  }),
  updatePrivacyRequest: t.field({
    type: PrivacyRequestPayload,
    errors: {},
    description: 'Edits a privacy request; every change is on the case timeline (CARE-P7)',
    args: { input: t.arg({ type: UpdatePrivacyRequestInput, required: true }) },
    resolve: (_root, args, context) =>
      updatePrivacyRequest(context, parseInput(ZUpdatePrivacyRequestInput, args.input)),
  }),
  deletePrivacyRequest: t.field({
    type: PrivacyRequestPayload,
    errors: {},
    description: 'Deletes a privacy request with a reason; audited on the timeline, never silent (CARE-P7)',
    args: { input: t.arg({ type: DeletePrivacyRequestInput, required: true }) },
    resolve: (_root, args, context) =>
      deletePrivacyRequest(context, parseInput(ZDeletePrivacyRequestInput, args.input)),
  }),
  extendPrivacyRequest: t.field({
    type: PrivacyRequestPayload,
    errors: {},
    description: 'Extends the deadline once (CCPA +45 days, GDPR +2 months) and queues the notice',
    args: { input: t.arg({ type: ExtendPrivacyRequestInput, required: true }) },
    resolve: (_root, args, context) =>
      extendPrivacyRequest(context, parseInput(ZExtendPrivacyRequestInput, args.input)),
  }),
  closeCaseForPrivacyRequest: t.field({
    type: ClosePrivacyCasePayload,
    errors: {},
    description:
      'Closes the case of a privacy request: comment "Created privacy request: PR-…", reason Account Management, secondary reason Data Deletion (CARE-P6)',
    args: { input: t.arg({ type: ClosePrivacyCaseInput, required: true }) },
    resolve: (_root, args, context) =>
      closeCaseForPrivacyRequest(context, parseInput(ZClosePrivacyCaseInput, args.input)),
  }),
}));
