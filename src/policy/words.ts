/**
 * ToR settings in plain words, shared by the printed document and the screens
 * that show them. "Every 2 months", never the ambiguous "bi-monthly".
 */
import type { Cadence, Decisions, Quorum } from './terms.ts';
import { parseDate, type CalendarDate } from './time.ts';

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "one", "two" ... "ten", then digits. */
export function numberWord(n: number): string {
  return SMALL[n] ?? String(n);
}

/** "1 meeting", "3 meetings". */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/** "one meeting", "three meetings": for prose where small numbers read better as words. */
export function pluralWords(n: number, noun: string, many = `${noun}s`): string {
  return `${numberWord(n)} ${n === 1 ? noun : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** 'lived_experience' -> 'lived experience'. */
export function humanise(key: string): string {
  return key.replaceAll('_', ' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-03-10' -> '10 March 2026'. */
export function longDate(date: CalendarDate): string {
  const { year, month, day } = parseDate(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** 90 -> '1 hour 30 minutes'. */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours ? plural(hours, 'hour') : '', rest ? plural(rest, 'minute') : ''];
  return parts.filter(Boolean).join(' ');
}

const ORDINALS = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', last: 'last' };

/** "every month", "every 2 months", "every week", "every 6 weeks". */
export function frequencyWords(cadence: Pick<Cadence, 'unit' | 'every'>): string {
  return cadence.every === 1 ? `every ${cadence.unit}` : `every ${cadence.every} ${cadence.unit}s`;
}

/** "on Tuesday", "on the second Tuesday", "on the fifth Friday, in months that have one". */
export function meetingDayWords(cadence: Cadence): string {
  if (cadence.unit === 'week') return `on ${capitalise(cadence.weekday)}`;
  const on = cadence.on;
  if (on.kind === 'day_of_month') {
    return on.day > 28
      ? `on day ${on.day} of the month (or the last day of a shorter month)`
      : `on day ${on.day} of the month`;
  }
  const day = `on the ${ORDINALS[on.nth]} ${capitalise(on.weekday)}`;
  return on.nth === 5 ? `${day}, in months that have one` : day;
}

/** "every 2 months on the second Tuesday, at 18:00 for 2 hours (Europe/London time)". */
export function cadenceWords(cadence: Cadence): string {
  return `${frequencyWords(cadence)} ${meetingDayWords(cadence)}, at ${cadence.startTime} for ${durationWords(cadence.durationMinutes)} (${cadence.timeZone} time)`;
}

const FRACTIONS: Record<string, string> = {
  '1/2': 'half',
  '1/3': 'one third',
  '2/3': 'two thirds',
  '1/4': 'one quarter',
  '3/4': 'three quarters',
  '1/5': 'one fifth',
};

export function fractionWords(numerator: number, denominator: number): string {
  return FRACTIONS[`${numerator}/${denominator}`] ?? `${numerator}/${denominator}`;
}

/** "a simple majority (more than half) of the votes cast". */
export function thresholdWords(decisions: Pick<Decisions, 'threshold'>): string {
  const { proportion, of } = decisions.threshold;
  const share = {
    majority: 'a simple majority (more than half)',
    two_thirds: 'at least two thirds',
    three_quarters: 'at least three quarters',
  }[proportion];
  const base = {
    votes_cast: 'the votes cast',
    present: 'those present who may vote',
    eligible: 'everyone who may vote',
  }[of];
  return `${share} of ${base}`;
}

/** "at least 4 people who may vote, including at least two people in the category ‘lived experience’". */
export function quorumWords(quorum: Quorum): string {
  if (quorum.kind === 'none') return 'no quorum';
  const size =
    quorum.kind === 'count'
      ? `at least ${plural(quorum.count, 'person', 'people')} who may vote`
      : `at least ${fractionWords(quorum.numerator, quorum.denominator)} of those who may vote`;
  const minimums = quorum.categoryMinimums.map(
    (m) =>
      `at least ${pluralWords(m.min, 'person', 'people')} in the category ‘${humanise(m.category)}’`,
  );
  return minimums.length ? `${size}, including ${listWords(minimums)}` : size;
}
