/**
 * createCases: up to 500 cases per call, each item on its own (typed error per item, nothing
 * written for it, the others go ahead), idempotency per item shared with createCase, numbers in
 * input order from the tenant's sequence, and the rate limit counting items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTokenBucket, PostgresTokenBucket } from '../packages/api/src/limits/rate-limiter.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('care');
});

afterAll(async () => {
  await kit?.close();
});

const BULK = `mutation Bulk($input: [CreateCaseInput!]!) { createCases(input: $input) {
  __typename
  ... on AppError { code message fields { path message } }
  ... on CreateCasesPayload { createdCount failedCount results {
    __typename
    ... on CreateCasesItem { index created case { id number subject queue { slug } } }
    ... on AppError { code message rule fields { path message } } } } } }`;

const CREATE = `mutation Create($input: CreateCaseInput!) { createCase(input: $input) {
  __typename ... on CreateCasePayload { created case { id number } } ... on AppError { code message } } }`;

interface Result {
  __typename: 'CreateCasesItem' | 'AppError';
  index?: number;
  created?: boolean;
  case?: { id: string; number: number; subject: string; queue: { slug: string } | null };
  code?: string;
  fields?: { path: string; message: string }[];
}
interface Payload {
  __typename: string;
  createdCount: number;
  failedCount: number;
  results: Result[];
  code?: string;
}

async function bulk(items: unknown[], owner: TestTenant = tenant): Promise<Payload> {
  const response = await owner.as('agent')<{ createCases: Payload }>(BULK, { input: items });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.createCases;
}

/** The row id inside a Relay global id. */
const rowId = (globalId: string | undefined) =>
  Buffer.from(globalId ?? '', 'base64')
    .toString('utf8')
    .split(':')
    .pop() ?? '';

const countCases = (owner: TestTenant, prefix: string) =>
  kit.db.case.count({ where: { tenantId: owner.tenantId, subject: { startsWith: prefix } } });

