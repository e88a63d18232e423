import { z } from 'zod';
import { parseAllowlist } from './security/outbound-url.js';

/** Development values of the secrets: fine on a laptop, refused in production. */
export const DEVELOPMENT_API_KEY_PEPPER = 'escalate-development-pepper';
export const DEVELOPMENT_DEMO_KEY_SECRET = 'escalate-demo-keys';

const ZBooleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Process configuration, read once from the environment and validated. */
export const ZConfig = z.object({
  /** `production` turns off every development default (see `productionProblems`). */
  NODE_ENV: z.string().optional(),
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files; a relative path starts at the repository root. */
  ESCALATE_DATA_DIR: z.string().default('.data/pglite'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Server-side secret mixed into API key hashes. */
  ESCALATE_API_KEY_PEPPER: z.string().min(8).optional(),
  /** Secret from which the demo users' API keys are derived (stable across restarts). */
  ESCALATE_DEMO_KEY_SECRET: z.string().min(8).optional(),
  /** Seed the five demo organizations on start-up (idempotent); development only. */
  ESCALATE_SEED: ZBooleanFlag.optional(),
  /** Serve GraphiQL and allow introspection (and field suggestions): on in development, off in production. */
  ESCALATE_GRAPHIQL: ZBooleanFlag.optional(),
  ESCALATE_INTROSPECTION: ZBooleanFlag.optional(),
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
  /**
   * Where notification delivery runs: `in-process` (inside the API) or `separate` (`pnpm worker`
   * / `node dist/worker-main.js`). Default: in-process on the embedded database, separate on PostgreSQL.
   */
  ESCALATE_DELIVERY_WORKER: z.enum(['in-process', 'separate']).optional(),
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  ESCALATE_METRICS_TOKEN: z.string().min(16).optional(),
  /** Serve /metrics on this port (on HOST) instead of the API port. */
  ESCALATE_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Largest request body in bytes; larger ones are refused with 413 before they are read. */
  ESCALATE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Requests without a valid API key a client (IP address) may send per second, sustained. */
  ESCALATE_UNAUTHENTICATED_PER_SECOND: z.coerce.number().positive().default(1),
  /** ... and at once. Over it: 429 with Retry-After, before the key is looked up. */
  ESCALATE_UNAUTHENTICATED_BURST: z.coerce.number().int().min(1).default(30),
  /** Proxies in front of the API whose X-Forwarded-For entries are trusted (0: use the socket address). */
  ESCALATE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Server-sent event streams one API key may hold open at once (per API process). */
  ESCALATE_SSE_MAX_PER_KEY: z.coerce.number().int().min(1).default(10),
  /** Active (not revoked) API keys an organization may hold. */
  ESCALATE_MAX_API_KEYS_PER_ORGANIZATION: z.coerce.number().int().min(1).default(50),
  /** Internal receivers outbound requests may reach: CIDR ranges, addresses, host names (comma-separated). */
  ESCALATE_OUTBOUND_ALLOWLIST: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseAllowlist(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

type TParsedConfig = z.infer<typeof ZConfig>;

export type TConfig = Omit<
  TParsedConfig,
  | 'ESCALATE_API_KEY_PEPPER'
  | 'ESCALATE_DEMO_KEY_SECRET'
  | 'ESCALATE_SEED'
  | 'ESCALATE_GRAPHIQL'
  | 'ESCALATE_INTROSPECTION'
> & {
  production: boolean;
  ESCALATE_API_KEY_PEPPER: string;
  ESCALATE_DEMO_KEY_SECRET: string;
  ESCALATE_SEED: boolean;
  ESCALATE_GRAPHIQL: boolean;
  ESCALATE_INTROSPECTION: boolean;
};

/**
 * What a production start refuses, one line per offending variable: secrets missing or left
 * at their development values, demo seeding, and metrics open to anyone on the API port.
 */
export function productionProblems(parsed: TParsedConfig): string[] {
  const problems: string[] = [];
  const secret = (name: 'ESCALATE_API_KEY_PEPPER' | 'ESCALATE_DEMO_KEY_SECRET', development: string) => {
    const value = parsed[name];
    if (!value) problems.push(`${name}: required in production (a long random secret)`);
    else if (value === development) problems.push(`${name}: still the development value; set a secret of your own`);
  };
  secret('ESCALATE_API_KEY_PEPPER', DEVELOPMENT_API_KEY_PEPPER);
  secret('ESCALATE_DEMO_KEY_SECRET', DEVELOPMENT_DEMO_KEY_SECRET);
  if (parsed.ESCALATE_SEED === true) {
    problems.push('ESCALATE_SEED: the demo organizations and their keys are never seeded in production');
  }
  if (parsed.ESCALATE_METRICS && !parsed.ESCALATE_METRICS_TOKEN && parsed.ESCALATE_METRICS_PORT === undefined) {
    problems.push(
      'ESCALATE_METRICS_TOKEN: /metrics needs a bearer token in production (or ESCALATE_METRICS_PORT for a port of its own, or ESCALATE_METRICS=false)',
    );
  }
  return problems;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const result = ZConfig.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const parsed = result.data;
  const production = parsed.NODE_ENV === 'production';
  if (production) {
    const problems = productionProblems(parsed);
    if (problems.length > 0) {
      throw new Error(
        `Refusing to start in production (NODE_ENV=production) with development settings:\n  ${problems.join('\n  ')}`,
      );
    }
  }
  return {
    ...parsed,
    production,
    ESCALATE_API_KEY_PEPPER: parsed.ESCALATE_API_KEY_PEPPER ?? DEVELOPMENT_API_KEY_PEPPER,
    ESCALATE_DEMO_KEY_SECRET: parsed.ESCALATE_DEMO_KEY_SECRET ?? DEVELOPMENT_DEMO_KEY_SECRET,
    ESCALATE_SEED: parsed.ESCALATE_SEED ?? !production,
    ESCALATE_GRAPHIQL: parsed.ESCALATE_GRAPHIQL ?? !production,
    ESCALATE_INTROSPECTION: parsed.ESCALATE_INTROSPECTION ?? !production,
  };
}
