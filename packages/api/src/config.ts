import { z } from 'zod';

const ZBooleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Process configuration, read once from the environment and validated. */
export const ZConfig = z.object({
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files; a relative path starts at the repository root. */
  ESCALATE_DATA_DIR: z.string().default('.data/pglite'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Server-side secret mixed into API key hashes. */
  ESCALATE_API_KEY_PEPPER: z.string().min(8).default('escalate-development-pepper'),
  /** Secret from which the demo users' API keys are derived (stable across restarts). */
  ESCALATE_DEMO_KEY_SECRET: z.string().min(8).default('escalate-demo-keys'),
  /** Seed the five demo organizations on start-up (idempotent). */
  ESCALATE_SEED: ZBooleanFlag.default(true),
  /**
   * Run a notification delivery worker inside the API process. Replicas behind a load balancer
   * can set it to false and run `pnpm worker` processes instead (live events are heard either way).
   */
  ESCALATE_DELIVERY_WORKER: ZBooleanFlag.default(true),
  /** Serve GraphiQL and allow introspection. */
  ESCALATE_GRAPHIQL: ZBooleanFlag.default(true),
  ESCALATE_INTROSPECTION: ZBooleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where per-API-key token buckets live: `postgres` (shared by replicas), `memory` (one process) or `off`. */
  ESCALATE_RATE_LIMIT_STORE: z.enum(['postgres', 'memory', 'off']).default('postgres'),
  /** Sustained requests per second per API key. */
  ESCALATE_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(50),
  /** Requests an API key may send at once before the sustained rate applies. */
  ESCALATE_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /** Refuse browser-style requests that could be forged cross-site (CSRF). */
  ESCALATE_CSRF_PREVENTION: ZBooleanFlag.default(true),
  /** Accept only operations listed in ESCALATE_PERSISTED_OPERATIONS_FILE. */
  ESCALATE_PERSISTED_OPERATIONS_ONLY: ZBooleanFlag.default(false),
  /** JSON file mapping operation hashes (sha256 of the document) to GraphQL documents. */
  ESCALATE_PERSISTED_OPERATIONS_FILE: z.string().optional(),
  /** Serve Prometheus metrics on /metrics. */
  ESCALATE_METRICS: ZBooleanFlag.default(true),
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  ESCALATE_METRICS_TOKEN: z.string().min(16).optional(),
});

export type TConfig = z.infer<typeof ZConfig>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const result = ZConfig.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
