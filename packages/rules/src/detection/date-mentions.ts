/**
 * Calendar dates written in a message ("4/1", "5/30", "the 1st", "March 2", "2 de mayo"), as
 * positions in a year, so a cue can ask how far apart the dates a customer gives lie.
 */

const monthNumbers: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['enero', 1],
  ['feb', 2],
  ['february', 2],
  ['febrero', 2],
  ['mar', 3],
  ['march', 3],
  ['marzo', 3],
  ['apr', 4],
  ['april', 4],
  ['abril', 4],
  ['may', 5],
  ['mayo', 5],
  ['jun', 6],
  ['june', 6],
  ['junio', 6],
  ['jul', 7],
  ['july', 7],
  ['julio', 7],
  ['aug', 8],
  ['august', 8],
  ['agosto', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['septiembre', 9],
  ['oct', 10],
  ['october', 10],
  ['octubre', 10],
  ['nov', 11],
  ['november', 11],
  ['noviembre', 11],
  ['dec', 12],
  ['december', 12],
  ['diciembre', 12],
]);

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of the year (1–365) for a month and day, or null when they are no calendar date. */
function dayOfYear(month: number, day: number): number | null {
  if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return (daysBeforeMonth[month - 1] ?? 0) + day;
}

const monthNames = [...monthNumbers.keys()].join('|');
const slashDate = /(?<![\d/$.])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g;
const namedMonthDate = new RegExp(`\\b(${monthNames})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi');
const dayOfNamedMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${monthNames})\\b`, 'gi');
const ordinalDay = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/gi;

export interface DateMention {
  /** Day of the year, or of the current month when only the day is written ("the 20th"). */
  day: number;
  /** Whether the month was written; day-only mentions are compared only with each other. */
  hasMonth: boolean;
}

/** Every date written in the text, in order of appearance. */
export function findDateMentions(text: string): DateMention[] {
  const found: Array<DateMention & { at: number }> = [];
  for (const match of text.matchAll(slashDate)) {
    const day = dayOfYear(Number(match[1]), Number(match[2]));
    if (day !== null) found.push({ day, hasMonth: true, at: match.index });
  }
  for (const match of text.matchAll(namedMonthDate)) {
    const day = dayOfYear(monthNumbers.get((match[1] ?? '').toLowerCase()) ?? 0, Number(match[2]));
    if (day !== null) found.push({ day, hasMonth: true, at: match.index });
  }
  for (const match of text.matchAll(dayOfNamedMonth)) {
    const day = dayOfYear(monthNumbers.get((match[2] ?? '').toLowerCase()) ?? 0, Number(match[1]));
    if (day !== null) found.push({ day, hasMonth: true, at: match.index });
  }
  for (const match of text.matchAll(ordinalDay)) {
    const day = Number(match[1]);
    if (day >= 1 && day <= 31) found.push({ day, hasMonth: false, at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ day, hasMonth }) => ({ day, hasMonth }));
}

/**
 * Days from the first date written to the last one (wrapping over a year end), comparing
 * month dates with month dates and bare days with bare days; null with fewer than two dates.
 */
export function daysBetweenFirstAndLastDate(text: string): number | null {
  const mentions = findDateMentions(text);
  let widest: number | null = null;
  for (const hasMonth of [true, false]) {
    const days = mentions.filter((mention) => mention.hasMonth === hasMonth).map((mention) => mention.day);
    const first = days[0];
    const last = days[days.length - 1];
    if (days.length < 2 || first === undefined || last === undefined) continue;
    const span = last >= first ? last - first : last + (hasMonth ? 365 : 31) - first;
    widest = widest === null ? span : Math.max(widest, span);
  }
  return widest;
}
