/**
 * Business-hours arithmetic on a weekly calendar in one IANA zone. Opening times are wall-clock
 * times resolved per local date, so DST changes move them correctly. Pure: the time is an input.
 */
import type { DateTime } from 'luxon';
import { minutesOfDay, type TBusinessCalendar, WEEKDAYS } from './calendar-schema.js';
import {
  DAY_MS,
  dayNumberOfIsoDate,
  describeInstant,
  formatIso,
  fromLocalMs,
  instantMs,
  localDayNumber,
  toLocalMs,
  WEEKDAY_LONG,
  weekdayIndex,
} from './zone-clock.js';

/** an ISO-8601 string with offset, a Date, epoch milliseconds or a luxon DateTime */
export type TInstant = string | Date | number | DateTime;

export interface TOpenState {
  open: boolean;
  /** end of the opening interval containing `at`, when open */
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
const MINUTE_MS = 60_000;
const ZONED_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

export class CalendarError extends Error {
  override name = 'CalendarError';
}

interface CompiledCalendar {
  zone: string;
  /** by weekday index (0 = Monday): [openMinute, closeMinute] pairs, sorted */
  weekly: readonly (readonly [number, number])[][];
  holidays: ReadonlyMap<number, string>;
  hoursText: readonly string[];
  /** opening intervals already resolved, by local day number */
  days: Map<number, readonly (readonly [number, number])[]>;
}

const compiledCalendars = new WeakMap<TBusinessCalendar, CompiledCalendar>();

function compiled(calendar: TBusinessCalendar): CompiledCalendar {
  let entry = compiledCalendars.get(calendar);
  if (!entry) {
    const weekly = WEEKDAYS.map((day) =>
      (calendar.weekly[day] ?? [])
        .map((interval) => [minutesOfDay(interval.open), minutesOfDay(interval.close)] as const)
        .sort((a, b) => a[0] - b[0]),
    );
    entry = {
      zone: calendar.timeZone,
      weekly,
      holidays: new Map(calendar.holidays.map((holiday) => [dayNumberOfIsoDate(holiday.date), holiday.name])),
      hoursText: WEEKDAYS.map((day, index) => {
        const hours = calendar.weekly[day] ?? [];
        return hours.length === 0
          ? `closed on ${WEEKDAY_LONG[index]}s`
          : `${WEEKDAY_LONG[index]} hours ${hours.map((h) => `${h.open}–${h.close}`).join(', ')}`;
      }),
      days: new Map(),
    };
    compiledCalendars.set(calendar, entry);
  }
  return entry;
}

function toMillis(at: TInstant): number {
  if (typeof at === 'string' && !ZONED_SUFFIX.test(at)) {
    throw new CalendarError(`time "${at}" has no offset or zone`);
  }
  const millis = instantMs(at);
  if (Number.isNaN(millis)) throw new CalendarError(`invalid time: ${String(at)}`);
  return millis;
}

const MAX_CACHED_DAYS = 4096;

/** Opening intervals (UTC ms) on a local day, DST-correct; resolved once per day. */
function intervalsOn(calendar: CompiledCalendar, dayNumber: number): readonly (readonly [number, number])[] {
  const cached = calendar.days.get(dayNumber);
  if (cached) return cached;
  const hours = calendar.holidays.has(dayNumber) ? [] : (calendar.weekly[weekdayIndex(dayNumber)] ?? []);
  const dayStart = dayNumber * DAY_MS;
  const intervals = hours.map(
    ([open, close]) =>
      [
        fromLocalMs(calendar.zone, dayStart + open * MINUTE_MS),
        fromLocalMs(calendar.zone, dayStart + close * MINUTE_MS),
      ] as const,
  );
  if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
  calendar.days.set(dayNumber, intervals);
  return intervals;
}

function dayText(calendar: CompiledCalendar, dayNumber: number): string {
  const holiday = calendar.holidays.get(dayNumber);
  return holiday ? `closed for ${holiday}` : (calendar.hoursText[weekdayIndex(dayNumber)] ?? '');
}

function dayOf(calendar: CompiledCalendar, millis: number): number {
  return localDayNumber(toLocalMs(calendar.zone, millis));
}

/** Is the calendar open at `at`? (no explanation: for conditions evaluated per decision) */
export function isOpenAt(calendar: TBusinessCalendar, at: TInstant): boolean {
  const cal = compiled(calendar);
  const millis = toMillis(at);
  for (const [start, end] of intervalsOn(cal, dayOf(cal, millis))) {
    if (millis >= start && millis < end) return true;
  }
  return false;
}

/** Is the calendar open at `at`? */
export function isOpen(calendar: TBusinessCalendar, at: TInstant): TOpenState {
  const cal = compiled(calendar);
  const millis = toMillis(at);
  const day = dayOf(cal, millis);
  const where = `${describeInstant(cal.zone, millis)} (${dayText(cal, day)}, ${cal.zone})`;
  for (const [start, end] of intervalsOn(cal, day)) {
    if (millis >= start && millis < end) {
      return { open: true, closesAt: formatIso(cal.zone, end), explanation: `open at ${where}` };
    }
  }
  return { open: false, closesAt: null, explanation: `closed at ${where}` };
}

/** The first instant at or after `at` when the calendar is open. */
export function nextOpening(calendar: TBusinessCalendar, at: TInstant): TNextOpening {
  const cal = compiled(calendar);
  const millis = toMillis(at);
  const firstDay = dayOf(cal, millis);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
    for (const [start, end] of intervalsOn(cal, day)) {
      if (millis >= end) continue;
      if (millis >= start)
        return { at: formatIso(cal.zone, millis), explanation: `open now (${describeInstant(cal.zone, millis)})` };
      return {
        at: formatIso(cal.zone, start),
        explanation: `closed at ${describeInstant(cal.zone, millis)} (${dayText(cal, firstDay)}); next opening ${describeInstant(cal.zone, start)} (${dayText(cal, day)})`,
      };
    }
  }
  throw new CalendarError(`calendar has no opening within ${MAX_DAYS_SCANNED} days of ${formatIso(cal.zone, millis)}`);
}

