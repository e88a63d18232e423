import { anyTest, type WordTest, withinOneEdit } from './edit-distance.js';

export type { WordTest } from './edit-distance.js';

import { holdsAnyKeyword, keywordIdsOf, patternKeywords } from './pattern-keywords.js';
import type { TextAnalysis, Token } from './tokenize.js';
import { expandWordClasses } from './vocabulary/word-classes.js';

/**
 * Token patterns, written as text in the trigger definitions and compiled once.
 *
 * - `word` matches one token exactly; `|` separates alternatives and binds loosest, so
 *   `(talk to|speak with) sup` is "talk to sup" or "speak with sup".
 * - `pre*` matches tokens starting with `pre`; `~word` also accepts one typo (insertion,
 *   deletion, substitution or swap) when the word has at least 7 letters.
 * - `_` is any one token, `_{0,3}` zero to three tokens, `#` a number.
 * - `word?` and `( … )?` are optional; `^` and `$` match at the start and end of a sentence.
 * - `@name` is a word class (vocabulary/word-classes.ts): any one of its words or phrases.
 */

export type PatternNode =
  | { kind: 'word'; test: WordTest; literals: readonly string[]; other: WordTest | null }
  | { kind: 'seq'; items: readonly PatternNode[] }
  | { kind: 'alt'; options: readonly PatternNode[] }
  | { kind: 'opt'; node: PatternNode }
  | { kind: 'gap'; min: number; max: number }
  | { kind: 'anchor'; at: 'start' | 'end' };

export interface CompiledPattern {
  source: string;
  /** Words that may open a match. */
  firstLiterals: readonly string[];
  /** Other ways to open a match (typo-tolerant or prefix words, gaps); null when there are none. */
  startTest: WordTest | null;
  /** Whether the token is one of firstLiterals. */
  opensWithLiteral: WordTest;
  /** Whether a token can open a match: a cheap filter before matchAt. */
  canStartAt: WordTest;
  /** One of these words must be in the message for a match (null: no such set). */
  keywords: ReadonlySet<string> | null;
  /** Whether the analyzed message holds a keyword (or the pattern has none): a match is possible. */
  possibleIn(analysis: TextAnalysis): boolean;
  /** End (exclusive) of the first match that starts at pos and stays before limit, or -1. */
  matchAt(tokens: readonly Token[], pos: number, limit: number): number;
}

