import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicyPack, type TPolicyPackInput } from '../policy/parse-pack.js';
import { decide, scenarioInput, shippedPolicy } from '../testing/evaluation-kit.js';
import { ZDecision } from '../types.js';
import { compilePolicy } from './compile-policy.js';
import { EvaluationInputError, evaluate, parseEvaluationInput } from './evaluate.js';

const SOURCE = { file: 'sops/tonal-escalation-routes.txt', quote: 'test rule quoted from the procedure' };

function testPack(rules: TPolicyPackInput['rules']): TPolicyPackInput {
  return {
    schemaVersion: 1,
    policyId: 'acme',
    orgSlug: 'acme',
    name: 'Acme',
    version: 7,
    timeZone: 'UTC',
    teams: [{ slug: 'desk', name: 'Desk', queues: [{ slug: 'desk-queue', name: 'Desk queue' }] }],
    triggers: { canonical: ['LEGAL_THREAT', 'SUPERVISOR_REQUEST'] },
    rules,
  };
}

const routeToDesk = { target: { team: 'desk', queue: 'desk-queue' } };

function decideWith(pack: TPolicyPackInput, flags: string[], extra: Record<string, unknown> = {}) {
  const policy = compilePolicy(parsePolicyPack(pack));
  return evaluate(
    policy,
    parseEvaluationInput(scenarioInput('acme', { signals: { agentFlags: flags, values: {} }, ...extra })),
  );
}

