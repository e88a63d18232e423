/**
 * Policy replay over stored cases, the way the API's replayPolicy uses this package: each stored
 * input is parsed (parseEvaluationInput), decided by the baseline policy and by a candidate (the
 * same pack compiled as the next version), and the two decisions are compared.
 */
import { performance } from 'node:perf_hooks';
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import { shippedPolicyPacks } from '../packs/index.js';
import type { TDecision } from '../types.js';

export interface ReplayResult {
  cases: number;
  changed: number;
  casesPerCpuSecond: number;
  casesPerSecond: number;
}

/** The parts of a decision a replay compares (as replayPolicy does). */
function routeOf(decision: TDecision): string {
  return JSON.stringify([
    decision.outcome,
    [...new Set(decision.triggers.map((trigger) => trigger.code))].sort(),
    decision.target,
    decision.setStatus,
    decision.setPriority,
    decision.approval.required,
    decision.assignment,
    decision.notifications.map((item) => `${item.kind}:${item.ruleId}`).sort(),
    decision.sla?.dueAt ?? null,
  ]);
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Warms up on `warmUpCases`, then replays `storedCases` (each once) and times it. */
export function measureReplay(
  slugs: readonly string[],
  warmUpCases: readonly unknown[],
  storedCases: readonly unknown[],
): ReplayResult {
  const pairs = new Map<string, { baseline: CompiledPolicy; candidate: CompiledPolicy }>();
  for (const slug of slugs) {
    const pack = shippedPolicyPacks[slug as keyof typeof shippedPolicyPacks];
    pairs.set(slug, {
      baseline: compilePolicy(pack as never),
      candidate: compilePolicy({ ...(pack as object), version: (pack?.version ?? 0) + 1 } as never),
    });
  }
  const replayOne = (stored: unknown): boolean => {
    const input = parseEvaluationInput(stored);
    const pair = pairs.get(input.orgSlug);
    if (pair === undefined) throw new Error(`no policy for ${input.orgSlug}`);
    return routeOf(evaluate(pair.baseline, input)) !== routeOf(evaluate(pair.candidate, input));
  };
  for (const stored of warmUpCases) replayOne(stored);
  const wallStart = performance.now();
  const cpuStart = cpuMicros();
  let changed = 0;
  for (const stored of storedCases) if (replayOne(stored)) changed += 1;
  const cpuSeconds = (cpuMicros() - cpuStart) / 1e6;
  const wallSeconds = (performance.now() - wallStart) / 1e3;
  return {
    cases: storedCases.length,
    changed,
    casesPerCpuSecond: storedCases.length / cpuSeconds,
    casesPerSecond: storedCases.length / wallSeconds,
  };
}
