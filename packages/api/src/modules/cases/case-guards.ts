import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import type { TenantTransaction } from '../../kernel/transaction.js';

export function versionConflict(currentVersion: number | null): AppError {
  return new AppError(
    'CONFLICT',
    currentVersion === null
      ? 'The case changed while this request ran; reload it and retry'
      : `The case is at version ${currentVersion}; reload it and retry with that version`,
    { rule: 'X-4', details: { currentVersion }, fields: [{ path: 'input.expectedVersion', message: 'stale version' }] },
  );
}

/** Loads a case of the caller's organization or fails with NOT_FOUND. */
export async function requireCase<S extends Prisma.CaseSelect>(
  tx: TenantTransaction | Context['db'],
  caseId: string,
  select: S,
): Promise<Prisma.CaseGetPayload<{ select: S }>> {
  const row = await (tx as TenantTransaction).case.findUnique({ where: { id: caseId }, select });
  if (!row) throw AppError.notFound('Case');
  return row as Prisma.CaseGetPayload<{ select: S }>;
}

/** Fails fast with CONFLICT when the caller based the change on an older version. */
export function assertVersion(current: { version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion) throw versionConflict(current.version);
}

/**
 * Writes case fields only if nobody changed the case since `expectedVersion` was read; the
 * version increments with every write. Under concurrency exactly one writer wins.
 */
export async function updateCaseGuarded(
  tx: TenantTransaction,
  caseId: string,
  expectedVersion: number,
  data: Prisma.CaseUncheckedUpdateManyInput,
): Promise<number> {
  const result = await tx.case.updateMany({
    where: { id: caseId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0) {
    const current = await tx.case.findUnique({ where: { id: caseId }, select: { version: true } });
    if (!current) throw AppError.notFound('Case');
    throw versionConflict(current.version);
  }
  return expectedVersion + 1;
}
