import { describe, expect, it } from 'vitest';
import { computeDsarDeadlines, endOfBusinessDaysAfter } from './dsar-deadlines.js';
import { usFederalHolidays } from './privacy-us-federal-holidays.js';

const NEW_YORK = 'America/New_York';
const LOS_ANGELES = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('US federal holidays (data)', () => {
  it('computes observed dates: Saturday → Friday, Sunday → Monday, nth and last weekdays', () => {
    const dates = Object.fromEntries(usFederalHolidays([2026, 2027]).map((holiday) => [holiday.date, holiday.name]));
    expect(dates['2026-07-03']).toBe('Independence Day'); // July 4 2026 is a Saturday
    expect(dates['2027-07-05']).toBe('Independence Day'); // July 4 2027 is a Sunday
    expect(dates['2026-01-19']).toBe('Martin Luther King Jr. Day');
    expect(dates['2026-05-25']).toBe('Memorial Day');
    expect(dates['2026-11-26']).toBe('Thanksgiving Day');
    expect(dates['2026-06-19']).toBe('Juneteenth');
    expect(dates['2027-12-24']).toBe('Christmas Day'); // Dec 25 2027 is a Saturday
    expect(usFederalHolidays([2020]).some((holiday) => holiday.name.startsWith('Juneteenth'))).toBe(false);
  });
});

describe('CCPA deadlines', () => {
  it('confirms receipt within 10 business days, skipping Thanksgiving', () => {
    // received Monday 2026-11-23; Thursday 26 is Thanksgiving → 10th business day is Tuesday Dec 8
    const deadlines = computeDsarDeadlines('CCPA', new Date('2026-11-23T15:00:00Z'), NEW_YORK);
    expect(iso(deadlines.receiptDueAt)).toBe('2026-12-09T05:00:00.000Z');
  });

  it('skips Christmas and New Year (observed) across the year end', () => {
    // received Wed 2026-12-23: Dec 25 and Jan 1 are holidays → Friday 2027-01-08
    expect(iso(endOfBusinessDaysAfter(new Date('2026-12-23T17:00:00Z'), 10, NEW_YORK))).toBe(
      '2027-01-09T05:00:00.000Z',
    );
  });

  it('a request received on a Saturday counts from Monday; an observed Friday holiday is skipped', () => {
    // Sat 2026-06-27 → Mon 29 (1) … Thu Jul 2 (4), Fri Jul 3 observed Independence Day, Mon 6 (5) … Fri 10 (9), Mon 13 (10)
    expect(iso(endOfBusinessDaysAfter(new Date('2026-06-27T16:00:00Z'), 10, NEW_YORK))).toBe(
      '2026-07-14T04:00:00.000Z',
    );
  });

  it('responds within 45 calendar days, across the spring DST change', () => {
    // 2026-03-01 is EST (-05:00); 45 days later, April 15, is EDT (-04:00)
    const deadlines = computeDsarDeadlines('CCPA', new Date('2026-03-01T15:00:00Z'), NEW_YORK);
    expect(iso(deadlines.dueAt)).toBe('2026-04-16T04:00:00.000Z');
    expect(iso(deadlines.extendedDueAt)).toBe('2026-05-31T04:00:00.000Z');
  });

  it('uses the local day of receipt, not the UTC day, and the autumn DST change', () => {
    // 2026-10-21T03:30Z is still October 20 in Los Angeles; Dec 4 is PST (-08:00)
    const deadlines = computeDsarDeadlines('CCPA', new Date('2026-10-21T03:30:00Z'), LOS_ANGELES);
    expect(iso(deadlines.dueAt)).toBe('2026-12-05T08:00:00.000Z');
  });
});

describe('GDPR deadlines', () => {
  it('one month to the same date, clamped at the end of a shorter month', () => {
    const january31 = computeDsarDeadlines('GDPR', new Date('2026-01-31T10:00:00Z'), BERLIN);
    expect(iso(january31.dueAt)).toBe('2026-02-28T23:00:00.000Z'); // end of Feb 28, CET
    expect(iso(january31.extendedDueAt)).toBe('2026-04-30T22:00:00.000Z'); // end of Apr 30, CEST (from receipt, not from Feb 28)
    expect(january31.receiptDueAt).toBeNull();
  });

  it('leap years and 31 → 30 day months', () => {
    expect(iso(computeDsarDeadlines('GDPR', new Date('2028-01-31T10:00:00Z'), BERLIN).dueAt)).toBe(
      '2028-02-29T23:00:00.000Z',
    );
    expect(iso(computeDsarDeadlines('GDPR', new Date('2026-03-31T10:00:00Z'), BERLIN).dueAt)).toBe(
      '2026-04-30T22:00:00.000Z',
    );
  });

  it('the deadline moves with the DST change between receipt and due date', () => {
    // received March 15 (CET, +01:00); due end of April 15 (CEST, +02:00)
    expect(iso(computeDsarDeadlines('GDPR', new Date('2026-03-15T12:00:00Z'), BERLIN).dueAt)).toBe(
      '2026-04-15T22:00:00.000Z',
    );
  });
});
