/** Test kit: build an evaluation input with defaults and decide with a shipped pack. */
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import { getShippedPolicyPack } from '../packs/index.js';
import type { TDecision, TEvaluationInputRaw } from '../types.js';

type TCaseOverrides = Partial<NonNullable<TEvaluationInputRaw['case']>>;
export interface TScenario extends Omit<Partial<TEvaluationInputRaw>, 'case'> {
  case?: TCaseOverrides;
}

const compiled = new Map<string, CompiledPolicy>();

export function shippedPolicy(slug: string): CompiledPolicy {
  let policy = compiled.get(slug);
  if (!policy) {
    policy = compilePolicy(getShippedPolicyPack(slug));
    compiled.set(slug, policy);
  }
  return policy;
}

/** A weekday at 10:00 in New York: inside every shipped calendar. */
export const WEEKDAY_MORNING = '2026-03-04T10:00:00-05:00';

export function scenarioInput(orgSlug: string, scenario: TScenario = {}): TEvaluationInputRaw {
  const { case: caseOverrides, ...rest } = scenario;
  return {
    orgSlug,
    actorRole: 'agent',
    now: WEEKDAY_MORNING,
    ...rest,
    case: { status: 'OPEN', priority: 'NORMAL', tier: 'TIER1', reference: 'CASE-000123', ...caseOverrides },
  };
}

export function decide(orgSlug: string, scenario: TScenario = {}): TDecision {
  return evaluate(shippedPolicy(orgSlug), parseEvaluationInput(scenarioInput(orgSlug, scenario)));
}

export function flags(...names: string[]): { agentFlags: string[]; values: Record<string, never> } {
  return { agentFlags: names, values: {} };
}
