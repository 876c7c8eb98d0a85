/**
 * Meeting feeds as iCalendar (RFC 5545) text. Pure: no I/O, no clock unless
 * the caller passes one, and local times come from `Intl.DateTimeFormat` (via
 * policy/time.ts), so the feed needs no date library and no bundled tz data.
 *
 * Each meeting is written in its own zone's wall time (`DTSTART;TZID=...`),
 * so a calendar shows 18:00 on both sides of a clock change, and each zone
 * used gets a VTIMEZONE describing its real offset changes, found by asking
 * Intl what the offset is at each moment of the years the feed covers.
 */
import { isTimeZone, wallClock, zoneOffsetMinutes } from '../../../policy/index.ts';

export type CalendarEvent = {
  /** Stable across renders, e.g. `${meetingId}@accord`. */
  uid: string;
  /** Bumps each time a meeting is moved or changed. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone name, e.g. `Europe/London`. */
  timeZone: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Written as LAST-MODIFIED, and as DTSTAMP unless `now` is given. */
  updatedAt: Date;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** RFC 5545 §3.1: lines longer than this many octets are folded. */
const MAX_LINE_OCTETS = 75;

/**
 * The feed for `events`, with CRLF line endings and folded lines.
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

  const zones = [...new Set(events.map((event) => event.timeZone))];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Accord//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
  ];
  if (zones[0] !== undefined) lines.push(`X-WR-TIMEZONE:${zones[0]}`);
  for (const zone of zones) {
    lines.push(
      ...vtimezone(
        zone,
        events.filter((event) => event.timeZone === zone),
      ),
    );
  }
  for (const event of events) lines.push(...vevent(event, now));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function vevent(event: CalendarEvent, now: Date | undefined): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(now ?? event.updatedAt)}`,
    `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
    zonedDateTime('DTSTART', event.timeZone, event.startsAt),
  ];
  // RFC 5545 §3.6.1: DTEND must be later than DTSTART; an event without one
  // ends when it starts.
  if (event.endsAt.getTime() > event.startsAt.getTime()) {
    lines.push(zonedDateTime('DTEND', event.timeZone, event.endsAt));
  }
  lines.push(`SUMMARY:${text(event.summary)}`);
  for (const [property, value] of [
    ['DESCRIPTION', event.description],
    ['LOCATION', event.location],
  ] as const) {
    if (value) lines.push(`${property}:${text(value)}`);
  }
  const url = event.url ? uri(event.url) : '';
  if (url) lines.push(`URL:${url}`);
  lines.push(`STATUS:${event.status}`, 'END:VEVENT');
  return lines;
}

/**
 * `DTSTART;TZID=Europe/London:20270315T180000`. A wall time that happens
 * twice (the hour clocks go back) is written in UTC instead: RFC 5545 reads it
 * as the first of the two and some clients as the second, so only UTC is sure.
 */
function zonedDateTime(property: string, zone: string, instant: Date): string {
  if (wallTimeRepeats(zone, instant)) return `${property}:${utcStamp(instant)}`;
  const wall = wallClock(zone, instant);
  const stamp = dateTimeStamp(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  return `${property};TZID=${zone}:${stamp}`;
}

function wallTimeRepeats(zone: string, instant: Date): boolean {
  const t = instant.getTime();
  const offset = zoneOffsetMinutes(zone, instant);
  const nearby = [t - DAY_MS, t + DAY_MS].map((u) => zoneOffsetMinutes(zone, new Date(u)));
  return nearby.some((other) => {
    if (other === offset) return false;
    const twin = new Date(t + (offset - other) * MINUTE_MS);
    return zoneOffsetMinutes(zone, twin) === other;
  });
}

type Observance = {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local wall time of the change, on the clock before it (TZOFFSETFROM). */
  start: string;
  from: number;
  to: number;
  name: string | null;
};

/**
 * A VTIMEZONE with one dated observance per offset change from a year before
 * the zone's first event to a year after its last. A zone that never changes
 * in that span gets a single STANDARD observance from 1970.
 */
function vtimezone(zone: string, events: readonly CalendarEvent[]): string[] {
  const starts = events.map((event) => event.startsAt.getTime());
  const ends = events.map((event) => event.endsAt.getTime());
  const first = Math.min(...starts);
  const from = Date.UTC(new Date(first).getUTCFullYear() - 1, 0, 1);
  const until = Date.UTC(new Date(Math.max(...ends)).getUTCFullYear() + 2, 0, 1);
  const changes = offsetChanges(zone, from, until);

  let observances: Observance[];
  if (changes.length === 0) {
    const offset = offsetAt(zone, from);
    observances = [
      {
        kind: 'STANDARD',
        start: '19700101T000000',
        from: offset,
        to: offset,
        name: shortName(zone, from),
      },
    ];
  } else {
    // A zone whose first change comes after some of its events (one giving up
    // summer time, say) also needs the offset those events had.
    const covered = (changes[0]?.at ?? from) <= first;
    const anchor = covered
      ? []
      : [{ at: from, from: offsetAt(zone, from), to: offsetAt(zone, from) }];
    observances = classify(zone, [...anchor, ...changes]);
  }

  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const observance of observances) {
    lines.push(
      `BEGIN:${observance.kind}`,
      `DTSTART:${observance.start}`,
      `TZOFFSETFROM:${utcOffset(observance.from)}`,
      `TZOFFSETTO:${utcOffset(observance.to)}`,
    );
    if (observance.name) lines.push(`TZNAME:${text(observance.name)}`);
    lines.push(`END:${observance.kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

type OffsetChange = { at: number; from: number; to: number };

/** Every change of UTC offset in [from, until), each found to the minute. */
function offsetChanges(zone: string, from: number, until: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let t = from;
  let offset = offsetAt(zone, t);
  while (t < until) {
    const next = Math.min(t + DAY_MS, until);
    if (offsetAt(zone, next) === offset) {
      t = next;
      continue;
    }
    let before = t;
    let after = next;
    while (after - before > MINUTE_MS) {
      const middle = before + Math.floor((after - before) / MINUTE_MS / 2) * MINUTE_MS;
      if (offsetAt(zone, middle) === offset) before = middle;
      else after = middle;
    }
    const to = offsetAt(zone, after);
    changes.push({ at: after, from: offset, to });
    t = after;
    offset = to;
  }
  return changes;
}

/** DAYLIGHT is any offset above the smallest one in use in the same year. */
function classify(zone: string, changes: readonly OffsetChange[]): Observance[] {
  const dated = changes.map((change) => ({
    ...change,
    start: new Date(change.at + change.from * MINUTE_MS),
  }));
  const smallest = new Map<number, number>();
  for (const change of dated) {
    const year = change.start.getUTCFullYear();
    const known = smallest.get(year) ?? change.from;
    smallest.set(year, Math.min(known, change.from, change.to));
  }
  return dated.map((change) => ({
    kind:
      change.to > (smallest.get(change.start.getUTCFullYear()) ?? change.to)
        ? 'DAYLIGHT'
        : 'STANDARD',
    start: utcFieldsStamp(change.start),
    from: change.from,
    to: change.to,
    name: shortName(zone, change.at),
  }));
}

function offsetAt(zone: string, t: number): number {
  return zoneOffsetMinutes(zone, new Date(t));
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's abbreviation at `t` (BST, AEDT, CET), from the first English
 * locale whose data has one; otherwise Intl's `GMT+9` form.
 */
function shortName(zone: string, t: number): string | null {
  const names = ['en-US', 'en-GB', 'en-AU'].map((locale) => {
    const key = `${locale} ${zone}`;
    let format = nameFormatters.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      nameFormatters.set(key, format);
    }
    return format.formatToParts(new Date(t)).find((part) => part.type === 'timeZoneName')?.value;
  });
  return names.find((name) => name && !/^(GMT|UTC)[+-]/.test(name)) ?? names[0] ?? null;
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${pad(Math.floor(size / 60), 2)}${pad(size % 60, 2)}`;
}

/** `20270315T180000Z` */
function utcStamp(instant: Date): string {
  return `${utcFieldsStamp(instant)}Z`;
}

/** The UTC fields of `instant` as `YYYYMMDDTHHMMSS`, without a zone. */
function utcFieldsStamp(instant: Date): string {
  return dateTimeStamp(
    instant.getUTCFullYear(),
    instant.getUTCMonth() + 1,
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
}

function dateTimeStamp(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string {
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}T${pad(hour, 2)}${pad(minute, 2)}${pad(second, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Control characters other than newline can't appear in a feed (RFC 5545 §3.3.11). */
function clean(value: string): string {
  return value
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(/(?!\n)\p{Cc}/gu, '');
}

/** A TEXT value: cleaned, then `\`, `;`, `,` and newline escaped. */
function text(value: string): string {
  return clean(value).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A URI value is not escaped, so no control character, newline included, may stay. */
function uri(value: string): string {
  return value.toWellFormed().replace(/\p{Cc}/gu, '');
}

/**
 * Folds a content line at 75 octets of UTF-8, never inside a character; each
 * continuation line starts with one space, which counts towards its 75.
 */
function fold(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_LINE_OCTETS) {
      pieces.push(piece);
      piece = ' ';
      octets = 1;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n');
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
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
  if (!isTimeZone(event.timeZone)) {
    throw new RangeError(`${where} has an unknown time zone ${JSON.stringify(event.timeZone)}`);
  }
}

function assertInstant(value: Date, what: string): void {
  if (Number.isNaN(value.getTime())) throw new RangeError(`${what} is not a valid date`);
}
