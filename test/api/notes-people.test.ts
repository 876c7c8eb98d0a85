import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../harness.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { registerPerson } from '../support/people.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/**
 * A steering group whose people say what they do on their accounts, and a
 * working group of it led by one of them alone.
 */
async function groupWithRoles() {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client);
  const priya = await registerPerson(t, 'Priya Shah');
  const colin = await registerPerson(t, 'Colin Evans');
  const dana = await registerPerson(t, 'Dana Price');
  const noteTaker = await registerPerson(t, 'Nina Notes');
  for (const p of [priya, colin, dana, noteTaker]) await joinGroup(chair.client, p.client, groupId);
  await chair.client.callOk('setGroupRole', { groupId, userId: noteTaker.id, role: 'note_taker' });
  await priya.client.callOk('updateMe', {
    jobTitle: 'Practice manager',
    organisation: 'Elm Street Surgery',
  });
  await colin.client.callOk('updateMe', { organisation: 'Citizens Advice' });

  // Dana chairs the damp and mould working group; its founder steps out of it.
  const working = await createGroup(chair.client, 'Damp and mould working group', groupId);
  await joinGroup(chair.client, dana.client, working);
  await chair.client.callOk('setGroupRole', { groupId: working, userId: dana.id, role: 'chair' });
  await chair.client.callOk('removeFromGroup', { groupId: working, userId: chair.id });

  await adoptTerms(chair.client, groupId);
  const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() - 10 * 86_400_000));
  return { chair, noteTaker, notes: { groupId, meetingId } };
}

describe('the attribution check knows what the group’s people do', () => {
  it('a view put to a job title, an organisation, the chair or the lead of a working group is flagged, as only one person fills each', async () => {
    const g = await groupWithRoles();
    const sentences = {
      job: 'The practice manager felt the rota was unfair.',
      organisation: 'Citizens Advice felt the letters were confusing.',
      chair: 'The chair argued that the budget was too tight.',
      lead: 'The lead of the damp and mould working group said the survey was late.',
    };
    const draft = await g.noteTaker.client.call('updateMeetingNotes', {
      ...g.notes,
      content: { summary: Object.values(sentences).join(' '), items: [] },
    });
    expect(draft.status, draft.text).toBe(200);

    const check = await g.noteTaker.client.callOk('checkAttribution', g.notes);
    const flagged = (sentence: string) => check.flags.find((f) => f.sentence.includes(sentence));
    for (const [what, sentence] of Object.entries(sentences)) {
      expect(flagged(sentence), `${what}: ${JSON.stringify(check.flags)}`).toMatchObject({
        kind: 'role',
        level: 'attributes',
        markedNotAView: false,
      });
    }
    expect(flagged(sentences.job)?.who).toMatch(/practice manager/i);
    expect(flagged(sentences.organisation)?.who).toMatch(/citizens advice/i);
    expect(flagged(sentences.chair)?.who).toMatch(/chair/i);
    expect(flagged(sentences.lead)?.who).toMatch(/damp and mould/i);
    expect(check.outstanding).toBeGreaterThanOrEqual(4);
  });

  it('says where in its sentence each flag is, so that a name said twice is marked where the view is', async () => {
    const g = await groupWithRoles();
    const sentence = 'The group thanked Priya, and Priya felt the plan was rushed.';
    const draft = await g.noteTaker.client.call('updateMeetingNotes', {
      ...g.notes,
      content: { summary: `Welcome all. ${sentence}`, items: [] },
    });
    expect(draft.status, draft.text).toBe(200);
    const check = await g.noteTaker.client.callOk('checkAttribution', g.notes);
    const flag = check.flags.find((f) => f.sentence === sentence);
    expect(flag, JSON.stringify(check.flags)).toMatchObject({ text: 'Priya', level: 'attributes' });
    // The second Priya, who felt something, not the first, who was thanked.
    expect(flag?.at).toBe(sentence.indexOf('Priya felt'));
    expect(sentence.slice(flag!.at, flag!.at + flag!.text.length)).toBe('Priya');
  });
});
