import { daysBetweenFirstAndLastDate } from './date-mentions.js';
import { type TPatternScope, type TTriggerDefinition, ZTriggerDefinition } from './definition-schema.js';
import { negationBarrierWords, negationReleaseWords, negationWindow, negatorWords } from './language.js';
import { type CompiledPattern, compilePattern } from './pattern.js';
import { analyzeText, type TextAnalysis } from './tokenize.js';

export interface TextTriggerHit {
  code: string;
  /** `<definition detectorId>:<cue id>`: which data produced the hit. */
  detectorId: string;
  evidence: {
    kind: 'text';
    phrase: string;
    start: number;
    end: number;
    field: string;
  };
}

export interface CompiledDetector {
  /** Every trigger found in the text; `field` names where the text came from (default customerText). */
  detect(text: string, field?: string): TextTriggerHit[];
}

interface CompiledScope {
  scope: TPatternScope;
  patterns: readonly CompiledPattern[];
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

interface Span {
  first: number;
  end: number;
}

interface CandidateHit {
  cue: CompiledCue;
  first: number;
  end: number;
}

const defaultField = 'customerText';
/** Evidence kept per code: enough to explain a decision, bounded for very long texts. */
const maximumHitsPerCode = 3;

function compileScopes(entries: TTriggerDefinition['guards']): CompiledScope[] {
  return entries.map((entry) => ({
    scope: entry.scope,
    patterns: entry.anyOf.map(compilePattern),
  }));
}

function clauseSpan(analysis: TextAnalysis, index: number): Span {
  const span = analysis.clauses.get(analysis.tokens[index]?.clause ?? -1);
  return span ?? { first: index, end: index + 1 };
}

function sentenceSpan(analysis: TextAnalysis, index: number): Span {
  const sentence = analysis.sentences[analysis.tokens[index]?.sentence ?? -1];
  return sentence ? { first: sentence.first, end: sentence.end } : { first: index, end: index + 1 };
}

/** Whether any pattern matches starting in [startFrom, startTo) and ending by endBy, with an end after endAfter. */
function anyMatch(
  analysis: TextAnalysis,
  patterns: readonly CompiledPattern[],
  startFrom: number,
  startTo: number,
  endBy: number,
  endAfter: number,
): boolean {
  const { tokens } = analysis;
  for (let pos = Math.max(0, startFrom); pos < startTo; pos++) {
    const token = tokens[pos];
    if (token === undefined || token.opaque) continue;
    let limit = -1;
    for (const pattern of patterns) {
      if (!pattern.canStartAt(token.norm)) continue;
      if (limit < 0) limit = Math.min(endBy, sentenceSpan(analysis, pos).end);
      const end = pattern.matchAt(tokens, pos, limit);
      if (end > endAfter) return true;
    }
  }
  return false;
}

function scopeMatches(analysis: TextAnalysis, entry: CompiledScope, hit: CandidateHit): boolean {
  const { patterns } = entry;
  switch (entry.scope) {
    case 'overlap': {
      const sentence = sentenceSpan(analysis, hit.first);
      return anyMatch(analysis, patterns, sentence.first, hit.end, sentence.end, hit.first);
    }
    case 'before': {
      const clause = clauseSpan(analysis, hit.first);
      return anyMatch(analysis, patterns, clause.first, hit.first, hit.end, -1);
    }
    case 'after': {
      const clause = clauseSpan(analysis, hit.end - 1);
      return anyMatch(analysis, patterns, hit.end, clause.end, clause.end, -1);
    }
    case 'clause': {
      const clause = clauseSpan(analysis, hit.first);
      const lastClause = clauseSpan(analysis, hit.end - 1);
      return anyMatch(analysis, patterns, clause.first, lastClause.end, lastClause.end, -1);
    }
    case 'sentence': {
      const sentence = sentenceSpan(analysis, hit.first);
      return anyMatch(analysis, patterns, sentence.first, sentence.end, sentence.end, -1);
    }
    case 'message':
      return anyMatch(analysis, patterns, 0, analysis.tokens.length, analysis.tokens.length, -1);
    default: {
      const unreachable: never = entry.scope;
      throw new Error(`Unknown scope ${String(unreachable)}`);
    }
  }
}

/** A negator shortly before the cue, in its clause, with no new subject in between. */
export function isNegated(analysis: TextAnalysis, first: number): boolean {
  const { tokens } = analysis;
  const clause = tokens[first]?.clause;
  for (let index = first - 1; index >= 0 && index >= first - negationWindow; index--) {
    const token = tokens[index];
    if (token === undefined || token.clause !== clause || negationBarrierWords.has(token.norm)) return false;
    if (negatorWords.has(token.norm)) {
      const following = tokens[index + 1]?.norm ?? '';
      return !negationReleaseWords.has(following);
    }
  }
  return false;
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

function acceptHit(analysis: TextAnalysis, hit: CandidateHit, cache: ScopeCache): boolean {
  const { cue } = hit;
  if (cue.negatable && isNegated(analysis, hit.first)) return false;
  if (cue.blockedInQuestions) {
    const sentence = analysis.sentences[analysis.tokens[hit.first]?.sentence ?? -1];
    if (sentence?.question) return false;
  }
  if (cue.guards.some((guard) => checkScope(analysis, guard, hit, cache))) return false;
  return cue.requires.every((required) => checkScope(analysis, required, hit, cache));
}

/** Compiles trigger definitions into one detector; compile once, call detect per message. */
export function compileDetector(definitions: readonly TTriggerDefinition[]): CompiledDetector {
  const byFirstWord = new Map<string, CompiledCue[]>();
  const scanned: CompiledCue[] = [];
  const suppressions = new Map<string, readonly string[]>();

  for (const input of definitions) {
    const definition = ZTriggerDefinition.parse(input);
    const definitionGuards = compileScopes(definition.guards);
    if (definition.suppressedBy.length > 0) suppressions.set(definition.code, definition.suppressedBy);
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

  return {
    detect(text, field = defaultField) {
      const analysis = analyzeText(text);
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
        const end = cue.pattern.matchAt(tokens, first, limit);
        if (end < 0) return;
        if (cue.minimumDaysBetweenDates !== null && !datesFarEnoughApart(cue.minimumDaysBetweenDates)) return;
        const hit = { cue, first, end };
        if (!acceptHit(analysis, hit, cache)) return;
        accepted.push(hit);
        hitsPerCode.set(cue.code, (hitsPerCode.get(cue.code) ?? 0) + 1);
      };
      for (let first = 0; first < tokens.length; first++) {
        const token = tokens[first];
        if (token === undefined || token.opaque) continue;
        const limit = sentenceSpan(analysis, first).end;
        const indexed = byFirstWord.get(token.norm);
        for (const cue of indexed ?? []) consider(cue, first, limit);
        for (const cue of scanned) {
          if (cue.pattern.startTest?.(token.norm) && !cue.pattern.opensWithLiteral(token.norm))
            consider(cue, first, limit);
        }
      }

      const firedCodes = new Set(accepted.map((hit) => hit.cue.code));
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
      return hits;
    },
  };
}
