import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * US federal holidays (5 U.S.C. 6103) as data: a fixed date or the nth weekday of a month
 * (nth = -1 for the last one). A fixed-date holiday on a Saturday is observed on the Friday
 * before, on a Sunday on the Monday after.
 */
const ZHolidayRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('FIXED'),
    name: z.string().min(1),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    /** first year the holiday exists (Juneteenth: 2021) */
    since: z.number().int().optional(),
  }),
  z.strictObject({
    kind: z.literal('NTH_WEEKDAY'),
    name: z.string().min(1),
    month: z.number().int().min(1).max(12),
    /** ISO weekday, 1 = Monday */
    weekday: z.number().int().min(1).max(7),
    nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
  }),
]);
type THolidayRule = z.infer<typeof ZHolidayRule>;

export const US_FEDERAL_HOLIDAY_RULES: readonly THolidayRule[] = z.array(ZHolidayRule).parse([
  { kind: 'FIXED', name: "New Year's Day", month: 1, day: 1 },
  { kind: 'NTH_WEEKDAY', name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: 1, nth: 3 },
  { kind: 'NTH_WEEKDAY', name: "Washington's Birthday", month: 2, weekday: 1, nth: 3 },
  { kind: 'NTH_WEEKDAY', name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { kind: 'FIXED', name: 'Juneteenth National Independence Day', month: 6, day: 19, since: 2021 },
  { kind: 'FIXED', name: 'Independence Day', month: 7, day: 4 },
  { kind: 'NTH_WEEKDAY', name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { kind: 'NTH_WEEKDAY', name: 'Columbus Day', month: 10, weekday: 1, nth: 2 },
  { kind: 'FIXED', name: 'Veterans Day', month: 11, day: 11 },
  { kind: 'NTH_WEEKDAY', name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
  { kind: 'FIXED', name: 'Christmas Day', month: 12, day: 25 },
]);

export interface HolidayDate {
  /** observed local date, YYYY-MM-DD */
  date: string;
  name: string;
}

function observedDate(rule: THolidayRule, year: number): DateTime | null {
  switch (rule.kind) {
    case 'FIXED': {
      if (rule.since !== undefined && year < rule.since) return null;
      const actual = DateTime.utc(year, rule.month, rule.day);
      if (actual.weekday === 6) return actual.minus({ days: 1 });
      if (actual.weekday === 7) return actual.plus({ days: 1 });
      return actual;
    }
    case 'NTH_WEEKDAY': {
      if (rule.nth === -1) {
        const last = DateTime.utc(year, rule.month, 1).endOf('month').startOf('day');
        return last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
      }
      const first = DateTime.utc(year, rule.month, 1);
      return first.plus({ days: ((rule.weekday - first.weekday + 7) % 7) + (rule.nth - 1) * 7 });
    }
    default: {
      const exhaustive: never = rule;
      throw new Error(`unknown holiday rule ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Observed federal holidays of the given years (a New Year's Day observed on Dec 31 belongs to that Dec). */
export function usFederalHolidays(years: readonly number[]): HolidayDate[] {
  const dates: HolidayDate[] = [];
  for (const year of years) {
    for (const rule of US_FEDERAL_HOLIDAY_RULES) {
      const date = observedDate(rule, year);
      if (date) dates.push({ date: date.toISODate() ?? '', name: rule.name });
    }
  }
  return dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
