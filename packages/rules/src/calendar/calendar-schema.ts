import { IANAZone } from 'luxon';
import { z } from 'zod';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight of an `HH:MM` string (24:00 = end of day). */
export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export const ZOpeningInterval = z
  .strictObject({
    open: z.string().regex(HH_MM, 'expected HH:MM (24-hour)'),
    close: z.string().regex(HH_MM, 'expected HH:MM (24-hour, 24:00 allowed)'),
  })
  .refine((interval) => minutesOfDay(interval.close) > minutesOfDay(interval.open), {
    message: 'close must be after open on the same day',
    path: ['close'],
  });

export const ZIanaTimeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  message: 'unknown IANA time zone',
});

/**
 * Weekly opening hours in one IANA time zone (wall-clock times, so DST is handled by the
 * zone), plus closed dates. Days missing from `weekly` are closed.
 */
export const ZBusinessCalendar = z
  .strictObject({
    timeZone: ZIanaTimeZone,
    weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(ZOpeningInterval)),
    /** local dates (YYYY-MM-DD) the calendar is closed all day */
    holidays: z
      .array(
        z.strictObject({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
          name: z.string().min(1),
        }),
      )
      .default([]),
  })
  .superRefine((calendar, ctx) => {
    for (const day of WEEKDAYS) {
      const intervals = calendar.weekly[day] ?? [];
      const sorted = [...intervals].sort((a, b) => minutesOfDay(a.open) - minutesOfDay(b.open));
      for (let index = 1; index < sorted.length; index++) {
        const previous = sorted[index - 1];
        const current = sorted[index];
        if (previous && current && minutesOfDay(current.open) < minutesOfDay(previous.close)) {
          ctx.addIssue({
            code: 'custom',
            path: ['weekly', day],
            message: 'opening intervals overlap',
          });
        }
      }
    }
    const hasHours = WEEKDAYS.some((day) => (calendar.weekly[day] ?? []).length > 0);
    if (!hasHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: 'calendar is never open',
      });
    }
  });
export type TBusinessCalendar = z.infer<typeof ZBusinessCalendar>;
export type TBusinessCalendarInput = z.input<typeof ZBusinessCalendar>;
