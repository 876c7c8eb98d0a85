import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as dates from '../../src/i18n/dates.ts';

const zones = ['Europe/London', 'Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'UTC'];

describe('dates and times as people in the UK say them', () => {
  it('names the UK zones GMT in winter and BST in summer, in English and Welsh', () => {
    for (const locale of ['en-GB', 'cy'] as const) {
      expect(dates.formatTimeIn('2027-01-12T18:00:00Z', 'Europe/London', locale)).toBe('18:00 GMT');
      expect(dates.formatTimeIn('2027-07-12T17:00:00Z', 'Europe/London', locale)).toBe('18:00 BST');
    }
  });

  it('uses a 24-hour clock and day-month-year', () => {
    expect(dates.formatDayIn('2027-03-09T18:00:00Z', 'Europe/London', 'en-GB')).toBe(
      'Tuesday, 9 March 2027',
    );
    expect(dates.formatTimeIn('2027-03-09T21:05:00Z', 'Europe/London', 'en-GB')).toBe('21:05 GMT');
    expect(dates.formatCalendarDate('2027-03-09', 'cy')).toBe('9 Mawrth 2027');
    expect(dates.formatDayIn('2027-03-09T18:00:00Z', 'Europe/London', 'cy')).toBe(
      'Dydd Mawrth, 9 Mawrth 2027',
    );
  });

  it('a calendar date is that day wherever the reader is', () => {
    expect(dates.formatCalendarDate('2027-01-01', 'en-GB')).toBe('1 January 2027');
  });

  it('writes Welsh the same without Intl Welsh data as with it', () => {
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2060-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    const samples = fc.sample(fc.tuple(instants, fc.constantFrom(...zones)), 300);
    const render = () =>
      samples.map(([when, zone]) => [
        dates.formatDate(when, 'cy'),
        dates.formatDayIn(when, zone, 'cy'),
        dates.formatTimeIn(when, zone, 'cy'),
        dates.formatCalendarDate(when.toISOString().slice(0, 10), 'cy'),
      ]);
    const native = render();
    dates.withoutIntlWelsh();
    expect(render()).toEqual(native);
  });
});
