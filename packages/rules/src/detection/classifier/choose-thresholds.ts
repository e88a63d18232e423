/**
 * Chooses each code's classifier threshold on labeled messages the classifier was not trained on:
 * the probability above which the codes it adds (where patterns are silent) earn more than they
 * cost — each wrong addition counts as much as `falsePositiveCost` right ones. Few sets are small:
 * a code with fewer than `minimumCandidates` candidates above the pooled threshold (chosen the
 * same way over all codes together) gets the pooled threshold; a code whose own best threshold
 * gains nothing gets none (null: never added).
 */
import type { ClassifierHit } from './classifier-signal.js';

/** The codes the classifier would add to a message at any probability, where patterns were silent. */
export type CandidateHits = (text: string, id: string) => readonly ClassifierHit[];

export interface ThresholdPolicy {
  falsePositiveCost: number;
  minimumCandidates: number;
  lowestThreshold: number;
}

export const defaultThresholdPolicy: ThresholdPolicy = {
  falsePositiveCost: 2,
  minimumCandidates: 4,
  lowestThreshold: 0.3,
};

interface Candidate {
  probability: number;
  right: boolean;
}

/** The threshold with the best gain over these candidates, or null when no threshold gains. */
function bestThreshold(candidates: readonly Candidate[], policy: ThresholdPolicy): number | null {
  const sorted = [...candidates].sort((a, b) => b.probability - a.probability);
  let best: { gain: number; threshold: number } | null = null;
  let right = 0;
  let wrong = 0;
  for (const [index, candidate] of sorted.entries()) {
    if (candidate.right) right++;
    else wrong++;
    const next = sorted[index + 1];
    if (next !== undefined && next.probability === candidate.probability) continue;
    const threshold = Math.max(policy.lowestThreshold, Math.floor((next?.probability ?? 0) * 1000) / 1000);
    if (threshold >= candidate.probability) continue;
    const gain = right - policy.falsePositiveCost * wrong;
    if (best === null || gain > best.gain) best = { gain, threshold };
  }
  return best !== null && best.gain > 0 ? best.threshold : null;
}

export function chooseThresholds(
  codes: readonly string[],
  messages: readonly { id: string; text: string; codes: readonly string[] }[],
  candidates: CandidateHits,
  policy: ThresholdPolicy = defaultThresholdPolicy,
): (number | null)[] {
  const scored = new Map<string, Candidate[]>(codes.map((code) => [code, []]));
  for (const message of messages) {
    for (const hit of candidates(message.text, message.id)) {
      scored.get(hit.code)?.push({ probability: hit.probability, right: message.codes.includes(hit.code) });
    }
  }
  const pooled = bestThreshold([...scored.values()].flat(), policy);
  return codes.map((code) => {
    const own = scored.get(code) ?? [];
    const aboveLowest = own.filter((candidate) => candidate.probability > (pooled ?? policy.lowestThreshold));
    if (aboveLowest.length < policy.minimumCandidates) return pooled;
    return bestThreshold(own, policy);
  });
}
