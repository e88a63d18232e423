/**
 * How the labeled sets are used by the classifier: trained on the first group, its per-code
 * thresholds chosen on the second, and its quality reported (README) on the third, which neither
 * training nor threshold choice has seen.
 */
export const trainingSetFiles = [
  'labeled-messages.ndjson',
  'labeled-holdout.ndjson',
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((set) => `labeled-holdout-${set}.ndjson`),
];
export const thresholdSetFiles = [13, 14, 15].map((set) => `labeled-holdout-${set}.ndjson`);
export const reportSetFiles = [16, 17, 18].map((set) => `labeled-holdout-${set}.ndjson`);
