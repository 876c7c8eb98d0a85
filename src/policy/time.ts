/**
 * Calendar dates and wall-clock times in IANA time zones, using only
 * `Intl.DateTimeFormat`. A calendar date is a string `YYYY-MM-DD`; a time of
 * day is `HH:MM` on the 24-hour clock; an instant is a `Date`.
 */

export type CalendarDate = string;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type DateParts = { year: number; month: number; day: number };

export function parseDate(date: CalendarDate): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatDate({ year, month, day }: DateParts): CalendarDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function utcMidnight({ year, month, day }: DateParts): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(date: CalendarDate): number {
  return Math.round(utcMidnight(parseDate(date)) / DAY_MS);
}

export function dateOfDayNumber(days: number): CalendarDate {
  const date = new Date(days * DAY_MS);
  return formatDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day of the month, `months` later. A day that the target month does
 * not have becomes that month's last day: 31 January + 1 month is 28 (or 29)
 * February, never 3 March.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(date: CalendarDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** Months since year 0, for counting "every N months". */
export function monthIndex(date: CalendarDate): number {
  const { year, month } = parseDate(date);
  return year * 12 + (month - 1);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True for a time zone name such as `Europe/London` that this runtime knows. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length > 64) return false;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export type WallClock = DateParts & { hour: number; minute: number; second: number };

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClock(timeZone: string, instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The calendar date in `timeZone` at `instant`. */
export function calendarDateIn(timeZone: string, instant: Date): CalendarDate {
  return formatDate(wallClock(timeZone, instant));
}

/** The local time of day `HH:MM` in `timeZone` at `instant`. */
export function timeOfDayIn(timeZone: string, instant: Date): string {
  const { hour, minute } = wallClock(timeZone, instant);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Minutes the zone is ahead of UTC at `instant` (60 for London in summer). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const wall = wallClock(timeZone, instant);
  const wallAsUtc = utcMidnight(wall) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / MINUTE_MS);
}

export function parseTimeOfDay(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The instant at which clocks in `timeZone` show `date` `time`.
 *
 * Clock changes make some wall times ambiguous, resolved the way Temporal's
 * "compatible" option does:
 * - a time that happens twice (clocks go back) is the first of the two, the
 *   one before the change;
 * - a time that never happens (clocks go forward) moves forward by the length
 *   of the gap: 01:30 on the morning London springs forward is 02:30 BST.
 */
export function instantAt(timeZone: string, date: CalendarDate, time: string): Date {
  const { hour, minute } = parseTimeOfDay(time);
  const wallAsUtc = utcMidnight(parseDate(date)) + (hour * 60 + minute) * MINUTE_MS;
  const before = zoneOffsetMinutes(timeZone, new Date(wallAsUtc - DAY_MS));
  const after = zoneOffsetMinutes(timeZone, new Date(wallAsUtc + DAY_MS));
  const matches = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((t) => {
      const wall = wallClock(timeZone, new Date(t));
      return formatDate(wall) === date && wall.hour === hour && wall.minute === minute;
    })
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wallAsUtc - before * MINUTE_MS);
}
