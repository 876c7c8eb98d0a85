/**
 * Where a meeting stands in time. Self check-in opens a margin before the
 * start and closes as long after the end; the meeting is live for exactly
 * that window, upcoming before it and past after it. A cancelled meeting is
 * cancelled whatever the time.
 */

/** The parts of a meeting its phase depends on. */
export type MeetingTimes = {
  status: string;
  startsAt: Date;
  endsAt: Date;
  /** Minutes before the start that check-in opens, and after the end that it closes. */
  checkInMarginMinutes: number;
};

export type Phase = 'upcoming' | 'live' | 'past' | 'cancelled';

export function checkInWindow(m: MeetingTimes): { opensAt: Date; closesAt: Date } {
  const margin = m.checkInMarginMinutes * 60_000;
  return {
    opensAt: new Date(m.startsAt.getTime() - margin),
    closesAt: new Date(m.endsAt.getTime() + margin),
  };
}

export function phaseOf(m: MeetingTimes, now = new Date()): Phase {
  if (m.status === 'cancelled') return 'cancelled';
  const { opensAt, closesAt } = checkInWindow(m);
  if (now < opensAt) return 'upcoming';
  return now <= closesAt ? 'live' : 'past';
}
