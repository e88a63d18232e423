/**
 * Features of a message for the statistical signal: word unigrams and bigrams and character
 * 4-grams of each word, every one hashed to a 32-bit number. Words in the reach of a negation
 * ("not going to sue") get a different hash from the same words asserted, so "sue" and "not … sue"
 * weigh differently. Extraction writes into a caller-owned buffer: no allocation per message.
 */
import { negationBarrierWords, negationReleaseWords, negationWindow, negatorWords } from '../language.js';
import type { TextAnalysis } from '../tokenize.js';

/** Reusable output of extractFeatures: feature hashes and the token each came from. */
export interface FeatureBuffer {
  hashes: Int32Array;
  tokens: Int32Array;
  count: number;
}

const unigramSeed = 0x811c9dc5;
const negatedSeed = 0x2f6b1c3d;
const bigramSalt = 0x5bd1e995;
const charGramSeed = 0x1b873593;
const charGramLength = 4;
/** Words longer than this contribute no character n-grams (ids, links, run-ons). */
const longestGrammedWord = 24;

export function createFeatureBuffer(capacity = 4096): FeatureBuffer {
  return { hashes: new Int32Array(capacity), tokens: new Int32Array(capacity), count: 0 };
}

function hashString(text: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The feature of one asserted (not negated) word: how a hand-written model names a word. */
export function wordFeatureHash(norm: string): number {
  return hashString(norm, unigramSeed);
}

function mix(first: number, second: number): number {
  let hash = Math.imul(first ^ bigramSalt, 0x85ebca6b) ^ second;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}

/** Hash of a character n-gram of the word padded with spaces (" sue ", " sued"). */
function charGramHash(word: string, from: number): number {
  let hash = charGramSeed;
  for (let offset = 0; offset < charGramLength; offset++) {
    const at = from + offset - 1;
    const code = at < 0 || at >= word.length ? 32 : word.charCodeAt(at);
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function grow(buffer: FeatureBuffer, needed: number): void {
  if (needed <= buffer.hashes.length) return;
  const capacity = Math.max(needed, buffer.hashes.length * 2);
  const hashes = new Int32Array(capacity);
  const tokens = new Int32Array(capacity);
  hashes.set(buffer.hashes);
  tokens.set(buffer.tokens);
  buffer.hashes = hashes;
  buffer.tokens = tokens;
}

function push(buffer: FeatureBuffer, hash: number, token: number): void {
  if (buffer.count === buffer.hashes.length) grow(buffer, buffer.count + 1);
  buffer.hashes[buffer.count] = hash;
  buffer.tokens[buffer.count] = token;
  buffer.count += 1;
}

/** Fills `buffer` with the features of the analyzed text; returns the number written. */
export function extractFeatures(analysis: TextAnalysis, buffer: FeatureBuffer): number {
  const { tokens } = analysis;
  buffer.count = 0;
  let previousHash = 0;
  let previousSentence = -1;
  let negationLeft = 0;
  let negationClause = -1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined || token.opaque) {
      previousHash = 0;
      continue;
    }
    const { norm } = token;
    if (token.clause !== negationClause || negationBarrierWords.has(norm)) negationLeft = 0;
    const negated = negationLeft > 0;
    if (negationLeft > 0) negationLeft -= 1;
    if (negatorWords.has(norm) && !negationReleaseWords.has(tokens[index + 1]?.norm ?? '')) {
      negationLeft = negationWindow;
      negationClause = token.clause;
    }
    const wordHash = hashString(norm, negated ? negatedSeed : unigramSeed);
    push(buffer, wordHash, index);
    if (token.sentence === previousSentence && previousHash !== 0) push(buffer, mix(previousHash, wordHash), index);
    previousHash = wordHash;
    previousSentence = token.sentence;
    if (norm.length >= 3 && norm.length <= longestGrammedWord) {
      for (let from = 0; from + charGramLength <= norm.length + 2; from++)
        push(buffer, charGramHash(norm, from), index);
    }
  }
  return buffer.count;
}
