import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  CASE_PRIVACY,
  CLOSE_CASE,
  CREATE_PR,
  DELETE_PR,
  EXTEND_PR,
  memberWithCase,
  rowId,
  UPDATE_PR,
} from './care-support.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let kit: TestKit;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

describe('working privacy requests', () => {
  it('CARE-P6 closes the case with the PR comment, Account Management / Data Deletion, in one transaction', async () => {
    const { caseId } = await memberWithCase(care);
    const created = await care.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
    const request = created.data?.createPrivacyRequest.privacyRequest;
    const stale = await care.as('tier2')<any>(CLOSE_CASE, { input: { privacyRequestId: request.id, caseVersion: 99 } });
    expect(stale.data?.closeCaseForPrivacyRequest).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 1 } });
    expect(await kit.db.caseComment.count({ where: { caseId } })).toBe(0);

    const closed = await care.as('tier2')<any>(CLOSE_CASE, { input: { privacyRequestId: request.id, caseVersion: 1 } });
    expect(closed.data?.closeCaseForPrivacyRequest.case).toMatchObject({
      status: 'CLOSED',
      closeReason: 'Account Management',
      closeSecondaryReason: 'Data Deletion',
      version: 2,
    });
    expect(closed.data?.closeCaseForPrivacyRequest.case.closedAt).toBeTruthy();
    const comments = await kit.db.caseComment.findMany({ where: { caseId } });
    expect(comments.map((comment) => comment.body)).toEqual([`Created privacy request: ${request.name}`]);
    const view = await care.as('tier2')<any>(CASE_PRIVACY, { id: caseId });
    const types = view.data?.case.timeline.edges.map((edge: any) => edge.node.type);
    expect(types).toEqual(expect.arrayContaining(['PRIVACY_REQUEST_CREATED', 'COMMENT_ADDED', 'STATUS_CHANGED']));
    const statusEvent = view.data?.case.timeline.edges.find((edge: any) => edge.node.type === 'STATUS_CHANGED').node;
    expect(statusEvent.data.status).toEqual({ before: 'NEW', after: 'CLOSED' });

    const again = await care.as('tier2')<any>(CLOSE_CASE, { input: { privacyRequestId: request.id } });
    expect(again.data?.closeCaseForPrivacyRequest).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-P6' });
  });

  it('CARE-P7 a case lists its requests; edits and deletion are on the timeline, deletion keeps the row', async () => {
    const { caseId } = await memberWithCase(care);
    const first = (await care.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DATA_CATEGORIES' } })).data
      ?.createPrivacyRequest.privacyRequest;
    const second = (await care.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'ACCESS_DATA' } })).data
      ?.createPrivacyRequest.privacyRequest;
    const listed = await care.as('tier2')<any>(CASE_PRIVACY, { id: caseId });
    expect(listed.data?.case.privacyRequests).toEqual([
      { name: first.name, type: 'DATA_CATEGORIES', receivedAt: first.receivedAt, status: 'REQUESTED' },
      { name: second.name, type: 'ACCESS_DATA', receivedAt: second.receivedAt, status: 'REQUESTED' },
    ]);

    const edited = await care.as('privacy')<any>(UPDATE_PR, {
      input: { id: first.id, type: 'DELETE_DATA', status: 'IN_PROGRESS' },
    });
    expect(edited.data?.updatePrivacyRequest.privacyRequest).toMatchObject({
      type: 'DELETE_DATA',
      status: 'IN_PROGRESS',
    });

    const forbidden = await care.as('tier2')<any>(DELETE_PR, { input: { id: second.id, reason: 'duplicate' } });
    expect(forbidden.data?.deletePrivacyRequest.code).toBe('FORBIDDEN');
    const deleted = await care.as('privacy')<any>(DELETE_PR, {
      input: { id: second.id, reason: 'Duplicate of the first' },
    });
    expect(deleted.data?.deletePrivacyRequest.privacyRequest.deletedAt).toBeTruthy();
    expect(await kit.db.privacyRequest.count({ where: { id: rowId(second.id) } })).toBe(1);

    const after = await care.as('tier2')<any>(CASE_PRIVACY, { id: caseId });
    expect(after.data?.case.privacyRequests.map((request: any) => request.name)).toEqual([first.name]);
    const events = after.data?.case.timeline.edges.map((edge: any) => edge.node);
    const update = events.find((event: any) => event.type === 'PRIVACY_REQUEST_UPDATED');
    expect(update.data.changes).toEqual({
      type: { before: 'DATA_CATEGORIES', after: 'DELETE_DATA' },
      status: { before: 'REQUESTED', after: 'IN_PROGRESS' },
    });
    const deletion = events.find((event: any) => event.type === 'PRIVACY_REQUEST_DELETED');
    expect(deletion.data).toMatchObject({ number: second.name, reason: 'Duplicate of the first' });
    expect(deletion.actor.name).toBe('Demo Privacy Specialist');

    const again = await care.as('privacy')<any>(UPDATE_PR, { input: { id: second.id, status: 'COMPLETED' } });
    expect(again.data?.updatePrivacyRequest.code).toBe('NOT_FOUND');
  });

  it('CARE-P3 the lifecycle refuses a move out of a final status and a denial without a reason', async () => {
    const { caseId } = await memberWithCase(care);
    const request = (await care.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'ACCESS_DATA' } })).data
      ?.createPrivacyRequest.privacyRequest;
    const noReason = await care.as('privacy')<any>(UPDATE_PR, { input: { id: request.id, status: 'DENIED' } });
    expect(noReason.data?.updatePrivacyRequest).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'input.denialReason' }],
    });
    const denied = await care.as('privacy')<any>(UPDATE_PR, {
      input: { id: request.id, status: 'DENIED', denialReason: 'Manifestly unfounded' },
    });
    expect(denied.data?.updatePrivacyRequest.privacyRequest).toMatchObject({
      status: 'DENIED',
      denialReason: 'Manifestly unfounded',
    });
    const reopen = await care.as('privacy')<any>(UPDATE_PR, { input: { id: request.id, status: 'REQUESTED' } });
    expect(reopen.data?.updatePrivacyRequest).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'CARE-P3' });
    const row = await kit.db.privacyRequest.findUniqueOrThrow({ where: { id: rowId(request.id) } });
    expect(row.status).toBe('DENIED');
  });
});

