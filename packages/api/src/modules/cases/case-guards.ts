import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { assertVersion, writeVersioned } from '../../kernel/versioned-write.js';

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
export function assertCaseVersion(current: { version: number }, expectedVersion: number): void {
  assertVersion('Case', current, expectedVersion);
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
  return writeVersioned(
    'Case',
    expectedVersion,
    () =>
      tx.case.updateMany({
        where: { id: caseId, version: expectedVersion },
        data: { ...data, version: { increment: 1 } },
      }),
    async () => (await tx.case.findUnique({ where: { id: caseId }, select: { version: true } }))?.version ?? null,
  );
}
