import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  instantAt,
  meetingsBetween,
  nextMeetings,
  WEEKDAYS,
  type Cadence,
  type ScheduledMeeting,
} from '../../src/policy/index.ts';

const london = { startTime: '18:00', durationMinutes: 120, timeZone: 'Europe/London' } as const;

const monthly = (on: Extract<Cadence, { unit: 'month' }>['on'], every = 1): Cadence => ({
  unit: 'month',
  every,
  on,
  from: '2026-01-01',
  ...london,
});

const isoStarts = (cadence: Cadence, from: string, count: number) =>
  nextMeetings(cadence, new Date(from), count).map((m) => m.startsAt.toISOString());

describe('meeting dates from a cadence', () => {
  it('keeps a monthly 18:00 London meeting at 18:00 local across the March and October clock changes', () => {
    const cadence = monthly({ kind: 'nth_weekday', nth: 2, weekday: 'tuesday' });
    expect(isoStarts(cadence, '2026-03-01T00:00:00Z', 9)).toEqual([
      '2026-03-10T18:00:00.000Z',
      '2026-04-14T17:00:00.000Z',
      '2026-05-12T17:00:00.000Z',
      '2026-06-09T17:00:00.000Z',
      '2026-07-14T17:00:00.000Z',
      '2026-08-11T17:00:00.000Z',
      '2026-09-08T17:00:00.000Z',
      '2026-10-13T17:00:00.000Z',
      '2026-11-10T18:00:00.000Z',
    ]);
  });

  it('meets every 6 weeks on the chosen weekday, from the first one on or after the start', () => {
    const cadence: Cadence = {
      unit: 'week',
      every: 6,
      weekday: 'wednesday',
      from: '2026-01-01',
      ...london,
    };
    const meetings = nextMeetings(cadence, new Date('2026-01-01T00:00:00Z'), 4);
    expect(meetings.map((m) => m.localDate)).toEqual([
      '2026-01-07',
      '2026-02-18',
      '2026-04-01',
      '2026-05-13',
    ]);
  });

  it('meets every 2 months, counted from the month the series starts', () => {
    const cadence = monthly({ kind: 'nth_weekday', nth: 1, weekday: 'monday' }, 2);
    const dates = nextMeetings(cadence, new Date('2026-01-01T00:00:00Z'), 4).map(
      (m) => m.localDate,
    );
    expect(dates).toEqual(['2026-01-05', '2026-03-02', '2026-05-04', '2026-07-06']);
  });

  it('holds a 5th-weekday meeting only in months that have one', () => {
    const cadence = monthly({ kind: 'nth_weekday', nth: 5, weekday: 'friday' });
    const dates = nextMeetings(cadence, new Date('2026-01-01T00:00:00Z'), 4).map(
      (m) => m.localDate,
    );
    expect(dates).toEqual(['2026-01-30', '2026-05-29', '2026-07-31', '2026-10-30']);
  });

  it('holds a last-weekday meeting every month', () => {
    const cadence = monthly({ kind: 'nth_weekday', nth: 'last', weekday: 'friday' });
    const dates = nextMeetings(cadence, new Date('2026-01-01T00:00:00Z'), 3).map(
      (m) => m.localDate,
    );
    expect(dates).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('moves a meeting on the 31st to the last day of a shorter month', () => {
    const cadence = monthly({ kind: 'day_of_month', day: 31 });
    const dates = nextMeetings(cadence, new Date('2028-01-01T00:00:00Z'), 4).map(
      (m) => m.localDate,
    );
    expect(dates).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  });

  it('does not hold a meeting in the first month before the series starts', () => {
    const cadence = {
      ...monthly({ kind: 'nth_weekday', nth: 1, weekday: 'monday' }),
      from: '2026-01-10',
    };
    expect(nextMeetings(cadence, new Date('2025-12-01T00:00:00Z'), 1)[0]?.localDate).toBe(
      '2026-02-02',
    );
  });

  it('includes a meeting starting exactly at the from instant, and stops at until', () => {
    const cadence = monthly({ kind: 'nth_weekday', nth: 2, weekday: 'tuesday' });
    const from = new Date('2026-03-10T18:00:00Z');
    expect(nextMeetings(cadence, from, 1)[0]?.startsAt).toEqual(from);
    const until = new Date('2026-06-09T17:00:00Z');
    expect(meetingsBetween(cadence, from, until).map((m) => m.localDate)).toEqual([
      '2026-03-10',
      '2026-04-14',
      '2026-05-12',
      '2026-06-09',
    ]);
  });

  it('lasts its duration in real time, even across a clock change', () => {
    const cadence: Cadence = {
      unit: 'week',
      every: 1,
      weekday: 'sunday',
      from: '2026-10-25',
      startTime: '00:30',
      durationMinutes: 120,
      timeZone: 'Europe/London',
    };
    const [meeting] = nextMeetings(cadence, new Date('2026-10-24T00:00:00Z'), 1);
    expect(meeting?.startsAt.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(meeting?.endsAt.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('moves a start time that the clocks skip forward by the gap, and takes the first of a repeated time', () => {
    expect(instantAt('Europe/London', '2026-03-29', '01:30').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(instantAt('Europe/London', '2026-10-25', '01:30').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(instantAt('America/New_York', '2026-03-08', '02:15').toISOString()).toBe(
      '2026-03-08T07:15:00.000Z',
    );
    expect(instantAt('America/New_York', '2026-11-01', '01:15').toISOString()).toBe(
      '2026-11-01T05:15:00.000Z',
    );
    expect(instantAt('Australia/Sydney', '2026-10-04', '02:30').toISOString()).toBe(
      '2026-10-03T16:30:00.000Z',
    );
    expect(instantAt('Australia/Sydney', '2026-04-05', '02:30').toISOString()).toBe(
      '2026-04-04T15:30:00.000Z',
    );
  });
});

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney'] as const;
const YEARS_3 = 3 * 366 * 86_400_000;

/** Local date and time by a formatter of the test's own, not the code's. */
function local(timeZone: string, instant: Date): { date: string; time: string; offset: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    offset: String(parts.timeZoneName),
  };
}

const plusMinutes = (time: string, minutes: number) => {
  const [h, m] = time.split(':').map(Number);
  const total = (h! * 60 + m! + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const weekday = (date: string) => WEEKDAYS[(((day(date) + 3) % 7) + 7) % 7];

const startTime = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 30)),
  )
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const aWeekday = fc.oneof(fc.constant('sunday' as const), fc.constantFrom(...WEEKDAYS));
const common = fc.record({
  from: fc
    .integer({ min: 0, max: 700 })
    .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  startTime,
  durationMinutes: fc.integer({ min: 5, max: 720 }),
  timeZone: fc.constantFrom(...ZONES),
});
const CADENCES: Record<string, fc.Arbitrary<Cadence>> = {
  'every N weeks': fc
    .tuple(common, fc.integer({ min: 1, max: 8 }), aWeekday)
    .map(([c, every, weekday]) => ({ ...c, unit: 'week' as const, every, weekday })),
  'every N months on the nth weekday': fc
    .tuple(common, fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 2, 3, 4, 5), aWeekday)
    .map(([c, every, nth, weekday]) => ({
      ...c,
      unit: 'month' as const,
      every,
      on: { kind: 'nth_weekday' as const, nth, weekday },
    })),
  'every N months on the last weekday': fc
    .tuple(common, fc.integer({ min: 1, max: 6 }), aWeekday)
    .map(([c, every, weekday]) => ({
      ...c,
      unit: 'month' as const,
      every,
      on: { kind: 'nth_weekday' as const, nth: 'last' as const, weekday },
    })),
  'every N months on a day of the month': fc
    .tuple(common, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 31 }))
    .map(([c, every, d]) => ({
      ...c,
      unit: 'month' as const,
      every,
      on: { kind: 'day_of_month' as const, day: d },
    })),
};

/** The meeting day rule, checked on the date alone. */
function onTheRightDay(cadence: Cadence, date: string): boolean {
  if (cadence.unit === 'week') return weekday(date) === cadence.weekday;
  const d = Number(date.slice(8, 10));
  const length = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  if (cadence.on.kind === 'day_of_month') return d === Math.min(cadence.on.day, length);
  if (weekday(date) !== cadence.on.weekday) return false;
  return cadence.on.nth === 'last' ? d + 7 > length : Math.ceil(d / 7) === cadence.on.nth;
}

describe('every cadence kind over 3 years, across clock changes', () => {
  for (const [kind, arbitrary] of Object.entries(CADENCES)) {
    it(`${kind}: keeps local time, increases strictly and keeps its interval`, () => {
      let runs = 0;
      let acrossClockChanges = 0;
      fc.assert(
        fc.property(arbitrary, (cadence) => {
          const from = new Date(Date.parse(`${cadence.from}T00:00:00Z`) - 86_400_000);
          const meetings = meetingsBetween(cadence, from, new Date(from.getTime() + YEARS_3));
          expect(meetings.length).toBeGreaterThanOrEqual(expectedAtLeast(cadence));
          const offsets = new Set(meetings.map((m) => local(cadence.timeZone, m.startsAt).offset));
          runs++;
          if (offsets.size === 2) acrossClockChanges++;
          meetings.forEach((meeting, i) => checkMeeting(cadence, meeting, meetings[i - 1]));
        }),
        { numRuns: 150 },
      );
      expect(acrossClockChanges).toBeGreaterThan(runs / 2);
    });
  }
});

/** Meetings a cadence must hold in 3 years: all but the edges (5th weekdays may be rare). */
function expectedAtLeast(cadence: Cadence): number {
  if (cadence.unit === 'week') return Math.floor((3 * 365) / (7 * cadence.every)) - 1;
  if (cadence.on.kind === 'nth_weekday' && cadence.on.nth === 5) return 0;
  return Math.floor(36 / cadence.every) - 1;
}

function checkMeeting(cadence: Cadence, meeting: ScheduledMeeting, previous?: ScheduledMeeting) {
  const seen = local(cadence.timeZone, meeting.startsAt);
  expect(seen.date).toBe(meeting.localDate);
  expect(meeting.localDate >= cadence.from).toBe(true);
  expect(onTheRightDay(cadence, meeting.localDate)).toBe(true);
  const hourBefore = local(cadence.timeZone, new Date(meeting.startsAt.getTime() - 3_600_000));
  if (seen.time !== cadence.startTime) {
    // Only a start time the clocks skipped over moves, forward by the one-hour gap.
    expect(seen.time).toBe(plusMinutes(cadence.startTime, 60));
    expect(hourBefore.offset).not.toBe(seen.offset);
  }
  // The first of a repeated time: an hour earlier the clock did not show it too.
  expect(hourBefore.date === seen.date && hourBefore.time === seen.time).toBe(false);
  expect(meeting.endsAt.getTime() - meeting.startsAt.getTime()).toBe(
    cadence.durationMinutes * 60_000,
  );
  if (!previous) return;
  expect(meeting.startsAt.getTime()).toBeGreaterThan(previous.startsAt.getTime());
  if (cadence.unit === 'week') {
    expect(day(meeting.localDate) - day(previous.localDate)).toBe(7 * cadence.every);
  } else {
    const months = monthOf(meeting.localDate) - monthOf(previous.localDate);
    const fifth = cadence.on.kind === 'nth_weekday' && cadence.on.nth === 5;
    if (fifth) expect(months % cadence.every).toBe(0);
    else expect(months).toBe(cadence.every);
  }
}
