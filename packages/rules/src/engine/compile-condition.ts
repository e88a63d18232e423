/**
 * Compiles condition trees into closures once per policy. Three-valued: a condition is TRUE,
 * FALSE or UNKNOWN (unknown condition type, missing signal, type mismatch). UNKNOWN never
 * becomes TRUE — not even under `not` — so the evaluator fails closed.
 */
import { isOpenAt, type TBusinessCalendar } from '../calendar/index.js';
import { instantMs } from '../calendar/zone-clock.js';
import {
  asKnownCondition,
  type TComparisonOperator,
  type TCondition,
  type TConditionField,
} from '../policy/condition-schema.js';
import type { TEvaluationInput, TFiredTrigger } from '../types.js';

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

export type TSignalValue = number | string | boolean | undefined;

/** Per-evaluation state shared by all conditions. */
export interface EvaluationContext {
  readonly input: TEvaluationInput;
  readonly nowMillis: number;
  /** fired triggers by code (NO_TRIGGERS until one fires) */
  triggers: ReadonlyMap<string, readonly TFiredTrigger[]>;
  /** agent flags and case flags (tiny lists: searched directly) */
  readonly agentFlags: readonly string[];
  readonly caseFlags: readonly string[];
  /** business-hours answers already computed, by calendar (null until the first) */
  openByCalendar: Map<string, boolean> | null;
  readonly calendars: Readonly<Record<string, TBusinessCalendar>>;
}

/** The trigger index of an evaluation in which nothing fired (never written to). */
export const NO_TRIGGERS: ReadonlyMap<string, readonly TFiredTrigger[]> = new Map();

/** Tests the condition; pushes one line per deciding leaf onto `reasons`. */
export type CompiledCondition = (context: EvaluationContext, reasons: string[]) => Tri;

const DAY_MS = 86_400_000;

export function resolveSignal(context: EvaluationContext, name: string): TSignalValue {
  const { input } = context;
  const facts = input.case;
  switch (name) {
    case 'rmaCount':
      return facts.rmaCount;
    case 'monthlyBillingsRefunded':
      return facts.monthlyBillingsRefunded;
    case 'programPurchaseRefunds':
      return facts.programPurchaseRefunds;
    case 'maxRefundsForOneReason': {
      let largest = 0;
      for (const count of Object.values(facts.refundsByReason)) largest = Math.max(largest, count);
      return largest;
    }
    case 'daysSinceLastRefund': {
      if (!facts.lastRefundProcessedAt) return undefined;
      const processed = instantMs(facts.lastRefundProcessedAt);
      return Number.isNaN(processed) ? undefined : Math.floor((context.nowMillis - processed) / DAY_MS);
    }
    case 'lastRefundReceived':
      return facts.lastRefundReceived;
    case 'cancellationFeeOwed':
      return facts.cancellationFeeOwed;
    case 'supervisorApproved':
      return input.signals.supervisorApproved;
    case 'sentiment':
      return input.signals.sentiment;
    case 'jobStatus':
      return input.signals.jobStatus;
    default:
      if (name.startsWith('values.')) return input.signals.values[name.slice('values.'.length)];
      return undefined;
  }
}

const VALUES_PREFIX = 'values.';

/** Reads the signal `name`: the same value as resolveSignal, with the name looked at once. */
function signalReader(name: string): (context: EvaluationContext) => TSignalValue {
  if (name.startsWith(VALUES_PREFIX)) {
    const key = name.slice(VALUES_PREFIX.length);
    return (context) => context.input.signals.values[key];
  }
  return (context) => resolveSignal(context, name);
}

function resolveField(input: TEvaluationInput, field: TConditionField): string | null | undefined {
  switch (field) {
    case 'brand':
      return input.case.brand;
    case 'tier':
      return input.case.tier;
    case 'status':
      return input.case.status;
    case 'priority':
      return input.case.priority;
    case 'channel':
      return input.case.channel;
    case 'queue':
      return input.case.queue;
    case 'team':
      return input.case.team;
    case 'actorRole':
      return input.actorRole;
    case 'jobStatus':
      return input.signals.jobStatus;
    case 'subscriptionStatus':
      return input.case.subscription?.status;
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}

const OPERATOR_TEXT: Record<TComparisonOperator, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

function compare(actual: TSignalValue, op: TComparisonOperator, expected: number | string | boolean): Tri {
  if (actual === undefined) return UNKNOWN;
  switch (op) {
    case 'eq':
      return actual === expected ? TRUE : FALSE;
    case 'neq':
      return actual !== expected ? TRUE : FALSE;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof actual !== 'number' || typeof expected !== 'number') return UNKNOWN;
      const holds =
        op === 'gt'
          ? actual > expected
          : op === 'gte'
            ? actual >= expected
            : op === 'lt'
              ? actual < expected
              : actual <= expected;
      return holds ? TRUE : FALSE;
    }
    default: {
      const exhaustive: never = op;
      return exhaustive;
    }
  }
}

