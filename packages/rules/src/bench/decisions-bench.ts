/**
 * Benchmark over every shipped pack, on one core (one Node thread, CPU time):
 * - unique texts: every decision on a text never seen before (no cache hits), the headline;
 * - evaluator only: the same decisions with text analysis already done, vs json-rules-engine;
 * - memoized: inputs drawn from 24 texts, so text analysis is served from the memo (secondary);
 * - replay: stored case inputs parsed and decided by a baseline and a candidate policy, as the
 *   API's replayPolicy does.
 *
 *   pnpm --filter @escalate/rules bench [-- --unique 20000 --inputs 2000 --rounds 5 --seconds 2]
 */
import { cpus, loadavg } from 'node:os';
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import { shippedPolicyPacks } from '../packs/index.js';
import type { TEvaluationInput } from '../types.js';
import { buildBenchInputJson, buildBenchInputs, seededRandom } from './bench-inputs.js';
import { buildPeerPolicy, type PeerPolicy } from './json-rules-engine-peer.js';
import { argument, measureRepeated, measureUnique, type TResult } from './measure.js';
import { measureReplay } from './replay-bench.js';
import { labeledTexts, uniqueTexts } from './unique-texts.js';

const slugs = Object.keys(shippedPolicyPacks).sort();
const packOf = (slug: string) => shippedPolicyPacks[slug as keyof typeof shippedPolicyPacks];
const compileAll = (textMemoEntries?: number) =>
  new Map(slugs.map((slug) => [slug, compilePolicy(packOf(slug) as never, { textMemoEntries })]));
const decideWith = (policies: Map<string, CompiledPolicy>) => (input: TEvaluationInput) =>
  evaluate(policies.get(input.orgSlug) as CompiledPolicy, input);
const rate = (value: number) => Math.round(value).toLocaleString('en-US');

/** Unique-text inputs in three disjoint groups (warm-up, throughput, latency), seeded. */
function uniqueInputGroups(perGroup: number) {
  const random = seededRandom(17);
  const sources = labeledTexts();
  const customer = uniqueTexts(perGroup * 3, random, sources);
  const notePool = uniqueTexts(perGroup * 3, random, sources).map((text) => `agent note: ${text}`);
  const notes = notePool.map((note, index) => (index % 3 === 0 ? note : ''));
  const all = buildBenchInputJson(slugs, perGroup * 3, 99, { customer, notes });
  return {
    json: all,
    warmUp: all.slice(0, perGroup),
    throughput: all.slice(perGroup, perGroup * 2),
    latency: all.slice(perGroup * 2),
  };
}

async function main() {
  const uniqueCount = argument('unique', 20_000);
  const inputCount = argument('inputs', 2000);
  const rounds = argument('rounds', 5);
  const minSeconds = argument('seconds', 2);

  // Headline: unique texts through the default (production) policies.
  const groups = uniqueInputGroups(uniqueCount);
  const parse = (json: readonly unknown[]) => json.map(parseEvaluationInput);
  const [warmUp, throughput, latency] = [parse(groups.warmUp), parse(groups.throughput), parse(groups.latency)];
  const unique = measureUnique('unique texts', warmUp, throughput, latency, decideWith(compileAll()));

  // Evaluator only: the analyzed text is given (memo large enough to hold every text, warmed).
  const evaluatorInputs = throughput.slice(0, inputCount);
  const analyzed = compileAll(evaluatorInputs.length * 2 + 16);
  const peers = new Map([...analyzed].map(([slug, policy]) => [slug, buildPeerPolicy(policy)]));
  let mismatches = 0;
  for (const input of evaluatorInputs) {
    const ours = evaluate(analyzed.get(input.orgSlug) as CompiledPolicy, input);
    const theirs = await (peers.get(input.orgSlug) as PeerPolicy).decide(input);
    const matched = ours.explanation.rules.filter((rule) => rule.matched).map((rule) => rule.ruleId);
    if (JSON.stringify(matched.sort()) !== JSON.stringify(theirs.matchedRuleIds)) mismatches += 1;
  }
  const peerDecide = (input: TEvaluationInput) => (peers.get(input.orgSlug) as PeerPolicy).decide(input);
  const oursAnalyzed = await measureRepeated(
    'evaluator only',
    evaluatorInputs,
    rounds,
    minSeconds,
    decideWith(analyzed),
    false,
  );
  const peerAnalyzed = await measureRepeated(
    'json-rules-engine',
    evaluatorInputs,
    rounds,
    minSeconds,
    peerDecide,
    true,
  );

  // Secondary: the old mixed set of 24 texts, analysis memoized (cache hits).
  const repeated = buildBenchInputs(slugs, inputCount);
  const memoized = await measureRepeated('memoized', repeated, rounds, minSeconds, decideWith(compileAll(4096)), false);

  const replay = measureReplay(
    slugs,
    groups.json.slice(0, uniqueCount),
    groups.json.slice(uniqueCount, uniqueCount * 2),
  );

  const line = (result: TResult) =>
    `${rate(result.perCpuSecond)} decisions/s/core, p99 ${result.p99Micros.toFixed(1)} µs`;
  console.log(`unique texts: ${line(unique)}`);
  console.log(
    `evaluator only (analyzed text given): ${(oursAnalyzed.perCpuSecond / peerAnalyzed.perCpuSecond).toFixed(1)}× json-rules-engine`,
  );
  console.log(`replay: ${rate(replay.casesPerCpuSecond)} cases/s`);
  console.log(`memoized (24 distinct texts, cache hits; secondary): ${line(memoized)}`);
  console.log('');
  console.log(`packs: ${slugs.join(', ')}; one core (single Node ${process.version} thread, CPU time)`);
  console.log(
    `unique texts: ${throughput.length} decisions timed once each (throughput), ${latency.length} others for latency (p50 ${unique.p50Micros.toFixed(1)} µs wall clock, p99 ${unique.p99CpuMicros?.toFixed(0)} µs of CPU; wall ${rate(unique.perSecond)}/s), after ${warmUp.length} warm-up decisions`,
  );
  console.log(
    `evaluator only: ${evaluatorInputs.length} inputs × ≥${rounds} rounds and ≥${minSeconds} s; ours ${line(oursAnalyzed)}; json-rules-engine ${line(peerAnalyzed)}; same matched rules: ${mismatches === 0 ? 'yes' : `NO (${mismatches} differ)`}`,
  );
  console.log(
    `replay: ${replay.cases} stored cases, each parsed and decided by baseline and candidate, ${replay.changed} changed; wall ${rate(replay.casesPerSecond)} cases/s`,
  );
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${cpus().length} cores (latencies are wall-clock and include waiting for a core)`,
  );
  if (mismatches > 0) process.exitCode = 1;
}

await main();
