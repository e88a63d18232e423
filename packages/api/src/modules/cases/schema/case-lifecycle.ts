import { builder } from '../../../edge/builder.js';
import { escalateForResolution } from '../../routing/resolution-escalation.js';
import { changeStatus, closeCase } from '../case-status.js';
import { updateCase } from '../case-updates.js';
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
    resolve: (_root, args, context) => updateCase(context, String(args.caseId), args.input),
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
    resolve: (_root, args, context) => changeStatus(context, String(args.caseId), args.input),
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
    resolve: (_root, args, context) => closeCase(context, String(args.caseId), args.input),
  }),
);

const ResolutionKeyPointsInput = builder.inputType('ResolutionKeyPointsInput', {
  fields: (t) => ({
    concernType: t.string(),
    redFlags: t.string(),
    otherConcerns: t.string(),
    voiceMatch: t.boolean(),
    certificateOfCompletionReviewed: t.boolean(),
  }),
});

const ResolutionEscalationInput = builder.inputType('ResolutionEscalationInput', {
  description: 'SOL-4: every field but the documents is required; missing ones are listed together in one error',
  fields: (t) => ({
    expectedVersion: t.int({ required: true }),
    primaryReason: t.string(),
    detailedDescription: t.string(),
    installerPointOfView: t.string({ description: 'the installer or sales rep point of view' }),
    interactionId: t.string({ description: 'interaction or recording id' }),
    keyPoints: t.field({ type: ResolutionKeyPointsInput }),
    customerAgreesToWait: t.boolean({ description: 'queues the documentation-request email (SOL-3)' }),
    customerRefusesDocuments: t.boolean({ description: 'the escalation goes ahead without documents (SOL-3)' }),
    queue: t.string({ description: 'queue slug when the policy does not route resolution escalations' }),
    idempotencyKey: t.string(),
  }),
});

const ResolutionEscalationPayload = builder
  .objectRef<{ caseId: string; documentationRequested: boolean; assignmentId?: string | null }>(
    'ResolutionEscalationPayload',
  )
  .implement({
    fields: (t) => ({
      documentationRequested: t.exposeBoolean('documentationRequested'),
      assignment: t.prismaField({
        type: 'Assignment',
        nullable: true,
        description:
          'SOL-5: the Case Assignment offered to a resolution specialist (rejecting or returning it voids the case); null when nobody holds the role',
        resolve: (query, result, _args, context) =>
          result.assignmentId
            ? context.db.assignment.findUnique({ ...query, where: { id: result.assignmentId } })
            : null,
      }),
      case: t.prismaField({
        type: 'Case',
        resolve: (query, result, _args, context) =>
          context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
      }),
    }),
  });

builder.mutationField('escalateForResolution', (t) =>
  t.field({
    type: ResolutionEscalationPayload,
    errors: {},
    description: 'Resolution escalation with its required fields (SOL-4) and the documentation request (SOL-3)',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: ResolutionEscalationInput, required: true }) },
    resolve: (_root, args, context) => escalateForResolution(context, String(args.caseId), args.input),
  }),
);
