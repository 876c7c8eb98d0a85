import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateIn, daysBetween, papersDueAt, timeOfDayIn } from '../../src/policy/index.ts';

const papers = (daysBefore: number) => ({ papers: { daysBefore } });
const ZONES = ['Europe/London', 'UTC', 'America/New_York', 'Pacific/Auckland'];

describe('when papers are due', () => {
  it('is midnight in the group’s own time, seven days before the meeting’s date, across a clock change', () => {
    const meeting = { startsAt: new Date('2026-04-07T17:00:00Z'), timeZone: 'Europe/London' };
    expect(papersDueAt(meeting, papers(7))).toEqual(new Date('2026-03-30T23:00:00Z'));
    const winter = { startsAt: new Date('2026-04-02T17:00:00Z'), timeZone: 'Europe/London' };
    expect(papersDueAt(winter, papers(7))).toEqual(new Date('2026-03-26T00:00:00Z'));
  });

  it('is never set for a group without Terms of Reference', () => {
    expect(papersDueAt({ startsAt: new Date(), timeZone: 'UTC' }, null)).toBeNull();
  });

  it('falls at the start of the day the ToR sets, before the meeting, wherever the group meets', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 60 }),
        (startsAt, timeZone, daysBefore) => {
          const due = papersDueAt({ startsAt, timeZone }, papers(daysBefore))!;
          expect(due < startsAt).toBe(true);
          expect(timeOfDayIn(timeZone, due)).toBe('00:00');
          expect(
            daysBetween(calendarDateIn(timeZone, due), calendarDateIn(timeZone, startsAt)),
          ).toBe(daysBefore);
        },
      ),
    );
  });

  it('comes earlier the more days the ToR asks for', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 59 }),
        (startsAt, timeZone, daysBefore) => {
          const sooner = papersDueAt({ startsAt, timeZone }, papers(daysBefore))!;
          const earlier = papersDueAt({ startsAt, timeZone }, papers(daysBefore + 1))!;
          expect(earlier < sooner).toBe(true);
        },
      ),
    );
  });
});
