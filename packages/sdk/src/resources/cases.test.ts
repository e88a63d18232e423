import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../errors/escalate-error.js';
import { asResult } from '../errors/result.js';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';

let env: SdkTestEnv;

beforeAll(async () => {
  env = await startSdkTestEnv('care');
});

afterAll(async () => {
  await env?.close();
});

describe('cases over HTTP', () => {
  it('viewer names the key owner, role and organization', async () => {
    const viewer = await env.client('tier2').viewer();
    expect(viewer.role).toBe('tier2');
    expect(viewer.organization.slug).toBe(env.tenant.slug);
    expect(Buffer.from(viewer.user.id, 'base64').toString()).toBe(`User:${env.tenant.userIds.tier2}`);
  });

  it('creates a case and reads it back by id', async () => {
    const client = env.client('tier2');
    const { case: created, created: isNew } = await client.cases.create({
      subject: 'Printer on fire',
      customerRef: 'C-100',
      priority: 'HIGH',
      channel: 'PHONE',
    });
    expect(isNew).toBe(true);
    expect(created.displayNumber).toMatch(/^CASE-\d{6}$/);
    const again = await client.cases.get(created.id);
    expect(again).toMatchObject({ id: created.id, subject: 'Printer on fire', priority: 'HIGH', channel: 'PHONE' });
    const row = await env.kit.db.case.findFirstOrThrow({
      where: { tenantId: env.tenant.tenantId, subject: 'Printer on fire' },
    });
    expect(row.customerRef).toBe('C-100');
  });

  it('get throws NotFoundError for an unknown id; find returns null', async () => {
    const client = env.client('tier2');
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(client.cases.get(missing)).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.cases.find(missing)).toBeNull();
  });

  it('X-4 the same idempotency key returns the first case; another input with it is a ConflictError', async () => {
    const client = env.client('tier2');
    const key = `test-${Date.now()}`;
    const first = await client.cases.create({ subject: 'Idempotent', customerRef: 'C-200' }, { idempotencyKey: key });
    const second = await client.cases.create({ subject: 'Idempotent', customerRef: 'C-200' }, { idempotencyKey: key });
    expect(second.case.id).toBe(first.case.id);
    const reused = client.cases.create({ subject: 'Different', customerRef: 'C-200' }, { idempotencyKey: key });
    await expect(reused).rejects.toBeInstanceOf(ConflictError);
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', rule: 'X-4', expected: true });
    const rows = await env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId, customerRef: 'C-200' } });
    expect(rows).toBe(1);
  });

  it('an invalid input is a ValidationError naming the field, and asResult returns it as a value', async () => {
    const client = env.client('tier2');
    const before = await env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId } });
    const result = await asResult(client.cases.create({ subject: '', customerRef: 'C-300' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.fields.map((field) => field.path)).toContain('input.subject');
    expect(await env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId } })).toBe(before);
  });
});
