/**
 * Fast wall-clock arithmetic in an IANA zone. Offsets come from the platform's time-zone
 * database (Intl) and are cached per 15-minute bucket — zone transitions fall on such
 * boundaries — so converting an instant costs a map lookup after the first call.
 */
import { DateTime } from 'luxon';

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;
const CACHE_LIMIT = 100_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const abbreviationCache = new Map<string, string>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset from UTC in minutes of `zone` at the instant `utcMs`. */
export function offsetMinutes(zone: string, utcMs: number): number {
  let zoneCache = offsetCache.get(zone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(zone, zoneCache);
  }
  const bucket = Math.floor(utcMs / BUCKET_MS);
  const cached = zoneCache.get(bucket);
  if (cached !== undefined) return cached;
  const bucketStart = bucket * BUCKET_MS;
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(bucketStart))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const localMs = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  const offset = Math.round((localMs - bucketStart) / MINUTE_MS);
  if (zoneCache.size >= CACHE_LIMIT) zoneCache.clear();
  zoneCache.set(bucket, offset);
  return offset;
}

/** Local wall-clock milliseconds ("UTC-shaped") of an instant in `zone`. */
export function toLocalMs(zone: string, utcMs: number): number {
  return utcMs + offsetMinutes(zone, utcMs) * MINUTE_MS;
}

/**
 * The instant of a local wall-clock time. A time skipped by a spring-forward change moves
 * forward by the gap (02:30 → 03:30); a repeated fall-back time resolves to its first occurrence.
 */
export function fromLocalMs(zone: string, localMs: number): number {
  const firstGuess = localMs - offsetMinutes(zone, localMs) * MINUTE_MS;
  const offset = offsetMinutes(zone, firstGuess);
  const candidate = localMs - offset * MINUTE_MS;
  if (offsetMinutes(zone, candidate) === offset) return candidate;
  // skipped local time: keep the offset in force before the change, which moves it forward
  return localMs - offsetMinutes(zone, candidate) * MINUTE_MS;
}

/** Days since 1970-01-01 of a local time. */
export function localDayNumber(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function dayNumberOfIsoDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.floor(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS);
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function offsetText(offset: number): string {
  if (offset === 0) return 'Z';
  return `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** texts by zone, then by a number derived from the instant */
type TTextCache = Map<string, Map<number, string>>;

function zoneTexts(cache: TTextCache, zone: string): Map<number, string> {
  let texts = cache.get(zone);
  if (!texts) {
    texts = new Map();
    cache.set(zone, texts);
  }
  return texts;
}

const isoCache: TTextCache = new Map();

/** ISO-8601 with the zone's offset, milliseconds only when non-zero. */
export function formatIso(zone: string, utcMs: number): string {
  if (utcMs % MINUTE_MS !== 0) return formatIsoUncached(zone, utcMs);
  // whole minutes (opening and closing times, due times) repeat: cache them
  const texts = zoneTexts(isoCache, zone);
  let text = texts.get(utcMs);
  if (text === undefined) {
    text = formatIsoUncached(zone, utcMs);
    if (texts.size >= CACHE_LIMIT) texts.clear();
    texts.set(utcMs, text);
  }
  return text;
}

function formatIsoUncached(zone: string, utcMs: number): string {
  const offset = offsetMinutes(zone, utcMs);
  const local = new Date(utcMs + offset * MINUTE_MS).toISOString();
  const millis = local.slice(19, 23);
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}${offset === 0 ? '+00:00' : offsetText(offset)}`;
}

function zoneAbbreviation(zone: string, utcMs: number): string {
  const offset = offsetMinutes(zone, utcMs);
  const key = `${zone}\u0000${offset}`;
  let name = abbreviationCache.get(key);
  if (name === undefined) {
    let formatter = nameFormatters.get(zone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
      nameFormatters.set(zone, formatter);
    }
    name =
      formatter.formatToParts(new Date(utcMs)).find((part) => part.type === 'timeZoneName')?.value ??
      offsetText(offset);
    abbreviationCache.set(key, name);
  }
  return name;
}

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAY_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const describeCache: TTextCache = new Map();

/** e.g. `Sat 2026-03-07 17:10 EST` */
export function describeInstant(zone: string, utcMs: number): string {
  const minute = Math.floor(utcMs / MINUTE_MS);
  const texts = zoneTexts(describeCache, zone);
  let text = texts.get(minute);
  if (text === undefined) {
    text = describeUncached(zone, utcMs);
    if (texts.size >= CACHE_LIMIT) texts.clear();
    texts.set(minute, text);
  }
  return text;
}

function describeUncached(zone: string, utcMs: number): string {
  const localMs = toLocalMs(zone, utcMs);
  const text = new Date(localMs).toISOString();
  return `${WEEKDAY_SHORT[weekdayIndex(localDayNumber(localMs))]} ${text.slice(0, 10)} ${text.slice(11, 16)} ${zoneAbbreviation(zone, utcMs)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of the `count` ASCII digits of `text` at `from`; -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch milliseconds of the common shape `YYYY-MM-DDTHH:MM[:SS[.sss]]` followed by `Z` or
 * `±HH:MM`, with every field in range; NaN for any other text (the caller then asks
 * `Date.parse`, which gives the same value for the texts accepted here).
 */
export function parseIsoInstant(text: string): number {
  const length = text.length;
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) {
    return Number.NaN;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (text.charCodeAt(13) !== 58 || year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
    return Number.NaN;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0) || minute < 0 || minute > 59) return Number.NaN;
  let index = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(index) === 58) {
    second = digits(text, index + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    index += 3;
    if (text.charCodeAt(index) === 46) {
      millis = digits(text, index + 1, 3);
      if (millis < 0) return Number.NaN;
      index += 4;
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(index);
  if (sign === 90 && index + 1 === length) offset = 0;
  else if ((sign === 43 || sign === 45) && index + 6 === length && text.charCodeAt(index + 3) === 58) {
    const offsetHours = digits(text, index + 1, 2);
    const offsetMinutes = digits(text, index + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
    offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Milliseconds of an instant given as text with offset, a Date, epoch ms or a luxon DateTime. */
export function instantMs(at: string | Date | number | DateTime): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  if (DateTime.isDateTime(at)) return at.toMillis();
  const fast = parseIsoInstant(at);
  if (!Number.isNaN(fast)) return fast;
  const parsed = Date.parse(at);
  if (!Number.isNaN(parsed)) return parsed;
  const fallback = DateTime.fromISO(at, { setZone: true });
  return fallback.isValid ? fallback.toMillis() : Number.NaN;
}
