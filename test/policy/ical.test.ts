import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderCalendar, type CalendarEvent } from '../../src/server/modules/calendar/feed.ts';

/**
 * Reads a feed back the way a calendar client would: ical.js parses it with no
 * zone data but the feed's own (there is none: every time is UTC).
 */
function readBack(feed: string) {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  ICAL.TimezoneService.reset();
  const zones = calendar.getAllSubcomponents('vtimezone');
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, zones, events };
}

/** The wall time of `instant` in `timeZone`, as a phone set to that zone shows it. */
function wallTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** `20270315T180000Z` */
function utcStamp(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

function meeting(
  overrides: Partial<CalendarEvent> & Pick<CalendarEvent, 'startsAt'>,
): CalendarEvent {
  return {
    uid: `${overrides.startsAt.toISOString()}@accord`,
    sequence: 0,
    endsAt: new Date(overrides.startsAt.getTime() + 90 * 60_000),
    summary: 'Steering group',
    status: 'CONFIRMED',
    updatedAt: new Date('2026-12-01T09:00:00Z'),
    ...overrides,
  };
}

/** Octets of each content line, CRLF excluded. */
function lines(feed: string): string[] {
  expect(feed.endsWith('\r\n')).toBe(true);
  return feed.slice(0, -2).split('\r\n');
}

/** The 2027 series: the 15th of each month plus both sides of each clock change. */
const londonSeries: Array<[wall: string, instant: Date]> = [
  ['2027-01-15T18:00:00', new Date('2027-01-15T18:00:00Z')],
  ['2027-02-15T18:00:00', new Date('2027-02-15T18:00:00Z')],
  ['2027-03-15T18:00:00', new Date('2027-03-15T18:00:00Z')],
  ['2027-03-27T18:00:00', new Date('2027-03-27T18:00:00Z')],
  ['2027-03-28T18:00:00', new Date('2027-03-28T17:00:00Z')],
  ['2027-04-15T18:00:00', new Date('2027-04-15T17:00:00Z')],
  ['2027-05-15T18:00:00', new Date('2027-05-15T17:00:00Z')],
  ['2027-06-15T18:00:00', new Date('2027-06-15T17:00:00Z')],
  ['2027-07-15T18:00:00', new Date('2027-07-15T17:00:00Z')],
  ['2027-08-15T18:00:00', new Date('2027-08-15T17:00:00Z')],
  ['2027-09-15T18:00:00', new Date('2027-09-15T17:00:00Z')],
  ['2027-10-15T18:00:00', new Date('2027-10-15T17:00:00Z')],
  ['2027-10-30T18:00:00', new Date('2027-10-30T17:00:00Z')],
  ['2027-10-31T18:00:00', new Date('2027-10-31T18:00:00Z')],
  ['2027-11-15T18:00:00', new Date('2027-11-15T18:00:00Z')],
  ['2027-12-15T18:00:00', new Date('2027-12-15T18:00:00Z')],
];

function expectRoundTrip(
  feed: string,
  timeZone: string,
  series: ReadonlyArray<[wall: string, instant: Date]>,
) {
  const { events } = readBack(feed);
  expect(events).toHaveLength(series.length);
  events.forEach((event, i) => {
    const [wall, instant] = series[i]!;
    expect(feed).toContain(`DTSTART:${utcStamp(instant)}\r\n`);
    expect(event.startDate.zone.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().toISOString()).toBe(instant.toISOString());
    expect(wallTime(event.startDate.toJSDate(), timeZone)).toBe(wall);
    expect(event.endDate.toUnixTime() - event.startDate.toUnixTime()).toBe(90 * 60);
  });
}

describe('iCalendar feed of meetings', () => {
  it('describes the calendar, naming no time zone', () => {
    const feed = renderCalendar({
      name: 'Health Panel',
      events: [meeting({ startsAt: new Date('2027-01-15T18:00:00Z') })],
    });
    const { calendar } = readBack(feed);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Accord//Meetings//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Health Panel');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBeNull();
    expect(feed).not.toContain('TZID');
  });

  it('keeps a monthly 18:00 London meeting at 18:00 and at the right instant across both clock changes', () => {
    const events = londonSeries.map(([, startsAt]) => meeting({ startsAt }));
    const feed = renderCalendar({ name: 'Panel', events });
    expect(feed).toContain('DTSTART:20270315T180000Z\r\n');
    expect(feed).toContain('DTSTART:20270415T170000Z\r\n');
    expectRoundTrip(feed, 'Europe/London', londonSeries);
    for (const event of readBack(feed).events) {
      expect(wallTime(event.startDate.toJSDate(), 'Europe/London')).toMatch(/T18:00:00$/);
    }
  });

  it('writes every time in UTC, so the feed needs no VTIMEZONE', () => {
    const feed = renderCalendar({
      name: 'Panel',
      events: londonSeries.map(([, startsAt]) => meeting({ startsAt })),
    });
    expect(readBack(feed).zones).toHaveLength(0);
    for (const line of lines(feed).filter((l) =>
      /^(DTSTART|DTEND|DTSTAMP|LAST-MODIFIED)/.test(l),
    )) {
      expect(line).toMatch(/^[A-Z-]+:\d{8}T\d{6}Z$/);
    }
  });

  it('writes a cancelled meeting as CANCELLED with its sequence', () => {
    const feed = renderCalendar({
      name: 'Panel',
      events: [
        meeting({
          uid: 'm-42@accord',
          startsAt: new Date('2027-06-15T17:00:00Z'),
          status: 'CANCELLED',
          sequence: 3,
        }),
      ],
    });
    const [event] = readBack(feed).events;
    expect(event!.uid).toBe('m-42@accord');
    expect(event!.sequence).toBe(3);
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('escapes semicolons, commas, backslashes and newlines so they come back unchanged', () => {
    const summary = 'Budget; Q1, Q2 \\ review\nsecond line';
    const location = 'Room 3, Town Hall; Back door \\ side';
    const feed = renderCalendar({
      name: 'Panel; north, south',
      events: [
        meeting({
          startsAt: new Date('2027-06-15T17:00:00Z'),
          summary,
          location,
          description: 'line one\r\nline two\nline three',
          url: 'https://accord.example/m/42?a=1&b=2',
        }),
      ],
    });
    expect(feed).toContain('SUMMARY:Budget\\; Q1\\, Q2 \\\\ review\\nsecond line\r\n');
    // ical.js types unknown X- properties as raw values, so read the line itself.
    expect(feed).toContain('X-WR-CALNAME:Panel\\; north\\, south\r\n');
    const { events } = readBack(feed);
    expect(events[0]!.summary).toBe(summary);
    expect(events[0]!.location).toBe(location);
    expect(events[0]!.description).toBe('line one\nline two\nline three');
    expect(events[0]!.component.getFirstPropertyValue('url')).toBe(
      'https://accord.example/m/42?a=1&b=2',
    );
  });

  it('strips control characters other than newline from text', () => {
    const feed = renderCalendar({
      name: 'Panel',
      events: [
        meeting({
          startsAt: new Date('2027-06-15T17:00:00Z'),
          summary: 'a\u0000b\u0007c\u001bd\u007fe\nf',
          url: 'https://accord.example/\r\nX-INJECTED:1',
        }),
      ],
    });
    expect(feed).not.toMatch(/(?![\r\n])\p{Cc}/u);
    expect(feed).not.toContain('\r\nX-INJECTED');
    const [event] = readBack(feed).events;
    expect(event!.summary).toBe('abcde\nf');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const description = 'Café ☕ — 会議のメモ 😀👩🏽‍💻 naïve façade, ñ; '.repeat(12);
    const summary = '😀'.repeat(40);
    const feed = renderCalendar({
      name: 'Panel',
      events: [meeting({ startsAt: new Date('2027-06-15T17:00:00Z'), summary, description })],
    });
    const contentLines = lines(feed);
    expect(contentLines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of contentLines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
      expect(line.isWellFormed()).toBe(true);
    }
    const [event] = readBack(feed).events;
    expect(event!.summary).toBe(summary);
    expect(event!.description).toBe(description);
  });

  it('round-trips a zone without summer time', () => {
    const series: Array<[string, Date]> = [
      ['2027-01-15T18:00:00', new Date('2027-01-15T18:00:00+09:00')],
      ['2027-03-28T18:00:00', new Date('2027-03-28T18:00:00+09:00')],
      ['2027-07-15T18:00:00', new Date('2027-07-15T18:00:00+09:00')],
      ['2027-10-31T18:00:00', new Date('2027-10-31T18:00:00+09:00')],
    ];
    const feed = renderCalendar({
      name: 'Tokyo',
      events: series.map(([, startsAt]) => meeting({ startsAt })),
    });
    expectRoundTrip(feed, 'Asia/Tokyo', series);
  });

  it('round-trips a southern-hemisphere zone, whose summer time spans the new year', () => {
    const series: Array<[string, Date]> = [
      ['2027-01-15T18:00:00', new Date('2027-01-15T18:00:00+11:00')],
      ['2027-04-03T18:00:00', new Date('2027-04-03T18:00:00+11:00')],
      ['2027-04-04T18:00:00', new Date('2027-04-04T18:00:00+10:00')],
      ['2027-07-15T18:00:00', new Date('2027-07-15T18:00:00+10:00')],
      ['2027-10-02T18:00:00', new Date('2027-10-02T18:00:00+10:00')],
      ['2027-10-03T18:00:00', new Date('2027-10-03T18:00:00+11:00')],
      ['2027-12-15T18:00:00', new Date('2027-12-15T18:00:00+11:00')],
    ];
    const feed = renderCalendar({
      name: 'Sydney',
      events: series.map(([, startsAt]) => meeting({ startsAt })),
    });
    expectRoundTrip(feed, 'Australia/Sydney', series);
  });

  it('round-trips a zone that moved its clocks for good after some of its meetings', () => {
    const series: Array<[string, Date]> = [
      ['2014-06-15T18:00:00', new Date('2014-06-15T18:00:00+04:00')],
      ['2014-12-15T18:00:00', new Date('2014-12-15T18:00:00+03:00')],
    ];
    const feed = renderCalendar({
      name: 'Moscow',
      events: series.map(([, startsAt]) => meeting({ startsAt })),
    });
    expectRoundTrip(feed, 'Europe/Moscow', series);
  });

  it('keeps the two 01:30s of the night clocks go back apart', () => {
    const first = new Date('2027-10-31T00:30:00Z');
    const second = new Date('2027-10-31T01:30:00Z');
    const feed = renderCalendar({
      name: 'Panel',
      events: [meeting({ startsAt: first }), meeting({ startsAt: second })],
    });
    expect(feed).toContain('DTSTART:20271031T003000Z\r\n');
    expect(feed).toContain('DTSTART:20271031T013000Z\r\n');
    const starts = readBack(feed).events.map((event) => event.startDate.toJSDate().getTime());
    expect(starts).toEqual([first.getTime(), second.getTime()]);
  });

  it('refuses an event that ends before it starts, or a sequence below zero', () => {
    const startsAt = new Date('2027-06-15T17:00:00Z');
    expect(() =>
      renderCalendar({ name: 'x', events: [meeting({ startsAt, sequence: -1 })] }),
    ).toThrow(RangeError);
    expect(() =>
      renderCalendar({
        name: 'x',
        events: [meeting({ startsAt, endsAt: new Date(startsAt.getTime() - 1) })],
      }),
    ).toThrow(RangeError);
  });
});
