const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const calendarFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** A calendar date (YYYY-MM-DD) in words, on that day wherever the reader is. */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return calendarFormat.format(new Date(y, m - 1, d));
}

const zoned = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function zoneFormats(timeZone: string) {
  let found = zoned.get(timeZone);
  if (!found) {
    found = {
      day: new Intl.DateTimeFormat(undefined, {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
      time: new Intl.DateTimeFormat(undefined, {
        timeZone,
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
    };
    zoned.set(timeZone, found);
  }
  return found;
}

/** The day of an instant where it happens, such as "Tuesday 9 March 2027". */
export function formatDayIn(iso: string, timeZone: string): string {
  return zoneFormats(timeZone).day.format(new Date(iso));
}

/** The time of an instant where it happens, with the zone's short name: "18:00 GMT". */
export function formatTimeIn(iso: string, timeZone: string): string {
  return zoneFormats(timeZone).time.format(new Date(iso));
}

/**
 * When a meeting happens, in the meeting's own time zone (the group meets
 * there, wherever the reader is): "Tuesday 9 March 2027, 18:00 GMT to 20:00 GMT".
 */
export function formatMeetingTime(startsAt: string, endsAt: string, timeZone: string): string {
  const startDay = formatDayIn(startsAt, timeZone);
  const endDay = formatDayIn(endsAt, timeZone);
  const start = `${startDay}, ${formatTimeIn(startsAt, timeZone)}`;
  const end = formatTimeIn(endsAt, timeZone);
  return endDay === startDay ? `${start} to ${end}` : `${start} to ${endDay}, ${end}`;
}
