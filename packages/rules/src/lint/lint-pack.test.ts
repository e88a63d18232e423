import { describe, expect, it } from 'vitest';
import { SHIPPED_POLICY_SLUGS, shippedPolicyPacks } from '../packs/index.js';
import { tonalPolicyPack } from '../packs/tonal.js';
import { parsePolicyPack, type TPolicyPackInput } from '../policy/parse-pack.js';
import { lintPolicyPack } from './lint-pack.js';

type TRuleInput = TPolicyPackInput['rules'][number];

function tonalWith(extraRules: TRuleInput[], changes: Partial<TPolicyPackInput> = {}) {
  return parsePolicyPack({ ...tonalPolicyPack, ...changes, rules: [...tonalPolicyPack.rules, ...extraRules] });
}

const base = tonalPolicyPack.rules[0] as TRuleInput;

describe('lintPolicyPack', () => {
  it.each(SHIPPED_POLICY_SLUGS.filter((slug) => shippedPolicyPacks[slug]))('shipped pack %s lints clean', (slug) => {
    const pack = shippedPolicyPacks[slug];
    if (!pack) throw new Error(`missing ${slug}`);
    expect(lintPolicyPack(pack)).toEqual([]);
  });

  it('catches a deliberately shadowed rule (same condition, lower priority, nothing new)', () => {
    const shadowed: TRuleInput = {
      ...base,
      id: 'ton-1.supervisor-request-copy',
      priority: 400,
      outcome: { target: { team: 'support-staff', queue: 'supervisor-escalations' } },
    };
    const findings = lintPolicyPack(tonalWith([shadowed]));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'SHADOWED', ruleId: 'ton-1.supervisor-request-copy', severity: 'error' }),
    ]);
    expect(findings[0]?.message).toContain('ton-1.supervisor-request');
  });

  it('catches a rule shadowed by a broader rule (any ⊇ its trigger)', () => {
    const narrower: TRuleInput = {
      ...base,
      id: 'ton-6.health-only',
      priority: 200,
      when: {
        type: 'all',
        of: [
          { type: 'trigger', code: 'HEALTH_SAFETY' },
          { type: 'field', field: 'channel', in: ['PHONE'] },
        ],
      },
      outcome: { target: { team: 'safety-legal', queue: 'safety-legal-escalations' } },
    };
    const findings = lintPolicyPack(tonalWith([narrower]));
    expect(findings.map((finding) => [finding.code, finding.ruleId])).toEqual([['SHADOWED', 'ton-6.health-only']]);
  });

  it('a lower rule that adds something (a notification) is not shadowed', () => {
    const adds: TRuleInput = {
      ...base,
      id: 'ton-1.extra-alert',
      priority: 400,
      outcome: { notifications: [{ kind: 'LIVE_ALERT', toRole: 'lead', template: 'live-urgent' }] },
    };
    expect(lintPolicyPack(tonalWith([adds]))).toEqual([]);
  });

  it('reports unknown condition types, unknown trigger codes and rules that can never fire', () => {
    const findings = lintPolicyPack(
      tonalWith([
        { ...base, id: 'x.unknown-type', priority: 10, when: { type: 'moonPhase', is: 'full' } },
        { ...base, id: 'x.unknown-trigger', priority: 11, when: { type: 'trigger', code: 'ALIEN_INVASION' } },
        {
          ...base,
          id: 'x.contradiction',
          priority: 12,
          when: {
            type: 'all',
            of: [
              { type: 'signal', name: 'rmaCount', op: 'gte', value: 5 },
              { type: 'signal', name: 'rmaCount', op: 'lt', value: 3 },
            ],
          },
        },
        { ...base, id: 'x.bad-tier', priority: 13, when: { type: 'field', field: 'tier', in: ['TIER9'] } },
      ]),
    );
    const pairs = findings.map((finding) => `${finding.code} ${finding.ruleId}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'UNKNOWN_CONDITION x.unknown-type',
        'NEVER_FIRES x.unknown-type',
        'UNKNOWN_TRIGGER x.unknown-trigger',
        'NEVER_FIRES x.unknown-trigger',
        'NEVER_FIRES x.contradiction',
        'NEVER_FIRES x.bad-tier',
      ]),
    );
  });

  it('reports unreachable queues and teams', () => {
    const teams = [
      ...tonalPolicyPack.teams,
      { slug: 'billing', name: 'Billing', queues: [{ slug: 'billing-escalations', name: 'Billing' }] },
    ];
    const findings = lintPolicyPack(tonalWith([], { teams }));
    expect(findings.map((finding) => finding.code).sort()).toEqual(['UNREACHABLE_QUEUE', 'UNREACHABLE_TEAM']);
    expect(findings.map((finding) => finding.message).join(' ')).toContain('billing-escalations');
  });

  it('reports ties decided only by id', () => {
    const a: TRuleInput = {
      ...base,
      id: 'x.tie-a',
      priority: 777,
      when: { type: 'flag', name: 'VIP' },
      outcome: { target: { team: 'returns', queue: 'rma-escalations' } },
    };
    const b: TRuleInput = {
      ...a,
      id: 'x.tie-b',
      when: { type: 'flag', name: 'LOYAL' },
      outcome: { target: { team: 'support-staff' } },
    };
    const findings = lintPolicyPack(tonalWith([a, b]));
    expect(findings).toEqual([expect.objectContaining({ code: 'TIE_WITHOUT_TIE_BREAKER', ruleId: 'x.tie-b' })]);
  });
});
