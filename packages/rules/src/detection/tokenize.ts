import { clauseOpenerWords, questionLeadInWords, questionOpenerWords } from './language.js';

/** One word of a message, lower-cased and without diacritics, with its UTF-16 span. */
export interface Token {
  /** Normalized form that patterns compare against. */
  norm: string;
  start: number;
  end: number;
  sentence: number;
  clause: number;
  /** Emails and links: never matched by word patterns. */
  opaque: boolean;
}

export interface SentenceSpan {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  end: number;
  /** Ends in "?" and opens with a question word or auxiliary. */
  question: boolean;
}

/** Token range [first, end) of one clause. */
export interface ClauseSpan {
  first: number;
  end: number;
}

export interface TextAnalysis {
  tokens: Token[];
  sentences: SentenceSpan[];
  /** Clause spans by clause number (Token.clause). */
  clauses: ReadonlyMap<number, ClauseSpan>;
}

const foldedChars = buildFoldTable();

function buildFoldTable(): Map<number, string> {
  const table = new Map<number, string>();
  for (let code = 0xc0; code <= 0x24f; code++) {
    const base = String.fromCharCode(code).normalize('NFD').charAt(0).toLowerCase();
    if (base.length === 1 && base >= 'a' && base <= 'z') table.set(code, base);
  }
  for (const quote of ['\u2019', '\u2018', '\u00b4', '\u02bc', '`']) table.set(quote.charCodeAt(0), "'");
  for (const dash of ['\u2013', '\u2014']) table.set(dash.charCodeAt(0), '\u2014');
  for (const quote of ['\u201c', '\u201d']) table.set(quote.charCodeAt(0), '"');
  return table;
}

const nonAscii = /[\u0080-\uffff]/;

/** Lower-cases and strips diacritics one UTF-16 unit at a time, so offsets stay valid. */
export function foldText(text: string): string {
  if (!nonAscii.test(text)) return text.toLowerCase();
  let folded = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(index);
    } else {
      folded += foldedChars.get(code) ?? text.charAt(index);
    }
  }
  return folded;
}

