import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { AppError } from '../errors/app-error.js';

/**
 * An AppError as the `AppError` member of a field's result union, for failures found at the
 * edge (before the field's own resolver, where Pothos would have caught it).
 */
export function typedErrorResult(error: AppError): unknown {
  return wrapErrorIfMatches(error, [AppError]);
}
