import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { updateCaseGuarded } from '../cases/index.js';

/**
 * The case side of working a review change: a closed case is reopened (CLOSED → NEW, CARE-R4)
 * and the change's comment is added (CARE-R5), each on the timeline, in the caller's transaction.
 */
export async function workReviewOnCase(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  comment: string,
  reviewId: string,
): Promise<{ reopened: boolean; commentId: string }> {
  const caseRow = await tx.case.findUnique({ where: { id: caseId } });
  if (!caseRow) throw AppError.notFound('Case');
  let reopened = false;
  if (caseRow.status === 'CLOSED') {
    await updateCaseGuarded(tx, caseRow.id, caseRow.version, { status: 'NEW', closedAt: null });
    await recordTimelineEvent(tx, context, {
      caseId: caseRow.id,
      type: 'STATUS_CHANGED',
      data: {
        status: { before: 'CLOSED', after: 'NEW' },
        closedAt: { before: caseRow.closedAt?.toISOString() ?? null, after: null },
        version: { before: caseRow.version, after: caseRow.version + 1 },
        reason: 'review escalation worked on a closed case',
        reviewId,
        rule: 'CARE-R4',
      },
    });
    reopened = true;
  }
  const created = await tx.caseComment.create({
    data: { tenantId: context.viewer.tenantId, caseId: caseRow.id, authorId: context.viewer.userId, body: comment },
  });
  await recordTimelineEvent(tx, context, {
    caseId: caseRow.id,
    type: 'COMMENT_ADDED',
    data: { commentId: created.id, kind: created.kind, body: comment, reviewId },
  });
  return { reopened, commentId: created.id };
}