const minimumFuzzyLength = 7;
const wordShape = /^[a-z0-9+&']+$/;

function parseWord(lexeme: string, source: string): PatternNode {
  if (lexeme === '_') return { kind: 'gap', min: 1, max: 1 };
  if (lexeme === '^') return { kind: 'anchor', at: 'start' };
  if (lexeme === '$') return { kind: 'anchor', at: 'end' };
  const gap = /^_\{(\d+),(\d+)\}$/.exec(lexeme);
  if (gap) return { kind: 'gap', min: Number(gap[1]), max: Number(gap[2]) };
  if (lexeme === '#') return nonLiteralWord((norm) => /^[0-9]/.test(norm));
  if (lexeme.startsWith('~')) {
    const word = lexeme.slice(1);
    if (!wordShape.test(word)) throw new Error(`Bad word "${lexeme}" in pattern "${source}"`);
    if (word.length < minimumFuzzyLength) return literalWord(word);
    return nonLiteralWord((norm) => withinOneEdit(norm, word));
  }
  if (lexeme.endsWith('*')) {
    const prefix = lexeme.slice(0, -1);
    if (!wordShape.test(prefix)) throw new Error(`Bad prefix "${lexeme}" in pattern "${source}"`);
    return nonLiteralWord((norm) => norm.startsWith(prefix));
  }
  if (!wordShape.test(lexeme)) throw new Error(`Bad word "${lexeme}" in pattern "${source}"`);
  return literalWord(lexeme);
}

function literalWord(word: string): PatternNode {
  return { kind: 'word', test: (norm) => norm === word, literals: [word], other: null };
}

function nonLiteralWord(test: WordTest): PatternNode {
  return { kind: 'word', test, literals: [], other: test };
}

/** Folds a choice between single words into one word node (one set lookup, indexable). */
/**
 * Folds the single-word options of a choice into one word node (one set lookup, indexable);
 * phrases stay as separate options next to it.
 */
function simplifyChoice(options: readonly PatternNode[]): PatternNode {
  const words: Extract<PatternNode, { kind: 'word' }>[] = [];
  const phrases: PatternNode[] = [];
  for (const option of options) {
    const single = option.kind === 'seq' && option.items.length === 1 ? option.items[0] : option;
    if (single?.kind === 'word') words.push(single);
    else phrases.push(option);
  }
  if (words.length === 0) return phrases.length === 1 ? (phrases[0] as PatternNode) : { kind: 'alt', options: phrases };
  const literals = words.flatMap((word) => word.literals);
  const literalSet = new Set(literals);
  const tests = words.flatMap((word) => (word.other === null ? [] : [word.other]));
  const other: WordTest | null = tests.length === 0 ? null : anyTest(tests);
  const test: WordTest =
    other === null ? (norm) => literalSet.has(norm) : (norm) => literalSet.has(norm) || other(norm);
  const merged: PatternNode = { kind: 'word', test, literals, other };
  return phrases.length === 0 ? merged : { kind: 'alt', options: [merged, ...phrases] };
}

function parsePattern(source: string): PatternNode {
  const lexemes = expandWordClasses(source)
    .replaceAll('(', ' ( ')
    .replaceAll(')', ' ) ')
    .replaceAll('|', ' | ')
    .replace(/\)\s+\?/g, ')?')
    .trim()
    .split(/\s+/);
  let position = 0;

  const parseChoice = (): PatternNode => {
    const options: PatternNode[] = [];
    let items: PatternNode[] = [];
    while (position < lexemes.length) {
      const lexeme = lexemes[position] ?? '';
      if (lexeme === ')' || lexeme === ')?') break;
      position++;
      if (lexeme === '|') {
        options.push({ kind: 'seq', items });
        items = [];
      } else if (lexeme === '(') {
        const group = parseChoice();
        const closing = lexemes[position];
        if (closing !== ')' && closing !== ')?') throw new Error(`Unclosed group in pattern "${source}"`);
        position++;
        items.push(closing === ')?' ? { kind: 'opt', node: group } : group);
      } else if (lexeme.length > 1 && lexeme.endsWith('?')) {
        items.push({ kind: 'opt', node: parseWord(lexeme.slice(0, -1), source) });
      } else {
        items.push(parseWord(lexeme, source));
      }
    }
    options.push({ kind: 'seq', items });
    if (options.some((option) => option.kind === 'seq' && option.items.length === 0)) {
      throw new Error(`Empty alternative in pattern "${source}"`);
    }
    return simplifyChoice(options);
  };

  const root = parseChoice();
  if (position !== lexemes.length) throw new Error(`Unbalanced ")" in pattern "${source}"`);
  return root;
}

/** A pattern linked to its continuation, run by a backtracking loop that allocates nothing. */
type Program =
  | { kind: 'word'; test: WordTest; next: Program }
  | { kind: 'split'; branches: readonly Program[] }
  | { kind: 'choice'; byFirstWord: ReadonlyMap<string, readonly Program[]>; others: readonly Program[] }
  | { kind: 'gap'; min: number; max: number; next: Program }
  | { kind: 'anchor'; at: 'start' | 'end'; next: Program }
  | { kind: 'match' };

