/**
 * Trains the statistical signal and writes src/detection/classifier/classifier-weights.json.
 * Deterministic: fixed seed and order, integer weights, so a rerun gives the same weights.
 * Split: test/labeled-split.ts; thresholds are chosen against first-sight patterns
 * (test/first-sight-evaluation.ts).
 *
 *   pnpm --filter @escalate/rules train               # train, choose thresholds, write
 *   pnpm --filter @escalate/rules train -- --report   # … and print patterns alone vs combined
 *   pnpm --filter @escalate/rules train -- --check    # exit 1 when the committed weights differ
 */
import { readFileSync } from 'node:fs';
import { loadClassifierModel } from '../src/detection/classifier/classifier-model.js';
import { buildClassifierWeights } from './classifier-training.js';
import { formatSplitReport } from './split-report.js';
import { writeFormattedJson } from './write-formatted-json.js';

const weightsFile = new URL('../src/detection/classifier/classifier-weights.json', import.meta.url);
const weights = buildClassifierWeights();

if (process.argv.includes('--check')) {
  const committed: unknown = JSON.parse(readFileSync(weightsFile, 'utf8'));
  if (JSON.stringify(committed) !== JSON.stringify(weights)) {
    console.error('classifier-weights.json differs from what scripts/train-classifier.ts produces');
    process.exit(1);
  }
  console.log('classifier-weights.json is what the training script produces');
} else {
  writeFormattedJson(weightsFile, weights);
  const chosen = weights.codes.map((code, index) => `${code} ${weights.thresholds[index] ?? 'never'}`);
  console.log(`${weights.features.length} features; thresholds: ${chosen.join(', ')}`);
}
if (process.argv.includes('--report')) console.log(formatSplitReport(loadClassifierModel(weights)));
