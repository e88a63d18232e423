/**
 * Where a guard or requirement is looked for around a cue: clause and sentence spans, pattern
 * matches inside a span, and whether a negation reaches the cue.
 */
import type { TPatternScope } from './definition-schema.js';
import { negationBarrierWords, negationReleaseWords, negationWindow, negatorWords } from './language.js';
import type { CompiledPattern } from './pattern.js';
import type { TextAnalysis } from './tokenize.js';

export interface CompiledScope {
  scope: TPatternScope;
  patterns: readonly CompiledPattern[];
}

/** Token range [first, end) of a candidate hit. */
export interface TokenRange {
  first: number;
  end: number;
}

interface Span {
  first: number;
  end: number;
}

export function clauseSpan(analysis: TextAnalysis, index: number): Span {
  const span = analysis.clauses.get(analysis.tokens[index]?.clause ?? -1);
  return span ?? { first: index, end: index + 1 };
}

export function sentenceSpan(analysis: TextAnalysis, index: number): Span {
  const sentence = analysis.sentences[analysis.tokens[index]?.sentence ?? -1];
  return sentence ? { first: sentence.first, end: sentence.end } : { first: index, end: index + 1 };
}

/** Whether any pattern matches starting in [startFrom, startTo) and ending by endBy, with an end after endAfter. */
export function anyMatch(
  analysis: TextAnalysis,
  patterns: readonly CompiledPattern[],
  startFrom: number,
  startTo: number,
  endBy: number,
  endAfter: number,
): boolean {
  const { tokens } = analysis;
  for (const pattern of patterns) {
    if (!pattern.possibleIn(analysis)) continue;
    for (let pos = Math.max(0, startFrom); pos < startTo; pos++) {
      const token = tokens[pos];
      if (token === undefined || token.opaque || !pattern.canStartAt(token.norm)) continue;
      const end = pattern.matchAt(tokens, pos, Math.min(endBy, sentenceSpan(analysis, pos).end));
      if (end > endAfter) return true;
    }
  }
  return false;
}

export function scopeMatches(analysis: TextAnalysis, entry: CompiledScope, hit: TokenRange): boolean {
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
