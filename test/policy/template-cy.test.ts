import { describe, expect, it } from 'vitest';
import {
  FREQUENCY_CHOICES,
  SEED_TEXT,
  seedTemplate,
  validateTerms,
  type Frequency,
} from '../../src/policy/index.ts';

const frequencies = Object.keys(FREQUENCY_CHOICES) as Frequency[];

/** Every string in a value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** The value with every string blanked: what is left is the rules. */
function rules(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_, v) => (typeof v === 'string' ? '' : v));
}

/** Strings that are codes, not words a reader reads: keys, dates, times, enum values. */
const CODE =
  /(^|\.)(key|questionKey|startsOn|from|startTime|timeZone|unit|weekday|kind|meetingsThatCount|nonVotingRoles\[\d+\]|formalTestCalledBy\[\d+\]|eligibility|proportion|of|castingVote|selection|declareInterests)$/;

describe('the seed template in Welsh', () => {
  it('sets exactly the same rules as the English, for every frequency', () => {
    for (const frequency of frequencies) {
      const english = seedTemplate({ startsOn: '2026-01-12', frequency });
      const welsh = seedTemplate({ startsOn: '2026-01-12', frequency, language: 'cy' });
      expect(rules(welsh), frequency).toEqual(rules(english));
      expect(validateTerms(welsh).ok, frequency).toBe(true);
    }
  });

  it('has every sentence translated: no English clause is left in the Welsh draft', () => {
    const english = new Map(strings(seedTemplate({ startsOn: '2026-01-12' })));
    const welsh = strings(seedTemplate({ startsOn: '2026-01-12', language: 'cy' }));
    const words = welsh.filter(([path]) => !CODE.test(path));
    expect(words.length).toBeGreaterThan(30);
    for (const [path, text] of words) {
      expect(text, path).not.toBe(english.get(path));
      expect(text.trim(), path).not.toBe('');
    }
  });

  it('keeps the clauses in the same order and number, so "clause N" means the same clause', () => {
    expect(SEED_TEXT.cy.behaviourClauses).toHaveLength(SEED_TEXT['en-GB'].behaviourClauses.length);
    expect(SEED_TEXT.cy.waysOfWorking).toHaveLength(SEED_TEXT['en-GB'].waysOfWorking.length);
    // Spot checks that each clause is the translation of the clause in the same place.
    expect(SEED_TEXT.cy.behaviourClauses[1]).toContain('pwynt');
    expect(SEED_TEXT.cy.behaviourClauses[6]).toContain('cyfrinachedd');
    expect(SEED_TEXT.cy.behaviourClauses[7]).toContain('Rheol Chatham House');
    expect(SEED_TEXT.cy.behaviourClauses[10]).toContain('bai');
  });

  it('keeps a group’s own choices of remit and purpose as they wrote them', () => {
    const inScope = [{ key: 'housing', title: 'Tai', description: 'Atgyweirio cartrefi' }];
    const terms = seedTemplate({
      startsOn: '2026-01-12',
      language: 'cy',
      purpose: 'Gwella tai.',
      inScope,
    });
    expect(terms.purpose).toBe('Gwella tai.');
    expect(terms.remit.inScope).toEqual(inScope);
  });

  it('leaves the English template as it always was when no language is given', () => {
    expect(seedTemplate({ startsOn: '2026-01-12' })).toEqual(
      seedTemplate({ startsOn: '2026-01-12', language: 'en-GB' }),
    );
    expect(seedTemplate({ startsOn: '2026-01-12' }).behaviour.clauses[1]).toBe(
      'To expect to be able to make your point.',
    );
  });
});
