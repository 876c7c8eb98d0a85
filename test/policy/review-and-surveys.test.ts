import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedDefault } from '../../src/policy/fixtures/index.ts';
import {
  addDays,
  currentSurveyWave,
  reviewDueOn,
  reviewStatus,
  surveyResultsVisible,
  surveyWaves,
} from '../../src/policy/index.ts';

describe('annual review', () => {
  it('is due the review period after adoption', () => {
    expect(reviewDueOn('2026-03-10', seedDefault)).toBe('2027-03-10');
  });

  it('is ok until 30 days before, due soon up to the due date, overdue the day after', () => {
    expect(reviewStatus('2026-03-10', seedDefault, '2027-02-07').state).toBe('ok');
    expect(reviewStatus('2026-03-10', seedDefault, '2027-02-08')).toEqual({
      dueOn: '2027-03-10',
      noticeFrom: '2027-02-08',
      state: 'due_soon',
      daysUntilDue: 30,
    });
    expect(reviewStatus('2026-03-10', seedDefault, '2027-03-10').state).toBe('due_soon');
    expect(reviewStatus('2026-03-10', seedDefault, '2027-03-11')).toMatchObject({
      state: 'overdue',
      daysUntilDue: -1,
    });
  });

  it('a version adopted on 29 February is due on 28 February a year later', () => {
    expect(reviewDueOn('2028-02-29', seedDefault)).toBe('2029-02-28');
  });

  it('moves through ok, due soon and overdue in that order, once each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const adopted = addDays('2025-01-01', offset);
        const states = Array.from(
          { length: 500 },
          (_, i) => reviewStatus(adopted, seedDefault, addDays(adopted, i)).state,
        );
        const changes = states.filter((s, i) => i === 0 || s !== states[i - 1]);
        expect(changes).toEqual(['ok', 'due_soon', 'overdue']);
        expect(states.filter((s) => s === 'due_soon')).toHaveLength(31);
      }),
      { numRuns: 100 },
    );
  });
});

describe('survey waves', () => {
  it('open 3, 6 and 12 months after the start date', () => {
    expect(surveyWaves(seedDefault)).toEqual([
      { wave: 1, monthsAfterStart: 3, opensOn: '2026-04-12' },
      { wave: 2, monthsAfterStart: 6, opensOn: '2026-07-12' },
      { wave: 3, monthsAfterStart: 12, opensOn: '2027-01-12' },
    ]);
  });

  it('a group that starts on 31 August has its 6-month wave at the end of February', () => {
    expect(surveyWaves({ ...seedDefault, startsOn: '2025-08-31' })[1]?.opensOn).toBe('2026-02-28');
  });

  it('the current wave is the last one opened, or the first before any opens', () => {
    expect(currentSurveyWave(seedDefault, '2026-02-01')?.wave).toBe(1);
    expect(currentSurveyWave(seedDefault, '2026-07-12')?.wave).toBe(2);
    expect(
      currentSurveyWave(
        { ...seedDefault, surveys: { ...seedDefault.surveys, wavesMonths: [] } },
        '2026-07-12',
      ),
    ).toBeNull();
  });

  it('results are hidden until enough people have answered', () => {
    expect(surveyResultsVisible(4, seedDefault)).toBe(false);
    expect(surveyResultsVisible(5, seedDefault)).toBe(true);
  });
});
