import type { PrismaClient } from '../db/prisma-client.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** whole seconds until one request would be allowed again (0 when allowed) */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly store: 'postgres' | 'memory';
  /**
   * Takes `cost` tokens (default 1; createCases costs one per item). A cost larger than the
   * bucket is allowed only from a full bucket, which then goes into debt: later requests wait
   * until it has refilled, so items are counted whatever the batch size.
   */
  take(key: string, cost?: number): Promise<RateLimitDecision>;
}

export interface TokenBucketOptions {
  /** tokens added per second */
  perSecond: number;
  /** bucket size: requests that may arrive at once */
  burst: number;
}

function retryAfter(tokens: number, perSecond: number, needed = 1): number {
  return Math.max(1, Math.ceil((needed - tokens) / perSecond));
}

/** How many tokens one round trip leases for a replica to spend locally (1 for small buckets: exact). */
export function leaseSize(burst: number): number {
  return Math.max(1, Math.min(20, Math.floor(burst / 20)));
}

const LEASE_LIFETIME_MS = 1_000;

/**
 * Token buckets in PostgreSQL: one row per key, refilled and taken from in a single
 * statement, so every API replica draws from the same bucket. To keep the database out of
 * most requests, a replica leases a few tokens at a time (burst / 20, at most 20, for one
 * second) and spends them locally; a bucket can therefore run ahead by at most one lease per
 * replica. A denied request takes nothing.
 */
export class PostgresTokenBucket implements RateLimiter {
  readonly store = 'postgres';
  private readonly leases = new Map<string, { tokens: number; expiresAt: number }>();
  private readonly lease: number;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: TokenBucketOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.lease = leaseSize(options.burst);
  }

  async take(key: string, cost = 1): Promise<RateLimitDecision> {
    const now = this.clock();
    const held = this.leases.get(key);
    if (held && held.tokens >= cost && held.expiresAt > now) {
      held.tokens -= cost;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const need = Math.max(1, Math.ceil(cost));
    const { granted, tokens } = await this.draw(key, need, need + this.lease - 1);
    if (granted < need) {
      this.leases.delete(key);
      const threshold = Math.min(need, this.options.burst);
      return { allowed: false, retryAfterSeconds: retryAfter(tokens, this.options.perSecond, threshold) };
    }
    if (this.leases.size > 100_000) this.leases.clear();
    this.leases.set(key, { tokens: granted - need, expiresAt: now + LEASE_LIFETIME_MS });
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /**
   * Takes `need` tokens and up to `wanted` in all (the rest is the local lease) when the bucket
   * holds at least `need` (or is full, for a need larger than the bucket); returns how many it
   * got and what is left.
   */
  private async draw(key: string, need: number, wanted: number): Promise<{ granted: number; tokens: number }> {
    const { perSecond, burst } = this.options;
    const threshold = Math.min(need, burst);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const rows = await this.db.$queryRaw<{ granted: number; tokens: number }[]>`
        WITH previous AS (
          SELECT LEAST(${burst}::float8, "tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - "updatedAt")) * ${perSecond}::float8) AS refill
          FROM "RateLimitBucket" WHERE "key" = ${key} FOR UPDATE
        )
        UPDATE "RateLimitBucket" AS bucket SET
          "tokens" = previous.refill - (CASE WHEN floor(previous.refill) >= ${threshold}::float8
            THEN GREATEST(${need}::float8, LEAST(${wanted}::float8, floor(previous.refill))) ELSE 0 END),
          "allowed" = floor(previous.refill) >= ${threshold}::float8,
          "updatedAt" = clock_timestamp()
        FROM previous WHERE bucket."key" = ${key}
        RETURNING (CASE WHEN floor(previous.refill) >= ${threshold}::float8
            THEN GREATEST(${need}::float8, LEAST(${wanted}::float8, floor(previous.refill))) ELSE 0 END)::float8 AS granted,
          bucket."tokens"::float8 AS tokens`;
      const row = rows[0];
      if (row) return { granted: Number(row.granted), tokens: Number(row.tokens) };
      // first request of this key: a full bucket, then draw from it
      await this.db.$executeRaw`
        INSERT INTO "RateLimitBucket" ("key", "tokens", "allowed", "updatedAt")
        VALUES (${key}, ${burst}::float8, true, clock_timestamp()) ON CONFLICT ("key") DO NOTHING`;
    }
    return { granted: 0, tokens: 0 };
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

  /** Whether a request would be allowed now, without taking a token. */
  peek(key: string): RateLimitDecision {
    const { perSecond, burst } = this.options;
    const bucket = this.buckets.get(key);
    if (!bucket) return { allowed: true, retryAfterSeconds: 0 };
    const tokens = Math.min(burst, bucket.tokens + (Math.max(0, this.clock() - bucket.updatedAt) / 1000) * perSecond);
    return tokens >= 1
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, retryAfterSeconds: retryAfter(tokens, perSecond) };
  }

  async take(key: string, cost = 1): Promise<RateLimitDecision> {
    const { perSecond, burst } = this.options;
    const now = this.clock();
    const need = Math.max(1, Math.ceil(cost));
    const threshold = Math.min(need, burst);
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    const tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * perSecond);
    const allowed = tokens >= threshold;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, { tokens: allowed ? tokens - need : tokens, updatedAt: now });
    return allowed
      ? { allowed, retryAfterSeconds: 0 }
      : { allowed, retryAfterSeconds: retryAfter(tokens, perSecond, threshold) };
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
