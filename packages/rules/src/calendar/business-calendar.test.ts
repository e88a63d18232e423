import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, CalendarError, isOpen, nextOpening } from './business-calendar.js';
import { type TBusinessCalendarInput, ZBusinessCalendar } from './calendar-schema.js';

const weekdays = [{ open: '08:00', close: '21:00' }];
const tier2 = ZBusinessCalendar.parse({
  timeZone: 'America/New_York',
  weekly: {
    MON: weekdays,
    TUE: weekdays,
    WED: weekdays,
    THU: weekdays,
    FRI: weekdays,
    SAT: [{ open: '08:00', close: '16:30' }],
  },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
} satisfies TBusinessCalendarInput);

// DST 2026 in America/New_York: spring forward Sun 2026-03-08 02:00, fall back Sun 2026-11-01 02:00.
const nightShift = ZBusinessCalendar.parse({
  timeZone: 'America/New_York',
  weekly: { SUN: [{ open: '00:00', close: '06:00' }] },
});

describe('business calendar', () => {
  it('CIN-3 open Mon–Fri 08:00–21:00 and Sat 08:00–16:30 New York time', () => {
    expect(isOpen(tier2, '2026-03-04T08:00:00-05:00').open).toBe(true);
    expect(isOpen(tier2, '2026-03-04T07:59:00-05:00').open).toBe(false);
    expect(isOpen(tier2, '2026-03-04T20:59:59-05:00').open).toBe(true);
    expect(isOpen(tier2, '2026-03-04T21:00:00-05:00').open).toBe(false);
    expect(isOpen(tier2, '2026-03-07T16:29:00-05:00').open).toBe(true);
    expect(isOpen(tier2, '2026-03-07T16:30:00-05:00').open).toBe(false);
    expect(isOpen(tier2, '2026-03-08T12:00:00-04:00').open).toBe(false);
  });

  it('explains in the calendar zone whatever offset the time was given in', () => {
    const state = isOpen(tier2, '2026-07-01T12:30:00Z');
    expect(state.open).toBe(true);
    expect(state.explanation).toContain('08:30 EDT');
    expect(state.closesAt).toBe('2026-07-01T21:00:00-04:00');
  });

  it('DST spring forward: hours stay 08:00 local on both sides of the change', () => {
    expect(isOpen(tier2, '2026-03-06T13:00:00Z').open).toBe(true); // 08:00 EST
    expect(isOpen(tier2, '2026-03-09T12:00:00Z').open).toBe(true); // 08:00 EDT
    expect(isOpen(tier2, '2026-03-09T11:30:00Z').open).toBe(false); // 07:30 EDT, would be 06:30 EST
    expect(nextOpening(tier2, '2026-03-07T22:00:00Z').at).toBe('2026-03-09T08:00:00-04:00');
  });

  it('DST fall back: Monday 08:00 EST after the Sunday change', () => {
    expect(nextOpening(tier2, '2026-10-31T20:45:00Z').at).toBe('2026-11-02T08:00:00-05:00');
    expect(isOpen(tier2, '2026-11-02T12:30:00Z').open).toBe(false); // 07:30 EST
    expect(isOpen(tier2, '2026-11-02T13:00:00Z').open).toBe(true); // 08:00 EST
  });

  it('DST: an interval spanning the spring-forward gap has one hour less', () => {
    const result = addBusinessMinutes(nightShift, '2026-03-08T00:00:00-05:00', 300);
    // 00:00–06:00 local on 2026-03-08 is only 5 real hours (02:00 does not exist)
    expect(result.dueAt).toBe('2026-03-08T06:00:00-04:00');
    const fallBack = addBusinessMinutes(nightShift, '2026-11-01T00:00:00-04:00', 360);
    // on 2026-11-01 the same interval lasts 7 real hours
    expect(fallBack.dueAt).toBe('2026-11-01T05:00:00-05:00');
  });

  it('holidays are closed all day and skipped by next opening', () => {
    expect(isOpen(tier2, '2026-12-25T10:00:00-05:00')).toMatchObject({ open: false });
    expect(isOpen(tier2, '2026-12-25T10:00:00-05:00').explanation).toContain('Christmas Day');
    expect(nextOpening(tier2, '2026-12-24T21:30:00-05:00').at).toBe('2026-12-26T08:00:00-05:00');
  });

  it('next opening is now when open, later the same day before opening', () => {
    expect(nextOpening(tier2, '2026-03-04T10:00:00-05:00').at).toBe('2026-03-04T10:00:00-05:00');
    expect(nextOpening(tier2, '2026-03-04T06:15:00-05:00').at).toBe('2026-03-04T08:00:00-05:00');
  });

  it('adds business minutes across the night', () => {
    const result = addBusinessMinutes(tier2, '2026-03-04T20:30:00-05:00', 60);
    expect(result.dueAt).toBe('2026-03-05T08:30:00-05:00');
    expect(result.segments.map((segment) => segment.minutes)).toEqual([30, 30]);
    expect(result.explanation).toContain('due Thu 2026-03-05 08:30');
  });

  it('adds business minutes across Saturday short hours and Sunday into a DST Monday', () => {
    const result = addBusinessMinutes(tier2, '2026-03-06T20:00:00-05:00', 600);
    // Fri 60 min, Sat 510 min, Mon 30 min (EDT)
    expect(result.segments.map((segment) => segment.minutes)).toEqual([60, 510, 30]);
    expect(result.dueAt).toBe('2026-03-09T08:30:00-04:00');
  });

  it('starting while closed counts from the next opening; 0 minutes stays put', () => {
    expect(addBusinessMinutes(tier2, '2026-03-08T09:00:00-04:00', 15).dueAt).toBe('2026-03-09T08:15:00-04:00');
    expect(addBusinessMinutes(tier2, '2026-03-08T09:00:00-04:00', 0).dueAt).toBe('2026-03-08T09:00:00-04:00');
  });

  it('a due time landing on closing time stays at closing time', () => {
    expect(addBusinessMinutes(tier2, '2026-03-04T20:00:00-05:00', 60).dueAt).toBe('2026-03-04T21:00:00-05:00');
  });

  it('rejects a time without zone and negative minutes', () => {
    expect(() => isOpen(tier2, '2026-03-04T10:00:00')).toThrow(CalendarError);
    expect(() => addBusinessMinutes(tier2, '2026-03-04T10:00:00Z', -5)).toThrow(CalendarError);
  });

  it('validates calendars: overlaps, bad times, unknown zones, never open', () => {
    const result = ZBusinessCalendar.safeParse({
      timeZone: 'Mars/Olympus',
      weekly: {
        MON: [
          { open: '08:00', close: '12:00' },
          { open: '11:00', close: '13:00' },
        ],
        TUE: [{ open: '25:00', close: '10:00' }],
      },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'weekly.TUE.0.open']));
    expect(ZBusinessCalendar.safeParse({ timeZone: 'UTC', weekly: {} }).error?.issues[0]?.message).toBe(
      'calendar is never open',
    );
  });
});
