import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../src/policy/index.ts';
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

describe('starting a draft from the template in English or Welsh', () => {
  it('a chair who asks for Welsh gets the whole template in Welsh, with the same rules', async () => {
    const { chair, groupId } = await newGroup('Grŵp Tai');
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      language: 'cy',
      choices: { frequency: 'every_6_weeks', weekday: 'thursday', startsOn: '2026-03-05' },
    });
    expect(draft.status).toBe(201);
    const document = draft.body.document;
    expect(document.title).toBe('Grŵp Tai: Cylch Gorchwyl');
    expect(document.membership.whoMayJoin).toBe(SEED_TEXT.cy.whoMayJoin);
    expect(document.behaviour.clauses).toEqual(SEED_TEXT.cy.behaviourClauses);
    expect(document.behaviour.clauses.join(' ')).toContain('Rheol Chatham House');
    expect(document.remit.inScope.map((a: { title: string }) => a.title)).toEqual([
      'Maes A',
      'Maes B',
      'Maes C',
    ]);
    expect(document.surveys.questions[0].text).toBe(
      'Rwy’n teimlo bod pobl yn gwrando arnaf yn y grŵp hwn.',
    );
    // The choices are the rules, whatever the language.
    expect(document.cadence).toMatchObject({ unit: 'week', every: 6, weekday: 'thursday' });
    expect(document.membership.memberAfterMoreThan).toBe(1);

    const saved = await chair.get(`/api/v1/groups/${groupId}/terms/draft`);
    expect(saved.body.document).toEqual(document);
    const audit = await t.database.query<{ detail: unknown }>(
      "select detail from audit_log where group_id = $1 and action = 'terms.draft_created'",
      [groupId],
    );
    expect(audit.map((a) => a.detail)).toEqual([
      { from: 'template', basedOn: null, language: 'cy' },
    ]);
  });

  it('without a language the draft is in English, exactly as before', async () => {
    const { chair, groupId } = await newGroup('Housing group');
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' });
    expect(draft.status).toBe(201);
    expect(draft.body.document.title).toBe('Housing group: Terms of Reference');
    expect(draft.body.document.behaviour.clauses).toEqual(SEED_TEXT['en-GB'].behaviourClauses);
  });

  it('asking for English gives the English template', async () => {
    const { chair, groupId } = await newGroup('Transport group');
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      language: 'en-GB',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.document.membership.whoMayJoin).toBe(SEED_TEXT['en-GB'].whoMayJoin);
  });

  it('a language Accord does not write the template in is refused with the field named, and no draft is made', async () => {
    const { chair, groupId } = await newGroup('Care group');
    for (const language of ['fr', 'CY', 'welsh', '', 7, null]) {
      const answer = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
        from: 'template',
        language,
      });
      expect(answer.status, String(language)).toBe(422);
      expect(answer.body.error.fields).toHaveProperty('language');
      expect(answer.body.error.fields.language).toMatch(/en-GB.*cy/);
    }
    expect((await chair.get(`/api/v1/groups/${groupId}/terms/draft`)).status).toBe(404);
  });
});
