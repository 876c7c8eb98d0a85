/**
 * "The terms of reference are subject to annual review": when the review of
 * the version in force is due, and whether the group should be told.
 */
import type { Terms } from './terms.ts';
import { addDays, addMonths, daysBetween, type CalendarDate } from './time.ts';

export type ReviewState = 'ok' | 'due_soon' | 'overdue';

export type ReviewStatus = {
  dueOn: CalendarDate;
  state: ReviewState;
  /** Days from `today` to `dueOn`: negative once overdue. */
  daysUntilDue: number;
  /** The first day of the notice period ('due_soon' from this day). */
  noticeFrom: CalendarDate;
};

type ReviewRules = Pick<Terms, 'review'>;

/**
 * The adoption date plus the review period, in calendar months (a version
 * adopted on 31 January with a 1-month period is due on 28 or 29 February).
 */
export function reviewDueOn(adoptedOn: CalendarDate, terms: ReviewRules): CalendarDate {
  return addMonths(adoptedOn, terms.review.periodMonths);
}

/**
 * Where the review stands on `today` (a date in the group's own time zone):
 * 'due_soon' from `noticeDays` before the due date up to and including the
 * due date itself; 'overdue' from the day after.
 */
export function reviewStatus(
  adoptedOn: CalendarDate,
  terms: ReviewRules,
  today: CalendarDate,
): ReviewStatus {
  const dueOn = reviewDueOn(adoptedOn, terms);
  const noticeFrom = addDays(dueOn, -terms.review.noticeDays);
  const daysUntilDue = daysBetween(today, dueOn);
  const state: ReviewState = daysUntilDue < 0 ? 'overdue' : today >= noticeFrom ? 'due_soon' : 'ok';
  return { dueOn, state, daysUntilDue, noticeFrom };
}
