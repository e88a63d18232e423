/**
 * The README's quality report: on each group of the split, patterns alone vs patterns plus the
 * classifier, both with today's patterns and with the patterns each set first met (first sight).
 */
import type { ClassifierModel } from '../src/detection/classifier/classifier-model.js';
import { canonicalTriggerDefinitions, compileDetector } from '../src/detection/index.js';
import { firstSightCombined, firstSightPatterns } from '../test/first-sight-evaluation.js';
import {
  type DetectCodes,
  evaluate,
  formatTable,
  loadLabeledMessages,
  patternCodes,
  score,
} from '../test/labeled-evaluation.js';
import { reportSetFiles, thresholdSetFiles } from '../test/labeled-split.js';

function summary(label: string, result: ReturnType<typeof evaluate>): string {
  const { precision, recall, f1 } = score(result.total);
  const trap = result.trapAccuracy === null ? '' : ` trap ${result.trapAccuracy.toFixed(3)}`;
  return `${label.padEnd(34)} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} exact ${result.exactSetShare.toFixed(3)}${trap}`;
}

export function formatSplitReport(model: ClassifierModel): string {
  const combinedDetector = compileDetector(canonicalTriggerDefinitions, { classifier: model });
  const combined: DetectCodes = (text) => [...new Set(combinedDetector.detect(text).map((hit) => hit.code))].sort();
  const firstSight: DetectCodes = (_text, id) => firstSightPatterns(id);
  const lines: string[] = [];
  for (const [group, files] of [
    ['threshold sets', thresholdSetFiles],
    ['report sets', reportSetFiles],
  ] as const) {
    const messages = files.flatMap(loadLabeledMessages);
    lines.push(`${group} (${files.join(', ')}; ${messages.length} messages)`);
    const runs = [
      ['first-sight patterns alone', evaluate(messages, firstSight)],
      ['first-sight patterns + classifier', evaluate(messages, firstSightCombined(model))],
      ['current patterns alone', evaluate(messages, patternCodes)],
      ['current patterns + classifier', evaluate(messages, combined)],
    ] as const;
    for (const [label, result] of runs) lines.push(summary(label, result));
    if (group === 'report sets') {
      for (const [label, result] of runs.slice(0, 2))
        lines.push(`\n${label}\n${formatTable(result.perCode, result.total)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
