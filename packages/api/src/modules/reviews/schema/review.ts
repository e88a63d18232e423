import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { REVIEW_COMMENT_TEMPLATE } from '../../policy/index.js';
import { editReview, removeReview, ZEditReviewInput, ZRemoveReviewInput } from '../review-change-service.js';
import {
  escalateReviewRequest,
  importReview,
  REVIEW_STATUSES,
  type ReviewEscalationResult,
  type ReviewResult,
  type ReviewStatus,
  ZEscalateReviewRequestInput,
  ZImportReviewInput,
} from '../review-service.js';

const ReviewStatusEnum = builder.enumType('ReviewStatus', { values: REVIEW_STATUSES });
const ReviewChangeActionEnum = builder.enumType('ReviewChangeAction', {
  values: ['CREATE', 'EDIT', 'REMOVE'] as const,
});

builder.prismaObject('ReviewRevision', {
  description: 'One entry of a review’s history: its text and status before the change, who changed it and why',
  fields: (t) => ({
    action: t.field({ type: ReviewChangeActionEnum, resolve: (row) => row.action as 'CREATE' | 'EDIT' | 'REMOVE' }),
    statusBefore: t.field({ type: ReviewStatusEnum, resolve: (row) => row.statusBefore as ReviewStatus }),
    statusAfter: t.field({ type: ReviewStatusEnum, resolve: (row) => row.statusAfter as ReviewStatus }),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    comment: t.exposeString('comment', { nullable: true }),
    changedBy: t.relation('changedBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaNode('Review', {
  id: { field: 'id' },
  description: 'A review on the platform (CARE-R1..R6). REJECTED means removed, permanently.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    status: t.field({ type: ReviewStatusEnum, resolve: (row) => row.status as ReviewStatus }),
    authorName: t.exposeString('authorName'),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    rating: t.exposeInt('rating', { nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    case: t.relation('case', { nullable: true }),
    history: t.relation('revisions', {
      description: 'every change, oldest first, with the prior text',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.prismaObjectField('Case', 'reviews', (t) =>
  t.relation('reviews', { description: 'reviews worked on this case', query: { orderBy: { createdAt: 'asc' } } }),
);

const ReviewCommentTemplateRef = builder.objectRef<typeof REVIEW_COMMENT_TEMPLATE>('ReviewCommentTemplate').implement({
  description: 'The case comment format every review change needs (CARE-R5)',
  fields: (t) => ({
    id: t.exposeString('id'),
    text: t.exposeString('text'),
    placeholders: t.exposeStringList('placeholders'),
    example: t.exposeString('example'),
  }),
});

builder.queryFields((t) => ({
  review: t.prismaField({
    type: 'Review',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = String(args.id);
      return id ? context.db.review.findUnique({ ...query, where: { id } }) : null;
    },
  }),
  reviews: t.prismaConnection({
    type: 'Review',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description: 'Reviews of your organization, newest first; filter by status',
    args: { status: t.arg({ type: [ReviewStatusEnum] }) },
    resolve: (query, _root, args, context) => {
      return context.db.review.findMany({
        ...query,
        where: args.status?.length ? { status: { in: args.status } } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
  reviewCommentTemplate: t.field({
    type: ReviewCommentTemplateRef,
    resolve: () => REVIEW_COMMENT_TEMPLATE,
  }),
}));

const ReviewPayload = builder.objectRef<ReviewResult>('ReviewPayload').implement({
  fields: (t) => ({
    review: t.prismaField({
      type: 'Review',
      resolve: (query, payload, _args, context) =>
        context.db.review.findUniqueOrThrow({ ...query, where: { id: payload.reviewId } }),
    }),
  }),
});

const ReviewEscalationPayload = builder.objectRef<ReviewEscalationResult>('ReviewEscalationPayload').implement({
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case',
      resolve: (query, payload, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: payload.caseId } }),
    }),
    review: t.prismaField({
      type: 'Review',
      nullable: true,
      resolve: (query, payload, _args, context) =>
        payload.reviewId ? context.db.review.findUnique({ ...query, where: { id: payload.reviewId } }) : null,
    }),
  }),
});

const idempotencyKey = { description: 'repeat the request with the same key to get the first result (X-4)' };

const ImportReviewInput = builder.inputType('ImportReviewInput', {
  fields: (t) => ({
    externalId: t.string({ description: "the review's id on the review platform" }),
    caseId: t.id(),
    authorName: t.string({ required: true }),
    subject: t.string({ required: true }),
    body: t.string({ required: true }),
    rating: t.int(),
    status: t.field({ type: ReviewStatusEnum, description: 'PENDING (default), APPROVED or EDITED' }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const EscalateReviewRequestInput = builder.inputType('EscalateReviewRequestInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    reviewId: t.id(),
    externalCrmNumber: t.string({ description: "the CRM (Salesforce) case number; default: the case's" }),
    subject: t.string({ description: 'must contain "Edit Review" or "Remove Review"; default: the case subject' }),
    caseVersion: t.int(),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const EditReviewInput = builder.inputType('EditReviewInput', {
  fields: (t) => ({
    reviewId: t.id({ required: true }),
    subject: t.string(),
    body: t.string(),
    comment: t.string({ required: true, description: 'case comment in the review comment template (CARE-R5)' }),
    caseId: t.id({ description: 'the case, when the review is not on one yet' }),
    version: t.int({ description: 'the review version you saw' }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

const RemoveReviewInput = builder.inputType('RemoveReviewInput', {
  fields: (t) => ({
    reviewId: t.id({ required: true }),
    comment: t.string({ required: true, description: 'case comment in the review comment template (CARE-R5)' }),
    caseId: t.id({ description: 'the case, when the review is not on one yet' }),
    version: t.int({ description: 'the review version you saw' }),
    idempotencyKey: t.string(idempotencyKey),
  }),
});

builder.mutationFields((t) => ({
  importReview: t.field({
    type: ReviewPayload,
    errors: {},
    description: 'Adds a review from the review platform (integrations and admins)',
    args: { input: t.arg({ type: ImportReviewInput, required: true }) },
    resolve: (_root, args, context) => importReview(context, parseInput(ZImportReviewInput, args.input)),
  }),
  escalateReviewRequest: t.field({
    type: ReviewEscalationPayload,
    errors: {},
    description: 'Tier 1 escalates a review edit/removal request to Tier 2 (CARE-R1, CARE-R2)',
    args: { input: t.arg({ type: EscalateReviewRequestInput, required: true }) },
    resolve: (_root, args, context) =>
      escalateReviewRequest(context, parseInput(ZEscalateReviewRequestInput, args.input)),
  }),
  editReview: t.field({
    type: ReviewPayload,
    errors: {},
    description: 'Tier 2 edits an approved or edited review, with the templated case comment (CARE-R3..R5)',
    args: { input: t.arg({ type: EditReviewInput, required: true }) },
    resolve: (_root, args, context) => editReview(context, parseInput(ZEditReviewInput, args.input)),
  }),
  removeReview: t.field({
    type: ReviewPayload,
    errors: {},
    description: 'Tier 2 removes a review: REJECTED, permanently (CARE-R6), with the templated case comment',
    args: { input: t.arg({ type: RemoveReviewInput, required: true }) },
    resolve: (_root, args, context) => removeReview(context, parseInput(ZRemoveReviewInput, args.input)),
  }),
}));
