/**
 * Benchmark server process. `full`: the real Yoga server (auth, limits, rate limit in
 * PostgreSQL, CSRF, metrics, request logs). `bare`: a node:http handler that authenticates
 * the same way and does the same database work, without GraphQL. Reports its port over IPC.
 *
 *   tsx bench/api-server.ts full|bare   (DATABASE_URL, BENCH_PEPPER in the environment)
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Authenticator } from '../packages/api/src/auth/authenticate.js';
import type { Context } from '../packages/api/src/context.js';
import { createDatabaseClient } from '../packages/api/src/db/prisma-client.js';
import { tenantDatabase } from '../packages/api/src/db/tenant-scope.js';
import { createLogger } from '../packages/api/src/logger.js';
import { escalateCase } from '../packages/api/src/modules/routing/escalation.js';
import { routeCase } from '../packages/api/src/modules/routing/routing.js';
import { createServer } from '../packages/api/src/server.js';

const mode = process.argv[2];
const url = process.env.DATABASE_URL;
const pepper = process.env.BENCH_PEPPER;
if (!url || !pepper || (mode !== 'full' && mode !== 'bare')) {
  throw new Error('usage: DATABASE_URL=… BENCH_PEPPER=… tsx bench/api-server.ts full|bare');
}
const db = createDatabaseClient({ url, maxConnections: 10, namedStatements: process.env.BENCH_EMBEDDED !== '1' });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const RELATIONS = {
  team: { select: { id: true, name: true } },
  queue: { select: { id: true, slug: true } },
  assignee: { select: { id: true, name: true } },
} as const;

function bareHandler() {
  const authenticator = new Authenticator(db, pepper as string);
  const log = createLogger('silent');
  return async (request: IncomingMessage): Promise<unknown> => {
    const { operation, variables } = JSON.parse(await readBody(request)) as {
      operation: string;
      variables: Record<string, string>;
    };
    const viewer = await authenticator.authenticate(request.headers.authorization ?? null);
    if (!viewer) throw new Error('unauthenticated');
    const scoped = tenantDatabase(db, viewer.tenantId);
    const context: Context = {
      viewer,
      db: scoped,
      rootDb: db,
      requestId: 'bench',
      log,
      idempotencyKeyHeader: null,
      now: new Date(),
    };
    switch (operation) {
      case 'case':
        return { case: await scoped.case.findUnique({ where: { id: variables.id as string }, include: RELATIONS }) };
      case 'cases': {
        const rows = await scoped.case.findMany({
          take: 51,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          include: RELATIONS,
        });
        return { cases: rows.slice(0, 50), hasNextPage: rows.length > 50 };
      }
      case 'routeCase':
        return { routeCase: await routeCase(context, variables.caseId as string, {}) };
      case 'escalateCase': {
        const result = await escalateCase(context, variables.caseId as string, JSON.parse(variables.input as string));
        const row = await scoped.case.findUnique({ where: { id: result.caseId }, select: { id: true, version: true } });
        return { escalateCase: { outcome: result.outcome, case: row } };
      }
      default:
        throw new Error(`unknown operation ${operation}`);
    }
  };
}

function fullServer() {
  // production settings: rate limit in PostgreSQL (high enough not to refuse), metrics,
  // CSRF prevention, one info log line per request (to stdout, which the bench discards)
  return createServer({
    db,
    apiKeyPepper: pepper as string,
    logger: createLogger('info'),
    graphiql: false,
    introspection: false,
    rateLimit: {
      store: (process.env.BENCH_RATE_LIMIT_STORE as 'postgres' | 'memory' | 'off' | undefined) ?? 'postgres',
      perSecond: 1e6,
      burst: 1e6,
    },
    csrfPrevention: true,
    metrics: true,
  });
}

const handle = bareHandler();
const server =
  mode === 'full'
    ? createHttpServer(fullServer())
    : createHttpServer(async (request, response) => {
        try {
          const body = JSON.stringify({ data: await handle(request) });
          response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        } catch (error) {
          response.writeHead(500).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
        }
      });

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void db.$disconnect().then(() => process.exit(0));
});
