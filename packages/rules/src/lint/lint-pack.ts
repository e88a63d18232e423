/**
 * Static checks on a policy pack (run on every shipped pack in CI): unknown condition types,
 * unknown trigger codes, rules that can never fire, rules shadowed by a better-ranked rule,
 * unreachable queues and teams, and ties that only the id order decides.
 */
import { compareRank } from '../engine/compile-policy.js';
import { INDEPENDENT_FIELDS } from '../engine/merge-outcomes.js';
import {
  asKnownCondition,
  conditionSpecificity,
  forEachCondition,
  type TCondition,
} from '../policy/condition-schema.js';
import type { TOutcome, TRule } from '../policy/pack-schema.js';
import type { TPolicyPack } from '../policy/parse-pack.js';
import type { TLintFinding } from '../types.js';
import { canHoldTogether, implies, type LogicEnvironment, neverHoldsReason } from './condition-logic.js';

const LIST_FIELDS = [
  'notifications',
  'requiredSteps',
  'requiredNoteFields',
  'tasks',
  'replyChecks',
  'guidance',
] as const;

function isRouteOutcome(outcome: TOutcome): boolean {
  return outcome.target !== undefined || outcome.assignment !== undefined || outcome.approval !== undefined;
}

/** Does rule `low` add nothing once `high` (ranked above it) has matched? */
function addsNothingBeyond(low: TOutcome, high: TOutcome): boolean {
  if (isRouteOutcome(low) && !isRouteOutcome(high)) return false;
  for (const field of INDEPENDENT_FIELDS) {
    const value = low[field];
    const set = Array.isArray(value) ? value.length > 0 : value !== undefined;
    const highValue = high[field];
    const highSet = Array.isArray(highValue) ? highValue.length > 0 : highValue !== undefined;
    if (set && !highSet) return false;
  }
  for (const field of LIST_FIELDS) {
    const have = new Set((high[field] as unknown[]).map((item) => JSON.stringify(item)));
    if ((low[field] as unknown[]).some((item) => !have.has(JSON.stringify(item)))) return false;
  }
  return true;
}

function routeKey(outcome: TOutcome): string {
  return JSON.stringify([outcome.target, outcome.assignment, outcome.approval, outcome.setStatus]);
}

function conditionsOf(pack: TPolicyPack): { ruleId: string; condition: TCondition }[] {
  const all: { ruleId: string; condition: TCondition }[] = [];
  for (const rule of pack.rules) {
    all.push({ ruleId: rule.id, condition: rule.when });
    const waiver = rule.outcome.approval?.waivedWhen;
    if (waiver) all.push({ ruleId: rule.id, condition: waiver });
  }
  for (const trigger of pack.signalTriggers) all.push({ ruleId: trigger.id, condition: trigger.when });
  return all;
}

