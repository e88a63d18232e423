import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { escalateForResolution, ZResolutionEscalationInput } from '../resolution-escalation.js';

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
    resolve: (_root, args, context) =>
      escalateForResolution(context, String(args.caseId), parseInput(ZResolutionEscalationInput, args.input)),
  }),
);
