import { EscalateError, RateLimitedError } from '../errors/escalate-error.js';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, error: unknown, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.round(random() * exponential);
  if (error instanceof RateLimitedError && error.retryAfterMs !== null) {
    return Math.min(policy.maxDelayMs, Math.max(error.retryAfterMs, jittered));
  }
  return jittered;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable (only network
 * errors, 429 and 503 are), or the retries are used up. Callers make each attempt safe to
 * repeat (mutations carry the same idempotency key on every attempt).
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (attemptNumber: number) => Promise<T>,
  onRetry?: (error: EscalateError, attemptNumber: number, delayMs: number) => void,
): Promise<T> {
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!(error instanceof EscalateError) || !error.retryable || attemptNumber >= policy.retries) throw error;
      const delayMs = retryDelayMs(policy, attemptNumber, error);
      onRetry?.(error, attemptNumber, delayMs);
      await sleep(delayMs);
    }
  }
}
