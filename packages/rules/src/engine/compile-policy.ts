/**
 * Compiles a validated policy pack once: condition closures, the ranked rule list, message
 * templates, the text detector and reply-check matchers. Evaluation never builds a regex.
 */

import type { CompiledDetector, TextTriggerHit } from '../detection/compile-detector.js';
import { asKnownCondition, conditionSpecificity, forEachCondition } from '../policy/condition-schema.js';
import type { TOutcome, TRule, TSignalTrigger } from '../policy/pack-schema.js';
import type { TPolicyPack } from '../policy/parse-pack.js';
import { type CompiledReplyCheck, compileReplyChecks } from '../reply-checks/compile-reply-checks.js';
import { type CompiledCondition, compileCondition } from './compile-condition.js';
import { isRouteOutcome, outcomeListKeys, type TOutcomeListKeys } from './merge-outcomes.js';
import { createPackDetector } from './pack-detector.js';

export interface CompilePolicyOptions {
  /** detector to use instead of the one built from the pack's trigger definitions */
  detector?: CompiledDetector;
  /**
   * Memoize text analysis per (field, text): repeated texts are analyzed once. The result is
   * the same either way (detection is a pure function); 0 turns it off. Default 1024 entries.
   */
  textMemoEntries?: number;
}

export interface CompiledRule {
  readonly rule: TRule;
  readonly outcome: TOutcome;
  readonly specificity: number;
  readonly test: CompiledCondition;
  /** trigger codes the rule's condition refers to (for evidence in messages) */
  readonly triggerCodes: readonly string[];
  readonly waiver: CompiledCondition | null;
  /** sets a target, an assignment or an approval: can supply the route (see merge-outcomes) */
  readonly isRoute: boolean;
  /** the outcome's list entries keyed for de-duplication across matched rules */
  readonly listKeys: TOutcomeListKeys;
  /** requirement ids and title: how the decision summary names the rule */
  readonly headline: string;
}

export interface CompiledSignalTrigger {
  readonly definition: TSignalTrigger;
  readonly test: CompiledCondition;
}

export type TemplatePart = { literal: string } | { placeholder: string };

export interface CompiledPolicy {
  readonly pack: TPolicyPack;
  readonly policyId: string;
  readonly version: number;
  /** rules by rank: priority desc, specificity desc, id asc */
  readonly rankedRules: readonly CompiledRule[];
  readonly signalTriggers: readonly CompiledSignalTrigger[];
  readonly templates: ReadonlyMap<string, readonly TemplatePart[]>;
  /** subject lines of the templates that have one (pack.messageSubjects) */
  readonly subjects: ReadonlyMap<string, readonly TemplatePart[]>;
  readonly replyChecks: readonly CompiledReplyCheck[];
  /** codes this pack listens for; text hits for other codes are ignored */
  readonly triggerCodes: ReadonlySet<string>;
  detectText(text: string, field: string): readonly TextTriggerHit[];
}

/** Rank order: priority (higher first), specificity (more leaves first), id (alphabetical). */
export function compareRank(
  a: { priority: number; specificity: number; id: string },
  b: { priority: number; specificity: number; id: string },
): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.specificity !== b.specificity) return b.specificity - a.specificity;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

export function compileTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ literal: template.slice(last, match.index) });
    parts.push({ placeholder: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ literal: template.slice(last) });
  return parts;
}

function triggerCodesOf(rule: TRule): string[] {
  const codes = new Set<string>();
  forEachCondition(rule.when, (node) => {
    const known = asKnownCondition(node);
    if (known?.type === 'trigger') codes.add(known.code);
  });
  return [...codes].sort();
}

/**
 * The outcome with every field present, in one order (undefined when the pack leaves a field
 * out): packs give outcomes of many shapes, the evaluator then reads one.
 */
function uniformOutcome(outcome: TOutcome): TOutcome {
  return {
    target: outcome.target,
    setStatus: outcome.setStatus,
    setPriority: outcome.setPriority,
    approval: outcome.approval,
    assignment: outcome.assignment,
    availability: outcome.availability,
    sla: outcome.sla,
    notifications: outcome.notifications,
    requiredSteps: outcome.requiredSteps,
    requiredNoteFields: outcome.requiredNoteFields,
    stepOrder: outcome.stepOrder,
    tasks: outcome.tasks,
    replyChecks: outcome.replyChecks,
    guidance: outcome.guidance,
  };
}

export function compilePolicy(pack: TPolicyPack, options: CompilePolicyOptions = {}): CompiledPolicy {
  const rankedRules: CompiledRule[] = pack.rules
    .map((rule) => ({
      rule,
      outcome: uniformOutcome(rule.outcome),
      specificity: conditionSpecificity(rule.when),
      test: compileCondition(rule.when),
      triggerCodes: triggerCodesOf(rule),
      waiver: rule.outcome.approval?.waivedWhen ? compileCondition(rule.outcome.approval.waivedWhen) : null,
      isRoute: isRouteOutcome(rule.outcome),
      listKeys: outcomeListKeys(rule.outcome),
      headline: `${rule.requirementIds.join(', ')} ${rule.title}`,
    }))
    .sort((a, b) =>
      compareRank(
        { priority: a.rule.priority, specificity: a.specificity, id: a.rule.id },
        { priority: b.rule.priority, specificity: b.specificity, id: b.rule.id },
      ),
    );

  const signalTriggers = [...pack.signalTriggers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((definition) => ({ definition, test: compileCondition(definition.when) }));

  const templates = new Map<string, TemplatePart[]>();
  for (const [id, template] of Object.entries(pack.messages)) templates.set(id, compileTemplate(template));
  const subjects = new Map<string, TemplatePart[]>();
  for (const [id, subject] of Object.entries(pack.messageSubjects)) subjects.set(id, compileTemplate(subject));

  const triggerCodes = new Set<string>([
    ...pack.triggers.canonical,
    ...pack.triggers.extensions.map((definition) => definition.code),
  ]);
  const detector = options.detector ?? createPackDetector(pack);
  const memoLimit = options.textMemoEntries ?? 1024;
  const memoByField = new Map<string, Map<string, readonly TextTriggerHit[]>>();
  let memoSize = 0;

  const detectText = (text: string, field: string): readonly TextTriggerHit[] => {
    if (text.length === 0) return [];
    if (memoLimit <= 0) return detector.detect(text, field).filter((hit) => triggerCodes.has(hit.code));
    let memo = memoByField.get(field);
    if (!memo) {
      memo = new Map();
      memoByField.set(field, memo);
    }
    const cached = memo.get(text);
    if (cached) return cached;
    const hits = detector.detect(text, field).filter((hit) => triggerCodes.has(hit.code));
    if (memoSize >= memoLimit) {
      for (const entries of memoByField.values()) entries.clear();
      memoSize = 0;
    }
    memo.set(text, hits);
    memoSize += 1;
    return hits;
  };

  return {
    pack,
    policyId: pack.policyId,
    version: pack.version,
    rankedRules,
    signalTriggers,
    templates,
    subjects,
    replyChecks: compileReplyChecks(pack.replyChecks),
    triggerCodes,
    detectText,
  };
}
