/**
 * evaluate(policy, input) → decision. Pure and deterministic (X-2): no clock, no randomness,
 * outputs in a stable order. Every rule's verdict and reasons go into the explanation.
 */
import { addBusinessMinutes, isOpen, nextOpening } from '../calendar/index.js';
import { instantMs, parseIsoInstant } from '../calendar/zone-clock.js';
import {
  type TAvailability,
  type TDecision,
  type TEvaluationInput,
  type TFiredTrigger,
  type TRuleTrace,
  type TSla,
  ZEvaluationInput,
} from '../types.js';
import { type EvaluationContext, NO_TRIGGERS, resolveSignal, TRUE, UNKNOWN } from './compile-condition.js';
import type { CompiledPolicy, CompiledRule } from './compile-policy.js';
import { assembleLists, type TIndependentField, winnerReason } from './merge-outcomes.js';

/** An evaluation input that fails validation, or that does not fit the policy. */
export class EvaluationInputError extends Error {
  override name = 'EvaluationInputError';
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(
      `invalid evaluation input: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/** Validates raw JSON into an evaluation input; throws EvaluationInputError naming the fields. */
export function parseEvaluationInput(json: unknown): TEvaluationInput {
  const result = ZEvaluationInput.safeParse(json);
  if (!result.success) {
    throw new EvaluationInputError(
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
  return result.data;
}

function compareTriggers(a: TFiredTrigger, b: TFiredTrigger): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const aStart = a.evidence.kind === 'text' ? a.evidence.start : -1;
  const bStart = b.evidence.kind === 'text' ? b.evidence.start : -1;
  const aField = a.evidence.kind === 'text' ? a.evidence.field : '';
  const bField = b.evidence.kind === 'text' ? b.evidence.field : '';
  if (aField !== bField) return aField < bField ? -1 : 1;
  if (aStart !== bStart) return aStart - bStart;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

function addTextHits(policy: CompiledPolicy, text: string, field: string, fired: TFiredTrigger[]): void {
  for (const hit of policy.detectText(text, field)) {
    fired.push({ code: hit.code, ruleId: hit.detectorId, evidence: { ...hit.evidence, field } });
  }
}

function indexTrigger(byCode: Map<string, TFiredTrigger[]>, trigger: TFiredTrigger): void {
  const list = byCode.get(trigger.code);
  if (list) list.push(trigger);
  else byCode.set(trigger.code, [trigger]);
}

/** where signal-trigger conditions write the reasons nobody reads */
const IGNORED_REASONS: string[] = [];

function collectTriggers(policy: CompiledPolicy, input: TEvaluationInput, context: EvaluationContext) {
  const fired: TFiredTrigger[] = [];
  addTextHits(policy, input.customerText, 'customerText', fired);
  addTextHits(policy, input.agentNote, 'agentNote', fired);
  // an agent may raise any trigger code the pack listens for by setting a flag of that name
  const agentFlags = input.signals.agentFlags;
  // each flag once, in code order (a single flag is both already)
  const flags = agentFlags.length < 2 ? agentFlags : [...new Set(agentFlags)].sort();
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index] as string;
    if (policy.triggerCodes.has(flag)) {
      fired.push({
        code: flag,
        ruleId: `agent-flag:${flag}`,
        evidence: { kind: 'signal', name: `flag:${flag}`, value: true },
      });
    }
  }
  // most inputs fire nothing: the context keeps the shared empty index until something fires
  let byCode: Map<string, TFiredTrigger[]> | null = null;
  if (fired.length > 0) {
    byCode = new Map();
    context.triggers = byCode;
    for (const trigger of fired) indexTrigger(byCode, trigger);
  }
  // signal triggers see the text triggers (and each other in id order)
  for (const { definition, test } of policy.signalTriggers) {
    // conditions only append after what the list holds: it is emptied now and then, not per test
    if (IGNORED_REASONS.length > 256) IGNORED_REASONS.length = 0;
    if (test(context, IGNORED_REASONS) !== TRUE) continue;
    const evidenceName = definition.evidence;
    const value = evidenceName.startsWith('flag:') ? true : (resolveSignal(context, evidenceName) ?? 'present');
    const trigger: TFiredTrigger = {
      code: definition.code,
      ruleId: definition.id,
      evidence: { kind: 'signal', name: evidenceName, value },
    };
    fired.push(trigger);
    if (byCode === null) {
      byCode = new Map();
      context.triggers = byCode;
    }
    indexTrigger(byCode, trigger);
  }
  return fired.length > 1 ? fired.sort(compareTriggers) : fired;
}

const ZONED_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

function instantOf(now: string): number {
  // the common ISO shape with an offset is read directly; anything else goes the general way
  const fast = parseIsoInstant(now);
  if (!Number.isNaN(fast)) return fast;
  if (!ZONED_SUFFIX.test(now)) {
    throw new EvaluationInputError([{ path: 'now', message: 'time has no offset or zone' }]);
  }
  const millis = instantMs(now);
  if (Number.isNaN(millis)) {
    throw new EvaluationInputError([{ path: 'now', message: `not a valid instant: ${now}` }]);
  }
  return millis;
}

/** The best-ranked matched rule whose outcome sets `field` to a value (not an empty list). */
function firstSetting(matched: readonly CompiledRule[], field: TIndependentField): CompiledRule | undefined {
  for (const compiled of matched) {
    const value = compiled.outcome[field];
    if (value !== undefined && !isEmptyList(value)) return compiled;
  }
  return undefined;
}

/** Decides what happens to a case. Same policy version + input (incl. `now`) → same decision. */
export function evaluate(policy: CompiledPolicy, input: TEvaluationInput): TDecision {
  if (input.orgSlug !== policy.pack.orgSlug) {
    throw new EvaluationInputError([
      {
        path: 'orgSlug',
        message: `input is for organization "${input.orgSlug}" but the policy is "${policy.pack.orgSlug}"`,
      },
    ]);
  }
  const context: EvaluationContext = {
    input,
    nowMillis: instantOf(input.now),
    triggers: NO_TRIGGERS,
    agentFlags: input.signals.agentFlags,
    caseFlags: input.case.flags,
    openByCalendar: null,
    calendars: policy.pack.calendars,
  };
  const triggers = collectTriggers(policy, input, context);

  const rankedRules = policy.rankedRules;
  const traces: TRuleTrace[] = new Array(rankedRules.length);
  const matched: CompiledRule[] = [];
  let routeRule: CompiledRule | null = null;
  for (let index = 0; index < rankedRules.length; index++) {
    const compiled = rankedRules[index] as CompiledRule;
    const reasons: string[] = [];
    const result = compiled.test(context, reasons);
    if (result === UNKNOWN) reasons.push('result unknown: the rule does not match (fails closed)');
    if (result === TRUE) {
      matched.push(compiled);
      if (routeRule === null && compiled.isRoute) routeRule = compiled;
    }
    traces[index] = {
      ruleId: compiled.rule.id,
      requirementIds: compiled.rule.requirementIds,
      priority: compiled.rule.priority,
      specificity: compiled.specificity,
      matched: result === TRUE,
      reasons,
    };
  }

  // the route comes whole from the route rule; the independent fields from the first rule setting each
  const route = routeRule?.outcome;
  const targetSource = route?.target;
  const assignmentSource = route?.assignment !== undefined ? (routeRule as CompiledRule) : undefined;
  const approvalRule = route?.approval !== undefined ? (routeRule as CompiledRule) : undefined;
  const setStatusSource = route?.setStatus !== undefined ? (routeRule as CompiledRule) : undefined;
  const availabilitySource = route?.availability !== undefined ? (routeRule as CompiledRule) : undefined;
  const slaSource = route?.sla !== undefined ? (routeRule as CompiledRule) : undefined;
  const setPrioritySource = matched.length > 0 ? firstSetting(matched, 'setPriority') : undefined;
  const stepOrderSource = matched.length > 0 ? firstSetting(matched, 'stepOrder') : undefined;
  const lists = assembleLists(policy, input, matched, triggers);

  let approval: TDecision['approval'] = { required: false, approverRole: null, reason: null };
  if (approvalRule?.outcome.approval) {
    const spec = approvalRule.outcome.approval;
    const waived = approvalRule.waiver ? approvalRule.waiver(context, []) === TRUE : false;
    approval = waived
      ? { required: false, approverRole: spec.approverRole, reason: `already approved: ${spec.reason}` }
      : { required: true, approverRole: spec.approverRole, reason: spec.reason };
  }

  const availability = buildAvailability(policy, input, context.nowMillis, availabilitySource);
  const sla = buildSla(policy, context.nowMillis, slaSource);
  const winner = routeRule ?? matched[0] ?? null;
  const routes = Boolean(
    targetSource || assignmentSource || setStatusSource || approval.required || lists.tasks.length > 0,
  );

  // in the order of ROUTE_FIELDS, then INDEPENDENT_FIELDS
  const fieldSources: Record<string, string> = {};
  if (routeRule) {
    const id = routeRule.rule.id;
    if (targetSource !== undefined) fieldSources.target = id;
    if (assignmentSource) fieldSources.assignment = id;
    if (approvalRule) fieldSources.approval = id;
    if (setStatusSource) fieldSources.setStatus = id;
    if (availabilitySource) fieldSources.availability = id;
    if (slaSource) fieldSources.sla = id;
  }
  if (setPrioritySource) fieldSources.setPriority = setPrioritySource.rule.id;
  if (stepOrderSource) fieldSources.stepOrder = stepOrderSource.rule.id;

  const decision: TDecision = {
    outcome: routes ? 'ESCALATE' : 'STAY',
    triggers,
    target: {
      tier: targetSource?.tier ?? null,
      team: targetSource?.team ?? null,
      queue: targetSource?.queue ?? null,
    },
    setStatus: setStatusSource?.outcome.setStatus ?? null,
    setPriority: setPrioritySource?.outcome.setPriority ?? null,
    approval,
    requiredSteps: lists.requiredSteps,
    requiredNoteFields: lists.requiredNoteFields,
    stepOrder: stepOrderSource?.outcome.stepOrder ?? [],
    notifications: lists.notifications,
    assignment: assignmentSource?.outcome.assignment ?? null,
    tasks: lists.tasks,
    replyChecks: lists.replyChecks,
    guidance: lists.guidance,
    availability,
    sla,
    explanation: {
      policyId: policy.policyId,
      policyVersion: policy.version,
      evaluatedAt: input.now,
      rules: traces,
      winner: winner?.rule.id ?? null,
      winnerReason: winnerReason(matched, winner),
      fieldSources,
      summary: '',
    },
  };
  decision.explanation.summary = summarize(decision, winner);
  return decision;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function buildAvailability(
  policy: CompiledPolicy,
  input: TEvaluationInput,
  nowMillis: number,
  source: CompiledRule | undefined,
): TAvailability | null {
  const spec = source?.outcome.availability;
  if (!spec) return null;
  const calendar = policy.pack.calendars[spec.calendar];
  if (!calendar) return null;
  const state = isOpen(calendar, nowMillis);
  if (state.open) {
    return {
      calendar: spec.calendar,
      openNow: true,
      nextOpeningAt: input.now,
      action: 'ROUTE_NOW',
      explanation: `${spec.calendar}: ${state.explanation}`,
    };
  }
  const next = nextOpening(calendar, nowMillis);
  return {
    calendar: spec.calendar,
    openNow: false,
    nextOpeningAt: next.at,
    action: spec.whenClosed,
    explanation: `${spec.calendar}: ${next.explanation}; ${spec.whenClosed === 'CALLBACK' ? 'promise a callback' : 'the case waits for the opening'}`,
  };
}

function buildSla(policy: CompiledPolicy, nowMillis: number, source: CompiledRule | undefined): TSla | null {
  const spec = source?.outcome.sla;
  if (!spec) return null;
  const calendar = policy.pack.calendars[spec.calendar];
  if (!calendar) return null;
  const result = addBusinessMinutes(calendar, nowMillis, spec.businessMinutes);
  return {
    calendar: spec.calendar,
    startAt: result.startAt,
    dueAt: result.dueAt,
    businessMinutes: spec.businessMinutes,
    explanation: result.explanation,
  };
}

/** The distinct codes of the triggers, in order of first appearance, joined by ", ". */
function distinctCodes(triggers: readonly TFiredTrigger[]): string {
  let text = '';
  for (let index = 0; index < triggers.length; index++) {
    const code = (triggers[index] as TFiredTrigger).code;
    let repeated = false;
    for (let earlier = 0; earlier < index && !repeated; earlier++) {
      repeated = (triggers[earlier] as TFiredTrigger).code === code;
    }
    if (!repeated) text = index === 0 ? code : `${text}, ${code}`;
  }
  return text;
}

function summarize(decision: TDecision, winner: CompiledRule | null): string {
  if (!winner) {
    return decision.triggers.length > 0
      ? `stay: triggers ${distinctCodes(decision.triggers)} fired but no rule applies`
      : 'stay: no trigger fired and no rule applies';
  }
  // parts joined by spaces: headline, target, approval, availability, triggers
  let text = winner.headline;
  let target = '';
  for (const part of [decision.target.tier, decision.target.team, decision.target.queue]) {
    if (part) target = target === '' ? part : `${target} / ${part}`;
  }
  if (target) text += ` to ${target}`;
  if (decision.approval.required) text += ` after approval by ${decision.approval.approverRole}`;
  if (decision.availability && !decision.availability.openNow) {
    text += ` ${decision.availability.action.toLowerCase().replaceAll('_', ' ')} (${decision.availability.nextOpeningAt})`;
  }
  if (decision.triggers.length > 0) text += ` because ${distinctCodes(decision.triggers)}`;
  return text;
}
