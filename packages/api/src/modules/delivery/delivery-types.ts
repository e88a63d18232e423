import type { PrismaClient } from '../../db/prisma-client.js';

export type OutboxRow = Awaited<ReturnType<PrismaClient['outboxMessage']['findMany']>>[number];

/** What one delivery attempt of one message came to. */
export type DeliveryOutcome = { ok: true; detail?: string } | { ok: false; error: string };
