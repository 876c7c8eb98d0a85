import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  researchPrioritySteeringGroup,
  seedDefault,
} from '../../src/policy/fixtures/index.ts';
import {
  FREQUENCY_CHOICES,
  renderTermsMarkdown,
  SEED_CLAUSES,
  seedTemplate,
  validateTerms,
  type Frequency,
} from '../../src/policy/index.ts';

/** A verbatim copy of seeds/000_65bf951c90a41e1e.txt. */
const seed = fs.readFileSync(new URL('./seed-terms-of-reference.txt', import.meta.url), 'utf8');

/** The rendered text as a reader sees it: no Markdown emphasis or escapes, one space between words. */
function plain(markdown: string): string {
  return markdown.replaceAll('**', '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
}

const frequencies = Object.keys(FREQUENCY_CHOICES) as Frequency[];

describe('the seed template', () => {
  it('quotes each seed clause in the seed’s own words', () => {
    for (const clause of SEED_CLAUSES) expect(seed, clause.id).toContain(clause.quote);
    expect(new Set(SEED_CLAUSES.map((c) => c.id)).size).toBe(SEED_CLAUSES.length);
  });

  it('covers every sentence of the seed document with a clause', () => {
    const lines = seed
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && line !== 'We asked:');
    expect(lines).toHaveLength(30);
    const sentences = lines.flatMap((line) => line.split(/(?<=[.?])\s+/));
    for (const sentence of sentences) {
      const covered = SEED_CLAUSES.some((clause) => sentence.includes(clause.quote));
      expect(covered, `no clause quotes the seed's sentence: ${sentence}`).toBe(true);
    }
  });

  it('finds every seed clause in the rendered template, whatever frequency is chosen', () => {
    for (const frequency of frequencies) {
      const text = plain(renderTermsMarkdown(seedTemplate({ startsOn: '2026-01-12', frequency })));
      for (const clause of SEED_CLAUSES) {
        expect(text.toLowerCase(), `${frequency}: ${clause.id}`).toContain(
          clause.plainWords.toLowerCase(),
        );
      }
    }
  });

  it('turns each of the seed’s frequencies into plain words, never "bi-monthly"', () => {
    const expected: Record<Frequency, string> = {
      weekly: 'The group meets every week on Tuesday',
      every_6_weeks: 'The group meets every 6 weeks on Tuesday',
      monthly: 'The group meets every month on the second Tuesday',
      every_2_months: 'The group meets every 2 months on the second Tuesday',
    };
    for (const frequency of frequencies) {
      const text = plain(renderTermsMarkdown(seedTemplate({ startsOn: '2026-01-12', frequency })));
      expect(text).toContain(expected[frequency]);
      expect(text).not.toMatch(/bi-?monthly/i);
    }
  });

  it('makes the seed’s placeholders explicit choices', () => {
    const terms = seedTemplate({
      startsOn: '2026-01-12',
      frequency: 'monthly',
      nth: 2,
      weekday: 'tuesday',
      inScope: [
        { key: 'housing', title: 'Housing repairs', description: 'How repairs are reported.' },
        { key: 'parks', title: 'Parks', description: 'Upkeep of the parks.' },
        { key: 'libraries', title: 'Libraries', description: 'Opening hours.' },
      ],
      outOfScope: [{ key: 'council_tax', title: 'Council tax', takeInstead: 'the council' }],
    });
    expect(terms.cadence).toMatchObject({ unit: 'month', every: 1 });
    expect(terms.remit.inScope.map((a) => a.key)).toEqual(['housing', 'parks', 'libraries']);
    const text = plain(renderTermsMarkdown(terms));
    expect(text).toContain('Housing repairs: How repairs are reported.');
    expect(text).toContain('Council tax: take this to the council');
    expect(text).not.toContain('Area A');
  });

  it('produces a valid draft for every choice of frequency', () => {
    for (const frequency of frequencies) {
      expect(validateTerms(seedTemplate({ startsOn: '2026-01-12', frequency })).ok).toBe(true);
    }
  });
});

describe('the printed ToR', () => {
  it('numbers every section and clause, and leaves no field unfilled', () => {
    for (const [name, terms] of Object.entries(FIXTURES)) {
      const markdown = renderTermsMarkdown(terms);
      expect(markdown, name).toMatch(/^# Terms of Reference: /);
      expect(markdown, name).toContain('## 1. What we are working towards');
      expect(markdown, name).toContain('**2.2** A member is someone');
      expect(markdown, name).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it('numbers behaviour clauses so that "clause N" means the Nth clause', () => {
    const markdown = renderTermsMarkdown(seedDefault);
    expect(markdown).toMatch(/\*\*6\.2\*\* To expect to be able to make your point\./);
    expect(markdown).toContain('## 6. Behaviour agreement');
  });

  it('escapes Markdown in people’s text so it cannot change the document’s structure', () => {
    const terms = seedTemplate({ startsOn: '2026-01-12' });
    terms.behaviour.clauses = ['# Not a heading', 'Use *stars* and <b>tags</b>\n\n1. a list?'];
    const markdown = renderTermsMarkdown(terms);
    expect(markdown).toContain('**6.1** \\# Not a heading');
    expect(markdown).toContain('Use \\*stars\\* and \\<b\\>tags\\</b\\>');
    expect(markdown).toContain('\n1\\. a list?');
    expect(markdown).not.toContain('<b>');
  });

  it('says when a group ends', () => {
    const text = plain(renderTermsMarkdown(researchPrioritySteeringGroup));
    expect(text).toContain(
      'The group ends when the project ends, once the top ten priorities are published, and no later than 30 June 2027.',
    );
  });
});