function link(node: PatternNode, next: Program): Program {
  switch (node.kind) {
    case 'word':
      return { kind: 'word', test: node.test, next };
    case 'seq':
      return node.items.reduceRight<Program>((continuation, item) => link(item, continuation), next);
    case 'alt':
      return linkChoice(node.options, next);
    case 'opt':
      return { kind: 'split', branches: [link(node.node, next), next] };
    case 'gap':
      return { kind: 'gap', min: node.min, max: node.max, next };
    case 'anchor':
      return { kind: 'anchor', at: node.at, next };
    default: {
      const unreachable: never = node;
      throw new Error(`Unknown pattern node ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A choice between many options (long phrase lists) is indexed by the options' first words, so
 * only the options that can start at the current token are tried.
 */
function linkChoice(options: readonly PatternNode[], next: Program): Program {
  const byFirstWord = new Map<string, Program[]>();
  const others: Program[] = [];
  for (const option of options) {
    const linked = link(option, next);
    const first = firstWords(option);
    if (first.nullable || first.tests.length > 0 || first.literals.length === 0) {
      others.push(linked);
      continue;
    }
    for (const literal of new Set(first.literals)) {
      const list = byFirstWord.get(literal);
      if (list) list.push(linked);
      else byFirstWord.set(literal, [linked]);
    }
  }
  if (byFirstWord.size === 0) return { kind: 'split', branches: others };
  return { kind: 'choice', byFirstWord, others };
}

/** End (exclusive) of the first way the program matches from pos without passing limit, or -1. */
function run(program: Program, tokens: readonly Token[], pos: number, limit: number): number {
  switch (program.kind) {
    case 'match':
      return pos;
    case 'word': {
      const token = tokens[pos];
      if (pos >= limit || token === undefined || token.opaque || !program.test(token.norm)) return -1;
      return run(program.next, tokens, pos + 1, limit);
    }
    case 'split':
      for (const branch of program.branches) {
        const end = run(branch, tokens, pos, limit);
        if (end >= 0) return end;
      }
      return -1;
    case 'choice': {
      const token = tokens[pos];
      const indexed =
        pos < limit && token !== undefined && !token.opaque ? program.byFirstWord.get(token.norm) : undefined;
      for (const branch of indexed ?? []) {
        const end = run(branch, tokens, pos, limit);
        if (end >= 0) return end;
      }
      for (const branch of program.others) {
        const end = run(branch, tokens, pos, limit);
        if (end >= 0) return end;
      }
      return -1;
    }
    case 'anchor': {
      const before = tokens[pos - 1];
      const after = tokens[pos];
      const atBoundary =
        program.at === 'start'
          ? before === undefined || before.sentence !== after?.sentence
          : pos >= limit || after === undefined || after.sentence !== before?.sentence;
      return atBoundary ? run(program.next, tokens, pos, limit) : -1;
    }
    case 'gap':
      for (let count = program.min; count <= program.max && pos + count <= limit; count++) {
        const end = run(program.next, tokens, pos + count, limit);
        if (end >= 0) return end;
      }
      return -1;
    default: {
      const unreachable: never = program;
      throw new Error(`Unknown program ${JSON.stringify(unreachable)}`);
    }
  }
}

interface FirstWords {
  literals: string[];
  tests: WordTest[];
  nullable: boolean;
}

function firstWords(node: PatternNode): FirstWords {
  switch (node.kind) {
    case 'word':
      return { literals: [...node.literals], tests: node.other === null ? [] : [node.other], nullable: false };
    case 'gap':
      return { literals: [], tests: [() => true], nullable: node.min === 0 };
    case 'anchor':
      return { literals: [], tests: [], nullable: true };
    case 'opt':
      return { ...firstWords(node.node), nullable: true };
    case 'alt':
      return node.options.map(firstWords).reduce(mergeFirstWords, { literals: [], tests: [], nullable: false });
    case 'seq': {
      let merged: FirstWords = { literals: [], tests: [], nullable: true };
      for (const item of node.items) {
        merged = mergeFirstWords({ ...merged, nullable: false }, firstWords(item));
        if (!merged.nullable) return merged;
      }
      return merged;
    }
    default: {
      const unreachable: never = node;
      throw new Error(`Unknown pattern node ${JSON.stringify(unreachable)}`);
    }
  }
}

function mergeFirstWords(a: FirstWords, b: FirstWords): FirstWords {
  return {
    literals: [...a.literals, ...b.literals],
    tests: [...a.tests, ...b.tests],
    nullable: a.nullable || b.nullable,
  };
}

/** Parses and compiles a pattern; throws with the pattern text when it is malformed. */
export function compilePattern(source: string): CompiledPattern {
  const root = parsePattern(source);
  const program = link(root, { kind: 'match' });
  const first = firstWords(root);
  if (first.nullable) throw new Error(`Pattern "${source}" can match nothing`);
  const literals = [...new Set(first.literals)];
  const literalSet = new Set(literals);
  const tests = first.tests;
  const startTest: WordTest | null = tests.length === 0 ? null : anyTest(tests);
  const keywords = patternKeywords(root, literals);
  const keywordIds = keywords === null ? null : keywordIdsOf(keywords);
  return {
    keywords,
    possibleIn: (analysis) => keywordIds === null || holdsAnyKeyword(analysis, keywordIds),
    source,
    firstLiterals: literals,
    startTest,
    opensWithLiteral: (norm) => literalSet.has(norm),
    canStartAt: (norm) => literalSet.has(norm) || (startTest?.(norm) ?? false),
    matchAt: (tokens, pos, limit) => run(program, tokens, pos, limit),
  };
}
