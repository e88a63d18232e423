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
});
