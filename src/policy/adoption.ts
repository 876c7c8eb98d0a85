/**
 * "Adopted at the meeting of DATE": the date a draft of the Terms of Reference
 * is adopted on must be one that could have happened. The group cannot have
 * agreed a draft before it was written, nor a new version before the one it
 * replaces; and a first version dated ahead takes effect on a day still to
 * come, which the chair must say on purpose rather than by a slip of the
 * keyboard.
 */
import type { CalendarDate } from './time.ts';

export type AdoptionDateFacts = {
  /** The date the chair gives. */
  adoptedOn: CalendarDate;
  /** The day the draft was started, where the group meets. */
  draftStartedOn: CalendarDate;
  /** When the version in force was adopted; null for the group's first version. */
  previousAdoptedOn: CalendarDate | null;
  /** Today, where the group meets. */
  today: CalendarDate;
  /** The chair has said that this first version takes effect on a future date. */
  futureConfirmed: boolean;
};

export type AdoptionDateProblem =
  /** Before the draft existed, or before the version it replaces: `earliest` is the first possible day. */
  | { rule: 'too_early'; earliest: CalendarDate; because: 'draft' | 'previous' }
  /** A first version dated after today, without the chair saying so. */
  | { rule: 'future_unconfirmed'; today: CalendarDate };

/** The first day a draft can say it was adopted on: the later of the draft's start and the version in force's adoption. */
export function earliestAdoptionDate(
  draftStartedOn: CalendarDate,
  previousAdoptedOn: CalendarDate | null,
): CalendarDate {
  return previousAdoptedOn && previousAdoptedOn > draftStartedOn
    ? previousAdoptedOn
    : draftStartedOn;
}

/**
 * What is wrong with an adoption date, or null if it could have happened.
 * Calendar dates written YYYY-MM-DD compare in order as text.
 */
export function adoptionDateProblem(facts: AdoptionDateFacts): AdoptionDateProblem | null {
  const earliest = earliestAdoptionDate(facts.draftStartedOn, facts.previousAdoptedOn);
  if (facts.adoptedOn < earliest) {
    return {
      rule: 'too_early',
      earliest,
      because: earliest === facts.previousAdoptedOn ? 'previous' : 'draft',
    };
  }
  if (facts.previousAdoptedOn === null && facts.adoptedOn > facts.today && !facts.futureConfirmed) {
    return { rule: 'future_unconfirmed', today: facts.today };
  }
  return null;
}
