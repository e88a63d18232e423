/**
 * The same policy expressed for json-rules-engine, the popular peer, so the benchmark can run
 * the same decisions through both. Text detection is shared (the peer has none); signal
 * triggers and rules are evaluated by the peer engine.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { isOpen } from '../calendar/index.js';
import { resolveSignal } from '../engine/compile-condition.js';
import type { CompiledPolicy } from '../engine/compile-policy.js';
import { asKnownCondition, type TCondition } from '../policy/condition-schema.js';
import type { TEvaluationInput } from '../types.js';

const OPERATORS = {
  eq: 'equal',
  neq: 'notEqual',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
} as const;

function toPeerCondition(condition: TCondition): NestedCondition {
  const known = asKnownCondition(condition);
  if (!known) return { fact: 'never', operator: 'equal', value: true };
  switch (known.type) {
    case 'all':
      return { all: known.of.map(toPeerCondition) };
    case 'any':
      return { any: known.of.map(toPeerCondition) };
    case 'not':
      return { not: toPeerCondition(known.condition) };
    case 'trigger':
      return { fact: 'triggers', operator: 'contains', value: known.code };
    case 'flag':
      return { fact: 'flags', operator: 'contains', value: known.name };
    case 'field':
      return { fact: `field:${known.field}`, operator: 'in', value: known.in };
    case 'signal':
      return { fact: `signal:${known.name}`, operator: OPERATORS[known.op], value: known.value };
    case 'withinHours':
      return { fact: `open:${known.calendar}`, operator: 'equal', value: true };
    default: {
      const exhaustive: never = known;
      return exhaustive;
    }
  }
}

function topLevel(condition: TCondition): TopLevelCondition {
  const peer = toPeerCondition(condition);
  return 'all' in peer || 'any' in peer || 'not' in peer ? (peer as TopLevelCondition) : { all: [peer] };
}

export interface PeerDecision {
  triggers: string[];
  matchedRuleIds: string[];
}

export interface PeerPolicy {
  decide(input: TEvaluationInput): Promise<PeerDecision>;
}

export function buildPeerPolicy(policy: CompiledPolicy): PeerPolicy {
  const options = { allowUndefinedFacts: true };
  const signalEngine = new Engine([], options);
  for (const trigger of policy.pack.signalTriggers) {
    signalEngine.addRule({ name: trigger.id, conditions: topLevel(trigger.when), event: { type: trigger.code } });
  }
  const ruleEngine = new Engine([], options);
  for (const rule of policy.pack.rules) {
    ruleEngine.addRule({
      name: rule.id,
      priority: Math.max(1, rule.priority),
      conditions: topLevel(rule.when),
      event: { type: rule.id },
    });
  }
  const fieldNames = ['brand', 'tier', 'status', 'priority', 'channel', 'queue', 'team', 'actorRole', 'jobStatus'];

  return {
    async decide(input) {
      const context = {
        input,
        nowMillis: Date.parse(input.now),
        triggers: new Map(),
        agentFlags: input.signals.agentFlags,
        caseFlags: input.case.flags,
        openByCalendar: new Map<string, boolean>(),
        calendars: policy.pack.calendars,
      };
      const facts: Record<string, unknown> = { flags: [...context.agentFlags, ...context.caseFlags] };
      for (const name of fieldNames) {
        const value =
          name === 'actorRole'
            ? input.actorRole
            : name === 'jobStatus'
              ? input.signals.jobStatus
              : (input.case as Record<string, unknown>)[name];
        facts[`field:${name}`] = value;
      }
      for (const name of [
        'rmaCount',
        'monthlyBillingsRefunded',
        'programPurchaseRefunds',
        'maxRefundsForOneReason',
        'daysSinceLastRefund',
        'supervisorApproved',
        'sentiment',
        'jobStatus',
      ]) {
        facts[`signal:${name}`] = resolveSignal(context, name);
      }
      for (const [slug, calendar] of Object.entries(policy.pack.calendars)) {
        facts[`open:${slug}`] = isOpen(calendar, input.now).open;
      }
      const triggers = new Set<string>();
      for (const [field, text] of [
        ['customerText', input.customerText],
        ['agentNote', input.agentNote],
      ] as const) {
        for (const hit of policy.detectText(text, field)) triggers.add(hit.code);
      }
      for (const flag of input.signals.agentFlags) if (policy.triggerCodes.has(flag)) triggers.add(flag);
      facts.triggers = [...triggers];
      const signalResult = await signalEngine.run(facts);
      for (const event of signalResult.events) triggers.add(event.type);
      facts.triggers = [...triggers];
      const result = await ruleEngine.run(facts);
      return {
        triggers: [...triggers].sort(),
        matchedRuleIds: result.events.map((event) => event.type).sort(),
      };
    },
  };
}