export function lintPolicyPack(pack: TPolicyPack): TLintFinding[] {
  const findings: TLintFinding[] = [];
  const add = (finding: Omit<TLintFinding, 'policyId'>) => findings.push({ policyId: pack.policyId, ...finding });

  const declaredTriggerCodes = new Set([
    ...pack.triggers.canonical,
    ...pack.triggers.extensions.map((definition) => definition.code),
    ...pack.signalTriggers.map((trigger) => trigger.code),
  ]);
  const env: LogicEnvironment = { declaredTriggerCodes, calendars: new Set(Object.keys(pack.calendars)) };

  for (const { ruleId, condition } of conditionsOf(pack)) {
    forEachCondition(condition, (node) => {
      const known = asKnownCondition(node);
      if (!known) {
        add({
          code: 'UNKNOWN_CONDITION',
          severity: 'error',
          ruleId,
          message: `condition type "${node.type}" is unknown to this engine; it can never match (fails closed)`,
        });
      } else if (known.type === 'trigger' && !declaredTriggerCodes.has(known.code)) {
        add({
          code: 'UNKNOWN_TRIGGER',
          severity: 'error',
          ruleId,
          message: `trigger code "${known.code}" is not declared by the pack (canonical list, extensions or signal triggers)`,
        });
      }
    });
  }

  const ranked = pack.rules
    .map((rule) => ({ rule, specificity: conditionSpecificity(rule.when) }))
    .sort((a, b) =>
      compareRank(
        { priority: a.rule.priority, specificity: a.specificity, id: a.rule.id },
        { priority: b.rule.priority, specificity: b.specificity, id: b.rule.id },
      ),
    );
  const firing: TRule[] = [];
  for (const { rule } of ranked) {
    const reason = neverHoldsReason(rule.when, env);
    if (reason) add({ code: 'NEVER_FIRES', severity: 'error', ruleId: rule.id, message: `can never fire: ${reason}` });
    else firing.push(rule);
  }

  ranked.forEach((low, lowIndex) => {
    for (const high of ranked.slice(0, lowIndex)) {
      if (implies(low.rule.when, high.rule.when) && addsNothingBeyond(low.rule.outcome, high.rule.outcome)) {
        add({
          code: 'SHADOWED',
          severity: 'error',
          ruleId: low.rule.id,
          message: `shadowed by ${high.rule.id}: whenever it matches, ${high.rule.id} (priority ${high.rule.priority}) matches too and already decides everything it would`,
        });
        break;
      }
    }
    for (const other of ranked.slice(lowIndex + 1)) {
      const tied = other.rule.priority === low.rule.priority && other.specificity === low.specificity;
      if (!tied || !canHoldTogether(low.rule.when, other.rule.when)) continue;
      const bothRoute = isRouteOutcome(low.rule.outcome) && isRouteOutcome(other.rule.outcome);
      const routeConflict = bothRoute && routeKey(low.rule.outcome) !== routeKey(other.rule.outcome);
      const priorityConflict =
        low.rule.outcome.setPriority !== undefined &&
        other.rule.outcome.setPriority !== undefined &&
        low.rule.outcome.setPriority !== other.rule.outcome.setPriority;
      if (routeConflict || priorityConflict) {
        add({
          code: 'TIE_WITHOUT_TIE_BREAKER',
          severity: 'warning',
          ruleId: other.rule.id,
          message: `ties with ${low.rule.id} (priority ${low.rule.priority}, specificity ${low.specificity}) and they disagree; only the id order decides — give one a different priority`,
        });
      }
    }
  });

  const targetedQueues = new Set<string>();
  const reachedTeams = new Set<string>();
  const queueOwner = new Map<string, string>();
  for (const team of pack.teams) for (const queue of team.queues) queueOwner.set(queue.slug, team.slug);
  for (const rule of firing) {
    const { outcome } = rule;
    if (outcome.target?.queue) {
      targetedQueues.add(outcome.target.queue);
      const owner = queueOwner.get(outcome.target.queue);
      if (owner) reachedTeams.add(owner);
    }
    for (const team of [
      outcome.target?.team,
      outcome.assignment?.team,
      ...outcome.tasks.flatMap((task) => [task.team, task.assignment?.team]),
    ]) {
      if (team) reachedTeams.add(team);
    }
  }
  for (const team of pack.teams) {
    if (!reachedTeams.has(team.slug)) {
      add({
        code: 'UNREACHABLE_TEAM',
        severity: 'warning',
        ruleId: null,
        message: `team "${team.slug}" is never routed to, assigned or given a task by a rule that can fire`,
      });
    }
    for (const queue of team.queues) {
      if (!targetedQueues.has(queue.slug)) {
        add({
          code: 'UNREACHABLE_QUEUE',
          severity: 'warning',
          ruleId: null,
          message: `queue "${queue.slug}" (team ${team.slug}) is never the target of a rule that can fire`,
        });
      }
    }
  }

  const order = (finding: TLintFinding) => `${finding.ruleId ?? ''}\u0000${finding.code}\u0000${finding.message}`;
  const unique = new Map(findings.map((finding) => [order(finding), finding]));
  return [...unique.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
