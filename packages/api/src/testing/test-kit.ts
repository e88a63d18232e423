import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Role } from '../auth/roles.js';
import { createDatabaseClient, type PrismaClient, setPrisma } from '../db/prisma-client.js';
import { createLogger } from '../logger.js';
import type { OutboundPolicy, Resolver } from '../security/outbound-url.js';
import { seedThrowawayTenant } from '../seed/seed-throwaway-tenant.js';
import { createServer, type ServerLimits } from '../server.js';
import './provided-context.js';

export const TEST_PEPPER = 'test-pepper-value';

/** Tests never ask real DNS: a name resolves only where a test injects a resolver. */
export const noDnsResolver: Resolver = async (hostname) => {
  throw Object.assign(new Error(`no DNS in tests (${hostname})`), { code: 'ENOTFOUND' });
};

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Execute = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphQLResponse<T>>;

export interface TestTenant {
  slug: string;
  tenantId: string;
  /** API keys by seed user key (one per role, plus the organization's named demo users) */
  keys: Record<string, string>;
  userIds: Record<string, string>;
  as(userKey: Role | string): Execute;
}

export interface TestKit {
  db: PrismaClient;
  databaseUrl: string;
  /** the Yoga instance, called in process (no port) */
  fetch(request: Request): Promise<Response>;
  execute(key: string | null): Execute;
  /** a fresh tenant with the teams, queues and users of one of the five organizations */
  createTenant(template?: string): Promise<TestTenant>;
  /** serve over a real port; returns the URL and a stop function */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * Test kit: real server, real database. Tenants are created per test with random slugs, so
 * test files run in parallel without resetting anything.
 */
export async function createTestKit(
  options: {
    onQuery?: (query: string) => void;
    /**
     * where webhooks may go: by default the production rule (public addresses only, no
     * allowlist) with no DNS; delivery tests allow their loopback receivers explicitly
     */
    outbound?: Partial<OutboundPolicy>;
    limits?: Partial<ServerLimits>;
  } = {},
): Promise<TestKit> {
  const databaseUrl = inject('databaseUrl');
  const db = createDatabaseClient({
    url: databaseUrl,
    maxConnections: 5,
    // PostgreSQL (scripts/with-postgres.sh sets TEST_DATABASE_URL); the embedded database shares one session
    namedStatements: databaseUrl === process.env.TEST_DATABASE_URL,
    onQuery: options.onQuery ? (event) => options.onQuery?.(event.query) : undefined,
  });
  setPrisma(db);
  const yoga = createServer({
    db,
    apiKeyPepper: TEST_PEPPER,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    outbound: { allow: [], resolve: noDnsResolver, ...options.outbound },
    // every in-process request comes from the same "client": keep the unauthenticated limit out of the way
    limits: { unauthenticated: { perSecond: 1_000, burst: 10_000 }, ...options.limits },
  });

  const execute =
    (key: string | null): Execute =>
    async (query, variables, headers) => {
      const response = await yoga.fetch('http://escalate.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    };

  return {
    db,
    databaseUrl,
    fetch: (request) => Promise.resolve(yoga.fetch(request)),
    execute,
    async createTenant(template = 'care') {
      const { slug, tenantId, keys, userIds } = await seedThrowawayTenant(db, {
        template,
        secretPrefix: 'test',
        namePrefix: 'test ',
        pepper: TEST_PEPPER,
      });
      return {
        slug,
        tenantId,
        keys,
        userIds,
        as(userKey) {
          const key = keys[userKey];
          if (!key) throw new Error(`no user ${userKey} in ${template}`);
          return execute(key);
        },
      };
    },
    async listen() {
      const http = createHttpServer(yoga);
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}/graphql`,
        close: () =>
          new Promise<void>((resolve) => {
            http.close(() => resolve());
            http.closeAllConnections();
          }),
      };
    },
    async close() {
      await db.$disconnect();
    },
  };
}
