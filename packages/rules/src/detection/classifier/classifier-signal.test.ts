import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../engine/compile-policy.js';
import { evaluate, parseEvaluationInput } from '../../engine/evaluate.js';
import { getShippedPolicyPack } from '../../packs/index.js';
import { scenarioInput } from '../../testing/evaluation-kit.js';
import { compileDetector } from '../compile-detector.js';
import { canonicalTriggerDefinitions } from '../definitions/index.js';
import { loadClassifierModel, weightScale } from './classifier-model.js';
import { wordFeatureHash } from './text-features.js';

/** A hand-written model: each listed word alone pushes its code over a 0.5 threshold. */
function wordModel(words: Record<string, string>) {
  const codes = [...new Set(Object.values(words))];
  const entries = Object.entries(words);
  return loadClassifierModel({
    training: { seed: 1, epochs: 1, trainedOn: [], thresholdsChosenOn: [], reportedOn: [] },
    codes,
    bias: codes.map(() => -5 * weightScale),
    thresholds: codes.map(() => 0.5),
    features: entries.map(([word]) => wordFeatureHash(word)),
    rows: entries.map(([, code]) => [codes.indexOf(code), 10 * weightScale]),
  });
}

const model = wordModel({ flaked: 'PROVIDER_DELAY', sue: 'LEGAL_THREAT', ceo: 'SUPERVISOR_REQUEST' });
const detector = compileDetector(canonicalTriggerDefinitions, { classifier: model });

describe('classifier signal', () => {
  it('adds a code the patterns miss, saying so and naming the words that drove it', () => {
    const hits = detector.detect('Your crew flaked on me again.');
    expect(hits).toEqual([
      {
        code: 'PROVIDER_DELAY',
        detectorId: 'classifier:PROVIDER_DELAY',
        evidence: {
          kind: 'text',
          phrase: 'flaked',
          start: 10,
          end: 16,
          field: 'customerText',
          signal: 'classifier',
          words: ['flaked'],
          probability: 0.993,
        },
      },
    ]);
  });

  it('adds nothing in a negation, a third-party story or a quoted policy', () => {
    expect(detector.detect('Your crew never flaked on me.')).toEqual([]);
    expect(detector.detect("My neighbor's crew flaked on her.")).toEqual([]);
    expect(detector.detect('Per policy, if a crew flaked we reschedule.')).toEqual([]);
  });

  it('adds nothing where the patterns turned the cue down', () => {
    expect(detector.detect("I'm not going to sue, I just want it fixed.")).toEqual([]);
    expect(detector.detect('My friend said she would sue them.')).toEqual([]);
  });

  it('adds nothing where the patterns already fired, and respects suppression', () => {
    const hits = detector.detect('I will sue you.');
    expect(hits.map((hit) => [hit.code, hit.evidence.signal])).toEqual([['LEGAL_THREAT', undefined]]);
    const repeat = detector.detect('I already spoke to a supervisor, now get me the CEO.');
    expect(repeat.map((hit) => hit.code)).not.toContain('SUPERVISOR_REQUEST');
  });

  it('never runs without a model: patterns alone', () => {
    const patternsOnly = compileDetector(canonicalTriggerDefinitions, { classifier: null });
    expect(patternsOnly.detect('Your crew flaked on me again.')).toEqual([]);
  });

  it('shows in the decision which signal raised a trigger', () => {
    const pack = getShippedPolicyPack('cinch');
    const policy = compilePolicy(pack, {
      detector: compileDetector(
        canonicalTriggerDefinitions.filter((d) => pack.triggers.canonical.includes(d.code)),
        {
          classifier: model,
        },
      ),
    });
    const decision = evaluate(
      policy,
      parseEvaluationInput(scenarioInput('cinch', { customerText: 'Your crew flaked on me again.' })),
    );
    const trigger = decision.triggers.find((fired) => fired.code === 'PROVIDER_DELAY');
    expect(trigger?.ruleId).toBe('classifier:PROVIDER_DELAY');
    expect(trigger?.evidence).toMatchObject({ kind: 'text', signal: 'classifier', words: ['flaked'] });
  });
});
