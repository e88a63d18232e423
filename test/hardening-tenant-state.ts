/** Reads a tenant's whole state back from the database, to prove that a call changed nothing. */
import { ROLES } from '../packages/api/src/auth/roles.js';
import type { PrismaClient } from '../packages/api/src/db/prisma-client.js';

/** Every role; each has a demo user (and key) in every test organization. */
export const ROLE_KEYS = ROLES;

async function tenantTables(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'tenantId' ORDER BY table_name`;
  return rows.map((row) => row.table_name);
}

export interface TenantState {
  /** table → "rows:md5 of the rows" */
  tables: Record<string, string>;
}

/** One query: every row of every tenant table, hashed per table (plus the tenant row itself). */
export async function tenantState(db: PrismaClient, tenantId: string): Promise<TenantState> {
  const tables = await tenantTables(db);
  const parts = tables.map(
    (table) =>
      `SELECT '${table}' AS "table", count(*)::int AS "rows", coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS "hash" FROM "${table}" x WHERE x."tenantId" = $1::uuid`,
  );
  parts.push(
    `SELECT 'Tenant', count(*)::int, coalesce(md5(string_agg(x::text, '|')), '') FROM "Tenant" x WHERE x."id" = $1::uuid`,
  );
  const rows = await db.$queryRawUnsafe<{ table: string; rows: number; hash: string }[]>(
    parts.join(' UNION ALL '),
    tenantId,
  );
  return { tables: Object.fromEntries(rows.map((row) => [row.table, `${row.rows}:${row.hash}`])) };
}

/** Every row id of a tenant, by model (table) name. */
export async function tenantIds(db: PrismaClient, tenantId: string): Promise<Map<string, string[]>> {
  const tables = await tenantTables(db);
  const byModel = new Map<string, string[]>();
  for (const table of tables) {
    const hasId = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id'`,
      table,
    );
    if (!hasId[0]?.n) continue;
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id"::text AS id FROM "${table}" WHERE "tenantId" = $1::uuid ORDER BY "id" LIMIT 1000`,
      tenantId,
    );
    byModel.set(
      table,
      rows.map((row) => row.id),
    );
  }
  return byModel;
}
