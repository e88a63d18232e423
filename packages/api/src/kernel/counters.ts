import type { TenantTransaction } from './transaction.js';

/** Anything that can run raw SQL: the root client, a tenant-scoped client or a transaction. */
interface RawQuerier {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
}

/**
 * Next value of a per-tenant counter ('case', 'privacy-request'). Numbers come from one
 * PostgreSQL sequence per tenant and counter (migration `tenant_number_sequences`): nextval()
 * takes no row lock, so concurrent creates of one tenant do not wait for each other's
 * transactions. Numbers are unique and handed out in increasing order; a number taken by a
 * transaction that rolls back is not reused, so gaps can occur.
 */
export async function nextTenantNumber(
  tx: TenantTransaction | RawQuerier,
  tenantId: string,
  name: string,
): Promise<number> {
  const rows = await (tx as RawQuerier).$queryRaw<{ value: number }[]>`
    SELECT "escalate_next_number"(${tenantId}::uuid, ${name}) AS "value"`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${name} returned no value`);
  return Number(value);
}

/**
 * `count` numbers of a per-tenant counter in one round trip, in increasing order (not
 * necessarily consecutive when other requests take numbers at the same time).
 */
export async function nextTenantNumbers(
  tx: TenantTransaction | RawQuerier,
  tenantId: string,
  name: string,
  count: number,
): Promise<number[]> {
  if (count <= 0) return [];
  const rows = await (tx as RawQuerier).$queryRaw<{ value: number }[]>`
    SELECT "escalate_next_number"(${tenantId}::uuid, ${name}) AS "value" FROM generate_series(1, ${count}::int) AS g ORDER BY g`;
  return rows.map((row) => Number(row.value)).sort((a, b) => a - b);
}

export function formatNumber(prefix: string, value: number): string {
  return `${prefix}-${String(value).padStart(6, '0')}`;
}
