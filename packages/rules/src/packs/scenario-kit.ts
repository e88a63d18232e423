/**
 * Scenario kit for the pack tests: a shipped pack compiled with the real text detector, and an
 * evaluation input built from the few facts a scenario cares about.
 */
import { canonicalTriggerDefinitions, compileDetector, ZTriggerDefinition } from '../detection/index.js';
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import type { TDecision, TEvaluationInputRaw, TFiredTrigger } from '../types.js';
import { getShippedPolicyPack } from './index.js';

/** The shipped pack of `slug`, compiled with the canonical definitions it lists plus its own. */
export function compileShippedPolicy(slug: string): CompiledPolicy {
  const pack = getShippedPolicyPack(slug);
  const wanted = new Set<string>(pack.triggers.canonical);
  const detector = compileDetector([
    ...canonicalTriggerDefinitions.filter((definition) => wanted.has(definition.code)),
    ...pack.triggers.extensions.map((definition) => ZTriggerDefinition.parse(definition)),
  ]);
  return compilePolicy(pack, { detector });
}

type TCaseOverrides = Partial<TEvaluationInputRaw['case']>;

export interface TScenario extends Partial<Omit<TEvaluationInputRaw, 'case'>> {
  case?: TCaseOverrides;
}

/** Evaluates a scenario: an open Tier 1 case, an agent acting, on a weekday afternoon. */
export function decide(policy: CompiledPolicy, scenario: TScenario): TDecision {
  const { case: caseOverrides, ...rest } = scenario;
  return evaluate(
    policy,
    parseEvaluationInput({
      orgSlug: policy.pack.orgSlug,
      actorRole: 'agent',
      now: '2026-03-04T15:00:00-07:00',
      ...rest,
      case: { reference: 'CASE-000123', status: 'OPEN', priority: 'NORMAL', tier: 'TIER1', ...caseOverrides },
    }),
  );
}

export function triggerCodes(decision: TDecision): string[] {
  return [...new Set(decision.triggers.map((trigger: TFiredTrigger) => trigger.code))].sort();
}

export function matchedRuleIds(decision: TDecision): string[] {
  return decision.explanation.rules.filter((rule) => rule.matched).map((rule) => rule.ruleId);
}

export function stepIds(decision: TDecision): string[] {
  return decision.requiredSteps.map((step) => step.id);
}
