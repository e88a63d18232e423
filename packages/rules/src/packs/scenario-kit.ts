/**
 * Scenario kit for the pack tests: a shipped pack compiled with its real text detector, and an
 * evaluation input built from the few facts a scenario cares about.
 */
import { type CompiledPolicy, compilePolicy } from '../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../engine/evaluate.js';
import type { TDecision, TEvaluationInputRaw, TFiredTrigger } from '../types.js';
import { getShippedPolicyPack } from './index.js';

/** The shipped pack of `slug`, compiled as callers compile it (its own text detector). */
export function compileShippedPolicy(slug: string): CompiledPolicy {
  return compilePolicy(getShippedPolicyPack(slug));
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
