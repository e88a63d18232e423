import type { ClassifierModel } from './classifier/classifier-model.js';
import { type ClassifierHit, createClassifierSignal } from './classifier/classifier-signal.js';
import { shippedClassifierModel } from './classifier/shipped-classifier.js';
import { daysBetweenFirstAndLastDate } from './date-mentions.js';
import { type TTriggerDefinition, ZTriggerDefinition } from './definition-schema.js';
import { type CompiledPattern, compilePattern } from './pattern.js';
import { type CompiledScope, isNegated, scopeMatches, sentenceSpan } from './scope-match.js';
import { analyzeText, type TextAnalysis } from './tokenize.js';

export { isNegated } from './scope-match.js';

export interface TextTriggerHit {
  code: string;
  /** `<definition detectorId>:<cue id>` for a pattern, `classifier:<CODE>` for the classifier. */
  detectorId: string;
  evidence: {
    kind: 'text';
    /** The matched phrase; for the classifier, its strongest word. */
    phrase: string;
    start: number;
    end: number;
    field: string;
    /** Present when the classifier, not a pattern, raised the code. */
    signal?: 'classifier';
    /** The classifier's driving words, strongest first. */
    words?: string[];
    /** The classifier's probability, rounded to 3 decimals. */
    probability?: number;
  };
}

export interface CompiledDetector {
  /** Every trigger found in the text; `field` names where the text came from (default customerText). */
  detect(text: string, field?: string): TextTriggerHit[];
  /**
   * Codes the classifier would add to the text at `minimumProbability` instead of the per-code
   * thresholds (for choosing thresholds); empty without a classifier.
   */
  classifierCandidates?(text: string, minimumProbability: number): ClassifierHit[];
}

export interface DetectorOptions {
  /** The statistical signal; default the shipped model, null for patterns alone. */
  classifier?: ClassifierModel | null;
}

interface CompiledCue {
  code: string;
  detectorId: string;
  pattern: CompiledPattern;
  requires: readonly CompiledScope[];
  guards: readonly CompiledScope[];
  negatable: boolean;
  blockedInQuestions: boolean;
  minimumDaysBetweenDates: number | null;
}

interface CandidateHit {
  cue: CompiledCue;
  first: number;
  end: number;
}

const defaultField = 'customerText';
/** Evidence kept per code: enough to explain a decision, bounded for very long texts. */
const maximumHitsPerCode = 3;
/** Distinct words whose starting cues are remembered; past this the memory starts over. */
const rememberedStartWords = 50_000;

function compileScopes(entries: TTriggerDefinition['guards']): CompiledScope[] {
  return entries.map((entry) => ({
    scope: entry.scope,
    patterns: entry.anyOf.map(compilePattern),
  }));
}

/** Message-wide checks give the same answer for every hit in a message, so each runs once. */
/** Sentence- and message-wide checks give one answer per sentence or message, so each runs once. */
type ScopeCache = Map<CompiledScope, Map<number, boolean>>;

function checkScope(analysis: TextAnalysis, entry: CompiledScope, hit: CandidateHit, cache: ScopeCache): boolean {
  if (entry.scope !== 'message' && entry.scope !== 'sentence') return scopeMatches(analysis, entry, hit);
  const key = entry.scope === 'message' ? -1 : (analysis.tokens[hit.first]?.sentence ?? -1);
  let byKey = cache.get(entry);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(entry, byKey);
  }
  let known = byKey.get(key);
  if (known === undefined) {
    known = scopeMatches(analysis, entry, hit);
    byKey.set(key, known);
  }
  return known;
}

/**
 * `turned-down`: a negation, a question or a guard blocks the cue (the classifier must not add
 * the code either); `requirement-unmet`: the cue lacks what must be near it.
 */
type HitVerdict = 'accepted' | 'turned-down' | 'requirement-unmet';

