/**
 * "We did a survey 3 months in to be repeated 6 and 12 months on": survey wave
 * dates from the group's start date, and when results may be shown.
 */
import type { Terms } from './terms.ts';
import { addMonths, type CalendarDate } from './time.ts';

export type SurveyWave = { wave: number; monthsAfterStart: number; opensOn: CalendarDate };

/**
 * Each wave opens its number of calendar months after `startsOn` (a group
 * that started on 31 August has its 6-month wave on 28 or 29 February).
 */
export function surveyWaves(terms: Pick<Terms, 'startsOn' | 'surveys'>): SurveyWave[] {
  return terms.surveys.wavesMonths.map((months, index) => ({
    wave: index + 1,
    monthsAfterStart: months,
    opensOn: addMonths(terms.startsOn, months),
  }));
}

/** The wave open or next to open on `today`: the last one that has opened, else the first. */
export function currentSurveyWave(
  terms: Pick<Terms, 'startsOn' | 'surveys'>,
  today: CalendarDate,
): SurveyWave | null {
  const waves = surveyWaves(terms);
  return waves.filter((w) => w.opensOn <= today).at(-1) ?? waves[0] ?? null;
}

/** Results are shown only when enough people answered that no one can be identified. */
export function surveyResultsVisible(responses: number, terms: Pick<Terms, 'surveys'>): boolean {
  return responses >= terms.surveys.minResponsesToShow;
}
