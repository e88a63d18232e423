import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClassifierWeights } from '../scripts/classifier-training.js';
import { ZClassifierWeights } from '../src/detection/classifier/classifier-model.js';
import { shippedClassifierModel } from '../src/detection/classifier/shipped-classifier.js';

describe('committed classifier weights', () => {
  it('load, and are exactly what scripts/train-classifier.ts produces (fixed seed, deterministic)', () => {
    const committed = ZClassifierWeights.parse(
      JSON.parse(readFileSync(new URL('../src/detection/classifier/classifier-weights.json', import.meta.url), 'utf8')),
    );
    expect(committed.codes).toEqual(shippedClassifierModel().codes);
    expect(JSON.stringify(buildClassifierWeights()) === JSON.stringify(committed)).toBe(true);
  }, 180_000);

  it('are validated when loaded: rows are [codeIndex, weight] integer pairs', () => {
    const valid = {
      training: { seed: 1, epochs: 1, trainedOn: [], thresholdsChosenOn: [], reportedOn: [] },
      codes: ['LEGAL_THREAT'],
      bias: [0],
      thresholds: [0.5],
      features: [7],
      rows: [[0, 120]],
    };
    expect(ZClassifierWeights.safeParse(valid).success).toBe(true);
    expect(ZClassifierWeights.safeParse({ ...valid, rows: [[0]] }).success).toBe(false);
    expect(ZClassifierWeights.safeParse({ ...valid, rows: [[0, 1.5]] }).success).toBe(false);
    expect(ZClassifierWeights.safeParse({ ...valid, features: ['7'] }).success).toBe(false);
  });
});
