import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '../../../api/src/db/prisma-client.js';
import { createLogger } from '../../../api/src/logger.js';
import { createServer } from '../../../api/src/server.js';
import { TEST_PEPPER } from '../../../api/src/testing/test-kit.js';
import { createClient } from '../client/create-client.js';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';
import { serve } from '../testing/serve.js';
import {
  AuthenticationError,
  ConfigurationError,
  EscalateError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnavailableError,
  ValidationError,
} from './escalate-error.js';

let env: SdkTestEnv;

beforeAll(async () => {
  env = await startSdkTestEnv('care');
});

afterAll(async () => {
  await env?.close();
});

describe('every failure becomes one EscalateError subclass', () => {
  it('a wrong API key is an AuthenticationError (HTTP 401), not a fetch stack', async () => {
    const client = createClient({ url: env.url, apiKey: 'esk_000000000000_notarealkeynotarealkeynotarealkey00' });
    const error = await client.viewer().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect((error as Error).message).toMatch(/API key/);
  });

  it('a URL nobody listens on is one NetworkError that names the URL', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const client = createClient({ url: closed.url, apiKey: 'esk_x', retries: 0 });
    const error = await client.viewer().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).retryable).toBe(true);
    expect((error as Error).message).toContain(closed.url);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('a URL that is not the GraphQL endpoint says so', async () => {
    const client = createClient({
      url: env.url.replace('/graphql', '/nothing-here'),
      apiKey: env.tenant.keys.tier2 ?? '',
    });
    const error = await client.viewer().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EscalateError);
    expect((error as EscalateError).status).toBe(404);
    expect((error as Error).message).toMatch(/\/graphql/);
  });

  it('a malformed URL or a missing key is a ConfigurationError before anything is sent', () => {
    expect(() => createClient({ url: 'not a url', apiKey: 'k' })).toThrow(ConfigurationError);
    expect(() => createClient({ url: 'http://localhost/graphql', apiKey: '' })).toThrow(/apiKey/);
  });

  it('an unknown case is a NotFoundError', async () => {
    const error = await env
      .client()
      .cases.get('00000000-0000-4000-8000-000000000001')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('a refused query argument is a ValidationError naming the field', async () => {
    const error = await env
      .client()
      .cases.listPage({ first: 500 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((field) => field.path)).toEqual(['first']);
  });

  it('a cursor the server never issued is a ValidationError naming `after`, with the request id', async () => {
    const error = await env
      .client()
      .cases.listPage({ after: 'not-a-cursor' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((field) => field.path)).toEqual(['after']);
    expect((error as ValidationError).requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('an empty rate-limit bucket is a RateLimitedError with retry-after; with retries the call waits and succeeds', async () => {
    const yoga = createServer({
      db: env.kit.db,
      apiKeyPepper: TEST_PEPPER,
      logger: createLogger('silent'),
      rateLimit: { store: 'memory', perSecond: 2, burst: 1 },
    });
    const server = await serve(yoga);
    try {
      const apiKey = env.tenant.keys.tier2 ?? '';
      const strict = createClient({ url: server.url, apiKey, retries: 0 });
      await strict.viewer();
      const error = await strict.viewer().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).status).toBe(429);
      expect((error as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(1000);

      const patient = createClient({ url: server.url, apiKey, retries: 3, retryBaseDelayMs: 10 });
      const retries: number[] = [];
      patient.onRetry(({ delayMs }) => retries.push(delayMs));
      const viewer = await patient.viewer();
      expect(viewer.role).toBe('tier2');
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries[0]).toBeGreaterThanOrEqual(1000);
    } finally {
      await server.close();
    }
  });

  it('a server whose database is down answers UNAVAILABLE: an UnavailableError, retried before it is thrown', async () => {
    const deadDb = createDatabaseClient({ url: 'postgresql://postgres@127.0.0.1:9/escalate', maxConnections: 1 });
    const yoga = createServer({ db: deadDb, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent') });
    const server = await serve(yoga);
    try {
      const client = createClient({
        url: server.url,
        apiKey: env.tenant.keys.tier2 ?? '',
        retries: 2,
        retryBaseDelayMs: 5,
      });
      const attempts: number[] = [];
      client.onRetry(({ attempt }) => attempts.push(attempt));
      const error = await client.viewer().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnavailableError);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as UnavailableError).retryable).toBe(true);
      expect(attempts).toEqual([0, 1]);
    } finally {
      await server.close();
      await deadDb.$disconnect();
    }
  });
});
