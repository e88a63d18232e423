import { describe, expect, it } from 'vitest';
import { type AssignmentCandidate, chooseCandidate, judgeCandidate } from './assignment-eligibility.js';

const base: AssignmentCandidate = {
  id: 'a',
  name: 'A',
  role: 'tier3',
  availability: 'ONLINE',
  outOfOffice: false,
  capacity: 2,
  openAssignments: 0,
  lastAssignedAt: null,
};

describe('assignment eligibility', () => {
  it('excludes with every reason: away, out of office, closed hours, at capacity', () => {
    const verdict = judgeCandidate(
      { ...base, availability: 'AWAY', outOfOffice: true, openAssignments: 2 },
      { businessHours: { calendar: 'tier2', open: false, explanation: 'closed at Sunday 10:00' } },
    );
    expect(verdict.eligible).toBe(false);
    expect(verdict.excludedBecause.map((reason) => reason.code)).toEqual([
      'NOT_ONLINE',
      'OUT_OF_OFFICE',
      'OUTSIDE_BUSINESS_HOURS',
      'AT_CAPACITY',
    ]);
  });

  it('treats availability as advice for a named person, but never capacity', () => {
    const verdict = judgeCandidate(
      { ...base, availability: 'OFFLINE', openAssignments: 2 },
      { businessHours: null, advisoryAvailability: true },
    );
    expect(verdict.excludedBecause.map((reason) => reason.code)).toEqual(['AT_CAPACITY']);
  });

  it('round robin picks the member assigned longest ago; least loaded the lowest load', () => {
    const early = { ...base, id: 'b', lastAssignedAt: new Date('2026-01-01') };
    const late = { ...base, id: 'c', lastAssignedAt: new Date('2026-02-01'), openAssignments: 0 };
    expect(chooseCandidate('ROUND_ROBIN', [late, early]).chosen?.id).toBe('b');
    expect(chooseCandidate('ROUND_ROBIN', [late, early, { ...base, id: 'z' }]).chosen?.id).toBe('z');
    const busy = { ...base, id: 'd', openAssignments: 1, capacity: 2 };
    const idle = { ...base, id: 'e', openAssignments: 1, capacity: 10 };
    expect(chooseCandidate('LEAST_LOADED', [busy, idle]).chosen?.id).toBe('e');
  });

  it('random uses the supplied draw over a stable order', () => {
    const pool = [
      { ...base, id: 'y' },
      { ...base, id: 'x' },
    ];
    expect(chooseCandidate('RANDOM', pool, () => 0).chosen?.id).toBe('x');
    expect(chooseCandidate('RANDOM', pool, () => 1).chosen?.id).toBe('y');
    expect(chooseCandidate('RANDOM', []).chosen).toBeNull();
  });
});
