import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { changeStatus, closeCase, ZChangeStatusInput, ZCloseCaseInput } from '../case-status.js';
import { updateCase, ZUpdateCaseInput } from '../case-updates.js';
import { CasePriorityEnum, CaseStatusEnum, ChannelEnum } from './case-enums.js';

const CasePayload = builder.objectRef<{ caseId: string }>('CasePayload').implement({
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case',
      resolve: (query, result, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
    }),
  }),
});

export const InstallerInfoInput = builder.inputType('InstallerInfoInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    company: t.string(),
    phone: t.string(),
    email: t.string(),
    licenseNumber: t.string(),
  }),
});

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  fields: (t) => ({
    expectedVersion: t.int({ required: true, description: 'the case version this change is based on (X-4)' }),
    subject: t.string(),
    description: t.string(),
    priority: t.field({ type: CasePriorityEnum }),
    channel: t.field({ type: ChannelEnum }),
    concern: t.string(),
    externalCrmNumber: t.string(),
    brand: t.string(),
    signals: t.field({ type: 'JSON', description: 'merged into the stored signals' }),
    installer: t.field({ type: InstallerInfoInput, description: 'installer/sales rep contact (SOL-6)' }),
    queue: t.string({ description: 'move to this queue (slug); the policy’s handoff note is required first (TON-4)' }),
    note: t.field({ type: 'JSON', description: 'handoff note fields for a queue change' }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('updateCase', (t) =>
  t.field({
    type: CasePayload,
    errors: {},
    description: 'Changes case fields; a stale expectedVersion is a CONFLICT, never a lost update',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: UpdateCaseInput, required: true }) },
    resolve: (_root, args, context) =>
      updateCase(context, String(args.caseId), parseInput(ZUpdateCaseInput, args.input)),
  }),
);

const ChangeStatusInput = builder.inputType('ChangeCaseStatusInput', {
  fields: (t) => ({
    expectedVersion: t.int({ required: true }),
    status: t.field({ type: CaseStatusEnum, required: true }),
    reason: t.string(),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('changeCaseStatus', (t) =>
  t.field({
    type: CasePayload,
    errors: {},
    description:
      'Moves a case along the allowed transitions (CLOSED → NEW reopens, CARE-R4); WAITING_ON_CUSTOMER pauses the SLA clock',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: ChangeStatusInput, required: true }) },
    resolve: (_root, args, context) =>
      changeStatus(context, String(args.caseId), parseInput(ZChangeStatusInput, args.input)),
  }),
);

const CloseCaseInput = builder.inputType('CloseCaseInput', {
  fields: (t) => ({
    expectedVersion: t.int({ required: true }),
    reason: t.string({ required: true, description: 'close reason, e.g. Account Management' }),
    secondaryReason: t.string({ description: 'e.g. Data Deletion' }),
    finalComment: t.string({ description: 'recorded as a FINAL comment' }),
    idempotencyKey: t.string(),
  }),
});

builder.mutationField('closeCase', (t) =>
  t.field({
    type: CasePayload,
    errors: {},
    description: 'Closes a case with a reason and a secondary reason',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: CloseCaseInput, required: true }) },
    resolve: (_root, args, context) => closeCase(context, String(args.caseId), parseInput(ZCloseCaseInput, args.input)),
  }),
);
