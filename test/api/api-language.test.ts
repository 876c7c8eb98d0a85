import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptorOf, wordsIn } from '../../src/server/errors.ts';
import { readAttendanceCsv } from '../../src/server/modules/attendance/import.ts';
import { FIELD, fieldWords } from '../../src/server/field-words.ts';
import { createGroup, joinGroup, startTestApp, type Answer, type TestApp } from '../harness.ts';
import { expectError } from '../support/errors.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const WELSH = { 'accept-language': 'cy' };

/** The error of an answer, checked to be in the one shape. */
function errorOf(answer: Answer, status: number) {
  return expectError(answer, { status });
}

describe('the API answers errors in the reader’s language', () => {
  it('a validation error: its message and each field in Welsh for Accept-Language: cy, in English otherwise, with the same reason', async () => {
    const client = t.client();
    await client.register('Gwen Evans');
    const body = { name: '', purpose: 'To test the words' };

    const welsh = errorOf(
      await client.request('POST', '/api/v1/groups', body, { headers: WELSH }),
      422,
    );
    expect(welsh).toEqual({
      code: 'validation_failed',
      message: 'Mae angen cywiro rhai manylion.',
      reason: 'request.needsFixing',
      fields: { name: 'rhaid iddo beidio â bod yn wag' },
    });

    const english = errorOf(await client.post('/api/v1/groups', body), 422);
    expect(english).toEqual({
      code: 'validation_failed',
      message: 'Some details need fixing.',
      reason: 'request.needsFixing',
      fields: { name: 'must not be empty' },
    });

    // A missing field and an unknown one, and limits that carry a number.
    const more = errorOf(
      await client.request(
        'POST',
        '/api/v1/groups',
        { purpose: 'x'.repeat(5000), colour: 'red' },
        { headers: WELSH },
      ),
      422,
    );
    expect(more.fields).toEqual({
      name: 'mae ei angen',
      colour: 'nid yw’n faes y mae’r cais hwn yn ei dderbyn; tynnwch ef',
      purpose: expect.stringMatching(/^rhaid iddo fod yn \d+ nod ar y mwyaf$/),
    });
  });

  it('a not-found answer in Welsh or English, by Accept-Language, with a stable reason', async () => {
    const client = t.client();
    await client.register('Huw Jones');
    const missing = '/api/v1/groups/00000000-0000-4000-8000-000000000000';
    const welsh = errorOf(await client.request('GET', missing, undefined, { headers: WELSH }), 404);
    expect(welsh).toMatchObject({
      code: 'not_found',
      message: 'Ni chafwyd hyd i’r grŵp hwnnw.',
      reason: 'notFound.group',
    });
    const english = errorOf(await client.get(missing), 404);
    expect(english).toMatchObject({
      message: 'That group was not found.',
      reason: 'notFound.group',
    });
    // The first language Accord speaks wins; one it does not speak is passed over.
    const listed = errorOf(
      await client.request('GET', missing, undefined, {
        headers: { 'accept-language': 'fr-FR, cy-GB;q=0.8, en;q=0.5' },
      }),
      404,
    );
    expect(listed.message).toBe('Ni chafwyd hyd i’r grŵp hwnnw.');
    const unknown = errorOf(
      await client.request('GET', missing, undefined, { headers: { 'accept-language': 'fr' } }),
      404,
    );
    expect(unknown.message).toBe('That group was not found.');
  });

  it('a conflict that blocks circulation: its message and each attributed view in Welsh, with the reason the web branches on', async () => {
    const chair = t.client();
    await chair.register('Chair Person');
    const groupId = await createGroup(chair);
    const sam = t.client();
    await sam.register('Samantha Okafor');
    await joinGroup(chair, sam, groupId);
    await adoptTerms(chair, groupId);
    const meetingId = await addMeeting(chair, groupId, new Date(Date.now() - 10 * 86_400_000));
    const url = `/api/v1/groups/${groupId}/meetings/${meetingId}/notes`;
    const draft = await chair.put(url, {
      content: { summary: 'Sam felt the plan was rushed.', items: [] },
    });
    expect(draft.status, draft.text).toBe(200);

    const welsh = errorOf(
      await chair.request('POST', `${url}/circulate`, {}, { headers: WELSH }),
      409,
    );
    expect(welsh.reason).toBe('notes.attributedViews');
    expect(welsh.message).toBe(
      'Mae’r nodiadau’n priodoli barn i bobl. Aileiriwch bob un, neu ei chadw gyda rheswm, cyn eu rhannu.',
    );
    expect(welsh.fields?.['flag 1']).toMatch(
      /^Crynodeb: mae “Sam[^”]*” yn priodoli barn i .*Sam.*\. Rhowch gynnig ar: “[^”]*the plan was rushed\.”$/,
    );

    const english = errorOf(await chair.post(`${url}/circulate`, {}), 409);
    expect(english.reason).toBe('notes.attributedViews');
    expect(english.message).toBe(
      'The notes attribute a view to people. Reword each, or keep it with a reason, before circulating.',
    );
    expect(english.fields?.['flag 1']).toMatch(/^Summary: “Sam[^”]*” attributes a view to /);
  });

  it('a signed-in person’s account language comes before Accept-Language', async () => {
    const client = t.client();
    await client.register('Rhian Morgan');
    const saved = await client.patch('/api/v1/me', { language: 'cy' });
    expect(saved.status, saved.text).toBe(200);
    const missing = '/api/v1/groups/00000000-0000-4000-8000-000000000000';

    const plain = errorOf(await client.get(missing), 404);
    expect(plain.message).toBe('Ni chafwyd hyd i’r grŵp hwnnw.');
    const askedForEnglish = errorOf(
      await client.request('GET', missing, undefined, { headers: { 'accept-language': 'en-GB' } }),
      404,
    );
    expect(askedForEnglish.message).toBe('Ni chafwyd hyd i’r grŵp hwnnw.');
    expect(askedForEnglish.reason).toBe('notFound.group');

    const invalid = errorOf(
      await client.post('/api/v1/groups', { name: '', purpose: 'To test the words' }),
      422,
    );
    expect(invalid.message).toBe('Mae angen cywiro rhai manylion.');
    expect(invalid.fields).toEqual({ name: 'rhaid iddo beidio â bod yn wag' });

    await client.patch('/api/v1/me', { language: 'en-GB' });
    const back = errorOf(await client.request('GET', missing, undefined, { headers: WELSH }), 404);
    expect(back.message).toBe('That group was not found.');
  });
});

