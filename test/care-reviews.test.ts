import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

const ERROR_FIELDS = 'code message rule fields { path message } details';
const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) { __typename ... on CreateCasePayload { case { id version } } }
  }
`;
const REVIEW_FIELDS = `id status subject body version case { id }
  history { action statusBefore statusAfter subject body comment changedBy { name } }`;
const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportReviewInput!) {
    importReview(input: $input) {
      __typename
      ... on ReviewPayload { review { ${REVIEW_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const ESCALATE = /* GraphQL */ `
  mutation Escalate($input: EscalateReviewRequestInput!) {
    escalateReviewRequest(input: $input) {
      __typename
      ... on ReviewEscalationPayload { case { id tier status version queue { slug } externalCrmNumber subject } review { id case { id } } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const EDIT = /* GraphQL */ `
  mutation Edit($input: EditReviewInput!) {
    editReview(input: $input) {
      __typename
      ... on ReviewPayload { review { ${REVIEW_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($input: RemoveReviewInput!) {
    removeReview(input: $input) {
      __typename
      ... on ReviewPayload { review { ${REVIEW_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const CASE_VIEW = /* GraphQL */ `
  query View($id: ID!) {
    case(id: $id) {
      status tier version
      reviews { id status }
      timeline(first: 100) { edges { node { type data } } }
    }
  }
`;

const EDIT_COMMENT =
  'Review edited: removed the provider’s last name at the seeker’s request — requested by Jamie on 2026-03-06';
const REMOVE_COMMENT = 'Review removed: seeker asked to take the review down — requested by Jamie on 2026-03-06';

/** The row id inside a Relay global id (for reading rows back from the database). */
const rowId = (globalId: string): string => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? globalId;

let kit: TestKit;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

let sequence = 0;

async function reviewCase(
  subject = 'Edit Review - seeker wants a change',
  externalCrmNumber: string | null = '00123456',
) {
  sequence += 1;
  const created = await care.as('agent')<any>(CREATE_CASE, {
    input: { subject, customerRef: `seeker-${sequence}`, ...(externalCrmNumber ? { externalCrmNumber } : {}) },
  });
  return rowId(created.data?.createCase.case.id as string);
}

async function importReview(status: string, caseId?: string) {
  sequence += 1;
  const response = await care.as('integration')<any>(IMPORT, {
    input: {
      externalId: `rev-${sequence}-${Date.now()}`,
      authorName: 'Pat Seeker',
      subject: 'Great sitter',
      body: 'Alex Smith was wonderful with our kids.',
      rating: 5,
      status,
      ...(caseId ? { caseId } : {}),
    },
  });
  expect(response.data?.importReview.__typename).toBe('ReviewPayload');
  const review = response.data?.importReview.review;
  return { ...review, id: rowId(review.id) };
}

async function snapshot(reviewId: string, caseId: string) {
  const [review, revisions, caseRow, comments, events] = await Promise.all([
    kit.db.review.findUniqueOrThrow({ where: { id: reviewId } }),
    kit.db.reviewRevision.count({ where: { reviewId } }),
    kit.db.case.findUniqueOrThrow({ where: { id: caseId } }),
    kit.db.caseComment.count({ where: { caseId } }),
    kit.db.timelineEvent.count({ where: { caseId } }),
  ]);
  return { review, revisions, caseRow, comments, events };
}

describe('review escalation from Tier 1', () => {
  it('CARE-R1 Tier 1 escalates an edit request to the Tier 2 escalations queue, on the timeline', async () => {
    const caseId = await reviewCase();
    const review = await importReview('APPROVED');
    const response = await care.as('agent')<any>(ESCALATE, { input: { caseId, reviewId: review.id } });
    const payload = response.data?.escalateReviewRequest;
    expect(payload.case).toMatchObject({
      tier: 'TIER2',
      version: 2,
      queue: { slug: 'tier2-escalations' },
      externalCrmNumber: '00123456',
    });
    expect(rowId(payload.review.case.id)).toBe(caseId);
    const view = await care.as('tier2')<any>(CASE_VIEW, { id: caseId });
    const events = view.data?.case.timeline.edges.map((edge: any) => edge.node);
    const queueChange = events.find((event: any) => event.type === 'QUEUE_CHANGED');
    expect(queueChange.data).toMatchObject({
      queue: { before: null, after: 'tier2-escalations' },
      tier: { before: 'TIER1', after: 'TIER2' },
    });
    // the policy routed it: the decision and its version are on the timeline
    const escalated = await kit.db.timelineEvent.findFirstOrThrow({ where: { caseId, type: 'ESCALATED' } });
    expect(escalated.policyVersion).toBe(1);
    expect((escalated.decision as { explanation: { winner: string } }).explanation.winner).toMatch(/^care-r1\./);
    const linked = events.find((event: any) => event.type === 'REVIEW_ESCALATED');
    expect(linked.data).toMatchObject({ reviewId: review.id, reviewAction: 'EDIT', rule: 'CARE-R1' });
    expect(view.data?.case.reviews.map((row: any) => [rowId(row.id), row.status])).toEqual([[review.id, 'APPROVED']]);
  });

  it('CARE-R2 an escalation without the CRM number and the subject keyword is refused, naming both; nothing changes', async () => {
    const caseId = await reviewCase('Seeker unhappy with a review', null);
    const before = await kit.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const events = await kit.db.timelineEvent.count({ where: { caseId } });
    const response = await care.as('agent')<any>(ESCALATE, { input: { caseId } });
    const error = response.data?.escalateReviewRequest;
    expect(error).toMatchObject({ __typename: 'AppError', code: 'RULE_VIOLATION', rule: 'CARE-R2' });
    expect(error.fields.map((field: any) => field.path)).toEqual(['input.externalCrmNumber', 'input.subject']);
    expect(error.message).toMatch(/Edit Review.*Remove Review/);
    expect(await kit.db.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before);
    expect(await kit.db.timelineEvent.count({ where: { caseId } })).toBe(events);

    // only the subject missing: named alone; then supplying both goes through
    const onlySubject = await care.as('agent')<any>(ESCALATE, { input: { caseId, externalCrmNumber: '0099' } });
    expect(onlySubject.data?.escalateReviewRequest.fields).toEqual([
      { path: 'input.subject', message: 'the case subject must contain "Edit Review" or "Remove Review"' },
    ]);
    const fixed = await care.as('agent')<any>(ESCALATE, {
      input: { caseId, externalCrmNumber: '0099', subject: 'Remove Review: seeker request' },
    });
    expect(fixed.data?.escalateReviewRequest.case).toMatchObject({
      tier: 'TIER2',
      subject: 'Remove Review: seeker request',
    });
  });
});

describe('editing and removing reviews', () => {
  it('X-5 only Tier 2 edits or removes a review (and only Tier 1 roles escalate, only the platform imports): others get a typed FORBIDDEN and nothing changes', async () => {
    const caseId = await reviewCase();
    const review = await importReview('APPROVED', caseId);
    const before = await snapshot(review.id, caseId);
    for (const role of ['agent', 'tier1_supervisor', 'admin', 'privacy', 'lead']) {
      const edit = await care.as(role)<any>(EDIT, { input: { reviewId: review.id, body: 'x', comment: EDIT_COMMENT } });
      expect(edit.data?.editReview).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
      const remove = await care.as(role)<any>(REMOVE, { input: { reviewId: review.id, comment: REMOVE_COMMENT } });
      expect(remove.data?.removeReview).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    }
    const escalate = await care.as('privacy')<any>(ESCALATE, { input: { caseId, reviewId: review.id } });
    expect(escalate.data?.escalateReviewRequest).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    const imported = await care.as('tier2')<any>(IMPORT, {
      input: { authorName: 'x', subject: 'x', body: 'x', status: 'APPROVED' },
    });
    expect(imported.data?.importReview).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    expect(await snapshot(review.id, caseId)).toEqual(before);
  });

  it('CARE-R3 a pending review cannot be edited or removed; unknown reviews are NOT_FOUND; nothing changes', async () => {
    const caseId = await reviewCase();
    const review = await importReview('PENDING', caseId);
    const before = await snapshot(review.id, caseId);
    const edit = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: review.id, body: 'x', comment: EDIT_COMMENT },
    });
    expect(edit.data?.editReview).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-R3' });
    const remove = await care.as('tier2')<any>(REMOVE, { input: { reviewId: review.id, comment: REMOVE_COMMENT } });
    expect(remove.data?.removeReview).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-R3' });
    const unknown = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: '00000000-0000-4000-8000-000000000000', body: 'x', comment: EDIT_COMMENT },
    });
    expect(unknown.data?.editReview.code).toBe('NOT_FOUND');
    expect(await snapshot(review.id, caseId)).toEqual(before);
  });

  it('CARE-R5 an edit without the templated case comment is refused with the template; nothing changes', async () => {
    const caseId = await reviewCase();
    const review = await importReview('APPROVED', caseId);
    const before = await snapshot(review.id, caseId);
    for (const comment of [
      'fixed it',
      'Review removed: wrong action — requested by Jamie on 2026-03-06',
      'Review edited: x — requested by Jamie on 2026-02-30',
    ]) {
      const response = await care.as('tier2')<any>(EDIT, { input: { reviewId: review.id, body: 'New text', comment } });
      expect(response.data?.editReview).toMatchObject({
        code: 'NOTE_REQUIRED',
        rule: 'CARE-R5',
        details: { template: 'Review {action}: {reason} — requested by {requester} on {date}' },
      });
      expect(response.data?.editReview.fields[0].path).toBe('input.comment');
    }
    const listed = await care.as('tier2')<any>(
      '{ reviews(first: 100, status: [APPROVED]) { edges { node { id status } } } }',
    );
    expect(listed.data?.reviews.edges.map((edge: any) => rowId(edge.node.id))).toContain(review.id);
    expect(listed.data?.reviews.edges.every((edge: any) => edge.node.status === 'APPROVED')).toBe(true);
    const template = await care.as('tier2')<any>('{ reviewCommentTemplate { text example } }');
    expect(template.data?.reviewCommentTemplate.text).toBe(
      'Review {action}: {reason} — requested by {requester} on {date}',
    );
    expect(await snapshot(review.id, caseId)).toEqual(before);
  });

  it('CARE-R4 CARE-R5 editing a review on a closed case reopens it, adds the comment and keeps the prior text in history', async () => {
    const caseId = await reviewCase();
    const review = await importReview('APPROVED', caseId);
    await kit.db.case.update({ where: { id: caseId }, data: { status: 'CLOSED', closedAt: new Date() } });
    const response = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: review.id, body: 'Alex was wonderful with our kids.', comment: EDIT_COMMENT, version: 1 },
    });
    const edited = response.data?.editReview.review;
    expect(edited).toMatchObject({ status: 'EDITED', body: 'Alex was wonderful with our kids.', version: 2 });
    expect(edited.history.map((entry: any) => [entry.action, entry.statusBefore, entry.statusAfter])).toEqual([
      ['CREATE', 'APPROVED', 'APPROVED'],
      ['EDIT', 'APPROVED', 'EDITED'],
    ]);
    expect(edited.history[1]).toMatchObject({
      body: 'Alex Smith was wonderful with our kids.',
      comment: EDIT_COMMENT,
      changedBy: { name: 'Demo Tier 2 Agent' },
    });
    const view = await care.as('tier2')<any>(CASE_VIEW, { id: caseId });
    expect(view.data?.case.status).toBe('NEW');
    const events = view.data?.case.timeline.edges.map((edge: any) => edge.node);
    expect(events.map((event: any) => event.type)).toEqual([
      'CASE_CREATED',
      'REVIEW_LINKED',
      'STATUS_CHANGED',
      'COMMENT_ADDED',
      'REVIEW_EDITED',
    ]);
    expect(events[2].data).toMatchObject({ status: { before: 'CLOSED', after: 'NEW' }, rule: 'CARE-R4' });
    expect(events[4].data.changes).toMatchObject({ status: { before: 'APPROVED', after: 'EDITED' } });
    expect((await kit.db.caseComment.findMany({ where: { caseId } })).map((comment) => comment.body)).toEqual([
      EDIT_COMMENT,
    ]);

    // an edited review can be edited again; a stale version is a conflict
    const stale = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: review.id, body: 'y', comment: EDIT_COMMENT, version: 1 },
    });
    expect(stale.data?.editReview).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const again = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: review.id, subject: 'Good sitter', comment: EDIT_COMMENT },
    });
    expect(again.data?.editReview.review).toMatchObject({ status: 'EDITED', subject: 'Good sitter', version: 3 });
  });

  it('CARE-R6 a removed review is REJECTED for good: the API refuses any later change and so does the database, even from raw SQL', async () => {
    const caseId = await reviewCase('Remove Review please');
    const review = await importReview('EDITED', caseId);
    const noComment = await care.as('tier2')<any>(REMOVE, { input: { reviewId: review.id, comment: 'removed' } });
    expect(noComment.data?.removeReview).toMatchObject({ code: 'NOTE_REQUIRED', rule: 'CARE-R5' });

    const removed = await care.as('tier2')<any>(REMOVE, { input: { reviewId: review.id, comment: REMOVE_COMMENT } });
    expect(removed.data?.removeReview.review).toMatchObject({ status: 'REJECTED' });
    expect(removed.data?.removeReview.review.history.at(-1)).toMatchObject({
      action: 'REMOVE',
      statusAfter: 'REJECTED',
    });
    const before = await snapshot(review.id, caseId);

    const edit = await care.as('tier2')<any>(EDIT, {
      input: { reviewId: review.id, body: 'back', comment: EDIT_COMMENT },
    });
    expect(edit.data?.editReview).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-R6' });
    const removeAgain = await care.as('tier2')<any>(REMOVE, {
      input: { reviewId: review.id, comment: REMOVE_COMMENT },
    });
    expect(removeAgain.data?.removeReview).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-R6' });
    const reescalate = await care.as('agent')<any>(ESCALATE, {
      input: { caseId, reviewId: review.id, externalCrmNumber: '1' },
    });
    expect(reescalate.data?.escalateReviewRequest).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-R6' });

    await expect(
      kit.db.$executeRaw`UPDATE "Review" SET "status" = 'APPROVED' WHERE "id" = ${review.id}::uuid`,
    ).rejects.toThrow(/rejected/i);
    await expect(
      kit.db.$executeRaw`UPDATE "Review" SET "body" = 'restored' WHERE "id" = ${review.id}::uuid`,
    ).rejects.toThrow(/rejected/i);
    await expect(kit.db.$executeRaw`DELETE FROM "Review" WHERE "id" = ${review.id}::uuid`).rejects.toThrow(/rejected/i);
    await expect(
      kit.db.$executeRaw`UPDATE "ReviewRevision" SET "body" = 'rewritten' WHERE "reviewId" = ${review.id}::uuid`,
    ).rejects.toThrow(/insert-only/i);
    expect(await snapshot(review.id, caseId)).toEqual(before);
  });
});
