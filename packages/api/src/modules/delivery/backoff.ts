export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 60 * 60 * 1000 };

/**
 * Delay before the next attempt after `attempt` failed attempts: exponential (base · 2^(n-1),
 * capped) with "equal jitter" — half fixed, half random — so retries of many messages spread
 * out instead of hitting a recovering receiver at the same moment.
 */
export function retryDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
