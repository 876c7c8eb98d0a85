import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  adoptionDateProblem,
  earliestAdoptionDate,
  type AdoptionDateFacts,
} from '../../src/policy/index.ts';

const facts = (over: Partial<AdoptionDateFacts>): AdoptionDateFacts => ({
  adoptedOn: '2026-12-01',
  draftStartedOn: '2026-11-20',
  previousAdoptedOn: null,
  today: '2026-12-06',
  futureConfirmed: false,
  ...over,
});

/** Days from 2000 to 2100, as YYYY-MM-DD. */
const day = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));

describe('adoption dates', () => {
  it('a draft cannot be adopted on a day before it was started', () => {
    expect(adoptionDateProblem(facts({ adoptedOn: '2026-11-19' }))).toEqual({
      rule: 'too_early',
      earliest: '2026-11-20',
      because: 'draft',
    });
    expect(adoptionDateProblem(facts({ adoptedOn: '2026-11-20' }))).toBeNull();
  });

  it('a new version cannot be dated before the version it replaces', () => {
    expect(
      adoptionDateProblem(
        facts({
          adoptedOn: '2026-11-25',
          draftStartedOn: '2026-11-01',
          previousAdoptedOn: '2026-11-30',
        }),
      ),
    ).toEqual({ rule: 'too_early', earliest: '2026-11-30', because: 'previous' });
  });

  it('a first version dated in the future needs the chair to say it takes effect later', () => {
    expect(adoptionDateProblem(facts({ adoptedOn: '2026-12-07' }))).toEqual({
      rule: 'future_unconfirmed',
      today: '2026-12-06',
    });
    expect(adoptionDateProblem(facts({ adoptedOn: '2026-12-07', futureConfirmed: true }))).toBe(
      null,
    );
    expect(adoptionDateProblem(facts({ adoptedOn: '2026-12-06' }))).toBeNull();
  });

  it('only a first version needs that confirmation', () => {
    expect(
      adoptionDateProblem(facts({ adoptedOn: '2026-12-08', previousAdoptedOn: '2026-01-01' })),
    ).toBeNull();
  });

  it('any date on or after the earliest possible day and not in the future is accepted', () => {
    fc.assert(
      fc.property(
        day,
        day,
        fc.option(day),
        fc.integer({ min: 0, max: 400 }),
        (a, b, prev, ahead) => {
          const draftStartedOn = a < b ? a : b;
          const today = a < b ? b : a;
          const earliest = earliestAdoptionDate(draftStartedOn, prev);
          const adoptedOn = addDays(earliest, ahead);
          const problem = adoptionDateProblem({
            adoptedOn,
            draftStartedOn,
            previousAdoptedOn: prev,
            today,
            futureConfirmed: false,
          });
          if (adoptedOn <= today || prev !== null) expect(problem).toBeNull();
          else expect(problem).toEqual({ rule: 'future_unconfirmed', today });
        },
      ),
    );
  });

  it('every date before the earliest possible day is refused, naming that day', () => {
    fc.assert(
      fc.property(
        day,
        fc.option(day),
        fc.integer({ min: 1, max: 4000 }),
        fc.boolean(),
        (draftStartedOn, prev, before, futureConfirmed) => {
          const earliest = earliestAdoptionDate(draftStartedOn, prev);
          expect(earliest >= draftStartedOn).toBe(true);
          if (prev) expect(earliest >= prev).toBe(true);
          const problem = adoptionDateProblem({
            adoptedOn: addDays(earliest, -before),
            draftStartedOn,
            previousAdoptedOn: prev,
            today: addDays(earliest, 10),
            futureConfirmed,
          });
          expect(problem).toMatchObject({ rule: 'too_early', earliest });
        },
      ),
    );
  });
});
