/**
 * Limits before work: oversized bodies are refused with 413 before they are parsed, requests
 * without a valid key are checked before their body is read and limited per client (429 +
 * Retry-After, without a key lookup once over), open event streams are counted per key, and
 * an organization holds a bounded number of active API keys.
 */
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer, type ServerOptions } from '../packages/api/src/server.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('tonal');
});

afterAll(async () => {
  for (const close of closers) await close();
  await kit.close();
});

/** A server of its own on a real port of 127.0.0.1. */
async function serve(options: Partial<ServerOptions>): Promise<{ url: string; port: number }> {
  const yoga = createServer({ db: kit.db, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent'), ...options });
  const http = createHttpServer(yoga);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  );
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, port };
}

/** A raw POST; `chunked` leaves out Content-Length. Resolves with the status and body. */
function rawPost(
  port: number,
  body: string,
  headers: Record<string, string>,
  chunked = false,
): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            retryAfter: response.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    // the server may answer and close before the whole body is sent: that is the point
    outgoing.on('error', (error) => (String(error).match(/EPIPE|ECONNRESET/) ? undefined : reject(error)));
    if (chunked) {
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        outgoing.write(body.slice(offset, offset + 64 * 1024));
      outgoing.end();
    } else outgoing.end(body);
  });
}

function bigQuery(bytes: number): string {
  return JSON.stringify({ query: '{ viewer { role } }', variables: { padding: 'x'.repeat(bytes) } });
}

describe('request body limit', () => {
  it('refuses a body over the limit with 413 and a JSON error, from its Content-Length or while it streams', async () => {
    const { port } = await serve({ limits: { bodyLimitBytes: 64 * 1024 } });
    const key = tenant.keys.agent as string;
    for (const chunked of [false, true]) {
      const answer = await rawPost(port, bigQuery(2 * 1024 * 1024), { authorization: `Bearer ${key}` }, chunked);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 65536 } }],
      });
    }
    // under the limit, with and without Content-Length, the request runs
    for (const chunked of [false, true]) {
      const answer = await rawPost(port, bigQuery(10_000), { authorization: `Bearer ${key}` }, chunked);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ data: { viewer: { role: 'agent' } } });
    }
  });

  it('unauthenticated 11 MB and 20 MB bodies are refused without being read (default limit 1 MiB)', async () => {
    const { port } = await serve({});
    for (const size of [11, 20]) {
      const answer = await rawPost(port, bigQuery(size * 1024 * 1024), {});
      expect(answer.status).toBe(413);
    }
    // a small body without a key: 401 before it is parsed
    const unauthenticated = await rawPost(port, '{"query": "{ viewer { role } }" ', {});
    expect(unauthenticated.status).toBe(401);
    expect(JSON.parse(unauthenticated.body)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

describe('per-client limit on requests without a valid key', () => {
  it('a burst of invalid keys gets 401 up to the burst, then 429 with Retry-After; a working key keeps working', async () => {
    const { port } = await serve({ limits: { unauthenticated: { perSecond: 0.01, burst: 10 } } });
    const key = tenant.keys.agent as string;
    const query = JSON.stringify({ query: '{ viewer { role } }' });
    expect((await rawPost(port, query, { authorization: `Bearer ${key}` })).status).toBe(200);
    const answers = [];
    for (let index = 0; index < 40; index += 1) {
      const invalid = `esk_${String(index).padStart(12, '0')}_${'A'.repeat(40)}`;
      answers.push(await rawPost(port, query, { authorization: `Bearer ${invalid}` }));
    }
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(10);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(30);
    expect(Number(limited[0]?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited[0]?.body ?? '{}')).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', retryable: true } }],
    });
    // missing keys count the same
    expect((await rawPost(port, query, {})).status).toBe(429);
    // the client's own key, used a moment ago, still answers
    expect((await rawPost(port, query, { authorization: `Bearer ${key}` })).status).toBe(200);
  });
});

describe('server-sent event streams per key', () => {
  it('refuses a stream beyond the maximum with RATE_LIMITED; closing one makes room', async () => {
    const { url } = await serve({ limits: { sseMaxPerKey: 2 } });
    const key = tenant.keys.tier2 as string;
    const open = async () => {
      const controller = new AbortController();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: 'subscription { liveAlert { message { id } } }' }),
        signal: controller.signal,
      });
      return { response, close: () => controller.abort() };
    };
    const first = await open();
    const second = await open();
    expect(first.response.status).toBe(200);
    expect(second.response.status).toBe(200);
    const third = await open();
    const reader = (third.response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (let index = 0; index < 5 && !text.includes('RATE_LIMITED'); index += 1) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toContain('RATE_LIMITED');
    third.close();
    // another key is counted on its own
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await open();
    const againReader = (again.response.body as ReadableStream<Uint8Array>).getReader();
    const next = await Promise.race([
      againReader.read().then((chunk) => new TextDecoder().decode(chunk.value)),
      new Promise<string>((resolve) => setTimeout(() => resolve('(still open, nothing sent)'), 500)),
    ]);
    expect(next).not.toContain('RATE_LIMITED');
    again.close();
    second.close();
  });
});

describe('active API keys per organization', () => {
  it('refuses a key beyond the maximum with CAPACITY_EXCEEDED; revoking one makes room', async () => {
    const active = await kit.db.apiKey.count({ where: { tenantId: tenant.tenantId, revokedAt: null } });
    const { url } = await serve({ limits: { maxApiKeysPerOrganization: active + 1 } });
    const admin = tenant.keys.admin as string;
    const call = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: Record<string, Record<string, unknown>> };
    };
    const CREATE = /* GraphQL */ `mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) {
      __typename ... on CreateApiKeyPayload { key apiKey { id } } ... on AppError { code rule fields { path message } } } }`;
    const first = await call(CREATE, { input: { name: 'integration one' } });
    expect(first.data.createApiKey?.__typename).toBe('CreateApiKeyPayload');
    const second = await call(CREATE, { input: { name: 'integration two' } });
    expect(second.data.createApiKey).toMatchObject({ __typename: 'AppError', code: 'CAPACITY_EXCEEDED' });
    expect(await kit.db.apiKey.count({ where: { tenantId: tenant.tenantId, revokedAt: null } })).toBe(active + 1);
    const revoked = await call(
      /* GraphQL */ `mutation R($input: ApiKeyIdInput!) { revokeApiKey(input: $input) { __typename } }`,
      { input: { id: (first.data.createApiKey?.apiKey as { id: string } | undefined)?.id } },
    );
    expect(revoked.data.revokeApiKey?.__typename).toBe('RevokeApiKeyPayload');
    const third = await call(CREATE, { input: { name: 'integration three' } });
    expect(third.data.createApiKey?.__typename).toBe('CreateApiKeyPayload');
  });
});
