import { AppError } from './app-error.js';

interface PrismaLikeError {
  code?: unknown;
  meta?: unknown;
  message?: unknown;
  name?: unknown;
}

const CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const PG_CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300']);

function pgCode(error: PrismaLikeError): string | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  return cause?.originalCode ?? cause?.code;
}

/**
 * Translates database errors at the edge: constraint violations become typed AppErrors,
 * lost connections become a retryable UNAVAILABLE. Anything else is returned unchanged
 * (and masked by the server).
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error;
  const e = error as PrismaLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const driverCode = pgCode(e);
  const message = typeof e.message === 'string' ? e.message : '';
  if (code === 'P2002') {
    return new AppError('CONFLICT', 'A record with the same unique value already exists', {
      details: { target: (e.meta as { target?: unknown } | undefined)?.target ?? null },
    });
  }
  if (code === 'P2025') return AppError.notFound('Record');
  if (code === 'P2034') return new AppError('CONFLICT', 'Concurrent update; retry the request');
  if (code === 'P2003')
    return new AppError('VALIDATION_FAILED', 'A referenced record does not exist in this organization');
  if (driverCode === '23514' || /violates check constraint/i.test(message)) {
    return new AppError('VALIDATION_FAILED', 'A value is outside the allowed set', {
      details: { constraint: 'check' },
    });
  }
  if (driverCode === '40001' || driverCode === '40P01')
    return new AppError('CONFLICT', 'Concurrent update; retry the request');
  if (
    (code && CONNECTION_CODES.has(code)) ||
    (driverCode && PG_CONNECTION_CODES.has(driverCode)) ||
    // pool exhaustion ("timeout exceeded when trying to connect") and a full server are outages too
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|terminating connection|Can't reach database|not queryable|connection error|timeout exceeded when trying to connect|too many (clients|connections)/i.test(
      message,
    )
  ) {
    return new AppError('UNAVAILABLE', 'The database is unavailable; retry shortly', { details: { retryable: true } });
  }
  return error;
}
