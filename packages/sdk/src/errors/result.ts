import { EscalateError } from './escalate-error.js';

export type Result<T, E extends EscalateError = EscalateError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Expected failures as values instead of exceptions:
 *
 *   const result = await asResult(client.cases.create(input));
 *   if (!result.ok) console.log(result.error.code, result.error.fields);
 *
 * Only refusals the server answered with a typed `AppError` (nothing was changed) become
 * `{ ok: false }`; network, authentication and server faults are still thrown.
 */
export async function asResult<T>(operation: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await operation };
  } catch (error) {
    if (error instanceof EscalateError && error.expected) return { ok: false, error };
    throw error;
  }
}