function judgeHit(analysis: TextAnalysis, hit: CandidateHit, cache: ScopeCache): HitVerdict {
  const { cue } = hit;
  if (cue.negatable && isNegated(analysis, hit.first)) return 'turned-down';
  if (cue.blockedInQuestions) {
    const sentence = analysis.sentences[analysis.tokens[hit.first]?.sentence ?? -1];
    if (sentence?.question) return 'turned-down';
  }
  if (cue.guards.some((guard) => checkScope(analysis, guard, hit, cache))) return 'turned-down';
  return cue.requires.every((required) => checkScope(analysis, required, hit, cache))
    ? 'accepted'
    : 'requirement-unmet';
}

/** Compiles trigger definitions into one detector; compile once, call detect per message. */
export function compileDetector(
  definitions: readonly TTriggerDefinition[],
  options: DetectorOptions = {},
): CompiledDetector {
  const byFirstWord = new Map<string, CompiledCue[]>();
  const scanned: CompiledCue[] = [];
  const suppressions = new Map<string, readonly string[]>();
  const listenedCodes = new Set<string>();
  const questionBlockedCodes = new Set<string>();

  for (const input of definitions) {
    const definition = ZTriggerDefinition.parse(input);
    const definitionGuards = compileScopes(definition.guards);
    if (definition.suppressedBy.length > 0) suppressions.set(definition.code, definition.suppressedBy);
    listenedCodes.add(definition.code);
    if (definition.blockedInQuestions) questionBlockedCodes.add(definition.code);
    for (const cue of definition.cues) {
      const requires = compileScopes(cue.requires);
      const guards = [...definitionGuards, ...compileScopes(cue.guards)];
      for (const source of cue.patterns) {
        const compiled: CompiledCue = {
          code: definition.code,
          detectorId: `${definition.detectorId}:${cue.id}`,
          pattern: compilePattern(source),
          requires,
          guards,
          negatable: cue.negatable ?? definition.negatable,
          blockedInQuestions: cue.blockedInQuestions ?? definition.blockedInQuestions,
          minimumDaysBetweenDates: cue.minimumDaysBetweenDates ?? null,
        };
        if (compiled.pattern.startTest !== null) scanned.push(compiled);
        for (const literal of compiled.pattern.firstLiterals) {
          const list = byFirstWord.get(literal);
          if (list) list.push(compiled);
          else byFirstWord.set(literal, [compiled]);
        }
      }
    }
  }

  /**
   * The cues that can open a match at a word: those indexed by it as a first word, then those
   * whose first word is a prefix or typo-tolerant test it passes. Remembered per word (bounded),
   * so each pass over a message costs one lookup per token.
   */
  const cuesByStartWord = new Map<string, readonly CompiledCue[]>();
  const startingCues = (norm: string): readonly CompiledCue[] => {
    const known = cuesByStartWord.get(norm);
    if (known !== undefined) return known;
    const cues = [
      ...(byFirstWord.get(norm) ?? []),
      ...scanned.filter((cue) => cue.pattern.startTest?.(norm) && !cue.pattern.opensWithLiteral(norm)),
    ];
    if (cuesByStartWord.size >= rememberedStartWords) cuesByStartWord.clear();
    cuesByStartWord.set(norm, cues);
    return cues;
  };

  const model = options.classifier === undefined ? shippedClassifierModel() : options.classifier;
  const signal = model === null ? null : createClassifierSignal(model, listenedCodes, questionBlockedCodes);

  const patternPass = (text: string): PatternPass => {
    const analysis = analyzeText(text);
    const vetoedCodes = new Set<string>();
    const { tokens } = analysis;
    const accepted: CandidateHit[] = [];
    const cache: ScopeCache = new Map();
    const hitsPerCode = new Map<string, number>();
    let daysBetweenDates: number | null | undefined;
    const datesFarEnoughApart = (minimumDays: number): boolean => {
      if (daysBetweenDates === undefined) daysBetweenDates = daysBetweenFirstAndLastDate(text);
      return daysBetweenDates !== null && daysBetweenDates >= minimumDays;
    };
    const consider = (cue: CompiledCue, first: number, limit: number): void => {
      if ((hitsPerCode.get(cue.code) ?? 0) >= maximumHitsPerCode) return;
      if (!cue.pattern.possibleIn(analysis)) return;
      const end = cue.pattern.matchAt(tokens, first, limit);
      if (end < 0) return;
      if (cue.minimumDaysBetweenDates !== null && !datesFarEnoughApart(cue.minimumDaysBetweenDates)) return;
      const hit = { cue, first, end };
      const verdict = judgeHit(analysis, hit, cache);
      if (verdict !== 'accepted') {
        if (verdict === 'turned-down') vetoedCodes.add(cue.code);
        return;
      }
      accepted.push(hit);
      hitsPerCode.set(cue.code, (hitsPerCode.get(cue.code) ?? 0) + 1);
    };
    for (let first = 0; first < tokens.length; first++) {
      const token = tokens[first];
      if (token === undefined || token.opaque) continue;
      const limit = sentenceSpan(analysis, first).end;
      for (const cue of startingCues(token.norm)) consider(cue, first, limit);
    }

    return { analysis, accepted, vetoedCodes };
  };

  return {
    detect(text, field = defaultField) {
      const { analysis, accepted, vetoedCodes } = patternPass(text);
      const { tokens } = analysis;
      const firedCodes = new Set(accepted.map((hit) => hit.cue.code));
      const proposed: ClassifierHit[] = [];
      signal?.propose(analysis, firedCodes, vetoedCodes, proposed);
      for (const hit of proposed) firedCodes.add(hit.code);
      const hits: TextTriggerHit[] = [];
      const lastEndByCode = new Map<string, number>();
      for (const hit of accepted) {
        const { code } = hit.cue;
        if (suppressions.get(code)?.some((other) => firedCodes.has(other))) continue;
        if ((lastEndByCode.get(code) ?? -1) > hit.first) continue;
        lastEndByCode.set(code, hit.end);
        const start = tokens[hit.first]?.start ?? 0;
        const end = tokens[hit.end - 1]?.end ?? start;
        hits.push({
          code,
          detectorId: hit.cue.detectorId,
          evidence: {
            kind: 'text',
            phrase: text.slice(start, end),
            start,
            end,
            field,
          },
        });
      }
      for (const hit of proposed) {
        if (suppressions.get(hit.code)?.some((other) => firedCodes.has(other))) continue;
        hits.push(classifierTriggerHit(hit, analysis, text, field));
      }
      return hits;
    },
    classifierCandidates(text, minimumProbability) {
      const out: ClassifierHit[] = [];
      if (signal === null) return out;
      const { analysis, accepted, vetoedCodes } = patternPass(text);
      signal.propose(analysis, new Set(accepted.map((hit) => hit.cue.code)), vetoedCodes, out, minimumProbability);
      return out;
    },
  };
}

interface PatternPass {
  analysis: TextAnalysis;
  accepted: CandidateHit[];
  /** Codes with a cue that matched and was turned down by a negation, a question or a guard. */
  vetoedCodes: Set<string>;
}

function classifierTriggerHit(hit: ClassifierHit, analysis: TextAnalysis, text: string, field: string): TextTriggerHit {
  const strongest = analysis.tokens[hit.token];
  const start = strongest?.start ?? 0;
  const end = strongest?.end ?? start;
  return {
    code: hit.code,
    detectorId: `classifier:${hit.code}`,
    evidence: {
      kind: 'text',
      phrase: text.slice(start, end),
      start,
      end,
      field,
      signal: 'classifier',
      words: hit.drivingTokens.map((token) => {
        const word = analysis.tokens[token];
        return word === undefined ? '' : text.slice(word.start, word.end);
      }),
      probability: Math.round(hit.probability * 1000) / 1000,
    },
  };
}
