/**
 * Production limits and observability through the real server: query limits, per-key rate
 * limits shared through PostgreSQL, CSRF prevention, persisted-operations-only mode,
 * introspection off, /metrics, request logs without secrets, 503 when the database is gone.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '../packages/api/src/db/prisma-client.js';
import { leaseSize, PostgresTokenBucket } from '../packages/api/src/limits/rate-limiter.js';
import { createLogger } from '../packages/api/src/logger.js';
import { persistedOperationId } from '../packages/api/src/security/persisted-operations.js';
import { createServer, type ServerOptions } from '../packages/api/src/server.js';
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

type Yoga = ReturnType<typeof createServer>;

function server(options: Partial<ServerOptions> = {}): Yoga {
  return createServer({ db: kit.db, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent'), ...options });
}

async function post(yoga: Yoga, key: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://escalate.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  return { response, json };
}

describe('query limits', () => {
  it('X-7 refuses deep, aliased and oversized documents before running them', async () => {
    const yoga = server();
    const key = tenant.keys.agent;
    const deep = `{ __type(name: "Case") { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } }`;
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;
    const tokens = `{ viewer { ${'role '.repeat(2500)} } }`;
    for (const query of [deep, aliases, tokens]) {
      const { response, json } = await post(yoga, key, { query });
      expect(json.data ?? null).toBeNull();
      expect(json.errors?.length).toBeGreaterThan(0);
      expect(response.status).toBeLessThan(500);
    }
  });

  it('X-7 refuses first > 100 with a typed validation error', async () => {
    const { json } = await post(server(), tenant.keys.agent, {
      query: '{ cases(first: 101) { edges { node { id } } } }',
    });
    expect(json.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('input hygiene', () => {
  it('X-7 refuses NUL characters in variables with a typed validation error naming the path', async () => {
    const before = await kit.db.case.count({ where: { tenantId: tenant.tenantId } });
    const { response, json } = await post(server(), tenant.keys.agent, {
      query: 'mutation($input: CreateCaseInput!) { createCase(input: $input) { __typename } }',
      variables: { input: { subject: 'nul\u0000byte', customerRef: 'member-1' } },
    });
    expect(response.status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'variables.input.subject', message: 'NUL characters are not allowed' }],
    });
    expect(await kit.db.case.count({ where: { tenantId: tenant.tenantId } })).toBe(before);
  });
});

describe('per-API-key rate limits', () => {
  for (const store of ['postgres', 'memory'] as const) {
    it(`X-7 answers 429 with Retry-After once a key's bucket is empty (${store})`, async () => {
      const yoga = server({ rateLimit: { store, perSecond: 0.5, burst: 3 } });
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 5; i += 1) {
        const result = await post(yoga, tenant.keys.tier2, { query: '{ viewer { role } }' });
        statuses.push(result.response.status);
        if (result.response.status === 429) limited ??= result;
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(Number(limited?.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited?.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // another key has its own bucket
      const other = await post(yoga, tenant.keys.tier3, { query: '{ viewer { role } }' });
      expect(other.response.status).toBe(200);
    });
  }

  it('X-7 leased tokens never exceed the shared bucket, across replicas', async () => {
    const options = { perSecond: 0.001, burst: 100 };
    const replicas = [new PostgresTokenBucket(kit.db, options), new PostgresTokenBucket(kit.db, options)];
    const key = `lease-probe-${tenant.slug}`;
    let allowed = 0;
    for (let i = 0; i < 200; i += 1) {
      const decision = await (replicas[i % 2] as PostgresTokenBucket).take(key);
      if (decision.allowed) allowed += 1;
      else expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(leaseSize(options.burst)).toBe(5);
    expect(allowed).toBe(100);
  });

  it('X-7 replicas share the PostgreSQL bucket of a key', async () => {
    const options = { rateLimit: { store: 'postgres' as const, perSecond: 0.5, burst: 2 } };
    const [first, second] = [server(options), server(options)];
    const key = tenant.keys.lead;
    expect((await post(first, key, { query: '{ viewer { role } }' })).response.status).toBe(200);
    expect((await post(second, key, { query: '{ viewer { role } }' })).response.status).toBe(200);
    expect((await post(first, key, { query: '{ viewer { role } }' })).response.status).toBe(429);
    expect((await post(second, key, { query: '{ viewer { role } }' })).response.status).toBe(429);
  });
});

describe('CSRF prevention', () => {
  it('X-7 refuses GET and form posts without a preflight header; JSON posts and marked GETs pass', async () => {
    const yoga = server();
    const auth = { authorization: `Bearer ${tenant.keys.agent}` };
    const url = `http://escalate.test/graphql?query=${encodeURIComponent('{ viewer { role } }')}`;
    expect((await yoga.fetch(url, { headers: auth })).status).toBe(403);
    const form = await yoga.fetch('http://escalate.test/graphql', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(form.status).toBe(403);
    const marked = await yoga.fetch(url, { headers: { ...auth, 'x-escalate-client': 'cli' } });
    expect(marked.status).toBe(200);
  });
});

describe('persisted operations and introspection', () => {
  it('X-7 only-mode runs stored operations by hash and refuses any other document', async () => {
    const document = 'query WhoAmI { viewer { role } }';
    const id = persistedOperationId(document);
    const yoga = server({ persistedOperations: { operations: new Map([[id, document]]), only: true } });
    const stored = await post(yoga, tenant.keys.agent, {
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    });
    expect(stored.json.data?.viewer).toEqual({ role: 'agent' });
    const arbitrary = await post(yoga, tenant.keys.agent, { query: document });
    expect(arbitrary.json.data ?? null).toBeNull();
    expect(arbitrary.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    const unknown = await post(yoga, tenant.keys.agent, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('X-7 introspection and GraphiQL can be turned off', async () => {
    const yoga = server({ introspection: false, graphiql: false });
    const { json } = await post(yoga, tenant.keys.agent, { query: '{ __schema { types { name } } }' });
    expect(json.errors?.[0]?.message).toMatch(/Introspection is disabled/);
    const page = await yoga.fetch('http://escalate.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});

describe('observability', () => {
  it('X-8 /metrics reports request durations by operation, errors by code, outbox and pool gauges', async () => {
    const yoga = server();
    await post(yoga, tenant.keys.agent, { query: 'query WhoAmI { viewer { role } }', operationName: 'WhoAmI' });
    await post(yoga, tenant.keys.admin, {
      query: 'mutation Revoke { revokeApiKey(input: { id: "not-an-id" }) { __typename ... on AppError { code } } }',
    });
    const metrics = await (await yoga.fetch('http://escalate.test/metrics')).text();
    expect(metrics).toMatch(
      /escalate_graphql_request_duration_seconds_count\{operation="WhoAmI",type="query",status="200"\} 1/,
    );
    expect(metrics).toMatch(/escalate_graphql_errors_total\{code="VALIDATION_FAILED"\} 1/);
    expect(metrics).toMatch(/escalate_outbox_backlog|escalate_outbox_oldest_pending_age_seconds \d/);
    expect(metrics).toMatch(/escalate_db_pool_connections\{state="max"\} \d+/);
    expect(metrics).toMatch(/escalate_process_resident_memory_bytes \d+/);
  });

  it('X-8 /metrics can require a bearer token', async () => {
    const yoga = server({ metrics: { token: 'metrics-token-0123456789' } });
    expect((await yoga.fetch('http://escalate.test/metrics')).status).toBe(401);
    const ok = await yoga.fetch('http://escalate.test/metrics', {
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(ok.status).toBe(200);
  });

  it('X-8 logs one JSON line per request with request id, tenant, operation and duration, and no secrets', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const yoga = server({ logger: pino({ level: 'info' }, sink) });
    const key = tenant.keys.agent as string;
    const { response } = await post(
      yoga,
      key,
      { query: 'query Lookup($id: ID!) { case(id: $id) { id } }', variables: { id: 'SECRET-CUSTOMER-TEXT' } },
      { 'x-request-id': 'req-probe-123' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-probe-123');
    const entry = lines.map((line) => JSON.parse(line)).find((line) => line.requestId === 'req-probe-123');
    expect(entry).toMatchObject({ tenant: tenant.slug, operation: 'Lookup', operationType: 'query', status: 200 });
    expect(typeof entry.durationMs).toBe('number');
    const all = lines.join('\n');
    expect(all).not.toContain(key);
    expect(all).not.toContain('SECRET-CUSTOMER-TEXT');
  });

  it('X-9 answers 503 with Retry-After and a typed retryable error when the database is unreachable', async () => {
    const unreachable = createDatabaseClient({ url: 'postgresql://postgres@127.0.0.1:1/escalate', maxConnections: 1 });
    const yoga = createServer({ db: unreachable, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent') });
    const { response, json } = await post(yoga, tenant.keys.agent, { query: '{ viewer { role } }' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    await unreachable.$disconnect();
  });
});

describe('API keys', () => {
  const CREATE = `mutation Create($input: CreateApiKeyInput!) { createApiKey(input: $input) {
    __typename ... on CreateApiKeyPayload { key apiKey { id prefix active } } ... on AppError { code } } }`;
  const ROTATE = `mutation Rotate($input: ApiKeyIdInput!) { rotateApiKey(input: $input) {
    __typename ... on RotateApiKeyPayload { key apiKey { id } revokedApiKey { id active } } ... on AppError { code } } }`;
  const REVOKE = `mutation Revoke($input: ApiKeyIdInput!) { revokeApiKey(input: $input) {
    __typename ... on RevokeApiKeyPayload { apiKey { id active } } ... on AppError { code } } }`;

  it('X-7 an admin creates a key that is shown once and stored only as a hash', async () => {
    const input = { name: 'CRM integration', idempotencyKey: 'create-key-1' };
    const { json } = await post(server(), tenant.keys.admin, { query: CREATE, variables: { input } });
    const created = json.data?.createApiKey;
    expect(created.__typename).toBe('CreateApiKeyPayload');
    expect(created.key).toMatch(/^esk_[a-z0-9]{12}_/);
    const row = await kit.db.apiKey.findFirstOrThrow({ where: { prefix: created.apiKey.prefix } });
    expect(row.hash).not.toContain(created.key);
    expect(JSON.stringify(row)).not.toContain(created.key.split('_')[2]);
    const viewer = await post(server(), created.key, { query: '{ viewer { role } }' });
    expect(viewer.json.data?.viewer.role).toBe('admin');
    // the same request again returns the same key record, without the secret
    const repeat = await post(server(), tenant.keys.admin, { query: CREATE, variables: { input } });
    expect(repeat.json.data?.createApiKey.apiKey.id).toBe(created.apiKey.id);
    expect(repeat.json.data?.createApiKey.key).toBeNull();
    const stored = await kit.db.idempotencyKey.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, key: 'create-key-1' },
    });
    expect(JSON.stringify(stored.response)).not.toContain(created.key);
  });

  it('X-7 only admins manage keys', async () => {
    for (const role of ['agent', 'tier2', 'lead', 'integration']) {
      const { json } = await post(server(), tenant.keys[role], { query: CREATE, variables: { input: { name: 'x' } } });
      expect(json.data?.createApiKey).toEqual({ __typename: 'AppError', code: 'FORBIDDEN' });
    }
  });

  it('X-7 rotation revokes the old key and issues a working replacement; revocation stops a key', async () => {
    const created = (
      await post(server(), tenant.keys.admin, { query: CREATE, variables: { input: { name: 'rotating' } } })
    ).json.data?.createApiKey;
    const rotated = (
      await post(server(), tenant.keys.admin, { query: ROTATE, variables: { input: { id: created.apiKey.id } } })
    ).json.data?.rotateApiKey;
    expect(rotated.revokedApiKey).toEqual({ id: created.apiKey.id, active: false });
    expect((await post(server(), created.key, { query: '{ viewer { role } }' })).response.status).toBe(401);
    expect((await post(server(), rotated.key, { query: '{ viewer { role } }' })).response.status).toBe(200);
    const revoked = (
      await post(server(), tenant.keys.admin, { query: REVOKE, variables: { input: { id: rotated.apiKey.id } } })
    ).json.data?.revokeApiKey;
    expect(revoked.apiKey.active).toBe(false);
    // a new server has no cached lookups: the revoked key is refused at once
    expect((await post(server(), rotated.key, { query: '{ viewer { role } }' })).response.status).toBe(401);
    const again = await post(server(), tenant.keys.admin, {
      query: ROTATE,
      variables: { input: { id: rotated.apiKey.id } },
    });
    expect(again.json.data?.rotateApiKey).toEqual({ __typename: 'AppError', code: 'INVALID_TRANSITION' });
  });
});
