import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, startTestApp, type TestApp } from './harness.ts';

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
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      language: 'cy',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.document.language).toBe('cy');
    const markdown: string = draft.body.markdown;
    expect(markdown).toMatch(/^# Cylch Gorchwyl: Grŵp Tai: Cylch Gorchwyl\n/);
    expect(markdown).toContain('## 2. Aelodaeth');
    expect(markdown).toContain('Aelod yw rhywun sydd wedi bod mewn mwy nag un cyfarfod');
    for (const sentence of ENGLISH_SENTENCES) expect(markdown).not.toContain(sentence);

    const adopted = await chair.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
      adoptedOn: today(),
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body.document.language).toBe('cy');
    const inForce = await chair.get(`/api/v1/groups/${groupId}/terms`);
    expect(inForce.body.version.markdown).toBe(markdown);

    const next = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'in_force' });
    expect(next.status).toBe(201);
    expect(next.body.document.language).toBe('cy');
    expect(next.body.markdown).toBe(markdown);
  });

  it('a draft started in English carries no language and reads in English', async () => {
    const { chair, groupId } = await newGroup('Housing group');
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' });
    expect(draft.status).toBe(201);
    expect(draft.body.document).not.toHaveProperty('language');
    for (const sentence of ENGLISH_SENTENCES.slice(0, 3))
      expect(draft.body.markdown).toContain(sentence);
  });

  it('a chair can change the language by saving the draft, and a language Accord cannot print is refused with the field named', async () => {
    const { chair, groupId } = await newGroup('Transport group');
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' });
    const document = draft.body.document;

    for (const language of ['fr', 'CY', '', 7, null]) {
      const refused = await chair.put(`/api/v1/groups/${groupId}/terms/draft`, {
        document: { ...document, language },
      });
      expect(refused.status, String(language)).toBe(422);
      expect(Object.keys(refused.body.error.fields), String(language)).toContain(
        'document.language',
      );
    }

    const welsh = await chair.put(`/api/v1/groups/${groupId}/terms/draft`, {
      document: { ...document, language: 'cy' },
    });
    expect(welsh.status).toBe(200);
    expect(welsh.body.markdown).toContain('Dechreuodd y grŵp ar');
    // The group's own words stay as they wrote them: only the document's sentences change.
    expect(welsh.body.markdown).toContain(document.behaviour.clauses[1]);
    const saved = await chair.get(`/api/v1/groups/${groupId}/terms/draft`);
    expect(saved.body.document.language).toBe('cy');
  });
});
