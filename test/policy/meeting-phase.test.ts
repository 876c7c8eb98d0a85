import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInWindow, phaseOf, type MeetingTimes, type Phase } from '../../src/policy/index.ts';

const MINUTE = 60_000;
const base = Date.UTC(2026, 2, 10, 18);

const meetingArb = fc
  .record({
    startOffset: fc.integer({ min: -60 * 24 * 30, max: 60 * 24 * 30 }),
    lengthMinutes: fc.integer({ min: 0, max: 60 * 12 }),
    checkInMarginMinutes: fc.integer({ min: 0, max: 240 }),
    status: fc.constantFrom('scheduled', 'cancelled'),
  })
  .map(({ startOffset, lengthMinutes, checkInMarginMinutes, status }): MeetingTimes => ({
    status,
    startsAt: new Date(base + startOffset * MINUTE),
    endsAt: new Date(base + (startOffset + lengthMinutes) * MINUTE),
    checkInMarginMinutes,
  }));

const momentArb = fc
  .integer({ min: -60 * 24 * 40, max: 60 * 24 * 40 })
  .map((m) => new Date(base + m * MINUTE));

const order: Record<Exclude<Phase, 'cancelled'>, number> = { upcoming: 0, live: 1, past: 2 };

describe('the phase of a meeting', () => {
  it('a meeting on at 18:00 with a 30-minute margin is live from 17:30 until 30 minutes after it ends', () => {
    const meeting: MeetingTimes = {
      status: 'scheduled',
      startsAt: new Date(base),
      endsAt: new Date(base + 90 * MINUTE),
      checkInMarginMinutes: 30,
    };
    expect(phaseOf(meeting, new Date(base - 30 * MINUTE - 1))).toBe('upcoming');
    expect(phaseOf(meeting, new Date(base - 30 * MINUTE))).toBe('live');
    expect(phaseOf(meeting, new Date(base + 120 * MINUTE))).toBe('live');
    expect(phaseOf(meeting, new Date(base + 120 * MINUTE + 1))).toBe('past');
  });

  it('a cancelled meeting is cancelled at every moment', () => {
    fc.assert(
      fc.property(meetingArb, momentArb, (meeting, now) => {
        expect(phaseOf({ ...meeting, status: 'cancelled' }, now)).toBe('cancelled');
      }),
    );
  });

  it('a meeting that goes ahead is upcoming, then live, then past, and never goes back', () => {
    fc.assert(
      fc.property(meetingArb, momentArb, momentArb, (meeting, a, b) => {
        const held = { ...meeting, status: 'scheduled' };
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const first = phaseOf(held, earlier);
        const second = phaseOf(held, later);
        expect(first).not.toBe('cancelled');
        expect(second).not.toBe('cancelled');
        expect(order[first as keyof typeof order]).toBeLessThanOrEqual(
          order[second as keyof typeof order],
        );
      }),
    );
  });

  it('is live exactly while check-in is open', () => {
    fc.assert(
      fc.property(meetingArb, momentArb, (meeting, now) => {
        const held = { ...meeting, status: 'scheduled' };
        const { opensAt, closesAt } = checkInWindow(held);
        expect(phaseOf(held, now) === 'live').toBe(opensAt <= now && now <= closesAt);
      }),
    );
  });

  it('is live throughout the meeting itself, from its start to its end', () => {
    fc.assert(
      fc.property(meetingArb, fc.double({ min: 0, max: 1, noNaN: true }), (meeting, at) => {
        const held = { ...meeting, status: 'scheduled' };
        const start = held.startsAt.getTime();
        const now = new Date(start + Math.round((held.endsAt.getTime() - start) * at));
        expect(phaseOf(held, now)).toBe('live');
      }),
    );
  });
});

describe('the check-in window', () => {
  it('contains the meeting, opening its margin before the start and closing as long after the end', () => {
    fc.assert(
      fc.property(meetingArb, (meeting) => {
        const { opensAt, closesAt } = checkInWindow(meeting);
        const margin = meeting.checkInMarginMinutes * MINUTE;
        expect(opensAt <= meeting.startsAt).toBe(true);
        expect(closesAt >= meeting.endsAt).toBe(true);
        expect(meeting.startsAt.getTime() - opensAt.getTime()).toBe(margin);
        expect(closesAt.getTime() - meeting.endsAt.getTime()).toBe(margin);
      }),
    );
  });

  it('with no margin is the meeting itself', () => {
    fc.assert(
      fc.property(meetingArb, (meeting) => {
        const window = checkInWindow({ ...meeting, checkInMarginMinutes: 0 });
        expect(window).toEqual({ opensAt: meeting.startsAt, closesAt: meeting.endsAt });
      }),
    );
  });
});