describe('evaluate', () => {
  it('X-2 same input → same decision (deep equal, repeated and across compilations)', () => {
    const input = parseEvaluationInput(
      scenarioInput('cinch', {
        customerText: 'I want a call back from your CEO',
        signals: { agentFlags: ['LEGAL_THREAT', 'REVIEW_THREAT', 'SOS_HIGH_RISK'], values: {} },
        now: '2026-03-07T17:10:00-05:00',
      }),
    );
    const first = evaluate(shippedPolicy('cinch'), input);
    const again = evaluate(shippedPolicy('cinch'), structuredClone(input));
    const fresh = evaluate(compilePolicy(shippedPolicy('cinch').pack, { textMemoEntries: 0 }), input);
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    expect(JSON.stringify(fresh)).toBe(JSON.stringify(first));
  });

  it('X-2 property: decisions do not depend on flag order or repetition and always validate', () => {
    const flagPool = [
      'LEGAL_THREAT',
      'SERVICE_DELAY',
      'REVIEW_THREAT',
      'SOS_HIGH_RISK',
      'CALLBACK_EXCEPTION_GRANTED',
      'TIER3_NEEDED',
      'PURCHASING_INFO_NEEDED',
      'EXECUTIVE_CALLBACK_REQUESTED',
    ];
    fc.assert(
      fc.property(
        fc.subarray(flagPool),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.constantFrom('TIER1', 'TIER2', 'TIER3'),
        (chosen, millis, tier) => {
          const now = new Date(millis).toISOString();
          const base = decide('cinch', { signals: { agentFlags: chosen, values: {} }, now, case: { tier } });
          const shuffled = decide('cinch', {
            signals: { agentFlags: [...chosen].reverse().concat(chosen), values: {} },
            now,
            case: { tier },
          });
          expect(shuffled).toEqual(base);
          expect(ZDecision.safeParse(base).success).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('explanation lists every rule, matched or not, with reasons, and names the policy version', () => {
    const decision = decide('cinch', { signals: { agentFlags: ['LEGAL_THREAT', 'SERVICE_DELAY'], values: {} } });
    const pack = shippedPolicy('cinch').pack;
    expect(decision.explanation.rules.map((rule) => rule.ruleId).sort()).toEqual(
      pack.rules.map((rule) => rule.id).sort(),
    );
    for (const rule of decision.explanation.rules) expect(rule.reasons.length).toBeGreaterThan(0);
    expect(decision.explanation.rules.filter((rule) => rule.matched).map((rule) => rule.ruleId)).toEqual([
      'cin-2.tier2-situations',
      'cin-1.tier1-situations',
    ]);
    expect(decision.explanation).toMatchObject({
      policyId: 'cinch',
      policyVersion: 1,
      winner: 'cin-2.tier2-situations',
    });
    expect(decision.explanation.summary).toContain('LEGAL_THREAT');
  });

  it('winner: priority first, then specificity, then id as the final tie-breaker', () => {
    const rule = (id: string, priority: number, when: unknown) => ({
      id,
      requirementIds: ['TON-1'],
      title: id,
      description: id,
      source: SOURCE,
      priority,
      when,
      outcome: routeToDesk,
    });
    const legal = { type: 'trigger', code: 'LEGAL_THREAT' };
    const supervisor = { type: 'trigger', code: 'SUPERVISOR_REQUEST' };
    const bySpecificity = decideWith(
      testPack([rule('a-broad', 10, legal), rule('b-specific', 10, { type: 'all', of: [legal, supervisor] })]),
      ['LEGAL_THREAT', 'SUPERVISOR_REQUEST'],
    );
    expect(bySpecificity.explanation.winner).toBe('b-specific');
    expect(bySpecificity.explanation.winnerReason).toContain('specificity 2 > 1');
    const byId = decideWith(testPack([rule('z-rule', 10, legal), rule('m-rule', 10, legal)]), ['LEGAL_THREAT']);
    expect(byId.explanation.winner).toBe('m-rule');
    expect(byId.explanation.winnerReason).toContain('by id order');
  });

  it('fails closed: an unknown condition type never matches, not even negated', () => {
    const rules = [
      {
        id: 'unknown-type',
        requirementIds: ['TON-1'],
        title: 'unknown',
        description: 'uses a condition from a newer engine',
        source: SOURCE,
        priority: 10,
        when: { type: 'customerLifetimeValue', above: 1000 },
        outcome: routeToDesk,
      },
      {
        id: 'negated-unknown',
        requirementIds: ['TON-1'],
        title: 'negated unknown',
        description: 'negates a condition from a newer engine',
        source: SOURCE,
        priority: 9,
        when: { type: 'not', condition: { type: 'customerLifetimeValue', above: 1000 } },
        outcome: routeToDesk,
      },
      {
        id: 'missing-signal',
        requirementIds: ['TON-1'],
        title: 'missing signal',
        description: 'compares a signal the input lacks',
        source: SOURCE,
        priority: 8,
        when: { type: 'not', condition: { type: 'signal', name: 'sentiment', op: 'gt', value: 0 } },
        outcome: routeToDesk,
      },
    ];
    const decision = decideWith(testPack(rules), ['LEGAL_THREAT']);
    expect(decision.outcome).toBe('STAY');
    expect(decision.explanation.rules.every((rule) => !rule.matched)).toBe(true);
    expect(decision.explanation.rules[0]?.reasons.join(' ')).toContain('fails closed');
    const withSentiment = decideWith(testPack(rules), [], { signals: { agentFlags: [], sentiment: -0.3, values: {} } });
    expect(withSentiment.explanation.winner).toBe('missing-signal');
  });

  it('rejects an input for another organization, a time without zone and bad fields, naming them', () => {
    expect(() => evaluate(shippedPolicy('cinch'), parseEvaluationInput(scenarioInput('tonal')))).toThrow(
      /organization "tonal" but the policy is "cinch"/,
    );
    expect(() => parseEvaluationInput(scenarioInput('cinch', { now: '2026-03-04T10:00:00' }))).toThrow(
      /now: time "2026-03-04T10:00:00" has no offset or zone/,
    );
    try {
      parseEvaluationInput({ ...scenarioInput('cinch'), case: { status: 'OPENED', priority: 'NORMAL' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationInputError);
      const paths = (error as EvaluationInputError).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['case.status', 'case.tier']));
    }
  });

  it('a stay decision is valid: no trigger, no route, explained', () => {
    const decision = decide('cinch', { customerText: 'Thanks, that answers my question.' });
    expect(ZDecision.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({ outcome: 'STAY', triggers: [], approval: { required: false } });
    expect(decision.explanation.winner).toBeNull();
  });
});

describe('evaluate: time formats', () => {
  it('accepts every zoned ISO form the input schema accepts (e.g. an hour-only offset)', () => {
    const hourOnly = decide('cinch', {
      now: '2026-03-04T20:30:00+05',
      signals: { agentFlags: ['LEGAL_THREAT'], values: {} },
    });
    const full = decide('cinch', {
      now: '2026-03-04T20:30:00+05:00',
      signals: { agentFlags: ['LEGAL_THREAT'], values: {} },
    });
    expect(hourOnly.sla?.dueAt).toBe(full.sla?.dueAt);
    expect(hourOnly.availability?.openNow).toBe(true); // 10:30 in New York
  });
});
