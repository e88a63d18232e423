import { describe, expect, it } from 'vitest';
import { cinchPolicyPack } from '../packs/cinch.js';
import { shippedPolicyPacks } from '../packs/index.js';
import { PolicyPackError, parsePolicyPack } from './parse-pack.js';

function problemsOf(pack: unknown) {
  try {
    parsePolicyPack(pack);
  } catch (error) {
    if (error instanceof PolicyPackError) return error.problems;
    throw error;
  }
  return [];
}

describe('parsePolicyPack', () => {
  it('accepts the shipped cinch pack', () => {
    expect(parsePolicyPack(cinchPolicyPack).policyId).toBe('cinch');
  });

  it('lists every shape problem with its path, including inside condition trees', () => {
    const broken = structuredClone(cinchPolicyPack) as unknown as Record<string, unknown> & {
      rules: Record<string, unknown>[];
    };
    broken.version = 0;
    broken.timeZone = 'Nowhere/Land';
    const first = broken.rules[0] as Record<string, unknown>;
    first.priority = 'high';
    first.when = {
      type: 'all',
      of: [{ type: 'signal', name: 'rmaCount', op: 'approx', value: 2 }, { type: 'trigger' }],
    };
    const problems = problemsOf(broken);
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version',
        'timeZone',
        'rules.0.priority',
        'rules.0.when.of.0.op',
        'rules.0.when.of.1.code',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('lists every broken cross-reference: queues, teams, roles, templates, calendars, trigger codes', () => {
    const broken = structuredClone(cinchPolicyPack) as unknown as {
      rules: { outcome: Record<string, unknown> }[];
      triggers: { canonical: string[] };
    };
    const outcome = broken.rules[2]?.outcome as Record<string, unknown>;
    outcome.target = { tier: 'TIER2', team: 'tier2', queue: 'dispatch' };
    outcome.availability = { calendar: 'weekend-crew', whenClosed: 'CALLBACK' };
    outcome.notifications = [{ kind: 'DIRECT_MESSAGE', toRole: 'night-owl', template: 'missing-template' }];
    broken.triggers.canonical.push('ALIEN_INVASION');
    const problems = problemsOf(broken);
    const text = problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        'rules.2.outcome.target.queue: queue "dispatch" belongs to team "dispatch"',
        'rules.2.outcome.availability.calendar: calendar "weekend-crew" is not in calendars',
        'rules.2.outcome.notifications.0.template: message template "missing-template" is not in messages',
        'rules.2.outcome.notifications.0.toRole: role "night-owl" is not declared in roles',
        `triggers.canonical.${broken.triggers.canonical.length - 1}: "ALIEN_INVASION" is not a canonical trigger code`,
      ]),
    );
  });

  it('accepts an unknown condition type (for lint and fail-closed evaluation) but validates known ones', () => {
    const pack = structuredClone(cinchPolicyPack) as unknown as { rules: { when: unknown }[] };
    (pack.rules[0] as { when: unknown }).when = { type: 'fromTheFuture', anything: true };
    expect(() => parsePolicyPack(pack)).not.toThrow();
  });

  it('error message lists each problem on its own line', () => {
    expect(() => parsePolicyPack({ schemaVersion: 2 })).toThrow(/invalid policy pack \(\d+ problem\(s\)\):\n {2}- /);
  });

  it('X-3 every shipped pack survives a JSON round trip unchanged (stored policy versions)', () => {
    for (const pack of Object.values(shippedPolicyPacks)) {
      expect(parsePolicyPack(JSON.parse(JSON.stringify(pack)))).toEqual(pack);
    }
  });
});
