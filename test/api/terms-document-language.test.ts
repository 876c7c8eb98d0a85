import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, startTestApp, type TestApp } from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function newGroup(name: string) {
  const chair = t.client();
  await chair.register('Chair Person');
  const groupId = await createGroup(chair, name);
  return { chair, groupId };
}

/** Today where the group is, the one adoption date that is always possible. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

const ENGLISH_SENTENCES = [
  'Terms of Reference:',
  'The group started on',
  'A member is someone who has been to more than',
  'The group meets every',
  'Papers are shared at least',
  'If the votes are tied',
  'These terms of reference are reviewed every',
];

describe('the ToR document in the language of its draft', () => {
  it('a draft started in Welsh is marked Welsh and presents a Welsh document; so does the version it becomes and the next draft', async () => {
    const { chair, groupId } = await newGroup('Grŵp Tai');
    const draft = await chair.call('createTermsDraft', {
      groupId,
      from: 'template',
      language: 'cy',
    });
    const { document, markdown } = expectSuccess(draft, 201);
    expect(document.language).toBe('cy');
    expect(markdown).toMatch(/^# Cylch Gorchwyl: Grŵp Tai: Cylch Gorchwyl\n/);
    expect(markdown).toContain('## 2. Aelodaeth');
    expect(markdown).toContain('Aelod yw rhywun sydd wedi bod mewn mwy nag un cyfarfod');
    for (const sentence of ENGLISH_SENTENCES) expect(markdown).not.toContain(sentence);

    const adopted = await chair.call('adoptTermsDraft', { groupId, adoptedOn: today() });
    expect(expectSuccess(adopted, 200).document.language).toBe('cy');
    const inForce = await chair.callOk('getTermsInForce', { groupId });
    expect(inForce.version?.markdown).toBe(markdown);

    const next = await chair.call('createTermsDraft', { groupId, from: 'in_force' });
    const redrafted = expectSuccess(next, 201);
    expect(redrafted.document.language).toBe('cy');
    expect(redrafted.markdown).toBe(markdown);
  });

  it('a draft started in English carries no language and reads in English', async () => {
    const { chair, groupId } = await newGroup('Housing group');
    const draft = await chair.call('createTermsDraft', { groupId, from: 'template' });
    const { document, markdown } = expectSuccess(draft, 201);
    expect(document).not.toHaveProperty('language');
    for (const sentence of ENGLISH_SENTENCES.slice(0, 3)) expect(markdown).toContain(sentence);
  });

  it('a chair can change the language by saving the draft, and a language Accord cannot print is refused with the field named', async () => {
    const { chair, groupId } = await newGroup('Transport group');
    const { document } = await chair.callOk('createTermsDraft', { groupId, from: 'template' });

    for (const language of ['fr', 'CY', '', 7, null]) {
      const refused = await chair.call('updateTermsDraft', {
        groupId,
        document: { ...document, language },
      });
      expectError(refused, { status: 422, field: 'document.language' });
    }

    const welsh = await chair.call('updateTermsDraft', {
      groupId,
      document: { ...document, language: 'cy' },
    });
    const { markdown } = expectSuccess(welsh, 200);
    expect(markdown).toContain('Dechreuodd y grŵp ar');
    // The group's own words stay as they wrote them: only the document's sentences change.
    expect(markdown).toContain(document.behaviour.clauses[1]);
    const saved = await chair.callOk('getTermsDraft', { groupId });
    expect(saved.document.language).toBe('cy');
  });
});
