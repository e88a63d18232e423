/**
 * Outages are 503: when every pool connection is taken, callers wait up to the pool's
 * connection timeout and then get 503 UNAVAILABLE with Retry-After (retryable), never a
 * masked internal error. Runs on the embedded database and on PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, type PrismaClient, poolOf } from '../packages/api/src/db/prisma-client.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;
let small: PrismaClient;
let yoga: ReturnType<typeof createServer>;

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('tonal');
  small = createDatabaseClient({ url: kit.databaseUrl, maxConnections: 2, connectionTimeoutMs: 1_000 });
  yoga = createServer({
    db: small,
    apiKeyPepper: TEST_PEPPER,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
});

afterAll(async () => {
  await small?.$disconnect();
  await kit?.close();
});

const CREATE = /* GraphQL */ `
  mutation C($input: CreateCaseInput!) {
    createCase(input: $input) {
      __typename ... on CreateCasePayload { case { id } } ... on AppError { code message }
    }
  }
`;

async function createCase(key: string, subject: string, server = yoga) {
  const response = await server.fetch('http://escalate.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: CREATE, variables: { input: { subject, customerRef: 'member-1' } } }),
  });
  const body = (await response.json()) as {
    data?: { createCase: { __typename: string; code?: string } } | null;
    errors?: { extensions?: { code?: string; retryable?: boolean } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

describe('pool exhaustion answers 503 UNAVAILABLE with Retry-After', () => {
  it('every connection held elsewhere: the mutation waits for the pool timeout, then 503, and nothing is written', async () => {
    const key = tenant.keys.agent as string;
    // the key is looked up (and cached) while the pool is free
    expect((await createCase(key, 'before the outage')).status).toBe(200);
    const pool = poolOf(small) as NonNullable<ReturnType<typeof poolOf>>;
    const held = await Promise.all([pool.connect(), pool.connect()]);
    try {
      const answer = await createCase(key, 'during the outage');
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
      // an uncached key is looked up first: the same answer
      const other = await createCase(tenant.keys.tier2 as string, 'during the outage, new key');
      expect(other.status).toBe(503);
      expect(other.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    } finally {
      for (const client of held) client.release();
    }
    expect(await kit.db.case.count({ where: { tenantId: tenant.tenantId, subject: { startsWith: 'during' } } })).toBe(
      0,
    );
    expect((await createCase(key, 'after the outage')).status).toBe(200);
  });

  it('a burst far beyond the pool: each request succeeds or answers a retryable 503, none is an internal error', async () => {
    const key = tenant.keys.agent as string;
    // one connection, and callers give up waiting for it after 50 ms
    const tight = createDatabaseClient({ url: kit.databaseUrl, maxConnections: 1, connectionTimeoutMs: 50 });
    const server = createServer({ db: tight, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent') });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, index) => createCase(key, `burst ${index}`, server)),
    ).finally(() => tight.$disconnect());
    expect(answers.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
    const statuses = new Set(answers.map((answer) => answer.status));
    for (const answer of answers) {
      if (answer.status === 200 && answer.body.data?.createCase.__typename === 'CreateCasePayload') continue;
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      const codes = [
        ...(answer.body.errors ?? []).map((error) => error.extensions?.code),
        answer.body.data?.createCase.code,
      ];
      expect(codes).toContain('UNAVAILABLE');
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    }
    expect([...statuses].every((status) => status === 200 || status === 503)).toBe(true);
  });
});