describe('DSAR deadlines', () => {
  const OVERDUE = `query($filter: PrivacyRequestFilter) { privacyRequests(first: 50, filter: $filter) { edges { node { name dueAt overdue } } } }`;

  it('lists overdue and due-soon requests; extending once moves the deadline, records the reason and queues the notice', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId, email } = await memberWithCase(tenant);
    const now = Date.now();
    const create = async (daysAgo: number, jurisdiction = 'CCPA') =>
      (
        await tenant.as('privacy')<any>(CREATE_PR, {
          input: {
            caseId,
            type: 'ACCESS_DATA',
            jurisdiction,
            receivedAt: new Date(now - daysAgo * DAY_MS).toISOString(),
          },
        })
      ).data?.createPrivacyRequest.privacyRequest;
    const late = await create(50); // CCPA: 45 days → overdue
    const soon = await create(41); // due in about 4 days
    const fresh = await create(1); // due in about 44 days
    const gdpr = await create(10, 'GDPR'); // due in about three weeks
    expect(late.overdue).toBe(true);
    expect(fresh.overdue).toBe(false);

    const overdue = await tenant.as('privacy')<any>(OVERDUE, { filter: { deadline: 'OVERDUE' } });
    expect(overdue.data?.privacyRequests.edges.map((edge: any) => edge.node.name)).toEqual([late.name]);
    const dueSoon = await tenant.as('tier2')<any>(OVERDUE, { filter: { deadline: 'DUE_SOON', dueWithinDays: 7 } });
    expect(dueSoon.data?.privacyRequests.edges.map((edge: any) => edge.node.name)).toEqual([soon.name]);
    const month = await tenant.as('privacy')<any>(OVERDUE, { filter: { deadline: 'DUE_SOON', dueWithinDays: 30 } });
    expect(month.data?.privacyRequests.edges.map((edge: any) => edge.node.name)).toEqual([soon.name, gdpr.name]);

    const extended = await tenant.as('privacy')<any>(EXTEND_PR, {
      input: { id: soon.id, reason: 'The request covers several years of booking records' },
    });
    const moved = extended.data?.extendPrivacyRequest.privacyRequest;
    expect(moved.status).toBe('EXTENDED');
    expect(moved.extensionReason).toBe('The request covers several years of booking records');
    expect(new Date(moved.dueAt).getTime() - new Date(soon.dueAt).getTime()).toBeGreaterThanOrEqual(44 * DAY_MS);
    const notice = await kit.db.outboxMessage.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, template: 'privacy-extension-notice' },
    });
    expect(notice.recipient).toBe(email);
    expect(notice.subject).toBe(`Your privacy request ${soon.name} – more time needed`);
    expect((notice.payload as { body: string }).body).toContain('several years of booking records');

    const twice = await tenant.as('privacy')<any>(EXTEND_PR, { input: { id: soon.id, reason: 'again' } });
    expect(twice.data?.extendPrivacyRequest.code).toBe('RULE_VIOLATION');
    const tooLate = await tenant.as('privacy')<any>(EXTEND_PR, { input: { id: late.id, reason: 'late' } });
    expect(tooLate.data?.extendPrivacyRequest.code).toBe('RULE_VIOLATION');
    expect(
      await kit.db.outboxMessage.count({ where: { tenantId: tenant.tenantId, template: 'privacy-extension-notice' } }),
    ).toBe(1);
    const view = await tenant.as('privacy')<any>(CASE_PRIVACY, { id: caseId });
    const extension = view.data?.case.timeline.edges.find((edge: any) => edge.node.type === 'PRIVACY_REQUEST_EXTENDED');
    expect(extension.node.data.dueAt.after).toBe(moved.dueAt);
  });

  it('X-5 agents cannot read privacy requests', async () => {
    const response = await care.as('agent')<any>(OVERDUE, { filter: { deadline: 'OVERDUE' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
