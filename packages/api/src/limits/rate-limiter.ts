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

  async take(key: string): Promise<RateLimitDecision> {
    const now = this.clock();
    const held = this.leases.get(key);
    if (held && held.tokens >= 1 && held.expiresAt > now) {
      held.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const { granted, tokens } = await this.draw(key, this.lease);
    if (granted < 1) {
      this.leases.delete(key);
      return { allowed: false, retryAfterSeconds: retryAfter(tokens, this.options.perSecond) };
    }
    if (this.leases.size > 100_000) this.leases.clear();
    this.leases.set(key, { tokens: granted - 1, expiresAt: now + LEASE_LIFETIME_MS });
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Takes up to `wanted` whole tokens; returns how many it got and what is left. */
  private async draw(key: string, wanted: number): Promise<{ granted: number; tokens: number }> {
    const { perSecond, burst } = this.options;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const rows = await this.db.$queryRaw<{ granted: number; tokens: number }[]>`
        WITH previous AS (
          SELECT LEAST(${burst}::float8, "tokens" + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - "updatedAt")) * ${perSecond}::float8) AS refill
          FROM "RateLimitBucket" WHERE "key" = ${key} FOR UPDATE
        )
        UPDATE "RateLimitBucket" AS bucket SET
          "tokens" = previous.refill - LEAST(${wanted}::float8, floor(previous.refill)),
          "allowed" = floor(previous.refill) >= 1,
          "updatedAt" = clock_timestamp()
        FROM previous WHERE bucket."key" = ${key}
        RETURNING LEAST(${wanted}::float8, floor(previous.refill))::float8 AS granted, bucket."tokens"::float8 AS tokens`;
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
