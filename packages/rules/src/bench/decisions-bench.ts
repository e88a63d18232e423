/**
 * Benchmark: decisions per second on one core (one Node thread) and p50/p99 latency over a
 * realistic mixed input set across every shipped pack; the same decisions through
 * json-rules-engine in the same run; ratios printed.
 *
 *   pnpm --filter @escalate/rules bench [-- --inputs 2000 --rounds 5]
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

function summarize(label: string, latenciesNs: number[], totalNs: number, cpuUs: number): TResult {
  const sorted = Float64Array.from(latenciesNs).sort();
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) / 1000;
  return {
    label,
    decisions: latenciesNs.length,
    perCpuSecond: latenciesNs.length / (cpuUs / 1e6),
    perSecond: latenciesNs.length / (totalNs / 1e9),
    p50Micros: at(0.5),
    p99Micros: at(0.99),
  };
}

function runOurs(label: string, policies: Map<string, CompiledPolicy>, inputs: TEvaluationInput[], rounds: number) {
  for (let round = 0; round < 2; round++)
    for (const input of inputs) evaluate(policies.get(input.orgSlug) as CompiledPolicy, input); // warm-up
  const latencies: number[] = [];
  const start = performance.now();
  const cpuStart = cpuMicros();
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const policy = policies.get(input.orgSlug) as CompiledPolicy;
      const before = process.hrtime.bigint();
      evaluate(policy, input);
      latencies.push(Number(process.hrtime.bigint() - before));
    }
  }
  return summarize(label, latencies, (performance.now() - start) * 1e6, cpuMicros() - cpuStart);
}

async function runPeer(label: string, peers: Map<string, PeerPolicy>, inputs: TEvaluationInput[], rounds: number) {
  for (const input of inputs.slice(0, 500)) await (peers.get(input.orgSlug) as PeerPolicy).decide(input);
  const latencies: number[] = [];
  const start = performance.now();
  const cpuStart = cpuMicros();
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const peer = peers.get(input.orgSlug) as PeerPolicy;
      const before = process.hrtime.bigint();
      await peer.decide(input);
      latencies.push(Number(process.hrtime.bigint() - before));
    }
  }
  return summarize(label, latencies, (performance.now() - start) * 1e6, cpuMicros() - cpuStart);
}

async function main() {
  const inputCount = argument('inputs', 2000);
  const rounds = argument('rounds', 5);
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

  const results = [
    runOurs('escalate-rules, text analysis memoized', memoized, inputs, rounds),
    await runPeer('json-rules-engine, text analysis memoized', peersMemoized, inputs, rounds),
    runOurs('escalate-rules, text analyzed every call', unmemoized, inputs, rounds),
    await runPeer('json-rules-engine, text analyzed every call', peersUnmemoized, inputs, rounds),
  ];
  const escalating = inputs.filter(
    (input) => evaluate(memoized.get(input.orgSlug) as CompiledPolicy, input).outcome === 'ESCALATE',
  ).length;

  console.log(
    `packs: ${slugs.join(', ')}; ${inputs.length} inputs × ${rounds} rounds; ${escalating} of ${inputs.length} inputs escalate`,
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
