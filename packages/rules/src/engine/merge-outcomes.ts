/**
 * How matched rules combine: routing fields come from the best-ranked rule that sets them;
 * lists are the union over all matched rules, in rank order, without duplicates.
 */
import type { TOutcome } from '../policy/pack-schema.js';
import type { TDecision, TEvaluationInput, TFiredTrigger, TRenderedNotification } from '../types.js';
import type { CompiledPolicy, CompiledRule, TemplatePart } from './compile-policy.js';

/**
 * The route — where the case goes and under which conditions — comes whole from one rule:
 * the best-ranked matched rule that sets a target, an assignment or an approval.
 */
export const ROUTE_FIELDS = ['target', 'assignment', 'approval', 'setStatus', 'availability', 'sla'] as const;
/** Fields taken independently from the best-ranked matched rule that sets each. */
export const INDEPENDENT_FIELDS = ['setPriority', 'stepOrder'] as const;
export type TIndependentField = (typeof INDEPENDENT_FIELDS)[number];
export type TRoutingField = (typeof ROUTE_FIELDS)[number] | TIndependentField;

export function isRouteOutcome(outcome: TOutcome): boolean {
  return outcome.target !== undefined || outcome.assignment !== undefined || outcome.approval !== undefined;
}

export function isRouteRule(compiled: CompiledRule): boolean {
  return compiled.isRoute;
}

/** De-duplication keys of an outcome's list entries, in the order of the lists. */
export interface TOutcomeListKeys {
  readonly requiredSteps: readonly string[];
  readonly requiredNoteFields: readonly string[];
  readonly tasks: readonly string[];
  readonly replyChecks: readonly string[];
  readonly guidance: readonly string[];
}

export function outcomeListKeys(outcome: TOutcome): TOutcomeListKeys {
  return {
    requiredSteps: outcome.requiredSteps.map((step) => `s:${step.id}`),
    requiredNoteFields: outcome.requiredNoteFields.map((field) => `f:${field}`),
    tasks: outcome.tasks.map((task) => `t:${task.kind}:${task.title}`),
    replyChecks: outcome.replyChecks.map((checkId) => `r:${checkId}`),
    guidance: outcome.guidance.map((text) => `g:${text}`),
  };
}

type TLists = Pick<
  TDecision,
  'notifications' | 'requiredSteps' | 'requiredNoteFields' | 'tasks' | 'replyChecks' | 'guidance'
>;

function describeEvidence(trigger: TFiredTrigger): string {
  return trigger.evidence.kind === 'text'
    ? `${trigger.code} ("${trigger.evidence.phrase}" in ${trigger.evidence.field})`
    : `${trigger.code} (${trigger.evidence.name} = ${String(trigger.evidence.value)})`;
}

function render(parts: readonly TemplatePart[], values: Readonly<Record<string, string>>): string {
  let text = '';
  for (const part of parts) {
    text += 'literal' in part ? part.literal : (values[part.placeholder] ?? `{${part.placeholder}}`);
  }
  return text;
}

function recipientOf(notification: TRenderedNotification): string {
  switch (notification.kind) {
    case 'EMAIL':
      return notification.to;
    case 'DIRECT_MESSAGE':
    case 'LIVE_ALERT':
      return notification.toRole;
    case 'CHANNEL_POST':
      return notification.channel;
    default: {
      const exhaustive: never = notification;
      return exhaustive;
    }
  }
}

