/**
 * The edge, end to end through HTTP: what a caller sends is decoded and checked before any
 * module sees it, limits fit real reads and say what they refused, authority comes from
 * records, and one CONFLICT shape names both versions. Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../packages/api/src/limits/query-limits.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, escalateCase, type Json, snapshot } from './cases-support.js';
import { tenantState } from './hardening-tenant-state.js';

let kit: TestKit;
let cinch: TestTenant;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  cinch = await kit.createTenant('cinch');
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit?.close();
});

const FINAL_NOTE = { finalComments: 'Customer reports a gas smell; advised to leave the house, called the provider.' };

async function newCase(tenant: TestTenant, subject = 'Warranty claim'): Promise<{ id: string; version: number }> {
  return createCase(tenant, { subject, customerRef: `cust-${Math.random().toString(36).slice(2)}`, channel: 'PHONE' });
}

function codeOf(response: { data?: Json | null; errors?: { extensions?: Json }[] }, field: string): string | undefined {
  return response.data?.[field]?.code ?? response.errors?.[0]?.extensions?.code;
}

describe('limits that fit real reads', () => {
  it('X-1 a case with a 100-event timeline, decisions and actors, and a 50-case page with its relations pass', async () => {
    const created = await newCase(cinch);
    const caseRead = await cinch.as('agent')(
      `query ($id: ID!) { case(id: $id) { id displayNumber status priority tier subject description brand
        team { id slug name } queue { id slug name } assignee { id name role } createdBy { id name role }
        sla { startedAt dueAt paused breached explanation }
        timeline(first: 100) { pageInfo { hasNextPage endCursor } edges { cursor node {
          id type data decision policyVersion requestId createdAt actor { id name role team { slug name } } } } } } }`,
      { id: created.id },
    );
    expect(caseRead.errors, JSON.stringify(caseRead.errors)).toBeUndefined();
    const page = await cinch.as('agent')(
      `{ cases(first: 50) { pageInfo { hasNextPage endCursor } edges { cursor node { id displayNumber status priority
        tier subject customerRef createdAt team { id slug name } queue { id slug name } assignee { id name role }
        createdBy { id name role } } } } }`,
    );
    expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
  });

  it('X-5 a query past the cost limit is QUERY_TOO_COMPLEX naming the limit and the cost found, not a syntax error', async () => {
    const nested = 'team { members { team { members { team { members { team { slug name } } } } } } }';
    const response = await cinch.as('agent')(
      `{ cases(first: 5) { edges { node { ${nested} queue { team { ${nested} } } } } } }`,
    );
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(error?.message).not.toMatch(/syntax/i);
    expect(error?.message).toMatch(/limit is \d+/);
    expect(error?.extensions).toMatchObject({ limit: expect.any(String), allowed: expect.any(Number) });
    expect(QUERY_LIMITS.maxCost).toBeGreaterThan(5000);
  });

  it('X-5 page sizes and cursors are checked where they enter', async () => {
    const negative = await cinch.as('agent')('{ cases(first: -1) { edges { node { id } } } }');
    expect(negative.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100',
      extensions: { code: 'VALIDATION_FAILED', fields: [{ path: 'first' }] },
    });
    const garbage = await cinch.as('agent')('{ cases(first: 5, after: "bm90IGEgY3Vyc29y") { edges { node { id } } } }');
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'after' }] });
    const tooMany = await cinch.as('agent')('{ cases(first: 101) { edges { node { id } } } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('inputs decoded and checked at the edge', () => {
  it('X-5 a DateTime that is not a real calendar instant is refused and nothing is written', async () => {
    const before = await tenantState(kit.db, care.tenantId);
    const response = await care.as('integration')(
      `mutation ($input: AddAttachmentInput!) { addAttachment(input: $input) { __typename ${APP_ERROR} } }`,
      {
        input: {
          customerRef: 'member-1',
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 10,
          receivedAt: '2026-02-30T10:00:00Z',
        },
      },
    );
    expect(JSON.stringify(response.errors)).toContain('2026-02-30T10:00:00Z is not a real instant');
    expect(await tenantState(kit.db, care.tenantId)).toEqual(before);
  });

  it('SOL-8 an attachment URL must be http or https: javascript: is refused naming the field', async () => {
    const created = await newCase(care, 'Documents');
    const before = await tenantState(kit.db, care.tenantId);
    const response = await care.as('agent')<{ addAttachment: Json }>(
      `mutation ($input: AddAttachmentInput!) { addAttachment(input: $input) { __typename ${APP_ERROR} } }`,
      {
        input: {
          caseId: created.id,
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 10,
          storageUrl: 'javascript:alert(document.cookie)',
        },
      },
    );
    expect(response.data?.addAttachment).toMatchObject({
      __typename: 'AppError',
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'input.storageUrl', message: 'must be an absolute http or https URL' }],
    });
    expect(await tenantState(kit.db, care.tenantId)).toEqual(before);
  });

  it('X-5 an id of the wrong type is VALIDATION_FAILED naming the argument', async () => {
    const orgId = Buffer.from(`Organization:${care.tenantId}`).toString('base64');
    const response = await care.as('agent')<{ escalateCase: Json }>(
      `mutation ($caseId: ID!) { escalateCase(caseId: $caseId, input: { expectedVersion: 1 }) { __typename ${APP_ERROR} } }`,
      { caseId: orgId },
    );
    expect(response.data?.escalateCase).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'caseId is a Organization id; expected a Case id',
      fields: [{ path: 'caseId' }],
    });
  });
});

describe('authority from records', () => {
  it('CIN-2 an agent cannot approve their own escalation by claiming supervisorApproved', async () => {
    const created = await newCase(cinch, 'SOS');
    const before = await tenantState(kit.db, cinch.tenantId);
    const claimed = await escalateCase(cinch, created.id, {
      expectedVersion: 1,
      text: 'There is a gas smell in the basement',
      signals: { agentFlags: ['SOS_HIGH_RISK'], supervisorApproved: true },
      note: FINAL_NOTE,
    });
    expect(claimed).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
    expect(claimed.fields.map((field: Json) => field.path)).toContain('input.signals.supervisorApproved');
    expect(await tenantState(kit.db, cinch.tenantId)).toEqual(before);

    // the same escalation without the claim waits for a supervisor's approval on record
    const pending = await escalateCase(cinch, created.id, {
      expectedVersion: 1,
      text: 'There is a gas smell in the basement',
      signals: { agentFlags: ['SOS_HIGH_RISK'] },
      note: FINAL_NOTE,
    });
    expect(pending).toMatchObject({ outcome: 'PENDING_APPROVAL', case: { tier: 'TIER1' } });
    const approved = await cinch.as('tier1_supervisor')<{ approveEscalation: Json }>(
      `mutation ($id: ID!) { approveEscalation(approvalId: $id) { __typename ${APP_ERROR} } }`,
      { id: pending.approval.id },
    );
    expect(approved.data?.approveEscalation.__typename).not.toBe('AppError');
    const { row } = await snapshot(kit, created.id);
    expect(row.tier).toBe('TIER2');
  });
});

describe('one concurrency guard', () => {
  it('X-4 CONFLICT names the version sent and the version on file', async () => {
    const created = await newCase(cinch);
    const first = await cinch.as('agent')<{ updateCase: Json }>(
      `mutation ($id: ID!) { updateCase(caseId: $id, input: { expectedVersion: 1, subject: "First" }) { __typename ${APP_ERROR} } }`,
      { id: created.id },
    );
    expect(first.data?.updateCase.__typename).not.toBe('AppError');
    const stale = await cinch.as('agent')<{ updateCase: Json }>(
      `mutation ($id: ID!) { updateCase(caseId: $id, input: { expectedVersion: 1, subject: "Second" }) { __typename ${APP_ERROR} } }`,
      { id: created.id },
    );
    expect(stale.data?.updateCase).toMatchObject({
      code: 'CONFLICT',
      rule: 'X-4',
      details: { record: 'Case', expectedVersion: 1, currentVersion: 2 },
    });
    expect(stale.data?.updateCase.message).toContain('version 2, not 1');
    expect(codeOf(stale as never, 'updateCase')).toBe('CONFLICT');
  });
});

describe('personal data only for the roles that need it', () => {
  it('CARE-P5 agents see neither the requester’s address on the case timeline nor the privacy mail, and cannot open the request', async () => {
    const ref = `member-${Math.random().toString(36).slice(2)}`;
    await care.as('integration')(
      'mutation ($ref: String!) { upsertCustomer(input: { externalRef: $ref, signInMethods: [password], email: "requester@example.test" }) { __typename } }',
      { ref },
    );
    const created = await createCase(care, { subject: 'Delete my data', customerRef: ref });
    const request = await care.as('privacy')<{ createPrivacyRequest: Json }>(
      `mutation ($caseId: ID!) { createPrivacyRequest(input: { caseId: $caseId, type: DELETE_DATA }) {
        __typename ... on PrivacyRequestPayload { privacyRequest { id requesterEmail } } ${APP_ERROR} } }`,
      { caseId: created.id },
    );
    const privacyRequest = request.data?.createPrivacyRequest.privacyRequest;
    expect(privacyRequest?.requesterEmail).toBe('requester@example.test');
    const read = `query ($id: ID!, $pr: ID!) {
      case(id: $id) { timeline(first: 50) { edges { node { type data } } } notifications { template recipient payload } }
      node(id: $pr) { id }
    }`;
    const asAgent = await care.as('agent')<{ case: Json; node: Json }>(read, { id: created.id, pr: privacyRequest.id });
    expect(asAgent.errors).toBeUndefined();
    const agentView = JSON.stringify(asAgent.data);
    expect(agentView).not.toContain('requester@example.test');
    expect(agentView).not.toContain('privacyRequestId');
    expect(asAgent.data?.node).toBeNull();
    const asPrivacy = await care.as('privacy')<{ case: Json; node: Json }>(read, {
      id: created.id,
      pr: privacyRequest.id,
    });
    expect(JSON.stringify(asPrivacy.data?.case.notifications)).toContain('requester@example.test');
    expect(asPrivacy.data?.node).toEqual({ id: privacyRequest.id });
  });
});
