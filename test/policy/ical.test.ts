import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderCalendar, type CalendarEvent } from '../../src/server/modules/calendar/ical.ts';

/**
 * Reads a feed back the way a calendar client would: ical.js parses it, the
 * feed's own VTIMEZONEs are the only zone data it gets, then each VEVENT.
 */
function readBack(feed: string) {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  ICAL.TimezoneService.reset();
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, zones, events };
}

function meeting(
  overrides: Partial<CalendarEvent> & Pick<CalendarEvent, 'startsAt'>,
): CalendarEvent {
  return {
    uid: `${overrides.startsAt.toISOString()}@accord`,
    sequence: 0,
    endsAt: new Date(overrides.startsAt.getTime() + 90 * 60_000),
    timeZone: 'Europe/London',
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
    const compact = wall.replace(/[-:]/g, '');
    expect(feed).toContain(`DTSTART;TZID=${timeZone}:${compact}\r\n`);
    expect(event.startDate.zone.tzid).toBe(timeZone);
    expect(event.startDate.toString()).toBe(wall);
    expect(event.startDate.toJSDate().toISOString()).toBe(instant.toISOString());
    expect(event.endDate.toUnixTime() - event.startDate.toUnixTime()).toBe(90 * 60);
  });
}

describe('iCalendar feed of meetings', () => {
  it('describes the calendar and names its zone', () => {
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
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/London');
  });

  it('keeps a monthly 18:00 London meeting at 18:00 and at the right instant across both clock changes', () => {
    const events = londonSeries.map(([, startsAt]) => meeting({ startsAt }));
    const feed = renderCalendar({ name: 'Panel', events });
    expect(feed).toContain('DTSTART;TZID=Europe/London:20270315T180000\r\n');
    expect(feed).toContain('DTSTART;TZID=Europe/London:20270415T180000\r\n');
    expectRoundTrip(feed, 'Europe/London', londonSeries);
    for (const event of readBack(feed).events) expect(event.startDate.hour).toBe(18);
  });

  it('gives each zone one VTIMEZONE whose changes sit at the real clock changes', () => {
    const feed = renderCalendar({
      name: 'Panel',
      events: londonSeries.map(([, startsAt]) => meeting({ startsAt })),
    });
    const { zones } = readBack(feed);
    expect(zones).toHaveLength(1);
    const observances = zones[0]!
      .getAllSubcomponents()
      .map((sub) => [
        sub.name,
        sub.getFirstPropertyValue('dtstart')!.toString(),
        sub.getFirstPropertyValue('tzoffsetfrom')!.toString(),
        sub.getFirstPropertyValue('tzoffsetto')!.toString(),
      ]);
    expect(observances).toContainEqual(['daylight', '2027-03-28T01:00:00', '+00:00', '+01:00']);
    expect(observances).toContainEqual(['standard', '2027-10-31T02:00:00', '+01:00', '+00:00']);
    expect(feed).toContain('TZNAME:BST\r\n');
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
          url: 'https://accord.example/m/42?a=1,2;b',
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
      'https://accord.example/m/42?a=1,2;b',
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
      events: series.map(([, startsAt]) => meeting({ startsAt, timeZone: 'Asia/Tokyo' })),
    });
    const { zones } = readBack(feed);
    const [standard, ...rest] = zones[0]!.getAllSubcomponents();
    expect(rest).toHaveLength(0);
    expect(standard!.name).toBe('standard');
    expect(standard!.getFirstPropertyValue('dtstart')!.toString()).toBe('1970-01-01T00:00:00');
    expect(standard!.getFirstPropertyValue('tzoffsetfrom')!.toString()).toBe('+09:00');
    expect(standard!.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+09:00');
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
      events: series.map(([, startsAt]) => meeting({ startsAt, timeZone: 'Australia/Sydney' })),
    });
    const { zones } = readBack(feed);
    for (const observance of zones[0]!.getAllSubcomponents()) {
      const to = observance.getFirstPropertyValue('tzoffsetto')!.toString();
      expect(to).toBe(observance.name === 'daylight' ? '+11:00' : '+10:00');
    }
    expectRoundTrip(feed, 'Australia/Sydney', series);
  });

  it('round-trips a zone that moved its clocks for good after some of its meetings', () => {
    const series: Array<[string, Date]> = [
      ['2014-06-15T18:00:00', new Date('2014-06-15T18:00:00+04:00')],
      ['2014-12-15T18:00:00', new Date('2014-12-15T18:00:00+03:00')],
    ];
    const feed = renderCalendar({
      name: 'Moscow',
      events: series.map(([, startsAt]) => meeting({ startsAt, timeZone: 'Europe/Moscow' })),
    });
    expectRoundTrip(feed, 'Europe/Moscow', series);
  });

  it('writes the repeated hour when clocks go back in UTC, so no reader can mistake it', () => {
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

  it('refuses an unknown time zone or an event that ends before it starts', () => {
    const startsAt = new Date('2027-06-15T17:00:00Z');
    expect(() =>
      renderCalendar({ name: 'x', events: [meeting({ startsAt, timeZone: 'Europe/Atlantis' })] }),
    ).toThrow(RangeError);
    expect(() =>
      renderCalendar({
        name: 'x',
        events: [meeting({ startsAt, endsAt: new Date(startsAt.getTime() - 1) })],
      }),
    ).toThrow(RangeError);
  });
});
