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

export function idempotencyKeyError(path: string): AppError {
  return new AppError('VALIDATION_FAILED', 'idempotencyKey must be at most 200 characters', {
    fields: [{ path, message: 'at most 200 characters' }],
  });
}

export function keyReusedError(path: string): AppError {
  return new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This idempotency key was already used with a different request; use a new key',
    { rule: 'X-4', fields: [{ path, message: 'already used for a different input' }] },
  );
}

function stillInProgressError(): AppError {
  return new AppError('CONFLICT', 'A request with this idempotency key is still in progress; retry shortly');
}

export interface KeyClaim {
  key: string;
  hash: string;
  /** where the key sits in the request, for errors: `input.idempotencyKey`, `input.3.idempotencyKey` */
  path: string;
}

/** A claimed key: do the work and complete it; or the stored result of the first request; or why not. */
export type ClaimOutcome<T> =
  | { kind: 'claimed' }
  | { kind: 'stored'; response: T }
  | { kind: 'error'; error: AppError };

/**
 * Claims idempotency keys in the caller's transaction, in one statement for any number of keys:
 * a new key (or an expired one) is inserted as IN_PROGRESS and becomes the caller's. A key held by
 * a concurrent request waits on the key's row until that request commits. Keys that were not
 * claimed are read once to return their stored result, or are refused (in progress; a different
 * request). Keys must be distinct.
 */
export async function claimIdempotencyKeys<T>(
  tx: TenantTransaction,
  context: Context,
  operation: string,
  claims: readonly KeyClaim[],
): Promise<ClaimOutcome<T>[]> {
  if (claims.length === 0) return [];
  const tenantId = context.viewer.tenantId;
  const now = context.now;
  const expiresAt = new Date(now.getTime() + KEY_LIFETIME_MS);
  const json = JSON.stringify(claims.map(({ key, hash }) => ({ key, hash })));
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("tenantId", "key", "operation", "requestHash", "status", "expiresAt")
    SELECT ${tenantId}::uuid, k."key", ${operation}, k."hash", 'IN_PROGRESS', ${expiresAt}
    FROM jsonb_to_recordset(${json}::jsonb) AS k("key" text, "hash" text) ORDER BY k."key"
    ON CONFLICT ("tenantId", "key") DO UPDATE SET
      "operation" = EXCLUDED."operation", "requestHash" = EXCLUDED."requestHash", "status" = 'IN_PROGRESS',
      "response" = NULL, "createdAt" = now(), "expiresAt" = EXCLUDED."expiresAt"
      WHERE "IdempotencyKey"."expiresAt" < ${now}
    RETURNING "key"`;
  const mine = new Set(claimed.map((row) => row.key));
  const others = claims.filter((claim) => !mine.has(claim.key)).map((claim) => claim.key);
  const existing =
    others.length > 0
      ? await tx.idempotencyKey.findMany({
          where: { key: { in: others } },
          select: { key: true, operation: true, requestHash: true, status: true, response: true },
        })
      : [];
  const byKey = new Map(existing.map((row) => [row.key, row]));
  return claims.map((claim): ClaimOutcome<T> => {
    if (mine.has(claim.key)) return { kind: 'claimed' };
    const row = byKey.get(claim.key);
    if (row?.status !== 'COMPLETED') return { kind: 'error', error: stillInProgressError() };
    if (row.operation !== operation || row.requestHash !== claim.hash) {
      return { kind: 'error', error: keyReusedError(claim.path) };
    }
    return { kind: 'stored', response: row.response as T };
  });
}

/** Stores the results of claimed keys (one statement), so repeats return them. */
export async function completeIdempotencyKeys(
  tx: TenantTransaction,
  context: Context,
  results: readonly { key: string; response: unknown }[],
): Promise<void> {
  if (results.length === 0) return;
  const json = JSON.stringify(results.map(({ key, response }) => ({ key, response: response ?? null })));
  await tx.$executeRaw`
    UPDATE "IdempotencyKey" AS k SET "status" = 'COMPLETED', "response" = r."response"
    FROM jsonb_to_recordset(${json}::jsonb) AS r("key" text, "response" jsonb)
    WHERE k."tenantId" = ${context.viewer.tenantId}::uuid AND k."key" = r."key"`;
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
  if (key.length > 200) throw idempotencyKeyError('input.idempotencyKey');
  const hash = requestHash(operation, input);
  return inTransaction(context, async (tx) => {
    const [outcome] = await claimIdempotencyKeys<T>(tx, context, operation, [
      { key, hash, path: 'input.idempotencyKey' },
    ]);
    if (outcome?.kind === 'error') throw outcome.error;
    if (outcome?.kind === 'stored') return outcome.response;
    const result = await work(tx);
    await completeIdempotencyKeys(tx, context, [{ key, response: result }]);
    return result;
  });
}
