/**
 * Meeting feeds as iCalendar (RFC 5545) text, written by ical-generator.
 *
 * Every time is written in UTC (`DTSTART:20270315T180000Z`): an instant that
 * every calendar shows in its own local time, so an 18:00 London meeting is
 * 18:00 on a London phone on both sides of a clock change, with no VTIMEZONE
 * to get wrong and no hour that happens twice. The feed names no time zone
 * (no X-WR-TIMEZONE): some clients shift UTC times by it.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarEvent = {
  /** Stable across renders, e.g. `${meetingId}@accord`. */
  uid: string;
  /** Bumps each time a meeting is moved or changed. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Written as LAST-MODIFIED, and as DTSTAMP unless `now` is given. */
  updatedAt: Date;
};

/**
 * The feed for `events`, with CRLF line endings and lines folded at 75 octets.
 *
 * DTSTAMP is `now` when the caller passes it (with METHOD present, RFC 5545
 * §3.8.7.2 makes DTSTAMP the time the feed was produced); without it DTSTAMP
 * is each event's `updatedAt`, so the same data always renders the same text.
 */
export function renderCalendar(input: {
  name: string;
  events: readonly CalendarEvent[];
  now?: Date;
}): string {
  const { name, events, now } = input;
  if (now !== undefined) assertInstant(now, 'now');
  events.forEach(assertEvent);

  const calendar = ical({
    prodId: '//Accord//Meetings//EN',
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // ical-generator writes the name as given, so escape it here.
    name: escapeText(clean(name)),
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: now ?? event.updatedAt,
      lastModified: event.updatedAt,
      start: event.startsAt,
      // RFC 5545 §3.6.1: DTEND must be later than DTSTART; an event without
      // one ends when it starts.
      end: event.endsAt.getTime() > event.startsAt.getTime() ? event.endsAt : null,
      summary: clean(event.summary),
      description: event.description ? clean(event.description) : null,
      location: event.location ? clean(event.location) : null,
      url: event.url ? event.url.toWellFormed().replace(/\p{Cc}/gu, '') : null,
      status: event.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return `${calendar.toString()}\r\n`;
}

/**
 * Control characters other than newline can't appear in a feed (RFC 5545
 * §3.3.11), nor can half a surrogate pair.
 */
function clean(value: string): string {
  return value
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(/(?!\n)\p{Cc}/gu, '');
}

/** A TEXT value: `\`, `;`, `,` and newline escaped. */
function escapeText(value: string): string {
  return value.replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function assertEvent(event: CalendarEvent): void {
  const where = `event ${JSON.stringify(event.uid)}`;
  assertInstant(event.startsAt, `${where} startsAt`);
  assertInstant(event.endsAt, `${where} endsAt`);
  assertInstant(event.updatedAt, `${where} updatedAt`);
  if (event.endsAt.getTime() < event.startsAt.getTime()) {
    throw new RangeError(`${where} ends before it starts`);
  }
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`${where} has a sequence that is not a whole number ≥ 0`);
  }
}

function assertInstant(value: Date, what: string): void {
  if (Number.isNaN(value.getTime())) throw new RangeError(`${what} is not a valid date`);
}
