import type { PrismaClient } from '../../db/prisma-client.js';

export interface ClaimOptions {
  workerId: string;
  now: Date;
  batchSize: number;
  leaseMs: number;
  /** claim only these organizations' messages (dedicated workers); all when absent */
  tenantIds?: string[] | null;
}

/**
 * Claims due outbox messages for one worker: `FOR UPDATE SKIP LOCKED` lets several workers
 * claim side by side without waiting on or taking each other's rows, and the lease
 * (`lockedUntil`, `lockedBy`) hands a row back when its worker dies mid-delivery. The attempt
 * is counted at claim time, so a message that kills its worker still reaches `maxAttempts`.
 */
export async function claimDueMessages(db: PrismaClient, options: ClaimOptions): Promise<string[]> {
  const { workerId, now, batchSize, leaseMs } = options;
  const tenantIds = options.tenantIds?.length ? options.tenantIds : null;
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH picked AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE (("status" = 'PENDING' AND "nextAttemptAt" <= ${now})
          OR ("status" = 'PROCESSING' AND "lockedUntil" < ${now} AND "attempts" < "maxAttempts"))
        AND (${tenantIds}::uuid[] IS NULL OR "tenantId" = ANY(${tenantIds}::uuid[]))
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" AS message
    SET "status" = 'PROCESSING', "lockedBy" = ${workerId}, "lockedUntil" = ${lockedUntil},
        "attempts" = message."attempts" + 1
    FROM picked WHERE message."id" = picked."id"
    RETURNING message."id"::text AS "id"`;
  return rows.map((row) => row.id);
}

/** Messages whose worker died on their last allowed attempt are dead, not retried forever. */
export async function buryAbandonedMessages(db: PrismaClient, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "OutboxMessage"
    SET "status" = 'DEAD', "lockedBy" = NULL, "lockedUntil" = NULL,
        "lastError" = 'worker stopped during the last allowed attempt (lease expired)'
    WHERE "status" = 'PROCESSING' AND "lockedUntil" < ${now} AND "attempts" >= "maxAttempts"`;
}

/** Marks a claimed message delivered; fenced by the claim, so a worker whose lease was taken over changes nothing. */
export async function markDelivered(db: PrismaClient, id: string, workerId: string, now: Date): Promise<boolean> {
  const result = await db.outboxMessage.updateMany({
    where: { id, status: 'PROCESSING', lockedBy: workerId },
    data: { status: 'DELIVERED', deliveredAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
  return result.count === 1;
}

/** Schedules the next attempt, or moves the message to the dead letters after its last attempt. */
export async function markFailed(
  db: PrismaClient,
  message: { id: string; attempts: number; maxAttempts: number },
  workerId: string,
  error: string,
  nextAttemptAt: Date,
): Promise<'RETRY' | 'DEAD' | 'LOST_CLAIM'> {
  const dead = message.attempts >= message.maxAttempts;
  const result = await db.outboxMessage.updateMany({
    where: { id: message.id, status: 'PROCESSING', lockedBy: workerId },
    data: {
      status: dead ? 'DEAD' : 'PENDING',
      nextAttemptAt: dead ? undefined : nextAttemptAt,
      lockedBy: null,
      lockedUntil: null,
      lastError: error.slice(0, 4000),
    },
  });
  if (result.count === 0) return 'LOST_CLAIM';
  return dead ? 'DEAD' : 'RETRY';
}
