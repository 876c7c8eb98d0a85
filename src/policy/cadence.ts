/**
 * "The steering group will meet monthly / 6 weekly / bi-monthly / weekly":
 * meeting dates from a cadence.
 *
 * - Every N weeks: on the cadence's weekday, starting with the first such day
 *   on or after `from`, then every 7 x N days.
 * - Every N months: in the month of `from` and every N months after it, on the
 *   nth weekday of the month, the last weekday of the month, or a day of the
 *   month. A meeting that would fall before `from` (in the first month) is
 *   not held.
 * - The 5th weekday is held only in months that have one; other months are
 *   skipped. A group that wants a meeting every month on its final Tuesday
 *   uses 'last' instead.
 * - A day of the month that a month lacks (the 31st in April) is that month's
 *   last day.
 * - The start time is local wall time and stays the same across clock
 *   changes: 18:00 in London is 18:00 GMT in winter and 18:00 BST in summer.
 *   A start time that a clock change skips, or that happens twice, is resolved
 *   as `instantAt` in time.ts documents. The meeting lasts `durationMinutes`
 *   of real time.
 */
import type { Cadence } from './terms.ts';
import { WEEKDAYS } from './terms.ts';
import {
  addDays,
  calendarDateIn,
  daysInMonth,
  dayNumber,
  formatDate,
  instantAt,
  monthIndex,
  parseDate,
  weekdayIndex,
  type CalendarDate,
} from './time.ts';

export type ScheduledMeeting = {
  startsAt: Date;
  endsAt: Date;
  /** The meeting's date where the group meets. */
  localDate: CalendarDate;
};

/** Periods in a row without a meeting (5th-weekday months) after which we stop looking. */
const MAX_EMPTY_PERIODS = 400;

/** The first date on or after `date` that falls on `weekday`. */
function onOrAfter(date: CalendarDate, weekday: number): CalendarDate {
  return addDays(date, (weekday - weekdayIndex(date) + 7) % 7);
}

type MonthDay = Extract<Cadence, { unit: 'month' }>['on'];

/** The meeting day in a month, or null when the month has none (no 5th Tuesday). */
export function dayInMonth(year: number, month: number, on: MonthDay): CalendarDate | null {
  const length = daysInMonth(year, month);
  if (on.kind === 'day_of_month') return formatDate({ year, month, day: Math.min(on.day, length) });
  const weekday = WEEKDAYS.indexOf(on.weekday);
  if (on.nth === 'last') {
    const last = formatDate({ year, month, day: length });
    return addDays(last, -((weekdayIndex(last) - weekday + 7) % 7));
  }
  const first = onOrAfter(formatDate({ year, month, day: 1 }), weekday);
  const day = parseDate(first).day + 7 * (on.nth - 1);
  return day <= length ? formatDate({ year, month, day }) : null;
}

/** The date of occurrence `k` of the series (0 is the first), or null for a skipped month. */
function occurrence(cadence: Cadence, k: number): CalendarDate | null {
  if (cadence.unit === 'week') {
    const first = onOrAfter(cadence.from, WEEKDAYS.indexOf(cadence.weekday));
    return addDays(first, 7 * cadence.every * k);
  }
  const index = monthIndex(cadence.from) + cadence.every * k;
  const year = Math.floor(index / 12);
  const date = dayInMonth(year, index - year * 12 + 1, cadence.on);
  return date !== null && date >= cadence.from ? date : null;
}

/** An occurrence index at or a little before the one nearest `date`. */
function indexNear(cadence: Cadence, date: CalendarDate): number {
  const periods =
    cadence.unit === 'week'
      ? Math.floor((dayNumber(date) - dayNumber(cadence.from)) / (7 * cadence.every))
      : Math.floor((monthIndex(date) - monthIndex(cadence.from)) / cadence.every);
  return Math.max(0, periods - 1);
}

/**
 * The next `count` meetings that start at or after `from` (and, if given, at
 * or before `until`), in order.
 */
export function nextMeetings(
  cadence: Cadence,
  from: Date,
  count: number,
  options: { until?: Date } = {},
): ScheduledMeeting[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number');
  const meetings: ScheduledMeeting[] = [];
  let k = indexNear(cadence, calendarDateIn(cadence.timeZone, from));
  let empty = 0;
  while (meetings.length < count && empty <= MAX_EMPTY_PERIODS) {
    const date = occurrence(cadence, k++);
    if (date === null) {
      empty++;
      continue;
    }
    empty = 0;
    const startsAt = instantAt(cadence.timeZone, date, cadence.startTime);
    if (startsAt < from) continue;
    if (options.until && startsAt > options.until) break;
    const endsAt = new Date(startsAt.getTime() + cadence.durationMinutes * 60_000);
    meetings.push({ startsAt, endsAt, localDate: date });
  }
  return meetings;
}

/** Every meeting from `from` to `until` inclusive (say, the next 12 months to schedule). */
export function meetingsBetween(cadence: Cadence, from: Date, until: Date): ScheduledMeeting[] {
  return nextMeetings(cadence, from, Number.MAX_SAFE_INTEGER, { until });
}