export function compileCondition(condition: TCondition): CompiledCondition {
  const known = asKnownCondition(condition);
  if (!known) {
    const line = `unknown condition type "${condition.type}": cannot match (fails closed)`;
    return (_context, reasons) => {
      reasons.push(line);
      return UNKNOWN;
    };
  }
  switch (known.type) {
    case 'all': {
      const children = known.of.map(compileCondition);
      return (context, reasons) => {
        let result: Tri = TRUE;
        const mark = reasons.length;
        for (const child of children) {
          const childMark = reasons.length;
          const childResult = child(context, reasons);
          if (childResult === FALSE) {
            // keep only what decided the failure
            if (childMark > mark) reasons.splice(mark, childMark - mark);
            return FALSE;
          }
          if (childResult === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
    }
    case 'any': {
      const children = known.of.map(compileCondition);
      return (context, reasons) => {
        const mark = reasons.length;
        let result: Tri = FALSE;
        for (const child of children) {
          const childMark = reasons.length;
          const childResult = child(context, reasons);
          if (childResult === TRUE) {
            if (childMark > mark) reasons.splice(mark, childMark - mark);
            return TRUE;
          }
          if (childResult === UNKNOWN) result = UNKNOWN;
        }
        if (children.length === 0) reasons.push('empty "any": never holds');
        return result;
      };
    }
    case 'not': {
      const child = compileCondition(known.condition);
      // the line for a single inner reason (the usual case), by that reason
      const lines = new Map<string, string>();
      return (context, reasons) => {
        const inner: string[] = [];
        const childResult = child(context, inner);
        let line: string | undefined;
        if (inner.length === 1) {
          const only = inner[0] as string;
          line = lines.get(only);
          if (line === undefined) {
            line = `not (${only})`;
            if (lines.size < 64 && only.length <= 256) lines.set(only, line);
          }
        } else line = `not (${inner.join('; ')})`;
        reasons.push(line);
        return childResult === UNKNOWN ? UNKNOWN : childResult === TRUE ? FALSE : TRUE;
      };
    }
    case 'trigger': {
      const { code } = known;
      const fired = `trigger ${code} fired`;
      const notFired = `trigger ${code} did not fire`;
      return (context, reasons) => {
        const hit = context.triggers.size !== 0 && context.triggers.has(code);
        reasons.push(hit ? fired : notFired);
        return hit ? TRUE : FALSE;
      };
    }
    case 'flag': {
      const { name } = known;
      const set = `flag ${name} is set`;
      const unset = `flag ${name} is not set`;
      return (context, reasons) => {
        const { agentFlags, caseFlags } = context;
        const present =
          (agentFlags.length !== 0 && agentFlags.includes(name)) ||
          (caseFlags.length !== 0 && caseFlags.includes(name));
        reasons.push(present ? set : unset);
        return present ? TRUE : FALSE;
      };
    }
    case 'field': {
      const { field } = known;
      const allowed = new Set(known.in);
      const listing = known.in.join('|');
      const lines = new Map<string, string>();
      return (context, reasons) => {
        const value = resolveField(context.input, field);
        const holds = value !== null && value !== undefined && allowed.has(value);
        const key = value ?? '(none)';
        let line = lines.get(key);
        if (line === undefined) {
          line = `${field} = ${key} ${holds ? '∈' : '∉'} {${listing}}`;
          if (lines.size < 64) lines.set(key, line);
        }
        reasons.push(line);
        return holds ? TRUE : FALSE;
      };
    }
    case 'signal': {
      const { name, op, value } = known;
      const wanted = `${OPERATOR_TEXT[op]} ${String(value)}`;
      const read = signalReader(name);
      // the outcome and its line depend only on the value read: both kept per value
      const outcomes = new Map<TSignalValue, { result: Tri; line: string }>();
      return (context, reasons) => {
        const actual = read(context);
        let outcome = outcomes.get(actual);
        if (outcome === undefined) {
          const result = compare(actual, op, value);
          outcome = {
            result,
            line:
              result === UNKNOWN
                ? `${name} is ${actual === undefined ? 'missing' : `not comparable (${String(actual)})`}: cannot test ${wanted} (fails closed)`
                : `${name} = ${String(actual)} ${result === TRUE ? 'holds' : 'fails'} ${wanted}`,
          };
          // kept for a few short values only: inputs must not grow the compiled policy
          if (outcomes.size < 64 && (typeof actual !== 'string' || actual.length <= 64)) outcomes.set(actual, outcome);
        }
        reasons.push(outcome.line);
        return outcome.result;
      };
    }
    case 'withinHours': {
      const { calendar } = known;
      return (context, reasons) => {
        const definition = context.calendars[calendar];
        if (!definition) {
          reasons.push(`calendar ${calendar} is not defined (fails closed)`);
          return UNKNOWN;
        }
        let known = context.openByCalendar;
        let open = known?.get(calendar);
        if (open === undefined) {
          open = isOpenAt(definition, context.nowMillis);
          if (!known) {
            known = new Map();
            context.openByCalendar = known;
          }
          known.set(calendar, open);
        }
        reasons.push(`${calendar} hours ${open ? 'open' : 'closed'} at ${context.input.now}`);
        return open ? TRUE : FALSE;
      };
    }
    default: {
      const exhaustive: never = known;
      throw new Error(`unhandled condition ${JSON.stringify(exhaustive)}`);
    }
  }
}
