import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';
import { assertVersion } from '../../kernel/versioned-write.js';
import { updateCaseGuarded } from '../cases/index.js';
import { activePolicy, missingEscalationFields, reviewActionInSubject } from '../policy/index.js';
import { applyDecision, buildEvaluationInput, decide, loadCaseForEvaluation } from '../routing/index.js';

export const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'EDITED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const ZIdempotencyKey = z.string().min(1).max(200).nullish();

export const ZImportReviewInput = z.object({
  externalId: z.string().trim().min(1).max(200).nullish(),
  caseId: z.string().min(1).nullish(),
  authorName: z.string().trim().min(1, 'is required').max(200),
  subject: z.string().trim().min(1, 'is required').max(500),
  body: z.string().trim().min(1, 'is required').max(20_000),
  rating: z.number().int().min(1).max(5).nullish(),
  /** a review arrives pending moderation, or already approved/edited on the platform */
  status: z.enum(['PENDING', 'APPROVED', 'EDITED']).nullish(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZEscalateReviewRequestInput = z.object({
  caseId: z.string().min(1),
  reviewId: z.string().min(1).nullish(),
  externalCrmNumber: z.string().trim().min(1).max(100).nullish(),
  subject: z.string().trim().min(1).max(500).nullish(),
  caseVersion: z.number().int().min(1).nullish(),
  idempotencyKey: ZIdempotencyKey,
});

export interface ReviewResult {
  reviewId: string;
}
export interface ReviewEscalationResult {
  caseId: string;
  reviewId: string | null;
}

/** Creates a review from the review platform (integrations, admins); its first history entry is CREATE. */
export async function importReview(
  context: Context,
  input: z.output<typeof ZImportReviewInput>,
): Promise<ReviewResult> {
  const caseId = input.caseId ? input.caseId : null;
  return runIdempotent(context, 'importReview', input, input.idempotencyKey, async (tx) => {
    if (caseId && !(await tx.case.findUnique({ where: { id: caseId }, select: { id: true } }))) {
      throw AppError.notFound('Case');
    }
    if (input.externalId && (await tx.review.findFirst({ where: { externalId: input.externalId } }))) {
      throw new AppError('DUPLICATE', `A review with external id ${input.externalId} exists already`, {
        fields: [{ path: 'input.externalId', message: 'already imported' }],
      });
    }
    const status = input.status ?? 'PENDING';
    const review = await tx.review.create({
      data: {
        tenantId: context.viewer.tenantId,
        externalId: input.externalId ?? null,
        caseId,
        authorName: input.authorName,
        subject: input.subject,
        body: input.body,
        rating: input.rating ?? null,
        status,
      },
    });
    await tx.reviewRevision.create({
      data: {
        tenantId: context.viewer.tenantId,
        reviewId: review.id,
        action: 'CREATE',
        statusBefore: status,
        statusAfter: status,
        subject: review.subject,
        body: review.body,
        changedById: context.viewer.userId,
      },
    });
    if (caseId) {
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'REVIEW_LINKED',
        data: { reviewId: review.id, externalId: review.externalId, status },
      });
    }
    return { reviewId: review.id };
  });
}

/**
 * CARE-R1/R2: Tier 1 escalates a review edit/removal request to Tier 2. The case must carry the
 * external (CRM) case number and a subject with "Edit Review" or "Remove Review"; otherwise the
 * escalation is refused with every missing field named, and nothing changes. A complete request
 * is routed by the active policy (its decision, version and steps are on the timeline).
 */
export async function escalateReviewRequest(
  context: Context,
  input: z.output<typeof ZEscalateReviewRequestInput>,
): Promise<ReviewEscalationResult> {
  const caseId = input.caseId;
  const reviewId = input.reviewId ? input.reviewId : null;
  return runIdempotent(context, 'escalateReviewRequest', input, input.idempotencyKey, async (tx) => {
    const caseRow = await tx.case.findUnique({ where: { id: caseId } });
    if (!caseRow) throw AppError.notFound('Case');
    const externalCrmNumber = input.externalCrmNumber ?? caseRow.externalCrmNumber;
    const subject = input.subject ?? caseRow.subject;
    const missing = missingEscalationFields({ externalCrmNumber, subject });
    if (missing.length > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        `The review escalation is missing: ${missing.map((field) => field.message).join('; ')}`,
        { rule: 'CARE-R2', fields: missing },
      );
    }
    if (input.caseVersion) assertVersion('Case', caseRow, input.caseVersion, 'input.caseVersion');
    const review = reviewId ? await tx.review.findUnique({ where: { id: reviewId } }) : null;
    if (reviewId && !review) throw AppError.notFound('Review');
    if (review?.status === 'REJECTED') {
      throw new AppError('INVALID_TRANSITION', 'The review was removed; a removal is final', { rule: 'CARE-R6' });
    }
    if (review?.caseId && review.caseId !== caseId) {
      throw new AppError('CONFLICT', 'The review is already escalated on another case', {
        fields: [{ path: 'input.reviewId', message: 'linked to another case' }],
        details: { caseId: review.caseId },
      });
    }
    let version = caseRow.version;
    const fieldChanges = changedFields(caseRow as unknown as Record<string, unknown>, { subject, externalCrmNumber });
    if (Object.keys(fieldChanges).length > 0) {
      version = await updateCaseGuarded(tx, caseId, caseRow.version, { subject, externalCrmNumber });
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'FIELD_CHANGED',
        data: { ...fieldChanges, version: { before: caseRow.version, after: version }, rule: 'CARE-R2' },
      });
    }
    // CARE-R1: the policy routes the complete escalation (to Tier 2); fail closed if it does not
    const reviewAction = reviewActionInSubject(subject);
    const policy = await activePolicy(tx);
    const row = await loadCaseForEvaluation(tx, caseId);
    const evaluationInput = buildEvaluationInput(
      policy.compiled,
      row,
      { text: subject, signals: { values: { reviewEscalationComplete: true, reviewAction: reviewAction ?? '' } } },
      context.viewer,
      context.now,
    );
    const decision = decide(policy, evaluationInput);
    if (decision.outcome !== 'ESCALATE' || decision.target.tier !== 'TIER2' || decision.approval.required) {
      throw new AppError(
        'RULE_VIOLATION',
        `The policy does not route this review request to Tier 2: ${decision.explanation.summary}`,
        { rule: 'CARE-R1', details: { policyVersion: policy.version, summary: decision.explanation.summary } },
      );
    }
    await applyDecision(tx, context, {
      caseId,
      expectedVersion: version,
      decision,
      policy: policy.compiled,
      policyVersion: policy.version,
      evaluationInput,
      note: null,
    });
    if (review && !review.caseId) {
      await tx.review.update({ where: { id: review.id }, data: { caseId } });
    }
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'REVIEW_ESCALATED',
      data: {
        reviewId: review?.id ?? null,
        reviewAction,
        externalCrmNumber,
        queue: decision.target.queue,
        rule: 'CARE-R1',
      },
      policyVersion: policy.version,
    });
    return { caseId, reviewId: review?.id ?? null };
  });
}
