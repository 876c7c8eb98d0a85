import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarDateIn,
  dateOfDayNumber,
  dayNumber,
  isTimeZone,
  timeOfDayIn,
  weekdayIndex,
  zoneOffsetMinutes,
} from '../../src/policy/index.ts';

describe('dates and time zones', () => {
  it('knows real time zone names and refuses others', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('+01:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('finds the offset of a zone on either side of a clock change', () => {
    expect(zoneOffsetMinutes('Europe/London', new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('Australia/Sydney', new Date('2026-01-15T12:00:00Z'))).toBe(660);
  });

  it('gives the local date and time at an instant', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(calendarDateIn('Australia/Sydney', instant)).toBe('2026-07-01');
    expect(timeOfDayIn('Australia/Sydney', instant)).toBe('09:30');
    expect(calendarDateIn('America/New_York', instant)).toBe('2026-06-30');
  });

  it('adds months, keeping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days and weekdays like the calendar does', () => {
    expect(weekdayIndex('2026-03-10')).toBe(1);
    expect(weekdayIndex('1970-01-01')).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (n) => {
        const date = dateOfDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        const jsDay = new Date(`${date}T12:00:00Z`).getUTCDay();
        expect(weekdayIndex(date)).toBe((jsDay + 6) % 7);
      }),
    );
  });
});
