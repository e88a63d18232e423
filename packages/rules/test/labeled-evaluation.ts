import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { canonicalTriggerDefinitions, compileDetector } from '../src/detection/index.js';

const ZLabeledMessage = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  codes: z.array(z.string()),
  /** A trap: negation, word boundary, third party, conditional…; scored as an exact set match. */
  trap: z.boolean().optional(),
});
export type TLabeledMessage = z.infer<typeof ZLabeledMessage>;

/** One NDJSON line of a labeled set, validated. */
export function parseLabeledLine(line: string): TLabeledMessage {
  return ZLabeledMessage.parse(JSON.parse(line));
}

/** Reads one `*.ndjson` labeled set that sits beside this file. */
export function loadLabeledMessages(fileName: string): TLabeledMessage[] {
  return readFileSync(new URL(`./${fileName}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseLabeledLine);
}

/** The combined detector (patterns, then the classifier where they are silent): the one decisions use. */
export const detector = compileDetector(canonicalTriggerDefinitions);
/** Patterns alone, for comparison. */
export const patternDetector = compileDetector(canonicalTriggerDefinitions, { classifier: null });
export const canonicalCodes = canonicalTriggerDefinitions.map((definition) => definition.code);

/** The codes a detector finds in a labeled message (by text; `id` for recorded outputs). */
export type DetectCodes = (text: string, id: string) => string[];

export function detectedCodes(text: string): string[] {
  return [...new Set(detector.detect(text).map((hit) => hit.code))].sort();
}

export function patternCodes(text: string): string[] {
  return [...new Set(patternDetector.detect(text).map((hit) => hit.code))].sort();
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function score(counts: Counts): { precision: number; recall: number; f1: number } {
  const predicted = counts.truePositives + counts.falsePositives;
  const actual = counts.truePositives + counts.falseNegatives;
  const precision = predicted === 0 ? 1 : counts.truePositives / predicted;
  const recall = actual === 0 ? 1 : counts.truePositives / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Scores a detector on labeled messages: per-code counts, their micro total, exact-set matches
 * and trap accuracy (share of `trap` messages whose detected set equals the labeled set).
 */
export function evaluate(messages: readonly TLabeledMessage[], detect: DetectCodes = detectedCodes) {
  const perCode = new Map<string, Counts>(
    canonicalCodes.map((code) => [code, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  );
  const mistakes: string[] = [];
  let exactMatches = 0;
  let traps = 0;
  let trapsRight = 0;
  for (const message of messages) {
    const expected = new Set(message.codes);
    const actual = new Set(detect(message.text, message.id));
    for (const code of new Set([...expected, ...actual])) {
      const counts = perCode.get(code);
      if (!counts) throw new Error(`${message.id}: unknown code ${code}`);
      if (expected.has(code) && actual.has(code)) counts.truePositives++;
      else if (actual.has(code)) counts.falsePositives++;
      else counts.falseNegatives++;
    }
    const missing = [...expected].filter((code) => !actual.has(code));
    const extra = [...actual].filter((code) => !expected.has(code));
    const exact = missing.length === 0 && extra.length === 0;
    if (exact) exactMatches++;
    if (message.trap) {
      traps++;
      if (exact) trapsRight++;
    }
    if (!exact) mistakes.push(`${message.id} missing=[${missing}] extra=[${extra}] ${message.text}`);
  }
  const total: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const counts of perCode.values()) {
    total.truePositives += counts.truePositives;
    total.falsePositives += counts.falsePositives;
    total.falseNegatives += counts.falseNegatives;
  }
  const exactSetShare = messages.length === 0 ? 1 : exactMatches / messages.length;
  const trapAccuracy = traps === 0 ? null : trapsRight / traps;
  return { perCode, total, mistakes, exactSetShare, traps, trapAccuracy };
}

export function formatTable(perCode: Map<string, Counts>, total: Counts): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}`.padStart(6);
  const lines = [`${'code'.padEnd(30)}  support     P      R     F1   tp  fp  fn`];
  const row = (name: string, counts: Counts) => {
    const { precision, recall, f1 } = score(counts);
    const support = counts.truePositives + counts.falseNegatives;
    const tally = [counts.truePositives, counts.falsePositives, counts.falseNegatives].map((n) => `${n}`.padStart(3));
    return `${name.padEnd(30)}  ${`${support}`.padStart(7)} ${percent(precision)} ${percent(recall)} ${percent(f1)} ${tally.join(' ')}`;
  };
  for (const [code, counts] of perCode) lines.push(row(code, counts));
  lines.push(row('micro average', total));
  return lines.join('\n');
}
