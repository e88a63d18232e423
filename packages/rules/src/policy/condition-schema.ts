/**
 * Rule conditions: a small tree over the typed evaluation input.
 *
 * Known condition types (each documented below) are validated precisely, with the path of
 * every problem. A condition whose `type` this engine does not know is accepted at load (a
 * pack may be written for a newer engine) but can never match — the evaluator fails closed —
 * and `lintPolicyPack` reports it as UNKNOWN_CONDITION.
 */
import { z } from 'zod';

/** Fields of the input a `field` condition can test with `in`. */
export const CONDITION_FIELDS = [
  'brand',
  'tier',
  'status',
  'priority',
  'channel',
  'queue',
  'team',
  'actorRole',
  'jobStatus',
  'subscriptionStatus',
] as const;
export type TConditionField = (typeof CONDITION_FIELDS)[number];

/**
 * Named signals a `signal` condition can compare. Derived ones are computed from the case:
 * `maxRefundsForOneReason` (largest count in refundsByReason), `daysSinceLastRefund`
 * (whole days from lastRefundProcessedAt to now). `values.<key>` reads signals.values.
 */
export const BUILTIN_SIGNALS = [
  'rmaCount',
  'monthlyBillingsRefunded',
  'programPurchaseRefunds',
  'maxRefundsForOneReason',
  'daysSinceLastRefund',
  'lastRefundReceived',
  'cancellationFeeOwed',
  'supervisorApproved',
  'sentiment',
  'jobStatus',
] as const;
export type TBuiltinSignal = (typeof BUILTIN_SIGNALS)[number];
const builtinSignals: ReadonlySet<string> = new Set(BUILTIN_SIGNALS);

export function isKnownSignalName(name: string): boolean {
  return builtinSignals.has(name) || /^values\.[A-Za-z0-9_.-]+$/.test(name);
}

export const COMPARISON_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export type TComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** every child must hold */
export interface TAllCondition {
  type: 'all';
  of: TCondition[];
}
/** at least one child must hold (an empty list never holds) */
export interface TAnyCondition {
  type: 'any';
  of: TCondition[];
}
/** the child must not hold; an unknown child stays unknown (fail closed) */
export interface TNotCondition {
  type: 'not';
  condition: TCondition;
}
/** a trigger with this code fired (text detection or a signal trigger) */
export interface TTriggerCondition {
  type: 'trigger';
  code: string;
}
/** an agent flag (signals.agentFlags) or a case flag (case.flags) is set */
export interface TFlagCondition {
  type: 'flag';
  name: string;
}
/** a case/actor field has one of the listed values; a missing field never matches */
export interface TFieldCondition {
  type: 'field';
  field: TConditionField;
  in: string[];
}
/** compares a named signal with a value; a missing signal is unknown (fails closed) */
export interface TSignalCondition {
  type: 'signal';
  name: string;
  op: TComparisonOperator;
  value: number | string | boolean;
}
/** the named business calendar of the pack is open at `now` */
export interface TWithinHoursCondition {
  type: 'withinHours';
  calendar: string;
}
/** a condition of a type this engine does not know: never matches */
export interface TUnknownCondition {
  type: string;
  [key: string]: unknown;
}

export type TKnownCondition =
  | TAllCondition
  | TAnyCondition
  | TNotCondition
  | TTriggerCondition
  | TFlagCondition
  | TFieldCondition
  | TSignalCondition
  | TWithinHoursCondition;
export type TCondition = TKnownCondition | TUnknownCondition;

const ZLeafSchemas = {
  trigger: z.strictObject({
    type: z.literal('trigger'),
    code: z.string().min(1),
  }),
  flag: z.strictObject({ type: z.literal('flag'), name: z.string().min(1) }),
  field: z.strictObject({
    type: z.literal('field'),
    field: z.enum(CONDITION_FIELDS),
    in: z.array(z.string().min(1)).min(1),
  }),
  signal: z.strictObject({
    type: z.literal('signal'),
    name: z.string().refine(isKnownSignalName, {
      message: `unknown signal (use one of ${BUILTIN_SIGNALS.join(', ')} or values.<key>)`,
    }),
    op: z.enum(COMPARISON_OPERATORS),
    value: z.union([z.number(), z.string(), z.boolean()]),
  }),
  withinHours: z.strictObject({
    type: z.literal('withinHours'),
    calendar: z.string().min(1),
  }),
} as const;

const GROUP_TYPES = new Set(['all', 'any', 'not']);
export const KNOWN_CONDITION_TYPES: ReadonlySet<string> = new Set([...GROUP_TYPES, ...Object.keys(ZLeafSchemas)]);

/** Narrows a condition to the known types, or null for an unknown (fail-closed) one. */
export function asKnownCondition(condition: TCondition): TKnownCondition | null {
  return KNOWN_CONDITION_TYPES.has(condition.type) ? (condition as TKnownCondition) : null;
}

type IssueSink = (path: PropertyKey[], message: string) => void;

function validateCondition(value: unknown, path: PropertyKey[], report: IssueSink): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(path, 'condition must be an object with a "type"');
    return;
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || type.length === 0) {
    report([...path, 'type'], 'condition "type" must be a non-empty string');
    return;
  }
  if (type === 'all' || type === 'any') {
    const extra = Object.keys(record).filter((key) => key !== 'type' && key !== 'of');
    for (const key of extra) report([...path, key], `unknown key "${key}" in "${type}"`);
    if (!Array.isArray(record.of)) {
      report([...path, 'of'], `"${type}" needs an array "of" of conditions`);
      return;
    }
    record.of.forEach((child, index) => {
      validateCondition(child, [...path, 'of', index], report);
    });
    return;
  }
  if (type === 'not') {
    const extra = Object.keys(record).filter((key) => key !== 'type' && key !== 'condition');
    for (const key of extra) report([...path, key], `unknown key "${key}" in "not"`);
    validateCondition(record.condition, [...path, 'condition'], report);
    return;
  }
  const schema = ZLeafSchemas[type as keyof typeof ZLeafSchemas];
  if (!schema) return; // unknown type: accepted, never matches, reported by lint
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) report([...path, ...issue.path], issue.message);
  }
}

/** zod schema of one condition tree, with a precise path for every problem. */
export const ZCondition: z.ZodType<TCondition> = z.unknown().superRefine((value, ctx) => {
  validateCondition(value, [], (path, message) => {
    ctx.addIssue({
      code: 'custom',
      path: path as (string | number)[],
      message,
    });
  });
}) as unknown as z.ZodType<TCondition>;

/** Walks a condition tree depth-first. */
export function forEachCondition(condition: TCondition, visit: (condition: TCondition) => void): void {
  visit(condition);
  const known = asKnownCondition(condition);
  if (!known) return;
  switch (known.type) {
    case 'all':
    case 'any':
      for (const child of known.of) forEachCondition(child, visit);
      return;
    case 'not':
      forEachCondition(known.condition, visit);
      return;
    case 'trigger':
    case 'flag':
    case 'field':
    case 'signal':
    case 'withinHours':
      return;
    default: {
      const exhaustive: never = known;
      throw new Error(`unhandled condition ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Number of leaf conditions: the rule's specificity (more specific rules win ties). */
export function conditionSpecificity(condition: TCondition): number {
  let leaves = 0;
  forEachCondition(condition, (node) => {
    if (!GROUP_TYPES.has(node.type)) leaves += 1;
  });
  return leaves;
}
