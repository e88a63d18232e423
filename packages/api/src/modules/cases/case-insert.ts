import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import type { TenantTransaction } from '../../kernel/transaction.js';

/** One case to insert, validated and resolved (queue, team, brand) by the caller. */
export interface NewCaseRow {
  subject: string;
  description: string | null;
  customerRef: string;
  concern: string | null;
  externalCrmNumber: string | null;
  priority: string;
  channel: string | null;
  brand: string | null;
  queueId: string | null;
  teamId: string | null;
  /** the queue slug as the caller gave it, for the CASE_CREATED event */
  queue: string | null;
  signals: Record<string, unknown>;
}

export interface InsertedCase {
  id: string;
  number: number;
}

/**
 * Inserts cases and their CASE_CREATED timeline events in one statement: numbers from the
 * tenant's sequence in input order, the customer joined by reference, the event built from the
 * inserted row (RETURNING, no re-read). One row or five hundred, it is one round trip.
 */
export async function insertCases(
  tx: TenantTransaction,
  context: Context,
  rows: readonly NewCaseRow[],
): Promise<InsertedCase[]> {
  if (rows.length === 0) return [];
  const tenantId = context.viewer.tenantId;
  const ids = rows.map(() => randomUUID());
  const json = JSON.stringify(rows.map((row, index) => ({ ...row, id: ids[index], ord: index })));
  const inserted = await tx.$queryRaw<InsertedCase[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(
        "ord" int, "id" uuid, "subject" text, "description" text, "customerRef" text, "concern" text,
        "externalCrmNumber" text, "priority" text, "channel" text, "brand" text, "queueId" uuid, "teamId" uuid,
        "queue" text, "signals" jsonb)
    ), numbered AS (
      SELECT input.*, "escalate_next_number"(${tenantId}::uuid, 'case') AS "number" FROM input ORDER BY "ord"
    ), inserted AS (
      INSERT INTO "Case" ("id", "tenantId", "number", "subject", "description", "customerRef", "customerId",
        "concern", "externalCrmNumber", "priority", "channel", "brand", "queueId", "teamId", "signals",
        "createdById", "slaStartedAt", "updatedAt")
      SELECT n."id", ${tenantId}::uuid, n."number", n."subject", n."description", n."customerRef",
        (SELECT c."id" FROM "Customer" c WHERE c."tenantId" = ${tenantId}::uuid AND c."externalRef" = n."customerRef"),
        n."concern", n."externalCrmNumber", n."priority", n."channel", n."brand", n."queueId", n."teamId",
        COALESCE(n."signals", '{}'::jsonb), ${context.viewer.userId}::uuid, ${context.now}, now()
      FROM numbered n ORDER BY n."ord"
      RETURNING "id", "number", "subject", "customerRef", "status", "priority", "tier"
    ), events AS (
      INSERT INTO "TimelineEvent" ("id", "tenantId", "caseId", "actorId", "type", "data", "requestId")
      SELECT gen_random_uuid(), ${tenantId}::uuid, i."id", ${context.viewer.userId}::uuid, 'CASE_CREATED',
        jsonb_build_object('number', i."number", 'subject', i."subject", 'customerRef', i."customerRef",
          'status', i."status", 'priority', i."priority", 'tier', i."tier", 'queue', n."queue"),
        ${context.requestId}
      FROM inserted i JOIN numbered n ON n."id" = i."id"
      ORDER BY i."number"
    )
    SELECT "id"::text AS "id", "number" FROM inserted`;
  const byId = new Map(inserted.map((row) => [row.id, Number(row.number)]));
  return ids.map((id) => {
    const number = byId.get(id);
    if (number === undefined) throw new Error(`case ${id} was not inserted`);
    return { id, number };
  });
}