describe('createCases', () => {
  it('a bad item is a typed error in its place, writes nothing, and the others are created in order', async () => {
    const payload = await bulk([
      { subject: 'Mixed good 1', customerRef: 'mix-1', queue: 'tier1' },
      { subject: '', customerRef: 'mix-2' },
      { subject: 'Mixed bad queue', customerRef: 'mix-3', queue: 'no-such-queue' },
      { subject: 'Mixed good 2', customerRef: 'mix-4', description: 'second good one' },
    ]);
    expect(payload.__typename).toBe('CreateCasesPayload');
    expect(payload.results.map((result) => result.__typename)).toEqual([
      'CreateCasesItem',
      'AppError',
      'AppError',
      'CreateCasesItem',
    ]);
    expect(payload.createdCount).toBe(2);
    expect(payload.failedCount).toBe(2);
    expect(payload.results[1]).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.1.subject' }] });
    expect(payload.results[2]).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.2.queue' }] });
    const [first, , , second] = payload.results;
    expect(first?.case?.queue?.slug).toBe('tier1');
    expect(first?.index).toBe(0);
    expect(second?.index).toBe(3);
    expect(second?.case?.number).toBeGreaterThan(first?.case?.number ?? Number.POSITIVE_INFINITY);
    expect(await countCases(tenant, 'Mixed')).toBe(2);
    // one CASE_CREATED event per created case, nothing for the bad ones
    const events = await kit.db.timelineEvent.findMany({
      where: {
        tenantId: tenant.tenantId,
        type: 'CASE_CREATED',
        caseId: { in: [rowId(first?.case?.id), rowId(second?.case?.id)] },
      },
      select: { caseId: true, data: true },
    });
    expect(events).toHaveLength(2);
    expect(events.find((event) => event.caseId === rowId(first?.case?.id))?.data).toMatchObject({
      subject: 'Mixed good 1',
      queue: 'tier1',
      status: 'NEW',
    });
  });

  it('X-4 idempotency per item: a repeat returns the same cases, a changed item under the same key is refused alone', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      subject: `Keyed ${i}`,
      customerRef: `keyed-${i}`,
      idempotencyKey: `bulk-keyed-${tenant.tenantId}-${i}`,
    }));
    const first = await bulk(items);
    expect(first.createdCount).toBe(5);
    const changed = items.map((item, i) => (i === 2 ? { ...item, subject: 'Keyed but different' } : item));
    const again = await bulk(changed);
    expect(again.results.map((result) => result.case?.id ?? result.code)).toEqual([
      first.results[0]?.case?.id,
      first.results[1]?.case?.id,
      'IDEMPOTENCY_KEY_REUSED',
      first.results[3]?.case?.id,
      first.results[4]?.case?.id,
    ]);
    // a repeat answers with the first result (created: true), without creating anything
    expect(again.createdCount).toBe(4);
    expect(await countCases(tenant, 'Keyed')).toBe(5);
    // the keys are the same as createCase's: a single create with one of them answers the same
    const single = await tenant.as('agent')<{ createCase: { case: { id: string } } }>(CREATE, { input: items[4] });
    expect(single.data?.createCase.case.id).toBe(first.results[4]?.case?.id);
    // a failed item's key is free again: fixed and sent again, it is created
    const bad = {
      subject: 'Fixed later',
      customerRef: 'fix-1',
      queue: 'nope',
      idempotencyKey: `fix-${tenant.tenantId}`,
    };
    expect((await bulk([bad])).results[0]?.code).toBe('VALIDATION_FAILED');
    const fixed = await bulk([{ ...bad, queue: 'tier1' }]);
    expect(fixed.results[0]).toMatchObject({ __typename: 'CreateCasesItem', created: true });
  });

  it('SOL-2 the same customer and concern twice in one call: one case, the second item points at it', async () => {
    const payload = await bulk([
      { subject: 'Concern A', customerRef: 'concern-1', concern: 'Billing dispute' },
      { subject: 'Concern B', customerRef: 'concern-1', concern: 'billing  DISPUTE' },
      { subject: 'Concern C', customerRef: 'concern-1', concern: 'billing dispute', allowDuplicate: true },
    ]);
    expect(payload.results.map((result) => result.created)).toEqual([true, false, true]);
    expect(payload.results[1]?.case?.id).toBe(payload.results[0]?.case?.id);
    const later = await bulk([{ subject: 'Concern D', customerRef: 'concern-1', concern: 'Billing Dispute' }]);
    expect(later.results[0]).toMatchObject({ created: false, case: { id: payload.results[0]?.case?.id } });
  });

  it('500 items in one call: numbers unique and increasing in input order; 501 items are refused', async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ subject: `Five hundred ${i}`, customerRef: `fh-${i}` }));
    const payload = await bulk(items);
    expect(payload.createdCount).toBe(500);
    const numbers = payload.results.map((result) => result.case?.number ?? 0);
    expect(numbers.every((number, i) => i === 0 || number > (numbers[i - 1] ?? 0))).toBe(true);
    expect(await countCases(tenant, 'Five hundred')).toBe(500);
    const tooMany = await bulk([...items, { subject: 'one more', customerRef: 'x' }]);
    expect(tooMany).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
  });

  it('X-5 cases go to the caller organization only, with their own numbers', async () => {
    const other = await kit.createTenant('care');
    const payload = await bulk([{ subject: 'Isolated bulk', customerRef: 'iso-1' }], other);
    expect(payload.results[0]?.case?.number).toBe(1);
    expect(await countCases(tenant, 'Isolated bulk')).toBe(0);
    expect(await countCases(other, 'Isolated bulk')).toBe(1);
  });
});

describe('the rate limit counts items', () => {
  it('a bucket of 10: 8 items pass, the next 3 are refused with 429; a batch larger than the bucket needs a full one', async () => {
    const store = kit.databaseUrl.startsWith('postgres') ? 'postgres' : 'memory';
    const yoga = createServer({
      db: kit.db,
      apiKeyPepper: TEST_PEPPER,
      logger: createLogger('silent'),
      rateLimit: { store, perSecond: 0.01, burst: 10 },
    });
    const owner = await kit.createTenant('care');
    const send = async (count: number) => {
      const response = await yoga.fetch('http://escalate.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.keys.agent}` },
        body: JSON.stringify({
          query: BULK,
          variables: {
            input: Array.from({ length: count }, (_, i) => ({ subject: `Limited ${i}`, customerRef: 'lim' })),
          },
        }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
      };
    };
    expect((await send(8)).status).toBe(200);
    const refused = await send(3);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await countCases(owner, 'Limited')).toBe(8);
  });

  it('both stores: a cost above the bucket is allowed only from a full bucket, which then owes it', async () => {
    let now = 1_000_000;
    const clock = () => now;
    const memory = new MemoryTokenBucket({ perSecond: 10, burst: 20 }, clock);
    const postgres = new PostgresTokenBucket(kit.db, { perSecond: 10, burst: 20 }, clock);
    for (const limiter of [memory, postgres]) {
      const key = `cost-test:${limiter.store}:${Math.random()}`;
      expect((await limiter.take(key, 50)).allowed).toBe(true);
      const next = await limiter.take(key, 1);
      expect(next.allowed).toBe(false);
      // 30 tokens owed at 10 a second: about 3 s before one token is back
      expect(next.retryAfterSeconds).toBeGreaterThanOrEqual(3);
      now += 1_000;
    }
  });
});
