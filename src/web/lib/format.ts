// Dates and times on screen, in the reader's language (set by the language
// provider as it changes, formatLanguage.ts) through the shared layer in
// src/i18n/dates.ts.
import * as dates from '../../i18n/dates.ts';
import { formatLanguage } from './formatLanguage.ts';

export function formatDate(iso: string): string {
  return dates.formatDate(iso, formatLanguage.locale);
}

export function formatDateTime(iso: string): string {
  return dates.formatDateTime(iso, formatLanguage.locale);
}

/** A calendar date (YYYY-MM-DD) in words, on that day wherever the reader is. */
export function formatCalendarDate(date: string): string {
  return dates.formatCalendarDate(date, formatLanguage.locale);
}

/** The day of an instant where it happens, such as "Tuesday, 9 March 2027". */
export function formatDayIn(iso: string, timeZone: string): string {
  return dates.formatDayIn(iso, timeZone, formatLanguage.locale);
}

/** The time of an instant where it happens, with the zone's name: "18:00 GMT". */
export function formatTimeIn(iso: string, timeZone: string): string {
  return dates.formatTimeIn(iso, timeZone, formatLanguage.locale);
}

/**
 * When a meeting happens, in the meeting's own time zone (the group meets
 * there, wherever the reader is): "Tuesday, 9 March 2027, 18:00 GMT to 20:00 GMT".
 */
export function formatMeetingTime(startsAt: string, endsAt: string, timeZone: string): string {
  const t = dates.meetingTimeParts(startsAt, endsAt, timeZone, formatLanguage.locale);
  const start = `${t.startDay}, ${t.start}`;
  const end = t.endDay === null ? t.end : `${t.endDay}, ${t.end}`;
  const { intl } = formatLanguage;
  if (!intl) return `${start} to ${end}`;
  return intl.formatMessage(
    { id: 'common.time.range', defaultMessage: '{start} to {end}' },
    { start, end },
  );
}
