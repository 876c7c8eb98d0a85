/**
 * "Papers are shared at least seven days before each meeting": the ToR's
 * `papers` clause, as a deadline.
 */
import { addDays, calendarDateIn, instantAt } from './time.ts';
import type { Terms } from './terms.ts';

/**
 * Papers are due at the start of the day, where the group meets, that the ToR
 * sets: midnight local time, `daysBefore` calendar days before the meeting's
 * own date. Without Terms of Reference nothing is due.
 */
export function papersDueAt(
  meeting: { startsAt: Date; timeZone: string },
  terms: Pick<Terms, 'papers'> | null,
): Date | null {
  if (!terms) return null;
  const date = calendarDateIn(meeting.timeZone, meeting.startsAt);
  return instantAt(meeting.timeZone, addDays(date, -terms.papers.daysBefore), '00:00');
}
