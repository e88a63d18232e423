import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retry backoff', () => {
  it('X-6 doubles per attempt, stays within [ceiling/2, ceiling] and is capped', () => {
    const options = { baseMs: 1_000, maxMs: 30_000 };
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4_000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2_000);
    expect(retryDelayMs(20, options, () => 1)).toBe(30_000);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(4, options)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
