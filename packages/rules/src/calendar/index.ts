export {
  addBusinessMinutes,
  CalendarError,
  isOpen,
  isOpenAt,
  nextOpening,
  type TBusinessMinutesResult,
  type TBusinessSegment,
  type TInstant,
  type TNextOpening,
  type TOpenState,
} from './business-calendar.js';
export {
  type TBusinessCalendar,
  type TBusinessCalendarInput,
  type TWeekday,
  WEEKDAYS,
  ZBusinessCalendar,
  ZIanaTimeZone,
} from './calendar-schema.js';
