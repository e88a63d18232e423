/**
 * The whole training run as one function: train on the training sets, choose per-code thresholds
 * on the threshold sets against first-sight patterns, and return the weights.
 * Used by train-classifier.ts and by the test that checks the committed file.
 */
import { chooseThresholds } from '../src/detection/classifier/choose-thresholds.js';
import { loadClassifierModel, type TClassifierWeights } from '../src/detection/classifier/classifier-model.js';
import {
  defaultTrainingSettings,
  patternOnlyCodes,
  trainClassifier,
} from '../src/detection/classifier/train-logistic.js';
import { canonicalTriggerDefinitions } from '../src/detection/index.js';
import { firstSightClassifierHits } from '../test/first-sight-evaluation.js';
import { loadLabeledMessages } from '../test/labeled-evaluation.js';
import { reportSetFiles, thresholdSetFiles, trainingSetFiles } from '../test/labeled-split.js';

/** Candidates below this probability are not worth a threshold. */
const lowestCandidateProbability = 0.05;

export function buildClassifierWeights(): TClassifierWeights {
  const codes = canonicalTriggerDefinitions
    .map((definition) => definition.code)
    .filter((code) => !patternOnlyCodes.has(code));
  const untrained = trainClassifier(trainingSetFiles.flatMap(loadLabeledMessages), codes, defaultTrainingSettings, {
    seed: defaultTrainingSettings.seed,
    epochs: defaultTrainingSettings.epochs,
    trainedOn: trainingSetFiles,
    thresholdsChosenOn: thresholdSetFiles,
    reportedOn: reportSetFiles,
  });
  const candidates = firstSightClassifierHits(loadClassifierModel(untrained), lowestCandidateProbability);
  const thresholds = chooseThresholds(codes, thresholdSetFiles.flatMap(loadLabeledMessages), candidates);
  return { ...untrained, thresholds };
}
