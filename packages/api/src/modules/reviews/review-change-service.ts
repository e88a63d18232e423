import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';
import { assertVersion, writeVersioned } from '../../kernel/versioned-write.js';
import { checkReviewComment, REVIEW_COMMENT_TEMPLATE, type ReviewAction } from '../policy/index.js';
import { workReviewOnCase } from './review-case-work.js';
import type { ReviewResult, ReviewStatus } from './review-service.js';

const ZChangeBase = {
  reviewId: z.string().min(1),
  /** the case comment in the policy's template (CARE-R5) */
  comment: z.string().trim().min(1, 'is required: use the review comment template').max(20_000),
  /** the case the change is worked on, when the review is not linked to one yet */
  caseId: z.string().min(1).nullish(),
  /** the review version the caller saw */
  version: z.number().int().min(1).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
};

export const ZEditReviewInput = z
  .object({
    ...ZChangeBase,
    subject: z.string().trim().min(1).max(500).nullish(),
    body: z.string().trim().min(1).max(20_000).nullish(),
  })
  .refine((input) => Boolean(input.subject || input.body), {
    path: ['body'],
    message: 'give the new subject or body',
  });

export const ZRemoveReviewInput = z.object(ZChangeBase);

/** CARE-R3: only approved or edited reviews can be changed; CARE-R6: a removed one never again. */
const CHANGEABLE: readonly ReviewStatus[] = ['APPROVED', 'EDITED'];

interface ChangeRequest {
  reviewId: string;
  comment: string;
  caseId?: string | null;
  version?: number | null;
  subject?: string | null;
  body?: string | null;
}

async function changeReview(
  context: Context,
  action: ReviewAction,
  input: ChangeRequest,
  operation: string,
  idempotencyKey: string | null | undefined,
): Promise<ReviewResult> {
  const reviewId = input.reviewId;
  const givenCaseId = input.caseId ? input.caseId : null;
  return runIdempotent(context, operation, input, idempotencyKey, async (tx) => {
    const review = await tx.review.findUnique({ where: { id: reviewId } });
    if (!review) throw AppError.notFound('Review');
    const status = review.status as ReviewStatus;
    if (status === 'REJECTED') {
      throw new AppError('INVALID_TRANSITION', 'This review was removed (rejected); a removal is permanent', {
        rule: 'CARE-R6',
        details: { status },
      });
    }
    if (!CHANGEABLE.includes(status)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Only approved or edited reviews can be changed; this one is ${status}`,
        {
          rule: 'CARE-R3',
          details: { status },
        },
      );
    }
    if (input.version) assertVersion('Review', review, input.version, 'input.version');
    const check = checkReviewComment(input.comment, action);
    if (!check.ok) {
      throw new AppError('NOTE_REQUIRED', `Review comment refused (CARE-R5): ${check.problems.join('; ')}`, {
        rule: 'CARE-R5',
        fields: check.problems.map((message) => ({ path: 'input.comment', message })),
        details: { template: REVIEW_COMMENT_TEMPLATE.text, example: REVIEW_COMMENT_TEMPLATE.example },
      });
    }
    const caseId = review.caseId ?? givenCaseId;
    if (!caseId) {
      throw new AppError('VALIDATION_FAILED', 'The review is not on a case: give the case the change is worked on', {
        rule: 'CARE-R5',
        fields: [{ path: 'input.caseId', message: 'required when the review has no case' }],
      });
    }
    const statusAfter: ReviewStatus = action === 'EDIT' ? 'EDITED' : 'REJECTED';
    const after = {
      subject: action === 'EDIT' ? (input.subject ?? undefined) : undefined,
      body: action === 'EDIT' ? (input.body ?? undefined) : undefined,
      status: statusAfter,
    };
    const work = await workReviewOnCase(tx, context, caseId, input.comment, review.id);
    // history keeps the text as it was before this change
    await tx.reviewRevision.create({
      data: {
        tenantId: context.viewer.tenantId,
        reviewId: review.id,
        action,
        statusBefore: status,
        statusAfter,
        subject: review.subject,
        body: review.body,
        comment: input.comment,
        changedById: context.viewer.userId,
      },
    });
    await writeVersioned(
      'Review',
      review.version,
      () =>
        tx.review.updateMany({
          where: { id: review.id, version: review.version },
          data: { ...after, caseId, version: { increment: 1 } },
        }),
      async () =>
        (await tx.review.findUnique({ where: { id: review.id }, select: { version: true } }))?.version ?? null,
      'input.version',
    );
    await recordTimelineEvent(tx, context, {
      caseId,
      type: action === 'EDIT' ? 'REVIEW_EDITED' : 'REVIEW_REMOVED',
      data: {
        reviewId: review.id,
        externalId: review.externalId,
        changes: changedFields(review as unknown as Record<string, unknown>, after),
        commentId: work.commentId,
        reopenedCase: work.reopened,
        rule: action === 'EDIT' ? 'CARE-R5' : 'CARE-R6',
      },
    });
    return { reviewId: review.id };
  });
}

/** Tier 2 edits an approved or edited review (CARE-R3, R4, R5); the prior text stays in its history. */
export async function editReview(context: Context, input: z.output<typeof ZEditReviewInput>): Promise<ReviewResult> {
  return changeReview(context, 'EDIT', input, 'editReview', input.idempotencyKey);
}

/** Tier 2 removes a review: it becomes REJECTED for good (CARE-R6), with the comment (CARE-R5). */
export async function removeReview(
  context: Context,
  input: z.output<typeof ZRemoveReviewInput>,
): Promise<ReviewResult> {
  return changeReview(context, 'REMOVE', input, 'removeReview', input.idempotencyKey);
}
