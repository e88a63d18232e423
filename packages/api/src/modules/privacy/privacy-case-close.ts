import type { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';
import { writeVersioned } from '../../kernel/versioned-write.js';
import { privacyRequestNumber, type ZClosePrivacyCaseInput } from './privacy-request-rules.js';

/** CARE-P6: how a case is closed once its privacy request exists. */
export const PRIVACY_CLOSE_REASON = 'Account Management';
export const PRIVACY_CLOSE_SECONDARY_REASON = 'Data Deletion';
export const privacyCloseComment = (number: number): string =>
  `Created privacy request: ${privacyRequestNumber(number)}`;

export interface ClosePrivacyCaseResult {
  caseId: string;
  privacyRequestId: string;
  commentId: string;
}

/**
 * Closes the case of a privacy request the way CARE-P6 says, in one transaction: the comment
 * "Created privacy request: PR-…", reason Account Management, secondary reason Data Deletion,
 * status CLOSED (version checked and incremented), each step on the timeline.
 */
export async function closeCaseForPrivacyRequest(
  context: Context,
  input: z.output<typeof ZClosePrivacyCaseInput>,
): Promise<ClosePrivacyCaseResult> {
  const privacyRequestId = input.privacyRequestId;
  return runIdempotent(context, 'closeCaseForPrivacyRequest', input, input.idempotencyKey, async (tx) => {
    const request = await tx.privacyRequest.findFirst({ where: { id: privacyRequestId, deletedAt: null } });
    if (!request) throw AppError.notFound('Privacy request');
    const caseRow = await tx.case.findUniqueOrThrow({ where: { id: request.caseId } });
    if (caseRow.status === 'CLOSED') {
      throw new AppError('INVALID_TRANSITION', 'The case is already closed', {
        rule: 'CARE-P6',
        details: { currentVersion: caseRow.version },
      });
    }
    const expectedVersion = input.caseVersion ?? caseRow.version;
    const body = privacyCloseComment(request.number);
    const comment = await tx.caseComment.create({
      data: { tenantId: context.viewer.tenantId, caseId: caseRow.id, authorId: context.viewer.userId, body },
    });
    await recordTimelineEvent(tx, context, {
      caseId: caseRow.id,
      type: 'COMMENT_ADDED',
      data: { commentId: comment.id, kind: comment.kind, body },
    });
    const after = {
      status: 'CLOSED',
      closeReason: PRIVACY_CLOSE_REASON,
      closeSecondaryReason: PRIVACY_CLOSE_SECONDARY_REASON,
    };
    await writeVersioned(
      'Case',
      expectedVersion,
      () =>
        tx.case.updateMany({
          where: { id: caseRow.id, version: expectedVersion },
          data: { ...after, closedAt: context.now, version: { increment: 1 } },
        }),
      async () => (await tx.case.findUnique({ where: { id: caseRow.id }, select: { version: true } }))?.version ?? null,
    );
    await recordTimelineEvent(tx, context, {
      caseId: caseRow.id,
      type: 'STATUS_CHANGED',
      data: {
        ...changedFields(caseRow as unknown as Record<string, unknown>, after),
        version: { before: expectedVersion, after: expectedVersion + 1 },
        privacyRequestId: request.id,
        rule: 'CARE-P6',
      },
    });
    return { caseId: caseRow.id, privacyRequestId: request.id, commentId: comment.id };
  });
}
