import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalCodes, evaluate, formatTable, loadLabeledMessages, score } from './labeled-evaluation.js';

/**
 * Held-out sets written from the code definitions in REQUIREMENTS.md, never tuned against.
 * They are a report of how detection generalizes, so no floor is enforced on their scores.
 * Scored with the combined detector (patterns, then the classifier), the one decisions use; a
 * set whose messages carry `"trap": true` also reports trap accuracy.
 */
const heldOutSetFiles = [
  'labeled-holdout.ndjson',
  'labeled-holdout-2.ndjson',
  'labeled-holdout-3.ndjson',
  'labeled-holdout-4.ndjson',
  'labeled-holdout-5.ndjson',
  'labeled-holdout-6.ndjson',
  'labeled-holdout-7.ndjson',
  'labeled-holdout-8.ndjson',
  'labeled-holdout-9.ndjson',
  'labeled-holdout-10.ndjson',
  'labeled-holdout-11.ndjson',
  'labeled-holdout-12.ndjson',
  'labeled-holdout-13.ndjson',
  'labeled-holdout-14.ndjson',
  'labeled-holdout-15.ndjson',
  'labeled-holdout-16.ndjson',
  'labeled-holdout-17.ndjson',
  'labeled-holdout-18.ndjson',
  'labeled-holdout-19.ndjson',
  'labeled-holdout-20.ndjson',
].filter((fileName) => existsSync(new URL(`./${fileName}`, import.meta.url)));

describe('held-out labeled messages (report only)', () => {
  for (const fileName of heldOutSetFiles) {
    it(`${fileName}: labeled with canonical codes only; per-code precision, recall and F1`, () => {
      const messages = loadLabeledMessages(fileName);
      expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
      const known = new Set(canonicalCodes);
      for (const message of messages) for (const code of message.codes) expect(known).toContain(code);
      const { perCode, total, mistakes, exactSetShare, traps, trapAccuracy } = evaluate(messages);
      const { precision, recall, f1 } = score(total);
      const trapLine =
        trapAccuracy === null ? 'no trap messages' : `trap accuracy ${trapAccuracy.toFixed(3)} (${traps})`;
      console.log(
        `${fileName}: ${messages.length} messages, micro P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}, exact sets ${exactSetShare.toFixed(3)}, ${trapLine}\n` +
          `${formatTable(perCode, total)}\n\nmismatches (${mistakes.length}):\n${mistakes.join('\n')}`,
      );
    });
  }
});
