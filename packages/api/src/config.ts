import { z } from 'zod';

const ZBooleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Process configuration, read once from the environment and validated. */
export const ZConfig = z.object({
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files. */
  ESCALATE_DATA_DIR: z.string().default('.data/pglite'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Server-side secret mixed into API key hashes. */
  ESCALATE_API_KEY_PEPPER: z.string().min(8).default('escalate-development-pepper'),
  /** Secret from which the demo users' API keys are derived (stable across restarts). */
  ESCALATE_DEMO_KEY_SECRET: z.string().min(8).default('escalate-demo-keys'),
  /** Seed the five demo organizations on start-up (idempotent). */
  ESCALATE_SEED: ZBooleanFlag.default(true),
  /** Serve GraphiQL and allow introspection. */
  ESCALATE_GRAPHIQL: ZBooleanFlag.default(true),
  ESCALATE_INTROSPECTION: ZBooleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
