/** Timing helpers for the benchmark: CPU time of this single Node thread, and wall-clock latencies. */
import { performance } from 'node:perf_hooks';

export interface TResult {
  label: string;
  decisions: number;
  /** decisions per second of CPU time of this (single-threaded) process: per core */
  perCpuSecond: number;
  /** decisions per second of wall-clock time (lower when other processes share the cores) */
  perSecond: number;
  p50Micros: number;
  p99Micros: number;
  /** p99 of CPU time per call (unique-text runs only): what the call cost, without waiting for a core */
  p99CpuMicros?: number;
}

export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * Throughput pass (no per-call timing), then a latency pass (one timer per call). A synchronous
 * engine is called without `await`: awaiting a plain value would add a microtask per call.
 * Each engine runs at least `rounds` rounds and at least `minSeconds` of wall time, so a fast
 * engine is not timed only while V8 is still optimizing it: both get a window of the same length.
 */
export async function measureRepeated<T>(
  label: string,
  inputs: T[],
  rounds: number,
  minSeconds: number,
  decide: (input: T) => unknown,
  isAsync: boolean,
): Promise<TResult> {
  const once = async (input: T) => (isAsync ? await decide(input) : decide(input));
  for (let round = 0; round < 2; round++) for (const input of inputs) await once(input); // warm-up
  const wallStart = performance.now();
  const cpuStart = cpuMicros();
  let roundsRun = 0;
  while (roundsRun < rounds || performance.now() - wallStart < minSeconds * 1000) {
    if (isAsync) for (const input of inputs) await decide(input);
    else for (const input of inputs) decide(input);
    roundsRun += 1;
  }
  const cpuUs = cpuMicros() - cpuStart;
  const wallMs = performance.now() - wallStart;
  const latencies = new Float64Array(inputs.length * Math.max(1, Math.floor(rounds / 2)));
  for (let index = 0; index < latencies.length; index++) {
    const input = inputs[index % inputs.length] as T;
    const before = performance.now();
    if (isAsync) await decide(input);
    else decide(input);
    latencies[index] = (performance.now() - before) * 1000;
  }
  latencies.sort();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const decisions = roundsRun * inputs.length;
  return {
    label,
    decisions,
    perCpuSecond: decisions / (cpuUs / 1e6),
    perSecond: decisions / (wallMs / 1e3),
    p50Micros: at(0.5),
    p99Micros: at(0.99),
  };
}

/** Latency percentile (0–1) of sorted microseconds. */
function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Every input used once: throughput over `throughputInputs` (one pass, no timers), latency over
 * `latencyInputs` (one timer per call). Both sets hold texts never seen before, so nothing is
 * served from a cache. Warm up first on other inputs.
 */
export function measureUnique<T>(
  label: string,
  warmUpInputs: readonly T[],
  throughputInputs: readonly T[],
  latencyInputs: readonly T[],
  decide: (input: T) => unknown,
): TResult {
  for (const input of warmUpInputs) decide(input);
  const wallStart = performance.now();
  const cpuStart = cpuMicros();
  for (const input of throughputInputs) decide(input);
  const cpuUs = cpuMicros() - cpuStart;
  const wallMs = performance.now() - wallStart;
  const latencies = new Float64Array(latencyInputs.length);
  const cpuLatencies = new Float64Array(latencyInputs.length);
  latencyInputs.forEach((input, index) => {
    const cpuBefore = cpuMicros();
    const before = performance.now();
    decide(input);
    latencies[index] = (performance.now() - before) * 1000;
    cpuLatencies[index] = cpuMicros() - cpuBefore;
  });
  latencies.sort();
  cpuLatencies.sort();
  return {
    label,
    decisions: throughputInputs.length,
    perCpuSecond: throughputInputs.length / (cpuUs / 1e6),
    perSecond: throughputInputs.length / (wallMs / 1e3),
    p50Micros: percentile(latencies, 0.5),
    p99Micros: percentile(latencies, 0.99),
    p99CpuMicros: percentile(cpuLatencies, 0.99),
  };
}
