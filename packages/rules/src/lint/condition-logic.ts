/**
 * Conservative static reasoning over conditions: can a condition ever hold, does one imply
 * another, can two hold together. "Yes" answers may be optimistic; "no" answers are sound.
 */
import { asKnownCondition, type TCondition, type TKnownCondition } from '../policy/condition-schema.js';
import { ACTOR_ROLES, CASE_STATUSES, CHANNELS, JOB_STATUSES, PRIORITIES, TIERS } from '../types.js';

const FIELD_VALUES: Record<string, ReadonlySet<string> | null> = {
  brand: new Set(['TSM', 'HB']),
  tier: new Set(TIERS),
  status: new Set(CASE_STATUSES),
  priority: new Set(PRIORITIES),
  channel: new Set(CHANNELS),
  actorRole: new Set(ACTOR_ROLES),
  jobStatus: new Set(JOB_STATUSES),
  subscriptionStatus: new Set(['ACTIVE', 'PAUSED', 'CANCELLED', 'NONE']),
  queue: null,
  team: null,
};

export interface LogicEnvironment {
  declaredTriggerCodes: ReadonlySet<string>;
  calendars: ReadonlySet<string>;
}

/** Stable text of a condition, for comparing leaves. */
export function conditionKey(condition: TCondition): string {
  return JSON.stringify(condition, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
}

function conjuncts(condition: TCondition): TCondition[] {
  const known = asKnownCondition(condition);
  if (known?.type === 'all') return known.of.flatMap(conjuncts);
  return [condition];
}

type NumericBound = { min: number; max: number };

function numericBound(leaf: TKnownCondition): [string, NumericBound] | null {
  if (leaf.type !== 'signal' || typeof leaf.value !== 'number') return null;
  const v = leaf.value;
  switch (leaf.op) {
    case 'gt':
      return [leaf.name, { min: v + Number.EPSILON, max: Number.POSITIVE_INFINITY }];
    case 'gte':
      return [leaf.name, { min: v, max: Number.POSITIVE_INFINITY }];
    case 'lt':
      return [leaf.name, { min: Number.NEGATIVE_INFINITY, max: v - Number.EPSILON }];
    case 'lte':
      return [leaf.name, { min: Number.NEGATIVE_INFINITY, max: v }];
    case 'eq':
      return [leaf.name, { min: v, max: v }];
    case 'neq':
      return null;
    default: {
      const exhaustive: never = leaf.op;
      return exhaustive;
    }
  }
}

/** Do these conjuncts contradict each other (so they can never all hold)? */
function contradictory(items: readonly TCondition[]): boolean {
  const fieldAllowed = new Map<string, Set<string>>();
  const bounds = new Map<string, NumericBound>();
  const positive = new Set<string>();
  const negative = new Set<string>();
  for (const item of items) {
    const known = asKnownCondition(item);
    if (!known) continue;
    if (known.type === 'not') {
      negative.add(conditionKey(known.condition));
      continue;
    }
    positive.add(conditionKey(known));
    if (known.type === 'field') {
      const previous = fieldAllowed.get(known.field);
      const next = new Set(known.in.filter((value) => !previous || previous.has(value)));
      fieldAllowed.set(known.field, next);
      if (next.size === 0) return true;
    }
    const bound = numericBound(known);
    if (bound) {
      const [name, range] = bound;
      const previous = bounds.get(name) ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
      const merged = { min: Math.max(previous.min, range.min), max: Math.min(previous.max, range.max) };
      if (merged.min > merged.max) return true;
      bounds.set(name, merged);
    }
  }
  for (const key of positive) if (negative.has(key)) return true;
  return false;
}

/** Why a condition can never hold, or null when it might. */
export function neverHoldsReason(condition: TCondition, env: LogicEnvironment): string | null {
  const known = asKnownCondition(condition);
  if (!known) return `unknown condition type "${condition.type}"`;
  switch (known.type) {
    case 'all': {
      for (const child of known.of) {
        const reason = neverHoldsReason(child, env);
        if (reason) return reason;
      }
      return contradictory(conjuncts(known)) ? 'its conditions contradict each other' : null;
    }
    case 'any': {
      if (known.of.length === 0) return 'empty "any"';
      const reasons = known.of.map((child) => neverHoldsReason(child, env));
      return reasons.every((reason) => reason !== null) ? reasons.join('; ') : null;
    }
    case 'not':
      return asKnownCondition(known.condition) ? null : `negates an unknown condition type "${known.condition.type}"`;
    case 'trigger':
      return env.declaredTriggerCodes.has(known.code) ? null : `trigger ${known.code} is never raised by this pack`;
    case 'field': {
      const allowed = FIELD_VALUES[known.field];
      if (!allowed) return null;
      return known.in.some((value) => allowed.has(value))
        ? null
        : `${known.field} can never be one of ${known.in.join(', ')}`;
    }
    case 'withinHours':
      return env.calendars.has(known.calendar) ? null : `calendar ${known.calendar} does not exist`;
    case 'flag':
    case 'signal':
      return null;
    default: {
      const exhaustive: never = known;
      return exhaustive;
    }
  }
}

function leafImplies(narrow: TKnownCondition, broad: TKnownCondition): boolean {
  if (conditionKey(narrow) === conditionKey(broad)) return true;
  if (narrow.type === 'field' && broad.type === 'field' && narrow.field === broad.field) {
    return narrow.in.every((value) => broad.in.includes(value));
  }
  const narrowBound = numericBound(narrow);
  const broadBound = numericBound(broad);
  if (narrowBound && broadBound && narrowBound[0] === broadBound[0]) {
    return narrowBound[1].min >= broadBound[1].min && narrowBound[1].max <= broadBound[1].max;
  }
  return false;
}

/** Does `narrow` holding guarantee `broad` holds? (sound, not complete) */
export function implies(narrow: TCondition, broad: TCondition): boolean {
  const n = asKnownCondition(narrow);
  const b = asKnownCondition(broad);
  if (!n || !b) return false;
  if (b.type === 'all') return b.of.every((child) => implies(narrow, child));
  if (n.type === 'any') return n.of.length > 0 && n.of.every((child) => implies(child, broad));
  if (n.type === 'all' && n.of.some((child) => implies(child, broad))) return true;
  if (b.type === 'any') return b.of.some((child) => implies(narrow, child));
  if (n.type === 'all' || n.type === 'not' || b.type === 'not') return conditionKey(n) === conditionKey(b);
  return leafImplies(n, b);
}

/** Can both conditions hold at once? false only when they surely cannot. */
export function canHoldTogether(a: TCondition, b: TCondition): boolean {
  return !contradictory([...conjuncts(a), ...conjuncts(b)]);
}
