import { createHash } from 'node:crypto';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { inTransaction, type TenantTransaction } from './transaction.js';

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && key !== 'idempotencyKey')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

/**
 * Runs a mutation at most once per idempotency key (X-4). The key row is inserted in the
 * same transaction as the work: a concurrent repeat waits on the key's unique index until
 * the first commits, then returns the stored result; if the first fails, nothing is stored
 * and the repeat does the work. The same key with a different input is refused.
 *
 * The result must be JSON-serializable (ids and plain values); resolvers load rows from it.
 */
export async function runIdempotent<T>(
  context: Context,
  operation: string,
  input: unknown,
  idempotencyKey: string | null | undefined,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  const key = idempotencyKey ?? context.idempotencyKeyHeader;
  if (!key) return inTransaction(context, work);
  if (key.length > 200) {
    throw new AppError('VALIDATION_FAILED', 'idempotencyKey must be at most 200 characters', {
      fields: [{ path: 'input.idempotencyKey', message: 'at most 200 characters' }],
    });
  }
  const hash = requestHash(operation, input);
  const tenantId = context.viewer.tenantId;
  const now = context.now;
  return inTransaction(context, async (tx) => {
    // an expired key is free again
    await tx.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "tenantId" = ${tenantId}::uuid AND "key" = ${key} AND "expiresAt" < ${now}`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" ("tenantId", "key", "operation", "requestHash", "status", "expiresAt")
      VALUES (${tenantId}::uuid, ${key}, ${operation}, ${hash}, 'IN_PROGRESS', ${new Date(now.getTime() + KEY_LIFETIME_MS)})
      ON CONFLICT ("tenantId", "key") DO NOTHING`;
    if (inserted === 0) {
      const existing = await tx.idempotencyKey.findUnique({ where: { tenantId_key: { tenantId, key } } });
      if (existing?.status !== 'COMPLETED') {
        throw new AppError('CONFLICT', 'A request with this idempotency key is still in progress; retry shortly');
      }
      if (existing.operation !== operation || existing.requestHash !== hash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used with a different request; use a new key',
          { rule: 'X-4', fields: [{ path: 'input.idempotencyKey', message: 'already used for a different input' }] },
        );
      }
      return existing.response as T;
    }
    const result = await work(tx);
    await tx.idempotencyKey.update({
      where: { tenantId_key: { tenantId, key } },
      data: { status: 'COMPLETED', response: (result ?? null) as object },
    });
    return result;
  });
}