// Groups: 1 opaque (email/link), 2 masked word (f***, sh*t), 3 word, 4 sentence end, 5 clause break, 6 ampersand.
const tokenPattern =
  /([a-z0-9._%+-]+@[a-z0-9.-]+|https?:\/\/\S+|www\.\S+)|([a-z]+\*+[a-z]*)|([a-z0-9]+(?:[.,][0-9]+)*(?:'[a-z]+)*\+?)|([.!?]+|\n)|([,;:()[\]"\u2014]|\s-+\s)|(&)/g;

/** Norm of a word masked with asterisks (f***, b****, sh*t): nearly always a swear word. */
export const maskedWordNorm = 'maskedprofanity';

/** Words whose trailing "." does not end a sentence. */
const abbreviations: ReadonlySet<string> = new Set([
  'mr',
  'ms',
  'mrs',
  'mx',
  'dr',
  'st',
  'vs',
  'jr',
  'sr',
  'etc',
  'approx',
  'appt',
  'dept',
  'co',
  'inc',
]);

/** "No." abbreviates "number" only when a number follows ("No. 5"); otherwise it ends a sentence. */
const numberAbbreviations: ReadonlySet<string> = new Set(['no', 'nos']);
const followedByNumber = /^\s*#?\d/;

/** Spelled-out contractions, with and without the apostrophe. */
const contractionExpansions: ReadonlyMap<string, readonly string[]> = new Map([
  ["won't", ['will', 'not']],
  ['wont', ['will', 'not']],
  ["can't", ['can', 'not']],
  ['cant', ['can', 'not']],
  ["ain't", ['is', 'not']],
  ["shan't", ['shall', 'not']],
  ['dont', ['do', 'not']],
  ['doesnt', ['does', 'not']],
  ['didnt', ['did', 'not']],
  ['isnt', ['is', 'not']],
  ['wasnt', ['was', 'not']],
  ['arent', ['are', 'not']],
  ['werent', ['were', 'not']],
  ['havent', ['have', 'not']],
  ['hasnt', ['has', 'not']],
  ['hadnt', ['had', 'not']],
  ['wouldnt', ['would', 'not']],
  ['shouldnt', ['should', 'not']],
  ['couldnt', ['could', 'not']],
  ['im', ['i', 'am']],
  ['ive', ['i', 'have']],
  ['youre', ['you', 'are']],
  ['theyre', ['they', 'are']],
  ['thats', ['that', 'is']],
  ['whats', ['what', 'is']],
]);

const apostropheSuffixes: ReadonlyMap<string, string> = new Map([
  ['ll', 'will'],
  ['m', 'am'],
  ['ve', 'have'],
  ['re', 'are'],
  ['d', 'would'],
]);

const subjectsTakingIs: ReadonlySet<string> = new Set([
  'it',
  'that',
  'there',
  'he',
  'she',
  'what',
  'who',
  'where',
  'here',
  'whoever',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'nobody',
  'everything',
  'nothing',
  'something',
  'how',
  'why',
  'when',
  'this',
]);

function expandWord(word: string): readonly string[] {
  const listed = contractionExpansions.get(word);
  if (listed) return listed;
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) return [word];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  const base = word.slice(0, apostrophe);
  const suffix = word.slice(apostrophe + 1);
  if (suffix === 's') return subjectsTakingIs.has(base) ? [base, 'is'] : [base];
  const expanded = apostropheSuffixes.get(suffix);
  return expanded ? [base, expanded] : [word.replaceAll("'", '')];
}

/** Splits a message into tokens, sentences and clauses. */
export function analyzeText(text: string): TextAnalysis {
  const folded = foldText(text);
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceFirst = 0;
  let lastBoundaryWasClause = true;

  const closeSentence = (question: boolean): void => {
    if (tokens.length > sentenceFirst) {
      let opener = tokens[sentenceFirst]?.norm ?? '';
      for (let index = sentenceFirst + 1; questionLeadInWords.has(opener) && index < tokens.length; index++) {
        opener = tokens[index]?.norm ?? '';
      }
      sentences.push({
        first: sentenceFirst,
        end: tokens.length,
        question: question && questionOpenerWords.has(opener),
      });
      sentence++;
      clause++;
      sentenceFirst = tokens.length;
    }
    lastBoundaryWasClause = true;
  };

  for (const match of folded.matchAll(tokenPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      tokens.push({
        norm: match[1],
        start,
        end,
        sentence,
        clause,
        opaque: true,
      });
      lastBoundaryWasClause = false;
    } else if (match[2] !== undefined) {
      tokens.push({ norm: maskedWordNorm, start, end, sentence, clause, opaque: false });
      lastBoundaryWasClause = false;
    } else if (match[3] !== undefined) {
      for (const part of expandWord(match[3].replaceAll(',', ''))) {
        if (clauseOpenerWords.has(part) && !lastBoundaryWasClause) clause++;
        tokens.push({
          norm: part,
          start,
          end,
          sentence,
          clause,
          opaque: false,
        });
        lastBoundaryWasClause = false;
      }
    } else if (match[4] !== undefined) {
      const previous = tokens[tokens.length - 1];
      const touchesPrevious = match[4] === '.' && previous !== undefined && previous.end === start;
      const afterAbbreviation =
        touchesPrevious &&
        (abbreviations.has(previous.norm) ||
          (numberAbbreviations.has(previous.norm) && followedByNumber.test(folded.slice(end))));
      if (!afterAbbreviation) closeSentence(match[4].includes('?'));
    } else if (match[5] !== undefined) {
      if (!lastBoundaryWasClause) clause++;
      lastBoundaryWasClause = true;
    } else {
      tokens.push({ norm: '&', start, end, sentence, clause, opaque: false });
      lastBoundaryWasClause = false;
    }
  }
  closeSentence(false);
  const clauses = new Map<number, ClauseSpan>();
  tokens.forEach((token, index) => {
    const span = clauses.get(token.clause);
    if (span) span.end = index + 1;
    else clauses.set(token.clause, { first: index, end: index + 1 });
  });
  return { tokens, sentences, clauses };
}
