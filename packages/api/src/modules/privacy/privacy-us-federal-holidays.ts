import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export interface HolidayDate {
  /** observed local date, YYYY-MM-DD */
  date: string;
  name: string;
}

/** US public (federal) holidays, 5 U.S.C. 6103(a), from the maintained `date-holidays` data. */
const calendar = new Holidays('US', { types: ['public'] });

/** 5 U.S.C. 6103(b): a holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday after. */
function observed(date: DateTime): DateTime {
  if (date.weekday === 6) return date.minus({ days: 1 });
  if (date.weekday === 7) return date.plus({ days: 1 });
  return date;
}

/** Observed federal holidays of the given years (a New Year's Day observed on Dec 31 belongs to that Dec). */
export function usFederalHolidays(years: readonly number[]): HolidayDate[] {
  const dates: HolidayDate[] = [];
  for (const year of years) {
    for (const holiday of calendar.getHolidays(year)) {
      // date-holidays lists its own substitute days too; the rule above derives them for every holiday
      if (holiday.type !== 'public' || holiday.substitute) continue;
      const actual = DateTime.fromISO(holiday.date.slice(0, 10), { zone: 'utc' });
      dates.push({ date: observed(actual).toISODate() ?? '', name: holiday.name });
    }
  }
  return dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
