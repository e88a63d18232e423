/**
 * Keywords of a pattern: a set of words one of which must be in the message for the pattern to
 * match at all. A message's words are collected once; a pattern whose keywords are all absent is
 * never run, which is how one pass over the message chooses the few cues and guards worth trying.
 */
import type { PatternNode } from './pattern.js';
import type { TextAnalysis } from './tokenize.js';

/**
 * Every keyword of every compiled pattern has a number; a message's keywords are marked once in
 * `marks` (with the message's stamp), so a pattern asks a few array slots instead of hashing words.
 */
const keywordIds = new Map<string, number>();
let marks = new Int32Array(1024);
let stamp = 0;
let markedAnalysis: TextAnalysis | null = null;

function keywordId(word: string): number {
  let id = keywordIds.get(word);
  if (id === undefined) {
    id = keywordIds.size;
    keywordIds.set(word, id);
    if (id >= marks.length) {
      const grown = new Int32Array(marks.length * 2);
      grown.set(marks);
      marks = grown;
    }
  }
  return id;
}

function markKeywords(analysis: TextAnalysis): void {
  stamp += 1;
  for (const token of analysis.tokens) {
    if (token.opaque) continue;
    const id = keywordIds.get(token.norm);
    if (id !== undefined) marks[id] = stamp;
  }
  markedAnalysis = analysis;
}

/** Whether the analyzed message holds one of these keywords (ids from keywordIdsOf). */
export function holdsAnyKeyword(analysis: TextAnalysis, ids: Int32Array): boolean {
  if (markedAnalysis !== analysis) markKeywords(analysis);
  for (let index = 0; index < ids.length; index++) if (marks[ids[index] ?? 0] === stamp) return true;
  return false;
}

export function keywordIdsOf(keywords: ReadonlySet<string>): Int32Array {
  return Int32Array.from(keywords, keywordId);
}

/** Words so common that a keyword set holding them filters almost nothing. */
const commonWords: ReadonlySet<string> = new Set(
  'i me my you your we our us the a an to and or of in on for is it this that be was were not no with at have has had get got want will would can do did am are so if but just he she they them his her him'.split(
    ' ',
  ),
);

/** Sets of literal words, each of which must contribute one word to any match. */
function requiredWordSets(node: PatternNode): string[][] {
  switch (node.kind) {
    case 'word':
      return node.other === null ? [[...node.literals]] : [];
    case 'seq':
      return node.items.flatMap(requiredWordSets);
    case 'alt': {
      const perOption = node.options.map((option) => bestSet(requiredWordSets(option)));
      if (perOption.some((set) => set === null)) return [];
      return [[...new Set(perOption.flatMap((set) => set ?? []))]];
    }
    case 'opt':
    case 'gap':
    case 'anchor':
      return [];
    default: {
      const unreachable: never = node;
      throw new Error(`Unknown pattern node ${JSON.stringify(unreachable)}`);
    }
  }
}

function cost(set: readonly string[]): number {
  return set.filter((word) => commonWords.has(word)).length * 100 + set.length;
}

function bestSet(sets: readonly string[][]): string[] | null {
  let best: string[] | null = null;
  for (const set of sets) if (best === null || cost(set) < cost(best)) best = set;
  return best;
}

/**
 * The most selective required word set of a pattern, preferring one other than its first words
 * (a cue is only tried where its first word is, so those filter nothing more); null when the
 * pattern has none (every word optional, a prefix or a typo-tolerant word).
 */
export function patternKeywords(node: PatternNode, firstLiterals: readonly string[]): ReadonlySet<string> | null {
  const first = new Set(firstLiterals);
  const sets = requiredWordSets(node);
  const others = sets.filter((set) => set.length !== first.size || set.some((word) => !first.has(word)));
  const best = bestSet(others.length > 0 ? others : sets);
  return best === null ? null : new Set(best);
}
