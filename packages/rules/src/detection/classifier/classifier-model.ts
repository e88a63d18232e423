/**
 * The statistical signal's model: one logistic regression per trigger code over hashed features
 * (text-features.ts), trained by `scripts/train-classifier.ts` and committed as
 * `classifier-weights.json`. Loaded once; scoring allocates nothing.
 */
import { z } from 'zod';
import type { TextAnalysis } from '../tokenize.js';
import { extractFeatures, type FeatureBuffer } from './text-features.js';

/** Weights are stored as integers: weight × weightScale, so the file is exact and diffable. */
export const weightScale = 1000;

function isIntegerList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}

/** Tens of thousands of numbers: checked by one loop each, not an element schema per number. */
const ZIntegerList = z.custom<number[]>(isIntegerList, 'expected a list of integers');
const ZIntegerRows = z.custom<number[][]>(
  (value) => Array.isArray(value) && value.every((row) => isIntegerList(row) && row.length % 2 === 0),
  'expected rows of [codeIndex, weight] integer pairs',
);

export const ZClassifierWeights = z.strictObject({
  /** How the model was trained, so a reader can reproduce it. */
  training: z.strictObject({
    seed: z.number().int(),
    epochs: z.number().int().positive(),
    trainedOn: z.array(z.string()),
    thresholdsChosenOn: z.array(z.string()),
    reportedOn: z.array(z.string()),
  }),
  codes: z.array(z.string()).min(1),
  /** Per code: intercept × weightScale. */
  bias: z.array(z.number().int()),
  /** Per code: the probability above which the signal may add the code; null = never. */
  thresholds: z.array(z.number().min(0).max(1).nullable()),
  /** Feature hashes, each with its row in `rows`. */
  features: ZIntegerList,
  /** Per feature: [codeIndex, weight × weightScale, codeIndex, weight × weightScale, …]. */
  rows: ZIntegerRows,
});
export type TClassifierWeights = z.infer<typeof ZClassifierWeights>;

export interface ClassifierModel {
  codes: readonly string[];
  /** Per code: the logit above which the code may be added; +Infinity = never. */
  logitThresholds: Float64Array;
  /**
   * Scores the features already in `buffer` into `logits` (one per code). Returns `logits`.
   * Call extractFeatures first (or use scoreText).
   */
  scoreFeatures(buffer: FeatureBuffer, logits: Float64Array): Float64Array;
  /** Extracts the text's features into `buffer` and scores them. */
  scoreText(analysis: TextAnalysis, buffer: FeatureBuffer, logits: Float64Array): Float64Array;
  /** The weight a feature gives a code (0 when unknown): used to explain a hit. */
  weightOf(featureHash: number, codeIndex: number): number;
}

export function logit(probability: number): number {
  return Math.log(probability / (1 - probability));
}

/**
 * Feature hash → row, an open-addressing table in two typed arrays: one multiply and a probe or
 * two per lookup, no hashing of boxed keys.
 */
function buildFeatureTable(features: readonly number[]) {
  let size = 1024;
  while (size < features.length * 2) size *= 2;
  const shift = 32 - Math.log2(size);
  const keys = new Int32Array(size);
  const rows = new Int32Array(size).fill(-1);
  const slotOf = (hash: number): number => Math.imul(hash, 0x9e3779b1) >>> shift;
  features.forEach((hash, row) => {
    let slot = slotOf(hash);
    while ((rows[slot] ?? -1) >= 0) slot = (slot + 1) & (size - 1);
    keys[slot] = hash;
    rows[slot] = row;
  });
  return (hash: number): number => {
    let slot = slotOf(hash);
    for (;;) {
      const row = rows[slot] ?? -1;
      if (row < 0 || keys[slot] === hash) return row;
      slot = (slot + 1) & (size - 1);
    }
  };
}

export function loadClassifierModel(input: unknown): ClassifierModel {
  const weights = ZClassifierWeights.parse(input);
  const rowOf = buildFeatureTable(weights.features);
  let entryCount = 0;
  for (const row of weights.rows) entryCount += row.length / 2;
  const entryCode = new Uint16Array(entryCount);
  const entryWeight = new Float64Array(entryCount);
  const rowFirst = new Int32Array(weights.features.length);
  const rowEnd = new Int32Array(weights.features.length);
  let next = 0;
  weights.rows.forEach((row, featureIndex) => {
    rowFirst[featureIndex] = next;
    for (let at = 0; at + 1 < row.length; at += 2) {
      entryCode[next] = row[at] ?? 0;
      entryWeight[next] = (row[at + 1] ?? 0) / weightScale;
      next += 1;
    }
    rowEnd[featureIndex] = next;
  });
  const bias = Float64Array.from(weights.bias, (value) => value / weightScale);
  const logitThresholds = Float64Array.from(weights.thresholds, (threshold) =>
    threshold === null ? Number.POSITIVE_INFINITY : logit(threshold),
  );
  /** Per row, the stamp of the last message that counted it: features count once (as in training). */
  const countedIn = new Int32Array(weights.features.length);
  let stamp = 0;

  const scoreFeatures = (buffer: FeatureBuffer, logits: Float64Array): Float64Array => {
    logits.set(bias);
    stamp += 1;
    for (let index = 0; index < buffer.count; index++) {
      const row = rowOf(buffer.hashes[index] ?? 0);
      if (row < 0 || countedIn[row] === stamp) continue;
      countedIn[row] = stamp;
      const end = rowEnd[row] ?? 0;
      for (let at = rowFirst[row] ?? 0; at < end; at++) {
        const code = entryCode[at] ?? 0;
        logits[code] = (logits[code] ?? 0) + (entryWeight[at] ?? 0);
      }
    }
    return logits;
  };

  return {
    codes: weights.codes,
    logitThresholds,
    scoreFeatures,
    scoreText(analysis, buffer, logits) {
      extractFeatures(analysis, buffer);
      return scoreFeatures(buffer, logits);
    },
    weightOf(featureHash, codeIndex) {
      const row = rowOf(featureHash);
      if (row < 0) return 0;
      const end = rowEnd[row] ?? 0;
      for (let at = rowFirst[row] ?? 0; at < end; at++) if (entryCode[at] === codeIndex) return entryWeight[at] ?? 0;
      return 0;
    },
  };
}