/** Records `key`; false when already seen. `null` (one matched rule) keeps everything. */
function firstTime(seen: Set<string> | null, key: string): boolean {
  if (seen === null) return true;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function compareNotifications(a: TRenderedNotification, b: TRenderedNotification): number {
  const keyA = `${a.kind}\u0000${recipientOf(a)}\u0000${a.ruleId}`;
  const keyB = `${b.kind}\u0000${recipientOf(b)}\u0000${b.ruleId}`;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** Renders the notifications of one matched rule (kept apart: few decisions notify anyone). */
function addNotifications(
  policy: CompiledPolicy,
  input: TEvaluationInput,
  compiled: CompiledRule,
  triggers: readonly TFiredTrigger[],
  seen: Set<string> | null,
  notifications: TRenderedNotification[],
): void {
  const { outcome, rule } = compiled;
  const customer = input.case.customer;
  const relevant = triggers.filter((trigger) => compiled.triggerCodes.includes(trigger.code));
  const values: Record<string, string> = {
    caseRef: input.case.reference ?? input.case.id ?? 'the case',
    reason: rule.title,
    evidence: relevant.length > 0 ? relevant.map(describeEvidence).join('; ') : rule.title,
    org: policy.pack.name,
    brand: input.case.brand ?? '',
    customerName: customer.preferredName ?? customer.legalName ?? 'the customer',
  };
  // the customer reads their own emails: "Hi there," rather than "Hi the customer," when no name is known
  const customerValues = { ...values, customerName: customer.preferredName ?? customer.legalName ?? 'there' };
  for (const spec of outcome.notifications) {
    const toCustomer = spec.kind === 'EMAIL' && spec.to === 'customer';
    const message = render(policy.templates.get(spec.template) ?? [], toCustomer ? customerValues : values);
    const base = { message, ruleId: rule.id };
    const subjectParts = spec.kind === 'EMAIL' ? policy.subjects.get(spec.template) : undefined;
    const notification: TRenderedNotification =
      spec.kind === 'EMAIL'
        ? {
            kind: 'EMAIL',
            template: spec.template,
            to: spec.to,
            ...(subjectParts ? { subject: render(subjectParts, toCustomer ? customerValues : values) } : {}),
            ...base,
          }
        : spec.kind === 'DIRECT_MESSAGE'
          ? { kind: 'DIRECT_MESSAGE', toRole: spec.toRole, ...base }
          : spec.kind === 'CHANNEL_POST'
            ? { kind: 'CHANNEL_POST', channel: spec.channel, ...base }
            : { kind: 'LIVE_ALERT', toRole: spec.toRole, ...base };
    if (firstTime(seen, `n:${notification.kind}:${recipientOf(notification)}:${message}`)) {
      notifications.push(notification);
    }
  }
}

export function assembleLists(
  policy: CompiledPolicy,
  input: TEvaluationInput,
  matched: readonly CompiledRule[],
  triggers: readonly TFiredTrigger[],
): TLists {
  const lists: TLists = {
    notifications: [],
    requiredSteps: [],
    requiredNoteFields: [],
    tasks: [],
    replyChecks: [],
    guidance: [],
  };
  const seen = matched.length > 1 ? new Set<string>() : null;
  for (const compiled of matched) {
    const { outcome, rule } = compiled;
    if (outcome.notifications.length > 0)
      addNotifications(policy, input, compiled, triggers, seen, lists.notifications);
    const keys = compiled.listKeys;
    const { requiredSteps, requiredNoteFields, tasks, replyChecks, guidance } = outcome;
    for (let index = 0; index < requiredSteps.length; index++) {
      const step = requiredSteps[index] as (typeof requiredSteps)[number];
      if (firstTime(seen, keys.requiredSteps[index] as string)) {
        lists.requiredSteps.push({ id: step.id, label: step.label, ruleId: rule.id });
      }
    }
    for (let index = 0; index < requiredNoteFields.length; index++) {
      const field = requiredNoteFields[index] as string;
      if (firstTime(seen, keys.requiredNoteFields[index] as string)) lists.requiredNoteFields.push(field);
    }
    for (let index = 0; index < tasks.length; index++) {
      const task = tasks[index] as (typeof tasks)[number];
      if (firstTime(seen, keys.tasks[index] as string)) {
        lists.tasks.push({
          kind: task.kind,
          title: task.title,
          ...(task.team ? { team: task.team } : {}),
          ...(task.assignment ? { assignment: task.assignment } : {}),
          requiredFields: task.requiredFields,
          ruleId: rule.id,
        });
      }
    }
    for (let index = 0; index < replyChecks.length; index++) {
      const checkId = replyChecks[index] as string;
      if (firstTime(seen, keys.replyChecks[index] as string)) lists.replyChecks.push(checkId);
    }
    for (let index = 0; index < guidance.length; index++) {
      const text = guidance[index] as string;
      if (firstTime(seen, keys.guidance[index] as string)) lists.guidance.push({ ruleId: rule.id, text });
    }
  }
  if (lists.notifications.length > 1) lists.notifications.sort(compareNotifications);
  lists.replyChecks.sort();
  return lists;
}

/** Why the winner (first matched route rule, else first matched rule) beat the runner-up. */
export function winnerReason(matched: readonly CompiledRule[], winner: CompiledRule | null): string {
  if (!winner) return 'no rule matched';
  const routeRules = matched.filter(isRouteRule);
  const pool = routeRules.length > 0 ? routeRules : matched;
  const runnerUp = pool.find((candidate) => candidate !== winner);
  const scope = routeRules.length > 0 ? 'routing rule' : 'matching rule';
  if (!runnerUp) return `${winner.rule.id} is the only ${scope}`;
  const w = winner.rule;
  const r = runnerUp.rule;
  if (w.priority !== r.priority) {
    return `${w.id} wins on priority ${w.priority} > ${r.priority} (${r.id})`;
  }
  if (winner.specificity !== runnerUp.specificity) {
    return `${w.id} wins on specificity ${winner.specificity} > ${runnerUp.specificity} (${r.id}) at equal priority ${w.priority}`;
  }
  return `${w.id} wins the tie with ${r.id} (priority ${w.priority}, specificity ${winner.specificity}) by id order`;
}
