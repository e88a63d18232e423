/**
 * evaluate(policy, input) → decision. Pure and deterministic (X-2): no clock, no randomness,
 * outputs in a stable order. Every rule's verdict and reasons go into the explanation.
 */
import { addBusinessMinutes, isOpen, nextOpening } from '../calendar/index.js';
import { instantMs } from '../calendar/zone-clock.js';
import {
  type TAvailability,
  type TDecision,
  type TEvaluationInput,
  type TFiredTrigger,
  type TRuleTrace,
  type TSla,
  ZEvaluationInput,
} from '../types.js';
import { type EvaluationContext, resolveSignal, TRUE, UNKNOWN } from './compile-condition.js';
import type { CompiledPolicy, CompiledRule } from './compile-policy.js';
import {
  assembleLists,
  INDEPENDENT_FIELDS,
  isRouteRule,
  ROUTE_FIELDS,
  type TRoutingField,
  winnerReason,
} from './merge-outcomes.js';

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

const NO_REASONS: string[] = [];

function collectTriggers(policy: CompiledPolicy, input: TEvaluationInput, context: EvaluationContext) {
  const fired: TFiredTrigger[] = [];
  addTextHits(policy, input.customerText, 'customerText', fired);
  addTextHits(policy, input.agentNote, 'agentNote', fired);
  // an agent may raise any trigger code the pack listens for by setting a flag of that name
  const agentFlags = input.signals.agentFlags;
  for (const flag of agentFlags.length === 0 ? agentFlags : [...new Set(agentFlags)].sort()) {
    if (policy.triggerCodes.has(flag)) {
      fired.push({
        code: flag,
        ruleId: `agent-flag:${flag}`,
        evidence: { kind: 'signal', name: `flag:${flag}`, value: true },
      });
    }
  }
  const byCode = context.triggers as Map<string, TFiredTrigger[]>;
  for (const trigger of fired) indexTrigger(byCode, trigger);
  // signal triggers see the text triggers (and each other in id order)
  for (const { definition, test } of policy.signalTriggers) {
    NO_REASONS.length = 0;
    if (test(context, NO_REASONS) !== TRUE) continue;
    const evidenceName = definition.evidence;
    const value = evidenceName.startsWith('flag:') ? true : (resolveSignal(context, evidenceName) ?? 'present');
    const trigger: TFiredTrigger = {
      code: definition.code,
      ruleId: definition.id,
      evidence: { kind: 'signal', name: evidenceName, value },
    };
    fired.push(trigger);
    indexTrigger(byCode, trigger);
  }
  return fired.sort(compareTriggers);
}

function instantOf(now: string): number {
  const millis = instantMs(now);
  if (Number.isNaN(millis)) {
    throw new EvaluationInputError([{ path: 'now', message: `not a valid instant: ${now}` }]);
  }
  return millis;
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
  if (!/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(input.now)) {
    throw new EvaluationInputError([{ path: 'now', message: 'time has no offset or zone' }]);
  }
  const context: EvaluationContext = {
    input,
    nowMillis: instantOf(input.now),
    triggers: new Map(),
    agentFlags: input.signals.agentFlags,
    caseFlags: input.case.flags,
    openByCalendar: new Map(),
    calendars: policy.pack.calendars,
  };
  const triggers = collectTriggers(policy, input, context);

  const traces: TRuleTrace[] = [];
  const matched: CompiledRule[] = [];
  for (const compiled of policy.rankedRules) {
    const reasons: string[] = [];
    const result = compiled.test(context, reasons);
    if (result === UNKNOWN) reasons.push('result unknown: the rule does not match (fails closed)');
    if (result === TRUE) matched.push(compiled);
    traces.push({
      ruleId: compiled.rule.id,
      requirementIds: compiled.rule.requirementIds,
      priority: compiled.rule.priority,
      specificity: compiled.specificity,
      matched: result === TRUE,
      reasons,
    });
  }

  const routeRule = matched.find(isRouteRule) ?? null;
  const sources: Partial<Record<TRoutingField, CompiledRule>> = {};
  if (routeRule) {
    for (const field of ROUTE_FIELDS) if (routeRule.outcome[field] !== undefined) sources[field] = routeRule;
  }
  for (const field of INDEPENDENT_FIELDS) {
    for (const compiled of matched) {
      const value = compiled.outcome[field];
      if (value !== undefined && !isEmptyList(value)) {
        sources[field] = compiled;
        break;
      }
    }
  }
  const lists = assembleLists(policy, input, matched, triggers);

  const targetSource = sources.target?.outcome.target;
  const approvalRule = sources.approval;
  let approval: TDecision['approval'] = { required: false, approverRole: null, reason: null };
  if (approvalRule?.outcome.approval) {
    const spec = approvalRule.outcome.approval;
    const waived = approvalRule.waiver ? approvalRule.waiver(context, []) === TRUE : false;
    approval = waived
      ? { required: false, approverRole: spec.approverRole, reason: `already approved: ${spec.reason}` }
      : { required: true, approverRole: spec.approverRole, reason: spec.reason };
  }

  const availability = buildAvailability(policy, input, context.nowMillis, sources.availability);
  const sla = buildSla(policy, context.nowMillis, sources.sla);
  const winner = routeRule ?? matched[0] ?? null;
  const routes = Boolean(
    targetSource || sources.assignment || sources.setStatus || approval.required || lists.tasks.length > 0,
  );

  const fieldSources: Record<string, string> = {};
  for (const field of [...ROUTE_FIELDS, ...INDEPENDENT_FIELDS]) {
    const source = sources[field];
    if (source) fieldSources[field] = source.rule.id;
  }

  const decision: TDecision = {
    outcome: routes ? 'ESCALATE' : 'STAY',
    triggers,
    target: {
      tier: targetSource?.tier ?? null,
      team: targetSource?.team ?? null,
      queue: targetSource?.queue ?? null,
    },
    setStatus: sources.setStatus?.outcome.setStatus ?? null,
    setPriority: sources.setPriority?.outcome.setPriority ?? null,
    approval,
    requiredSteps: lists.requiredSteps,
    requiredNoteFields: lists.requiredNoteFields,
    stepOrder: sources.stepOrder?.outcome.stepOrder ?? [],
    notifications: lists.notifications,
    assignment: sources.assignment?.outcome.assignment ?? null,
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

function summarize(decision: TDecision, winner: CompiledRule | null): string {
  if (!winner) {
    const fired = decision.triggers.map((trigger) => trigger.code);
    return fired.length > 0
      ? `stay: triggers ${[...new Set(fired)].join(', ')} fired but no rule applies`
      : 'stay: no trigger fired and no rule applies';
  }
  const target = [decision.target.tier, decision.target.team, decision.target.queue].filter(Boolean).join(' / ');
  const parts = [`${winner.rule.requirementIds.join(', ')} ${winner.rule.title}`];
  if (target) parts.push(`to ${target}`);
  if (decision.approval.required) parts.push(`after approval by ${decision.approval.approverRole}`);
  if (decision.availability && !decision.availability.openNow) {
    parts.push(
      `${decision.availability.action.toLowerCase().replaceAll('_', ' ')} (${decision.availability.nextOpeningAt})`,
    );
  }
  const codes = [...new Set(decision.triggers.map((trigger) => trigger.code))];
  if (codes.length > 0) parts.push(`because ${codes.join(', ')}`);
  return parts.join(' ');
}
