/** The committed classifier weights (trained by `scripts/train-classifier.ts`), loaded once. */

import { type ClassifierModel, loadClassifierModel } from './classifier-model.js';
import weights from './classifier-weights.json' with { type: 'json' };

let loaded: ClassifierModel | undefined;

export function shippedClassifierModel(): ClassifierModel {
  loaded ??= loadClassifierModel(weights);
  return loaded;
}