/**
 * Adds `minutes` of open time to `at`: closed nights, weekends and holidays do not count.
 * A due time that lands exactly on a closing time stays there.
 */
export function addBusinessMinutes(calendar: TBusinessCalendar, at: TInstant, minutes: number): TBusinessMinutesResult {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new CalendarError(`business minutes must be a non-negative integer, got ${minutes}`);
  }
  const cal = compiled(calendar);
  const start = toMillis(at);
  let cursor = start;
  let remaining = minutes;
  const segments: TBusinessSegment[] = [];
  const parts: string[] = [];
  const firstDay = dayOf(cal, start);
  for (let day = firstDay; remaining > 0 && day < firstDay + MAX_DAYS_SCANNED * 4; day++) {
    for (const [intervalStart, intervalEnd] of intervalsOn(cal, day)) {
      if (remaining === 0) break;
      if (cursor >= intervalEnd) continue;
      const from = Math.max(cursor, intervalStart);
      const used = Math.min(Math.floor((intervalEnd - from) / MINUTE_MS), remaining);
      if (used <= 0) continue;
      const to = from + used * MINUTE_MS;
      segments.push({ start: formatIso(cal.zone, from), end: formatIso(cal.zone, to), minutes: used });
      parts.push(`${used} min ${describeInstant(cal.zone, from)}→${describeInstant(cal.zone, to).slice(15, 20)}`);
      remaining -= used;
      cursor = to;
    }
  }
  if (remaining > 0)
    throw new CalendarError(`could not place ${minutes} business minutes after ${formatIso(cal.zone, start)}`);
  return {
    startAt: formatIso(cal.zone, start),
    dueAt: formatIso(cal.zone, cursor),
    businessMinutes: minutes,
    segments,
    explanation: `${minutes} business minutes from ${describeInstant(cal.zone, start)} on ${cal.zone} hours: ${parts.length > 0 ? parts.join('; ') : 'none needed'}; due ${describeInstant(cal.zone, cursor)}`,
  };
}
