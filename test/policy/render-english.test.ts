import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/policy/fixtures/index.ts';
import { renderTermsMarkdown, seedTemplate } from '../../src/policy/index.ts';

/**
 * The English document, held byte for byte: a ToR with no language, or in
 * English, prints exactly what it printed before documents knew their language.
 */
const documents = {
  ...FIXTURES,
  seedWeekly: seedTemplate({ startsOn: '2026-01-12', frequency: 'weekly', weekday: 'friday' }),
};

describe('the English ToR document', () => {
  for (const [name, terms] of Object.entries(documents)) {
    it(`prints ${name} exactly as before`, async () => {
      await expect(renderTermsMarkdown(terms)).toMatchFileSnapshot(`./render-english/${name}.md`);
    });
    it(`prints ${name} the same when it says it is in English`, () => {
      expect(renderTermsMarkdown({ ...terms, language: 'en-GB' })).toBe(renderTermsMarkdown(terms));
    });
  }
});
