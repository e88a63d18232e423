import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type PrismaClient, poolUsage } from '../db/prisma-client.js';
import { ERROR_CODES } from '../errors/app-error.js';

/** GraphQL and transport codes that may appear as labels; anything else is counted as OTHER. */
const KNOWN_ERROR_CODES = new Set<string>([
  ...ERROR_CODES,
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
  'CSRF_REJECTED',
]);

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 300;

export interface ApiMetrics {
  registry: Registry;
  observeRequest(labels: { operation: string; type: string; status: number }, seconds: number): void;
  countError(code: string): void;
  /** operation names come from clients: keep the label set bounded */
  operationLabel(name: string | null | undefined): string;
}

/**
 * Prometheus metrics of one API server: request duration by operation, errors by code,
 * outbox backlog and delivery latency (read from the database at scrape time), database
 * pool usage and the process' own metrics (memory, CPU, event loop).
 */
export function createApiMetrics(db: PrismaClient): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'escalate_' });

  const duration = new Histogram({
    name: 'escalate_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name, operation type and HTTP status',
    labelNames: ['operation', 'type', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'escalate_graphql_errors_total',
    help: 'Errors returned to callers by code (typed AppError results and GraphQL errors)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'escalate_db_pool_connections',
    help: 'Database pool connections by state (total, idle, in use, waiting callers, max)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const usage = poolUsage(db);
      if (!usage) return;
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
      this.set({ state: 'in_use' }, usage.total - usage.idle);
      this.set({ state: 'waiting' }, usage.waiting);
      this.set({ state: 'max' }, usage.max);
    },
  });
  const backlog = new Gauge({
    name: 'escalate_outbox_backlog',
    help: 'Outbox messages not yet delivered, by channel and status (PENDING, PROCESSING, DEAD)',
    labelNames: ['channel', 'status'] as const,
    registers: [registry],
  });
  const oldestPending = new Gauge({
    name: 'escalate_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest outbox message waiting for delivery',
    registers: [registry],
  });
  const latency = new Gauge({
    name: 'escalate_outbox_delivery_latency_seconds',
    help: 'Time from enqueue to delivery of messages delivered in the last 15 minutes',
    labelNames: ['quantile'] as const,
    registers: [registry],
  });
  // one scrape reads the outbox once, whichever of its gauges is collected first
  let outboxRead: Promise<void> | null = null;
  const readOutbox = () => {
    outboxRead ??= collectOutbox(db, backlog, oldestPending, latency).finally(() => {
      outboxRead = null;
    });
    return outboxRead;
  };
  for (const gauge of [backlog, oldestPending, latency]) {
    (gauge as unknown as { collect: () => Promise<void> }).collect = readOutbox;
  }

  const seenOperations = new Set<string>();
  return {
    registry,
    observeRequest(labels, seconds) {
      duration.observe({ ...labels, status: String(labels.status) }, seconds);
    },
    countError(code) {
      errors.inc({ code: KNOWN_ERROR_CODES.has(code) ? code : 'OTHER' });
    },
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'other';
      if (seenOperations.has(name)) return name;
      if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
      seenOperations.add(name);
      return name;
    },
  };
}

async function collectOutbox(db: PrismaClient, backlog: Gauge, oldestPending: Gauge, latency: Gauge): Promise<void> {
  backlog.reset();
  latency.reset();
  try {
    const counts = await db.$queryRaw<{ channel: string; status: string; count: bigint }[]>`
      SELECT "channel", "status", count(*) AS "count" FROM "OutboxMessage"
      WHERE "status" <> 'DELIVERED' GROUP BY "channel", "status"`;
    for (const row of counts) backlog.set({ channel: row.channel, status: row.status }, Number(row.count));
    const [oldest] = await db.$queryRaw<{ age: number | null }[]>`
      SELECT EXTRACT(EPOCH FROM now() - min("createdAt"))::float8 AS "age" FROM "OutboxMessage" WHERE "status" = 'PENDING'`;
    oldestPending.set(oldest?.age ?? 0);
    const [delivered] = await db.$queryRaw<{ p50: number | null; p90: number | null; p99: number | null }[]>`
      SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "deliveredAt" - "createdAt"))::float8 AS "p50",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "deliveredAt" - "createdAt"))::float8 AS "p90",
        percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "deliveredAt" - "createdAt"))::float8 AS "p99"
      FROM "OutboxMessage" WHERE "status" = 'DELIVERED' AND "nextAttemptAt" > now() - interval '1 day'
        AND "deliveredAt" > now() - interval '15 minutes'`;
    if (delivered?.p50 !== null && delivered?.p50 !== undefined) {
      latency.set({ quantile: '0.5' }, delivered.p50);
      latency.set({ quantile: '0.9' }, delivered.p90 ?? 0);
      latency.set({ quantile: '0.99' }, delivered.p99 ?? 0);
    }
  } catch {
    // a scrape during a database outage still reports the process and request metrics
  }
}
