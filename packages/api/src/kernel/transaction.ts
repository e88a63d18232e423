import type { Context } from '../context.js';
import type { TenantDatabase } from '../db/tenant-scope.js';
import { translateDatabaseError } from '../errors/prisma-error.js';

/** The tenant-scoped client inside an interactive transaction. */
export type TenantTransaction = Parameters<Parameters<TenantDatabase['$transaction']>[0]>[0];

/**
 * Runs work in one transaction on the caller's tenant: either all of it is written or
 * nothing is. Database errors are translated to AppErrors at this edge.
 */
export async function inTransaction<T>(context: Context, work: (tx: TenantTransaction) => Promise<T>): Promise<T> {
  try {
    return await context.db.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
