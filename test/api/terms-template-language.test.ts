import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../../src/policy/index.ts';
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

describe('starting a draft from the template in English or Welsh', () => {
  it('a chair who asks for Welsh gets the whole template in Welsh, with the same rules', async () => {
    const { chair, groupId } = await newGroup('Grŵp Tai');
    const draft = await chair.call('createTermsDraft', {
      groupId,
      from: 'template',
      language: 'cy',
      choices: { frequency: 'every_6_weeks', weekday: 'thursday', startsOn: '2026-03-05' },
    });
    const { document } = expectSuccess(draft, 201);
    expect(document.title).toBe('Grŵp Tai: Cylch Gorchwyl');
    expect(document.membership.whoMayJoin).toBe(SEED_TEXT.cy.whoMayJoin);
    expect(document.behaviour.clauses).toEqual(SEED_TEXT.cy.behaviourClauses);
    expect(document.behaviour.clauses.join(' ')).toContain('Rheol Chatham House');
    expect(document.remit.inScope.map((a) => a.title)).toEqual(['Maes A', 'Maes B', 'Maes C']);
    expect(document.surveys.questions[0]?.text).toBe(
      'Rwy’n teimlo bod pobl yn gwrando arnaf yn y grŵp hwn.',
    );
    // The choices are the rules, whatever the language.
    expect(document.cadence).toMatchObject({ unit: 'week', every: 6, weekday: 'thursday' });
    expect(document.membership.memberAfterMoreThan).toBe(1);

    const saved = await chair.callOk('getTermsDraft', { groupId });
    expect(saved.document).toEqual(document);
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
    const draft = await chair.call('createTermsDraft', { groupId, from: 'template' });
    const { document } = expectSuccess(draft, 201);
    expect(document.title).toBe('Housing group: Terms of Reference');
    expect(document.behaviour.clauses).toEqual(SEED_TEXT['en-GB'].behaviourClauses);
  });

  it('asking for English gives the English template', async () => {
    const { chair, groupId } = await newGroup('Transport group');
    const draft = await chair.call('createTermsDraft', {
      groupId,
      from: 'template',
      language: 'en-GB',
    });
    const { document } = expectSuccess(draft, 201);
    expect(document.membership.whoMayJoin).toBe(SEED_TEXT['en-GB'].whoMayJoin);
  });

  it('a language Accord does not write the template in is refused with the field named, and no draft is made', async () => {
    const { chair, groupId } = await newGroup('Care group');
    for (const language of ['fr', 'CY', 'welsh', '', 7, null]) {
      // Raw, as no typed input can carry these.
      const answer = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
        from: 'template',
        language,
      });
      const error = expectError(answer, { status: 422, field: 'language' });
      expect(error.fields?.language, String(language)).toMatch(/en-GB.*cy/);
    }
    expect((await chair.call('getTermsDraft', { groupId })).status).toBe(404);
  });
});
