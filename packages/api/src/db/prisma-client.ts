import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../_generated/prisma/client.js';

export type { Prisma } from '../_generated/prisma/client.js';
export { PrismaClient };

export interface DatabaseClientOptions {
  url: string;
  /** pool size; keep it at or below the embedded server's connection limit */
  maxConnections?: number;
  /** how long a caller waits for a free pool connection before the request answers 503 (default 5 s) */
  connectionTimeoutMs?: number;
  /** log every query (tests count queries to catch N+1) */
  onQuery?: (event: { query: string; durationMs: number }) => void;
  /**
   * Hand-written reads (db/sql-read.ts) may use named prepared statements: on for PostgreSQL.
   * Off for the embedded database, whose connections share one session (a name prepared by one
   * connection would collide with the same name from another).
   */
  namedStatements?: boolean;
}

/** Creates a Prisma client that talks to PostgreSQL (or PGlite over its socket) through adapter-pg. */
export function createDatabaseClient(options: DatabaseClientOptions): PrismaClient {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  // a connection the server drops (restart, pg_terminate_backend) emits 'error' on its client;
  // the query in flight fails on its own, so the event must never reach the process as uncaught
  pool.on('connect', (connection) => {
    connection.on('error', () => {});
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  pools.set(client, pool);
  sqlAccess.set(client, { pool, onQuery: options.onQuery ?? null, namedStatements: options.namedStatements ?? false });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    client.$on('query' as never, (event: { query: string; duration: number }) => {
      onQuery({ query: event.query, durationMs: event.duration });
    });
  }
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

export interface SqlAccess {
  pool: pg.Pool;
  onQuery: DatabaseClientOptions['onQuery'] | null;
  namedStatements: boolean;
}
const sqlAccess = new WeakMap<PrismaClient, SqlAccess>();

/** The pool under a client, for the few hand-written reads that bypass Prisma (db/sql-read.ts). */
export function sqlAccessOf(client: PrismaClient): SqlAccess | null {
  return sqlAccess.get(client) ?? null;
}

/** Connection counts of a client's pool (for metrics): total, idle, and callers waiting for one. */
export function poolUsage(client: PrismaClient): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = pools.get(client);
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

/** The pg pool behind a client (tests hold its connections to drive pool exhaustion). */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

let singleton: PrismaClient | undefined;

/** The process-wide client, created on first use from DATABASE_URL. */
export function prisma(): PrismaClient {
  if (!singleton) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set; start the server with `pnpm start` or set it');
    singleton = createDatabaseClient({ url, maxConnections: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  }
  return singleton;
}

/** Replaces the process-wide client (the start-up code and tests decide which database). */
export function setPrisma(client: PrismaClient): void {
  singleton = client;
}

export async function disconnectPrisma(): Promise<void> {
  const client = singleton;
  singleton = undefined;
  await client?.$disconnect();
}
