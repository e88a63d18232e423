import type { Token } from './tokenize.js';

/**
 * Token patterns, written as text in the trigger definitions and compiled once.
 *
 * - `word` matches one token exactly; `|` separates alternatives and binds loosest, so
 *   `(talk to|speak with) sup` is "talk to sup" or "speak with sup".
 * - `pre*` matches tokens starting with `pre`; `~word` also accepts one typo (insertion,
 *   deletion, substitution or swap) when the word has at least 6 letters.
 * - `_` is any one token, `_{0,3}` zero to three tokens, `#` a number.
 * - `word?` and `( … )?` are optional.
 */

export type WordTest = (norm: string) => boolean;

type PatternNode =
  | { kind: 'word'; test: WordTest; literals: readonly string[] | null }
  | { kind: 'seq'; items: readonly PatternNode[] }
  | { kind: 'alt'; options: readonly PatternNode[] }
  | { kind: 'opt'; node: PatternNode }
  | { kind: 'gap'; min: number; max: number };

type Continue = (end: number) => boolean;
type Step = (tokens: readonly Token[], pos: number, limit: number, next: Continue) => boolean;

export interface CompiledPattern {
  source: string;
  /** Tokens that may open a match; null when the opening is not a fixed word list. */
  firstLiterals: readonly string[] | null;
  /** Whether a token can open a match (used when firstLiterals is null). */
  canStartAt: WordTest;
  /** End (exclusive) of the first match that starts at pos and stays before limit, or -1. */
  matchAt(tokens: readonly Token[], pos: number, limit: number): number;
}

const minimumFuzzyLength = 6;
const wordShape = /^[a-z0-9+&']+$/;

/** True when a and b differ by at most one insertion, deletion, substitution or swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (lengthGap > 1 || lengthGap < -1) return false;
  const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
  let index = 0;
  while (index < shorter.length && longer[index] === shorter[index]) index++;
  if (longer.length !== shorter.length) return longer.slice(index + 1) === shorter.slice(index);
  if (longer.slice(index + 1) === shorter.slice(index + 1)) return true;
  return (
    longer[index] === shorter[index + 1] &&
    longer[index + 1] === shorter[index] &&
    longer.slice(index + 2) === shorter.slice(index + 2)
  );
}

function parseWord(lexeme: string, source: string): PatternNode {
  if (lexeme === '_') return { kind: 'gap', min: 1, max: 1 };
  const gap = /^_\{(\d+),(\d+)\}$/.exec(lexeme);
  if (gap) return { kind: 'gap', min: Number(gap[1]), max: Number(gap[2]) };
  if (lexeme === '#') return { kind: 'word', test: (norm) => /^[0-9]/.test(norm), literals: null };
  if (lexeme.startsWith('~')) {
    const word = lexeme.slice(1);
    if (!wordShape.test(word)) throw new Error(`Bad word "${lexeme}" in pattern "${source}"`);
    if (word.length < minimumFuzzyLength) return { kind: 'word', test: (norm) => norm === word, literals: [word] };
    return { kind: 'word', test: (norm) => withinOneEdit(norm, word), literals: null };
  }
  if (lexeme.endsWith('*')) {
    const prefix = lexeme.slice(0, -1);
    if (!wordShape.test(prefix)) throw new Error(`Bad prefix "${lexeme}" in pattern "${source}"`);
    return { kind: 'word', test: (norm) => norm.startsWith(prefix), literals: null };
  }
  if (!wordShape.test(lexeme)) throw new Error(`Bad word "${lexeme}" in pattern "${source}"`);
  return { kind: 'word', test: (norm) => norm === lexeme, literals: [lexeme] };
}

/** Folds a choice between single words into one word node (one set lookup, indexable). */
function simplifyChoice(options: readonly PatternNode[]): PatternNode {
  const single = options.map((option) =>
    option.kind === 'seq' && option.items.length === 1 ? option.items[0] : option,
  );
  if (single.length === 1) return single[0] as PatternNode;
  const words = single.filter((node): node is Extract<PatternNode, { kind: 'word' }> => node?.kind === 'word');
  if (words.length !== single.length) return { kind: 'alt', options };
  const literals = words.flatMap((word) => word.literals ?? []);
  const literalSet = new Set(literals);
  const tests = words.filter((word) => word.literals === null).map((word) => word.test);
  if (tests.length === 0) return { kind: 'word', test: (norm) => literalSet.has(norm), literals };
  return { kind: 'word', test: (norm) => literalSet.has(norm) || tests.some((test) => test(norm)), literals: null };
}

function parsePattern(source: string): PatternNode {
  const lexemes = source
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

function compileNode(node: PatternNode): Step {
  switch (node.kind) {
    case 'word': {
      const { test } = node;
      return (tokens, pos, limit, next) => {
        const token = tokens[pos];
        return pos < limit && token !== undefined && !token.opaque && test(token.norm) && next(pos + 1);
      };
    }
    case 'seq': {
      const steps = node.items.map(compileNode);
      const run = (index: number): Step => {
        const step = steps[index];
        if (step === undefined) return (_tokens, pos, _limit, next) => next(pos);
        const rest = run(index + 1);
        return (tokens, pos, limit, next) => step(tokens, pos, limit, (end) => rest(tokens, end, limit, next));
      };
      return run(0);
    }
    case 'alt': {
      const steps = node.options.map(compileNode);
      return (tokens, pos, limit, next) => steps.some((step) => step(tokens, pos, limit, next));
    }
    case 'opt': {
      const step = compileNode(node.node);
      return (tokens, pos, limit, next) => step(tokens, pos, limit, next) || next(pos);
    }
    case 'gap': {
      const { min, max } = node;
      return (_tokens, pos, limit, next) => {
        for (let count = min; count <= max && pos + count <= limit; count++) {
          if (next(pos + count)) return true;
        }
        return false;
      };
    }
    default: {
      const unreachable: never = node;
      throw new Error(`Unknown pattern node ${JSON.stringify(unreachable)}`);
    }
  }
}

interface FirstWords {
  literals: string[] | null;
  tests: WordTest[];
  nullable: boolean;
}

function firstWords(node: PatternNode): FirstWords {
  switch (node.kind) {
    case 'word':
      return node.literals
        ? { literals: [...node.literals], tests: [], nullable: false }
        : { literals: null, tests: [node.test], nullable: false };
    case 'gap':
      return { literals: null, tests: [() => true], nullable: node.min === 0 };
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
  const literals = a.literals && b.literals ? [...a.literals, ...b.literals] : null;
  const tests = [...a.tests, ...b.tests];
  if (!literals) {
    for (const list of [a.literals, b.literals]) {
      if (list && list.length > 0) {
        const set = new Set(list);
        tests.push((norm) => set.has(norm));
      }
    }
  }
  return { literals, tests, nullable: a.nullable || b.nullable };
}

/** Parses and compiles a pattern; throws with the pattern text when it is malformed. */
export function compilePattern(source: string): CompiledPattern {
  const root = parsePattern(source);
  const step = compileNode(root);
  const first = firstWords(root);
  if (first.nullable) throw new Error(`Pattern "${source}" can match nothing`);
  const tests = first.tests;
  let foundEnd = -1;
  const record: Continue = (end) => {
    foundEnd = end;
    return true;
  };
  return {
    source,
    firstLiterals: first.literals,
    canStartAt: (norm) => tests.some((test) => test(norm)),
    matchAt(tokens, pos, limit) {
      foundEnd = -1;
      step(tokens, pos, limit, record);
      return foundEnd;
    },
  };
}
