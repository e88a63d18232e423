import { isOpen, nextOpening, type TBusinessCalendar, ZBusinessCalendar } from '@escalate/rules';
import { DateTime } from 'luxon';
import { usFederalHolidays } from './privacy-us-federal-holidays.js';

/**
 * Response deadlines of data subject access requests (DSAR), by jurisdiction:
 * - CCPA (Cal. Civ. Code 1798.130, CCPA regulations 7021): confirm receipt within 10 business
 *   days; respond within 45 calendar days; one extension of 45 more days with notice.
 * - GDPR (Art. 12(3)): respond within one month of receipt; extendable by two further months
 *   with notice. A month runs to the same date of the next month, or to its last day when
 *   that date does not exist (31 January → 28/29 February).
 * Every deadline is the end of a local day in the organization's time zone, so it moves with
 * DST. Business days skip weekends and US federal holidays (observed dates).
 */
export const JURISDICTIONS = ['CCPA', 'GDPR'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const CCPA_RECEIPT_BUSINESS_DAYS = 10;
export const CCPA_RESPONSE_DAYS = 45;
export const CCPA_EXTENSION_DAYS = 45;
export const GDPR_RESPONSE_MONTHS = 1;
export const GDPR_EXTENSION_MONTHS = 2;

export interface DsarDeadlines {
  /** CCPA only: receipt must be confirmed by then */
  receiptDueAt: Date | null;
  dueAt: Date;
  /** the latest due date one extension can give */
  extendedDueAt: Date;
  explanation: string;
}

function localDay(at: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new Error(`invalid time zone ${timeZone}`);
  return local.startOf('day');
}

/** The instant a local day ends (the next local midnight). */
function endOfLocalDay(day: DateTime): Date {
  return day.plus({ days: 1 }).startOf('day').toJSDate();
}

/** Mon–Fri, whole days, closed on US federal holidays, in the given zone. */
export function usBusinessDayCalendar(timeZone: string, years: readonly number[]): TBusinessCalendar {
  const wholeDay = [{ open: '00:00', close: '24:00' }];
  return ZBusinessCalendar.parse({
    timeZone,
    weekly: { MON: wholeDay, TUE: wholeDay, WED: wholeDay, THU: wholeDay, FRI: wholeDay },
    holidays: usFederalHolidays(years),
  });
}

/**
 * End of the `count`th business day after the local day of `at` (the day of receipt does not
 * count), on the business calendar of the rules package.
 */
export function endOfBusinessDaysAfter(at: Date, count: number, timeZone: string): Date {
  const start = localDay(at, timeZone);
  const calendar = usBusinessDayCalendar(timeZone, [start.year - 1, start.year, start.year + 1]);
  let cursor = start.plus({ days: 1 });
  let dueAt: Date | null = null;
  for (let counted = 0; counted < count; counted++) {
    const opening = DateTime.fromISO(nextOpening(calendar, cursor).at, { setZone: true });
    const closesAt = isOpen(calendar, opening).closesAt;
    if (!closesAt) throw new Error(`business calendar has no closing after ${opening.toISO()}`);
    dueAt = DateTime.fromISO(closesAt).toJSDate();
    cursor = opening.setZone(timeZone).plus({ days: 1 }).startOf('day');
  }
  return dueAt ?? endOfLocalDay(start);
}

/** Due dates of a request received at `receivedAt`, in the organization's time zone. */
export function computeDsarDeadlines(jurisdiction: Jurisdiction, receivedAt: Date, timeZone: string): DsarDeadlines {
  const receivedDay = localDay(receivedAt, timeZone);
  const received = receivedDay.toISODate();
  switch (jurisdiction) {
    case 'CCPA': {
      const receiptDueAt = endOfBusinessDaysAfter(receivedAt, CCPA_RECEIPT_BUSINESS_DAYS, timeZone);
      return {
        receiptDueAt,
        dueAt: endOfLocalDay(receivedDay.plus({ days: CCPA_RESPONSE_DAYS })),
        extendedDueAt: endOfLocalDay(receivedDay.plus({ days: CCPA_RESPONSE_DAYS + CCPA_EXTENSION_DAYS })),
        explanation: `CCPA: received ${received} (${timeZone}); confirm receipt within ${CCPA_RECEIPT_BUSINESS_DAYS} business days (weekends and US federal holidays excluded), respond within ${CCPA_RESPONSE_DAYS} calendar days, one ${CCPA_EXTENSION_DAYS}-day extension with notice`,
      };
    }
    case 'GDPR':
      return {
        receiptDueAt: null,
        dueAt: endOfLocalDay(receivedDay.plus({ months: GDPR_RESPONSE_MONTHS })),
        extendedDueAt: endOfLocalDay(receivedDay.plus({ months: GDPR_RESPONSE_MONTHS + GDPR_EXTENSION_MONTHS })),
        explanation: `GDPR: received ${received} (${timeZone}); respond within ${GDPR_RESPONSE_MONTHS} month (to the same date, or the month's last day), extendable by ${GDPR_EXTENSION_MONTHS} months with notice`,
      };
    default: {
      const exhaustive: never = jurisdiction;
      throw new Error(`unknown jurisdiction ${String(exhaustive)}`);
    }
  }
}
