import type { PrismaClient } from '../db/prisma-client.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** whole seconds until one request would be allowed again (0 when allowed) */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly store: 'postgres' | 'memory';
  take(key: string): Promise<RateLimitDecision>;
}

export interface TokenBucketOptions {
  /** tokens added per second */
  perSecond: number;
  /** bucket size: requests that may arrive at once */
  burst: number;
}

function retryAfter(tokens: number, perSecond: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / perSecond));
}

/**
 * Token buckets in PostgreSQL: one row per key, refilled and taken from in a single
 * upsert, so every API replica sees the same bucket. A denied request takes nothing.
 */
export class PostgresTokenBucket implements RateLimiter {
  readonly store = 'postgres';

  constructor(
    private readonly db: PrismaClient,
    private readonly options: TokenBucketOptions,
  ) {}

  async take(key: string): Promise<RateLimitDecision> {
    const { perSecond, burst } = this.options;
    const rows = await this.db.$queryRaw<{ tokens: number; allowed: boolean }[]>`
      INSERT INTO "RateLimitBucket" AS bucket ("key", "tokens", "allowed", "updatedAt")
      VALUES (${key}, ${burst - 1}::float8, true, clock_timestamp())
      ON CONFLICT ("key") DO UPDATE SET
        "tokens" = CASE
          WHEN LEAST(${burst}::float8, bucket."tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket."updatedAt")) * ${perSecond}::float8) >= 1
          THEN LEAST(${burst}::float8, bucket."tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket."updatedAt")) * ${perSecond}::float8) - 1
          ELSE LEAST(${burst}::float8, bucket."tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket."updatedAt")) * ${perSecond}::float8)
        END,
        "allowed" = LEAST(${burst}::float8, bucket."tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - bucket."updatedAt")) * ${perSecond}::float8) >= 1,
        "updatedAt" = clock_timestamp()
      RETURNING "tokens", "allowed"`;
    const row = rows[0];
    if (!row) return { allowed: true, retryAfterSeconds: 0 };
    return row.allowed
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, retryAfterSeconds: retryAfter(Number(row.tokens), perSecond) };
  }
}

/** The same token bucket in process memory: for a single replica, or when the database must not be touched. */
export class MemoryTokenBucket implements RateLimiter {
  readonly store = 'memory';
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly options: TokenBucketOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  async take(key: string): Promise<RateLimitDecision> {
    const { perSecond, burst } = this.options;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    const tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * perSecond);
    const allowed = tokens >= 1;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, updatedAt: now });
    return allowed ? { allowed, retryAfterSeconds: 0 } : { allowed, retryAfterSeconds: retryAfter(tokens, perSecond) };
  }
}

export type RateLimitStore = 'postgres' | 'memory' | 'off';

export function createRateLimiter(
  store: RateLimitStore,
  db: PrismaClient,
  options: TokenBucketOptions,
): RateLimiter | null {
  switch (store) {
    case 'postgres':
      return new PostgresTokenBucket(db, options);
    case 'memory':
      return new MemoryTokenBucket(options);
    case 'off':
      return null;
  }
}
