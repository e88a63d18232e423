/**
 * Trains the classifier: one logistic regression per code over the hashed features of
 * text-features.ts, by stochastic gradient descent with L2 decay, in an order fixed by a seeded
 * generator, so the same data and settings always give the same weights.
 */
import { analyzeText } from '../tokenize.js';
import { type TClassifierWeights, weightScale } from './classifier-model.js';
import { createFeatureBuffer, extractFeatures } from './text-features.js';

/**
 * Codes that stand for a stated fact (a count, a date, a refund made offline): the classifier
 * cannot count or date, so these come from patterns and structured signals only.
 */
export const patternOnlyCodes: ReadonlySet<string> = new Set([
  'REFUND_THRESHOLD',
  'REPEAT_REFUND',
  'CANCELLATION_FEE_REFUND',
  'REPEAT_RMA',
  'STALE_REFUND',
]);

export interface TrainingExample {
  text: string;
  codes: readonly string[];
}

export interface TrainingSettings {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** A feature must occur in at least this many training messages. */
  minimumDocumentCount: number;
  /** Quantized weights smaller than this (in weightScale units) are dropped. */
  minimumStoredWeight: number;
}

export const defaultTrainingSettings: TrainingSettings = {
  seed: 17,
  epochs: 12,
  learningRate: 0.2,
  l2: 1e-5,
  minimumDocumentCount: 3,
  minimumStoredWeight: 60,
};

/** Mulberry32: a small seeded generator, enough for a reproducible shuffle. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function messageFeatures(text: string): number[] {
  const buffer = createFeatureBuffer();
  const count = extractFeatures(analyzeText(text), buffer);
  return [...new Set(buffer.hashes.subarray(0, count))].sort((a, b) => a - b);
}

export function trainClassifier(
  examples: readonly TrainingExample[],
  codes: readonly string[],
  settings: TrainingSettings,
  provenance: TClassifierWeights['training'],
): TClassifierWeights {
  const hashed = examples.map((example) => messageFeatures(example.text));
  const documentCount = new Map<number, number>();
  for (const features of hashed)
    for (const hash of features) documentCount.set(hash, (documentCount.get(hash) ?? 0) + 1);
  const vocabulary = [...documentCount.entries()]
    .filter(([, count]) => count >= settings.minimumDocumentCount)
    .map(([hash]) => hash)
    .sort((a, b) => a - b);
  const column = new Map(vocabulary.map((hash, index) => [hash, index]));
  const rows = hashed.map((features) => Int32Array.from(features.flatMap((hash) => column.get(hash) ?? [])));
  const labels = examples.map((example) => codes.map((code) => (example.codes.includes(code) ? 1 : 0)));

  const codeCount = codes.length;
  const weights = new Float64Array(vocabulary.length * codeCount);
  const bias = new Float64Array(codeCount);
  const random = seededRandom(settings.seed);
  const order = examples.map((_, index) => index);
  let step = 0;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(random() * (index + 1));
      [order[index], order[swap]] = [order[swap] ?? 0, order[index] ?? 0];
    }
    for (const exampleIndex of order) {
      const features = rows[exampleIndex] ?? new Int32Array();
      const label = labels[exampleIndex] ?? [];
      const rate = settings.learningRate / (1 + step / examples.length);
      step += 1;
      for (let code = 0; code < codeCount; code++) {
        let score = bias[code] ?? 0;
        for (const feature of features) score += weights[feature * codeCount + code] ?? 0;
        const gradient = (label[code] ?? 0) - 1 / (1 + Math.exp(-score));
        bias[code] = (bias[code] ?? 0) + rate * gradient;
        for (const feature of features) {
          const at = feature * codeCount + code;
          const current = weights[at] ?? 0;
          weights[at] = current + rate * (gradient - settings.l2 * current);
        }
      }
    }
  }

  const features: number[] = [];
  const storedRows: number[][] = [];
  vocabulary.forEach((hash, index) => {
    const row: number[] = [];
    for (let code = 0; code < codeCount; code++) {
      const quantized = Math.round((weights[index * codeCount + code] ?? 0) * weightScale);
      if (Math.abs(quantized) >= settings.minimumStoredWeight) row.push(code, quantized);
    }
    if (row.length > 0) {
      features.push(hash);
      storedRows.push(row);
    }
  });
  return {
    training: provenance,
    codes: [...codes],
    bias: Array.from(bias, (value) => Math.round(value * weightScale)),
    thresholds: codes.map(() => null),
    features,
    rows: storedRows,
  };
}
