import type { AppErrorPayload } from '../errors/error-funnel.js';
import { errorFromAppError, type RequestFacts } from '../errors/error-funnel.js';

type WithTypename = { __typename?: string };
type AppErrorResult = AppErrorPayload & { __typename: 'AppError' };

/** The success member of an `AppError | Payload` union. */
export type Success<T> = Exclude<T, { __typename: 'AppError' }>;

/** Throws the typed error for an `AppError` result; returns the payload otherwise. */
export function unwrapPayload<T extends WithTypename>(result: T, facts: Omit<RequestFacts, 'requestId'>): Success<T> {
  if (result.__typename === 'AppError') {
    throw errorFromAppError(result as unknown as AppErrorResult, { ...facts, requestId: null });
  }
  return result as Success<T>;
}
