/**
 * Benchmark: decisions per second on one core (one Node thread) and p50/p99 latency over a
 * realistic mixed input set across every shipped pack; the same decisions through
 * json-rules-engine in the same run; ratios printed.
 *
 *   pnpm --filter @escalate/rules bench [-- --inputs 2000 --rounds 5 --seconds 2]
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate } from '../engine/evaluate.js';
import { shippedPolicyPacks } from '../packs/index.js';
import type { TEvaluationInput } from '../types.js';
import { buildBenchInputs } from './bench-inputs.js';
import { buildPeerPolicy, type PeerPolicy } from './json-rules-engine-peer.js';

interface TResult {
  label: string;
  decisions: number;
  /** decisions per second of CPU time of this (single-threaded) process: per core */
  perCpuSecond: number;
  /** decisions per second of wall-clock time (lower when other processes share the cores) */
  perSecond: number;
  p50Micros: number;
  p99Micros: number;
}

function argument(name: string, fallback: number): number {
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
async function measure(
  label: string,
  inputs: TEvaluationInput[],
  rounds: number,
  minSeconds: number,
  decide: (input: TEvaluationInput) => unknown,
  isAsync: boolean,
): Promise<TResult> {
  const once = async (input: TEvaluationInput) => (isAsync ? await decide(input) : decide(input));
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
    const input = inputs[index % inputs.length] as TEvaluationInput;
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

async function main() {
  const inputCount = argument('inputs', 2000);
  const rounds = argument('rounds', 5);
  const minSeconds = argument('seconds', 2);
  const slugs = Object.keys(shippedPolicyPacks).sort();
  const inputs = buildBenchInputs(slugs, inputCount);
  const compile = (textMemoEntries: number) =>
    new Map(
      slugs.map((slug) => [
        slug,
        compilePolicy(shippedPolicyPacks[slug as keyof typeof shippedPolicyPacks] as never, { textMemoEntries }),
      ]),
    );
  const memoized = compile(4096);
  const unmemoized = compile(0);
  const peersMemoized = new Map([...memoized].map(([slug, policy]) => [slug, buildPeerPolicy(policy)]));
  const peersUnmemoized = new Map([...unmemoized].map(([slug, policy]) => [slug, buildPeerPolicy(policy)]));

  // same decisions: the peer must match exactly the rules we match, for every input
  let mismatches = 0;
  for (const input of inputs) {
    const ours = evaluate(memoized.get(input.orgSlug) as CompiledPolicy, input);
    const theirs = await (peersMemoized.get(input.orgSlug) as PeerPolicy).decide(input);
    const ourMatched = ours.explanation.rules
      .filter((rule) => rule.matched)
      .map((rule) => rule.ruleId)
      .sort();
    if (JSON.stringify(ourMatched) !== JSON.stringify(theirs.matchedRuleIds)) mismatches += 1;
  }

  const ours = (policies: Map<string, CompiledPolicy>) => (input: TEvaluationInput) =>
    evaluate(policies.get(input.orgSlug) as CompiledPolicy, input);
  const peer = (peers: Map<string, PeerPolicy>) => (input: TEvaluationInput) =>
    (peers.get(input.orgSlug) as PeerPolicy).decide(input);
  const results = [
    await measure('escalate-rules, text analysis memoized', inputs, rounds, minSeconds, ours(memoized), false),
    await measure('json-rules-engine, text analysis memoized', inputs, rounds, minSeconds, peer(peersMemoized), true),
    await measure('escalate-rules, text analyzed every call', inputs, rounds, minSeconds, ours(unmemoized), false),
    await measure(
      'json-rules-engine, text analyzed every call',
      inputs,
      rounds,
      minSeconds,
      peer(peersUnmemoized),
      true,
    ),
  ];
  const escalating = inputs.filter(
    (input) => evaluate(memoized.get(input.orgSlug) as CompiledPolicy, input).outcome === 'ESCALATE',
  ).length;

  console.log(
    `packs: ${slugs.join(', ')}; ${inputs.length} inputs × at least ${rounds} rounds and ${minSeconds} s per engine; ${escalating} of ${inputs.length} inputs escalate`,
  );
  console.log(
    `one core (single Node ${process.version} thread); same matched rules in both engines: ${mismatches === 0 ? 'yes' : `NO (${mismatches} differ)`}`,
  );
  console.log('');
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${cpus().length} cores (latencies are wall-clock and include waiting for a core)`,
  );
  console.log('');
  console.log(
    'mode'.padEnd(46),
    'decisions/s/core'.padStart(17),
    'wall decisions/s'.padStart(17),
    'p50 µs'.padStart(8),
    'p99 µs'.padStart(8),
  );
  for (const result of results) {
    console.log(
      result.label.padEnd(46),
      Math.round(result.perCpuSecond).toLocaleString('en-US').padStart(17),
      Math.round(result.perSecond).toLocaleString('en-US').padStart(17),
      result.p50Micros.toFixed(1).padStart(8),
      result.p99Micros.toFixed(1).padStart(8),
    );
  }
  const [oursMemo, peerMemo, oursFull, peerFull] = results;
  if (oursMemo && peerMemo && oursFull && peerFull) {
    const ratio = (ours: TResult, peer: TResult) =>
      `${(ours.perCpuSecond / peer.perCpuSecond).toFixed(1)}× per core, p50 ${(peer.p50Micros / ours.p50Micros).toFixed(1)}× faster`;
    console.log('');
    console.log(`ratio vs json-rules-engine, text analysis memoized: ${ratio(oursMemo, peerMemo)}`);
    console.log(`ratio vs json-rules-engine, text analyzed every call: ${ratio(oursFull, peerFull)}`);
  }
  if (mismatches > 0) process.exitCode = 1;
}

await main();
