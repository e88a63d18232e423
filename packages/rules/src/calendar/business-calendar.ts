/**
 * Business-hours arithmetic on a weekly calendar in one IANA zone. Opening times are wall-clock
 * times, resolved per local date, so DST changes move them correctly. Pure: the time is an input.
 */
import { DateTime } from 'luxon';
import { minutesOfDay, type TBusinessCalendar, type TWeekday, WEEKDAYS } from './calendar-schema.js';

export type TInstant = string | Date | DateTime;

export interface TOpenState {
  open: boolean;
  /** the opening interval containing `at`, when open */
  closesAt: string | null;
  explanation: string;
}

export interface TNextOpening {
  at: string;
  explanation: string;
}

export interface TBusinessSegment {
  start: string;
  end: string;
  minutes: number;
}

export interface TBusinessMinutesResult {
  startAt: string;
  dueAt: string;
  businessMinutes: number;
  segments: TBusinessSegment[];
  explanation: string;
}

/** Search horizon for openings: a calendar closed longer than this is treated as broken. */
const MAX_DAYS_SCANNED = 400;
const DISPLAY = 'ccc yyyy-LL-dd HH:mm ZZZZ';

export class CalendarError extends Error {
  override name = 'CalendarError';
}

function toZoned(calendar: TBusinessCalendar, at: TInstant): DateTime {
  let instant: DateTime;
  if (DateTime.isDateTime(at)) instant = at;
  else if (at instanceof Date) instant = DateTime.fromJSDate(at);
  else {
    if (!/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(at)) {
      throw new CalendarError(`time "${at}" has no offset or zone`);
    }
    instant = DateTime.fromISO(at, { setZone: true });
  }
  if (!instant.isValid) throw new CalendarError(`invalid time: ${String(at)}`);
  return instant.setZone(calendar.timeZone);
}

function iso(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true }) ?? instant.toString();
}

function describe(instant: DateTime): string {
  return instant.toFormat(DISPLAY);
}

interface TLocalInterval {
  start: DateTime;
  end: DateTime;
}

function weekdayOf(day: DateTime): TWeekday {
  const weekday = WEEKDAYS[day.weekday - 1];
  if (!weekday) throw new CalendarError(`bad weekday ${day.weekday}`);
  return weekday;
}

function holidayOn(calendar: TBusinessCalendar, day: DateTime): string | null {
  const date = day.toISODate();
  return calendar.holidays.find((holiday) => holiday.date === date)?.name ?? null;
}

/** Opening intervals on the local date of `day`, resolved to instants (DST-correct). */
function intervalsOn(calendar: TBusinessCalendar, day: DateTime): TLocalInterval[] {
  if (holidayOn(calendar, day)) return [];
  const hours = calendar.weekly[weekdayOf(day)] ?? [];
  const midnight = { year: day.year, month: day.month, day: day.day };
  const atMinute = (minute: number): DateTime =>
    minute >= 24 * 60
      ? DateTime.fromObject(midnight, { zone: calendar.timeZone }).plus({ days: 1 }).startOf('day')
      : DateTime.fromObject(
          { ...midnight, hour: Math.floor(minute / 60), minute: minute % 60 },
          { zone: calendar.timeZone },
        );
  return hours
    .map((interval) => ({
      start: atMinute(minutesOfDay(interval.open)),
      end: atMinute(minutesOfDay(interval.close)),
    }))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

function hoursOfDayText(calendar: TBusinessCalendar, day: DateTime): string {
  const holiday = holidayOn(calendar, day);
  if (holiday) return `closed for ${holiday}`;
  const hours = calendar.weekly[weekdayOf(day)] ?? [];
  if (hours.length === 0) return `closed on ${day.toFormat('cccc')}s`;
  return `${day.toFormat('cccc')} hours ${hours.map((h) => `${h.open}–${h.close}`).join(', ')}`;
}

/** Is the calendar open at `at`? */
export function isOpen(calendar: TBusinessCalendar, at: TInstant): TOpenState {
  const local = toZoned(calendar, at);
  const millis = local.toMillis();
  for (const interval of intervalsOn(calendar, local.startOf('day'))) {
    if (millis >= interval.start.toMillis() && millis < interval.end.toMillis()) {
      return {
        open: true,
        closesAt: iso(interval.end),
        explanation: `open at ${describe(local)} (${hoursOfDayText(calendar, local)}, ${calendar.timeZone})`,
      };
    }
  }
  return {
    open: false,
    closesAt: null,
    explanation: `closed at ${describe(local)} (${hoursOfDayText(calendar, local)}, ${calendar.timeZone})`,
  };
}

/** The first instant at or after `at` when the calendar is open. */
export function nextOpening(calendar: TBusinessCalendar, at: TInstant): TNextOpening {
  const local = toZoned(calendar, at);
  const millis = local.toMillis();
  let day = local.startOf('day');
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    for (const interval of intervalsOn(calendar, day)) {
      if (millis < interval.end.toMillis()) {
        const opening = millis >= interval.start.toMillis() ? local : interval.start;
        const explanation =
          opening === local
            ? `open now (${describe(local)})`
            : `closed at ${describe(local)} (${hoursOfDayText(calendar, local)}); next opening ${describe(opening)} (${hoursOfDayText(calendar, opening)})`;
        return { at: iso(opening), explanation };
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new CalendarError(`calendar has no opening within ${MAX_DAYS_SCANNED} days of ${iso(local)}`);
}

/**
 * Adds `minutes` of open time to `at`: closed nights, weekends and holidays do not count.
 * A due time that lands exactly on a closing time stays there (it is not moved to the next opening).
 */
export function addBusinessMinutes(calendar: TBusinessCalendar, at: TInstant, minutes: number): TBusinessMinutesResult {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new CalendarError(`business minutes must be a non-negative integer, got ${minutes}`);
  }
  const start = toZoned(calendar, at);
  let cursor = start;
  let remaining = minutes;
  const segments: TBusinessSegment[] = [];
  let day = start.startOf('day');
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED * 4; scanned++) {
    for (const interval of intervalsOn(calendar, day)) {
      if (remaining === 0) break;
      if (cursor.toMillis() >= interval.end.toMillis()) continue;
      const from = cursor.toMillis() > interval.start.toMillis() ? cursor : interval.start;
      const available = Math.floor((interval.end.toMillis() - from.toMillis()) / 60_000);
      const used = Math.min(available, remaining);
      if (used <= 0) continue;
      const to = from.plus({ minutes: used });
      segments.push({ start: iso(from), end: iso(to), minutes: used });
      remaining -= used;
      cursor = to;
    }
    if (remaining === 0) {
      const due = segments.length > 0 ? cursor : start;
      const parts = segments.map(
        (segment) =>
          `${segment.minutes} min ${describe(DateTime.fromISO(segment.start, { setZone: true }))}→${DateTime.fromISO(segment.end, { setZone: true }).toFormat('HH:mm')}`,
      );
      return {
        startAt: iso(start),
        dueAt: iso(due),
        businessMinutes: minutes,
        segments,
        explanation: `${minutes} business minutes from ${describe(start)} on ${calendar.timeZone} hours: ${parts.length > 0 ? parts.join('; ') : 'none needed'}; due ${describe(due)}`,
      };
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new CalendarError(`could not place ${minutes} business minutes after ${iso(start)}`);
}
