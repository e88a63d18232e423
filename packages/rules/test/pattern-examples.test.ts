import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZTriggerDefinition } from '../src/detection/definition-schema.js';
import { canonicalTriggerDefinitions } from '../src/detection/index.js';
import { patternExampleCoverage } from '../src/detection/lint-definitions.js';
import { loadLabeledMessages } from './labeled-evaluation.js';

/**
 * Every cue pattern should be exercised by a labeled positive (a message with its code that it
 * matches) and a labeled negative (a message without its code that it matches, where its guards
 * keep the code out). Not all are yet; these ceilings only go down.
 */
const patternsWithoutPositive = 39;
const patternsWithoutNegative = 549;

describe('labeled examples per cue pattern', () => {
  it('no more patterns lack a positive or a negative example than before', () => {
    const files = readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.ndjson'));
    const messages = files.flatMap(loadLabeledMessages);
    const coverage = patternExampleCoverage(
      canonicalTriggerDefinitions.map((definition) => ZTriggerDefinition.parse(definition)),
      messages,
    );
    const withoutPositive = coverage.filter((entry) => entry.positives === 0);
    const withoutNegative = coverage.filter((entry) => entry.negatives === 0);
    console.log(
      `${coverage.length} cue patterns: ${withoutPositive.length} without a labeled positive, ${withoutNegative.length} without a labeled negative\n` +
        withoutPositive.map((entry) => `no positive: ${entry.code} ${entry.pattern}`).join('\n'),
    );
    expect(withoutPositive.length).toBeLessThanOrEqual(patternsWithoutPositive);
    expect(withoutNegative.length).toBeLessThanOrEqual(patternsWithoutNegative);
  }, 180_000);
});
