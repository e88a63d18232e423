import type { TenantTransaction } from './transaction.js';

/**
 * Next value of a per-tenant sequence. The UPDATE takes a row lock, so concurrent callers
 * serialize and never receive the same number.
 */
export async function nextTenantNumber(tx: TenantTransaction, tenantId: string, name: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", "name", "value") VALUES (${tenantId}::uuid, ${name}, 1)
    ON CONFLICT ("tenantId", "name") DO UPDATE SET "value" = "TenantCounter"."value" + 1
    RETURNING "value"`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${name} returned no value`);
  return Number(value);
}

export function formatNumber(prefix: string, value: number): string {
  return `${prefix}-${String(value).padStart(6, '0')}`;
}