describe('the api catalogue', () => {
  const english = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../src/i18n/en-GB/api.json'), 'utf8'),
  ) as Record<string, string>;

  it('reads in English exactly as written, where a message has no values (no apostrophe is lost)', () => {
    const plain = Object.entries(english).filter(([, text]) => !text.includes('{'));
    expect(plain.length).toBeGreaterThan(100);
    for (const [id, text] of plain)
      expect(wordsIn('en-GB', { id, defaultMessage: text })).toBe(text);
  });
});

describe('every message the request schemas and the Terms of Reference checker use has its words in the catalogue', () => {
  const root = path.resolve(import.meta.dirname, '../../src');
  const contracts = fs
    .readdirSync(path.join(root, 'contracts'))
    .filter((n) => n.endsWith('.ts'))
    .map((n) => path.join(root, 'contracts', n));
  const checker = ['policy/terms.ts', 'policy/validate.ts'].map((n) => path.join(root, n));
  const messages = new Set<string>();
  for (const file of [...contracts, ...checker]) {
    const source = fs.readFileSync(file, 'utf8');
    for (const [, , text] of source.matchAll(
      /(['"])((?:must|is|send|cannot|name|has) [^'"\n]*?)\1/g,
    )) {
      if (text) messages.add(text);
    }
  }

  it('finds the schemas’ messages', () => {
    expect(messages.size).toBeGreaterThan(60);
    expect(messages).toContain('must not be empty');
  });

  it.each([...messages])('"%s" is in the catalogue', (text) => {
    const words = fieldWords(text);
    expect('message' in words ? words.message : words).not.toBe(FIELD.unworded);
  });

  it('the checker’s messages with numbers and names are worded with them, and joined problems one by one', () => {
    const whole = fieldWords('must be a whole number of minutes from 5 to 720');
    expect(whole).toEqual({
      message: FIELD.wholeNumberOf,
      values: { unit: 'minutes', min: '5', max: '720' },
    });
    expect(wordsIn('cy', whole)).toBe('rhaid iddo fod yn nifer cyfan o funudau o 5 i 720');
    const joined = fieldWords('must not be empty; must have at least one clause');
    expect(wordsIn('cy', joined)).toBe(
      'rhaid iddo beidio â bod yn wag; rhaid iddo gynnwys o leiaf un cymal',
    );
    expect(wordsIn('en-GB', joined)).toBe('must not be empty; must have at least one clause');
  });

  it('an attendance spreadsheet’s problems are each worded, row by row', () => {
    const file = [
      'date,email,attendance,notes,email',
      '2026-02-30,not-an-email,maybe',
      '2026-03-10,a@b.org,present,,',
      '2026-03-10,a@b.org,present,,',
      '"unclosed,a@b.org,present,,',
    ].join('\n');
    const problems = [
      ...readAttendanceCsv(file, { maxRows: 10 }).problems,
      ...readAttendanceCsv('date,attendance\n', { maxRows: 10 }).problems,
      ...readAttendanceCsv('date,email,attendance\n2026-03-10,a@b.org,"x', { maxRows: 10 })
        .problems,
      ...readAttendanceCsv('date,email,attendance\n2026-02-30,x,maybe', { maxRows: 10 }).problems,
    ].map((p) => p.problem);
    expect(problems.length).toBeGreaterThan(5);
    for (const problem of problems) {
      expect(descriptorOf(fieldWords(problem)), problem).not.toBe(FIELD.unworded);
    }
    expect(
      wordsIn(
        'cy',
        fieldWords('the group has no meeting on 2026-03-10; a@b.org is not in this group'),
      ),
    ).toBe('does gan y grŵp ddim cyfarfod ar 2026-03-10; nid yw a@b.org yn y grŵp hwn');
  });

  it('limits are worded with their number', () => {
    for (const text of ['must be at least 3 characters', 'must be at most 2000 characters']) {
      const words = fieldWords(text);
      expect('message' in words ? words.values : undefined).toEqual({
        [text.includes('least') ? 'min' : 'max']: text.replace(/\D/g, ''),
      });
    }
  });
});
