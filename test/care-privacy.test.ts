import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  CASE_PRIVACY,
  CLOSE_CASE,
  CREATE_PR,
  memberWithCase,
  rowId,
  UPDATE_PR,
  UPSERT_CUSTOMER,
} from './care-support.js';

let kit: TestKit;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

async function tenantCounts(tenantId: string) {
  const [requests, emails, events] = await Promise.all([
    kit.db.privacyRequest.count({ where: { tenantId } }),
    kit.db.outboxMessage.count({ where: { tenantId } }),
    kit.db.timelineEvent.count({ where: { tenantId } }),
  ]);
  return { requests, emails, events };
}

describe('creating privacy requests', () => {
  it('CARE-P2 CARE-P4 CARE-P5 CARE-G2 creates PR-000001 for a verified member and queues the Request Link email with the preferred name', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId, email } = await memberWithCase(tenant, { preferredName: 'Sam', legalName: 'Samantha Legalname' });
    const response = await tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
    const request = response.data?.createPrivacyRequest.privacyRequest;
    expect(response.data?.createPrivacyRequest.__typename).toBe('PrivacyRequestPayload');
    expect(request).toMatchObject({
      number: 1,
      name: 'PR-000001',
      type: 'DELETE_DATA',
      status: 'REQUESTED',
      jurisdiction: 'CCPA',
      requesterEmail: email,
      overdue: false,
    });
    expect(rowId(request.case.id)).toBe(caseId);
    const outbox = await kit.db.outboxMessage.findMany({ where: { tenantId: tenant.tenantId } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      channel: 'EMAIL',
      template: 'privacy-ccpa-request-link',
      subject: 'Privacy CCPA – Request Link',
      recipient: email,
      status: 'PENDING',
    });
    const body = (outbox[0]?.payload as { body?: string } | undefined)?.body ?? '';
    expect(body).toMatch(/^Hi Sam,/);
    expect(body).not.toContain('Samantha');
    expect(body).toContain(`https://privacy.escalate.example/${tenant.slug}/requests/PR-000001`);
    const view = await tenant.as('tier2')<any>(CASE_PRIVACY, { id: caseId });
    const events = view.data?.case.timeline.edges.map((edge: any) => edge.node);
    const createdEvent = events.find((event: any) => event.type === 'PRIVACY_REQUEST_CREATED');
    expect(createdEvent.data).toMatchObject({ number: 'PR-000001', type: 'DELETE_DATA', status: 'REQUESTED' });
    expect(createdEvent.actor.name).toBe('Demo Privacy Specialist');
  });

  it('CARE-P3 CARE-P5 an unverifiable contact gets COMPLETED_FAILED_VERIFICATION and the User Verification email', async () => {
    const { caseId } = await memberWithCase(care);
    const response = await care.as('privacy')<any>(CREATE_PR, {
      input: {
        caseId,
        type: 'ACCESS_DATA',
        status: 'COMPLETED_FAILED_VERIFICATION',
        requesterName: 'Unknown Caller',
        requesterEmail: 'unknown-caller@example.org',
      },
    });
    const request = response.data?.createPrivacyRequest.privacyRequest;
    expect(request.status).toBe('COMPLETED_FAILED_VERIFICATION');
    const email = await kit.db.outboxMessage.findFirstOrThrow({
      where: { tenantId: care.tenantId, recipient: 'unknown-caller@example.org' },
    });
    expect(email.subject).toBe('Privacy CCPA – User Verification');
    expect(email.template).toBe('privacy-ccpa-user-verification');
  });

  it('X-5 only the privacy role creates a privacy request: others get a typed FORBIDDEN and nothing is written', async () => {
    const { caseId } = await memberWithCase(care);
    for (const role of ['tier2', 'agent', 'admin', 'lead']) {
      const before = await tenantCounts(care.tenantId);
      const response = await care.as(role)<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
      expect(response.data?.createPrivacyRequest).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
      expect(await tenantCounts(care.tenantId)).toEqual(before);
    }
  });

  it('CARE-P1 a member who signs in only with Google or Apple must set a password first: typed error with the step, nothing written', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId, externalRef } = await memberWithCase(tenant, { signInMethods: ['google', 'apple'] });
    const before = await tenantCounts(tenant.tenantId);
    const refused = await tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
    expect(refused.data?.createPrivacyRequest).toMatchObject({
      __typename: 'AppError',
      code: 'RULE_VIOLATION',
      rule: 'CARE-P1',
      details: { requiredStep: 'SET_PASSWORD', signInMethods: ['apple', 'google'] },
    });
    expect(refused.data?.createPrivacyRequest.message).toMatch(/password/);
    expect(await tenantCounts(tenant.tenantId)).toEqual(before);

    // once the password is set, the request goes through and takes the first number
    await tenant.as('integration')(UPSERT_CUSTOMER, {
      input: { externalRef, signInMethods: ['google', 'apple', 'password'] },
    });
    const accepted = await tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
    expect(accepted.data?.createPrivacyRequest.privacyRequest.name).toBe('PR-000001');
  });

  it('CARE-P5 X-6 the email is written in the same transaction: when a later step fails, request and email are both gone', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId } = await memberWithCase(tenant);
    const before = await tenantCounts(tenant.tenantId);
    const trigger = `fail_pr_timeline_${tenant.tenantId.replace(/-/g, '')}`;
    // the timeline insert runs after the email is queued; make it fail for this tenant only
    await kit.db.$executeRawUnsafe(`
      CREATE FUNCTION "${trigger}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'timeline unavailable'; END; $$`);
    await kit.db.$executeRawUnsafe(`
      CREATE TRIGGER "${trigger}" BEFORE INSERT ON "TimelineEvent" FOR EACH ROW
      WHEN (NEW."tenantId" = '${tenant.tenantId}'::uuid AND NEW."type" = 'PRIVACY_REQUEST_CREATED')
      EXECUTE FUNCTION "${trigger}"()`);
    try {
      const response = await tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
      expect(response.data?.createPrivacyRequest?.privacyRequest).toBeUndefined();
      expect(response.errors?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await kit.db.$executeRawUnsafe(`DROP TRIGGER "${trigger}" ON "TimelineEvent"`);
      await kit.db.$executeRawUnsafe(`DROP FUNCTION "${trigger}"()`);
    }
    expect(await tenantCounts(tenant.tenantId)).toEqual(before);
    // numbers come from a sequence: the rolled-back request's number is not reused (a gap), the
    // next one is higher
    const next = await tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'DELETE_DATA' } });
    expect(next.data?.createPrivacyRequest.privacyRequest.name).toBe('PR-000002');
    expect(await kit.db.outboxMessage.count({ where: { tenantId: tenant.tenantId } })).toBe(before.emails + 1);
  });

  it('CARE-P4 50 concurrent creations never share a number, and the database refuses a duplicate', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId } = await memberWithCase(tenant);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        tenant.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'ACCESS_DATA' } }),
      ),
    );
    const names = responses.map((response) => response.data?.createPrivacyRequest.privacyRequest?.name);
    expect(names.every((name) => /^PR-\d{6}$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(50);
    const numbers = (await kit.db.privacyRequest.findMany({ where: { tenantId: tenant.tenantId } })).map(
      (row) => row.number,
    );
    expect(new Set(numbers).size).toBe(50);
    const existing = await kit.db.privacyRequest.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    await expect(
      kit.db
        .$executeRaw`INSERT INTO "PrivacyRequest" ("id","tenantId","number","caseId","type","status","requesterName","requesterEmail","receivedAt","dueAt","updatedAt")
        VALUES (gen_random_uuid(), ${tenant.tenantId}::uuid, ${existing.number}, ${caseId}::uuid, 'ACCESS_DATA', 'REQUESTED', 'x', 'x@example.org', now(), now(), now())`,
    ).rejects.toThrow(/unique/i);
  });

  it('X-4 a retry with the same idempotency key returns the first request and queues one email', async () => {
    const tenant = await kit.createTenant('care');
    const { caseId } = await memberWithCase(tenant);
    const input = { caseId, type: 'ACCESS_DATA', idempotencyKey: 'pr-retry-1' };
    const [first, second] = [
      await tenant.as('privacy')<any>(CREATE_PR, { input }),
      await tenant.as('privacy')<any>(CREATE_PR, { input }),
    ];
    expect(second.data?.createPrivacyRequest.privacyRequest.id).toBe(
      first.data?.createPrivacyRequest.privacyRequest.id,
    );
    expect(await tenantCounts(tenant.tenantId)).toMatchObject({ requests: 1, emails: 1 });
    const reused = await tenant.as('privacy')<any>(CREATE_PR, { input: { ...input, type: 'DELETE_DATA' } });
    expect(reused.data?.createPrivacyRequest.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('X-5 another organization cannot see, change or close the request', async () => {
    const { caseId } = await memberWithCase(care);
    const request = (await care.as('privacy')<any>(CREATE_PR, { input: { caseId, type: 'ACCESS_DATA' } })).data
      ?.createPrivacyRequest.privacyRequest;
    const other = await kit.createTenant('care');
    const read = await other.as('privacy')<any>('query($id: ID!) { privacyRequest(id: $id) { name } }', {
      id: request.id,
    });
    expect(read.data?.privacyRequest).toBeNull();
    const update = await other.as('privacy')<any>(UPDATE_PR, { input: { id: request.id, status: 'COMPLETED' } });
    expect(update.data?.updatePrivacyRequest.code).toBe('NOT_FOUND');
    const close = await other.as('tier2')<any>(CLOSE_CASE, { input: { privacyRequestId: request.id } });
    expect(close.data?.closeCaseForPrivacyRequest.code).toBe('NOT_FOUND');
    expect(await kit.db.privacyRequest.findUniqueOrThrow({ where: { id: rowId(request.id) } })).toMatchObject({
      status: 'REQUESTED',
    });
  });

  it('rejects bad input naming the field, and an unknown case, writing nothing', async () => {
    const { caseId } = await memberWithCase(care);
    const before = await tenantCounts(care.tenantId);
    // a malformed id is refused where it enters, naming the argument
    const badId = await care.as('privacy')<any>(CREATE_PR, {
      input: { caseId: 'not-an-id', type: 'DELETE_DATA', requesterEmail: 'nope' },
    });
    expect(badId.data?.createPrivacyRequest.code).toBe('VALIDATION_FAILED');
    expect(badId.data?.createPrivacyRequest.fields.map((field: any) => field.path)).toContain('input.caseId');
    const bad = await care.as('privacy')<any>(CREATE_PR, {
      input: { caseId, type: 'DELETE_DATA', requesterEmail: 'nope' },
    });
    expect(bad.data?.createPrivacyRequest.code).toBe('VALIDATION_FAILED');
    expect(bad.data?.createPrivacyRequest.fields.map((field: any) => field.path)).toContain('input.requesterEmail');
    const unknown = await care.as('privacy')<any>(CREATE_PR, {
      input: { caseId: '00000000-0000-4000-8000-000000000000', type: 'DELETE_DATA' },
    });
    expect(unknown.data?.createPrivacyRequest.code).toBe('NOT_FOUND');
    expect(await tenantCounts(care.tenantId)).toEqual(before);
  });
});
