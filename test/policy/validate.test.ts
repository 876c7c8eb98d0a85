import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/policy/fixtures/index.ts';
import { seedTemplate, validateTerms, type Terms } from '../../src/policy/index.ts';

const draft = () => seedTemplate({ startsOn: '2026-01-12' });

/** A seed draft with `change` applied to a mutable, loosely typed copy. */
function broken(change: (t: any) => void): unknown {
  const terms: any = structuredClone(draft());
  change(terms);
  return terms;
}

function fieldsOf(input: unknown, groupSize?: number): Record<string, string> {
  const result = validateTerms(input, groupSize === undefined ? {} : { groupSize });
  if (result.ok) throw new Error('expected the ToR to be refused');
  return result.fields;
}

describe('validating a ToR', () => {
  it('accepts the seed draft and every real-body fixture', () => {
    for (const [name, terms] of Object.entries(FIXTURES)) {
      const result = validateTerms(terms, { groupSize: 40 });
      expect(result, name).toEqual({ ok: true, terms });
    }
  });

  it('names every bad field at once, each with what to fix', () => {
    const input = broken((t) => {
      t.membership.memberAfterMoreThan = 0;
      t.membership.lapse = { afterConsecutiveAbsences: -2, apologiesCountAsAbsence: true };
      t.cadence.every = 0;
      t.cadence.timeZone = 'Europe/Atlantis';
      t.remit.outOfScope[0].key = 'area_a';
      t.surveys.wavesMonths = [6, 3, 12];
      t.decisions.quorum = {
        kind: 'count',
        count: 12,
        categoryMinimums: [{ category: 'lived_experience', min: 13 }],
      };
      t.behaviour.clauses[1] = 'To expect\u0000 to be heard';
      t.papers.daysBefore = -1;
      t.review.periodMonths = 0;
    });
    const fields = fieldsOf(input, 10);
    expect(Object.keys(fields).sort()).toEqual([
      'behaviour.clauses.1',
      'cadence.every',
      'cadence.timeZone',
      'decisions.quorum.categoryMinimums.0.min',
      'decisions.quorum.count',
      'membership.lapse.afterConsecutiveAbsences',
      'membership.memberAfterMoreThan',
      'papers.daysBefore',
      'remit.outOfScope.0.key',
      'review.periodMonths',
      'surveys.wavesMonths',
    ]);
    expect(fields['membership.memberAfterMoreThan']).toBe(
      'must be a whole number of meetings from 1 to 50',
    );
    expect(fields['cadence.every']).toBe('must be a whole number from 1 to 12');
    expect(fields['cadence.timeZone']).toMatch(/not a time zone we know/);
    expect(fields['remit.outOfScope.0.key']).toMatch(/also in scope \(remit.inScope.0\)/);
    expect(fields['surveys.wavesMonths']).toMatch(/earliest to latest with no month repeated/);
    expect(fields['decisions.quorum.count']).toMatch(/more than the 10 members/);
    expect(fields['decisions.quorum.categoryMinimums.0.min']).toMatch(/more than the quorum of 12/);
    expect(fields['behaviour.clauses.1']).toMatch(/NUL/);
  });

  it('refuses repeated survey waves', () => {
    expect(fieldsOf(broken((t) => (t.surveys.wavesMonths = [3, 6, 6, 12])))).toEqual({
      'surveys.wavesMonths':
        'must go from earliest to latest with no month repeated, such as 3, 6, 12',
    });
  });

  it('refuses a category minimum larger than the quorum, even without knowing the group size', () => {
    const input = broken((t) => {
      t.decisions.quorum = {
        kind: 'count',
        count: 4,
        categoryMinimums: [{ category: 'x', min: 5 }],
      };
    });
    expect(Object.keys(fieldsOf(input))).toEqual(['decisions.quorum.categoryMinimums.0.min']);
  });

  it('refuses a fraction quorum of more than all the members', () => {
    const input = broken((t) => {
      t.decisions.quorum = { kind: 'fraction', numerator: 4, denominator: 3, categoryMinimums: [] };
    });
    expect(Object.keys(fieldsOf(input))).toEqual(['decisions.quorum.numerator']);
  });

  it('reports cross-field problems even when other fields have the wrong type', () => {
    const input = broken((t) => {
      t.title = 42;
      t.cadence = 'monthly';
      t.remit.inScope.push({ key: 'area_d', title: 'D', description: 'd' });
    });
    expect(Object.keys(fieldsOf(input)).sort()).toEqual([
      'cadence',
      'remit.outOfScope.0.key',
      'title',
    ]);
  });

  it('names unknown and missing fields', () => {
    const input = broken((t) => {
      t.cadence.frequency = 'bi-monthly';
      delete t.purpose;
      t.decisions.threshold.proportion = 'most';
    });
    expect(fieldsOf(input)).toEqual({
      'cadence.frequency': 'is not a field of the Terms of Reference: remove it',
      purpose: 'is required',
      'decisions.threshold.proportion': 'must be one of: majority, two_thirds, three_quarters',
    });
  });

  it('checks that references between fields point at something real', () => {
    const input = broken((t) => {
      t.membership.nonVotingRoles = ['observer', 'adviser'];
      t.impact.moodGoals[0].questionKey = 'no_such_question';
      t.remit.inScope[1].key = 'area_a';
      t.workingGroups = [
        { key: 'wg', title: 'WG', focus: 'f', remitKeys: ['area_z'], cadence: t.cadence },
      ];
      t.ending.endsOn = '2025-12-31';
    });
    expect(Object.keys(fieldsOf(input)).sort()).toEqual([
      'ending.endsOn',
      'impact.moodGoals.0.questionKey',
      'membership.nonVotingRoles.1',
      'remit.inScope.1.key',
      'workingGroups.0.remitKeys.0',
    ]);
  });

  it('refuses the impossible calendar: 30 February, 24:00, a month anchor on week cadence', () => {
    const input = broken((t) => {
      t.startsOn = '2026-02-30';
      t.cadence.startTime = '24:00';
      t.cadence.on.nth = 6;
    });
    expect(Object.keys(fieldsOf(input)).sort()).toEqual([
      'cadence.on.nth',
      'cadence.startTime',
      'startsOn',
    ]);
  });

  it('refuses something that is not a ToR at all', () => {
    expect(fieldsOf(null)).toEqual({ terms: 'must be a set of fields' });
  });

  it('returns the ToR typed when it is valid', () => {
    const result = validateTerms(draft());
    expect(result.ok).toBe(true);
    const terms: Terms | undefined = result.ok ? result.terms : undefined;
    expect(terms?.membership.memberAfterMoreThan).toBe(1);
  });
});
