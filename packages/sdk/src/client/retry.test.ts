import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../index.js';
import { startDroppingProxy } from '../testing/dropping-proxy.js';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';
import { retryDelayMs } from './retry.js';

let env: SdkTestEnv;

beforeAll(async () => {
  env = await startSdkTestEnv('care');
});

afterAll(async () => {
  await env?.close();
});

describe('retries', () => {
  it('X-4 the answer to a create is lost after the server did the work: the retry carries the same key, one case exists', async () => {
    const proxy = await startDroppingProxy(env.url, 1);
    try {
      const client = createClient({ url: proxy.url, apiKey: env.tenant.keys.tier2 ?? '', retryBaseDelayMs: 10 });
      const retried: string[] = [];
      client.onRetry(({ error }) => retried.push(error.code));
      const customerRef = `drop-${Date.now()}`;
      const result = await client.cases.create({ subject: 'Lost answer', customerRef });
      expect(proxy.dropped).toBe(1);
      expect(proxy.forwarded).toBe(2);
      expect(retried).toEqual(['NETWORK_ERROR']);
      const rows = await env.kit.db.case.findMany({ where: { tenantId: env.tenant.tenantId, customerRef } });
      expect(rows).toHaveLength(1);
      expect(Buffer.from(result.case.id, 'base64').toString()).toBe(`Case:${rows[0]?.id}`);
      const keys = await env.kit.db.idempotencyKey.count({ where: { tenantId: env.tenant.tenantId } });
      expect(keys).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
  });

  it('without retries the lost answer is a NetworkError and the work was still done once', async () => {
    const proxy = await startDroppingProxy(env.url, 1);
    try {
      const client = createClient({ url: proxy.url, apiKey: env.tenant.keys.tier2 ?? '', retries: 0 });
      const customerRef = `drop-once-${Date.now()}`;
      await expect(client.cases.create({ subject: 'Lost answer', customerRef })).rejects.toMatchObject({
        name: 'NetworkError',
        retryable: true,
      });
      expect(await env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId, customerRef } })).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('backoff grows exponentially with full jitter and honours Retry-After', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(policy, 0, new Error('x'), () => 1)).toBe(100);
    expect(retryDelayMs(policy, 3, new Error('x'), () => 1)).toBe(800);
    expect(retryDelayMs(policy, 6, new Error('x'), () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 3, new Error('x'), () => 0.5)).toBe(400);
  });
});
