import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/policy/index.ts';
import {
  createGroup,
  joinGroup,
  startTestApp,
  type CallInput,
  type Client,
  type TestApp,
} from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { draftStartedOn, londonToday } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function groupWithChairAndParticipant() {
  const chair = t.client();
  await chair.register('Chair Person');
  const participant = t.client();
  const me = await participant.register('Participant Person');
  const groupId = await createGroup(chair);
  await joinGroup(chair, participant, groupId);
  return { chair, participant, participantId: me.id, groupId };
}

async function adoptFromTemplate(
  chair: Client,
  groupId: string,
  choices: CallInput<'createTermsDraft'>['choices'] = {},
) {
  const draft = await chair.call('createTermsDraft', {
    groupId,
    from: 'template',
    choices: { frequency: 'monthly', nth: 2, weekday: 'tuesday', ...choices },
  });
  expect(draft.status).toBe(201);
  // The draft was written before the meeting of 10 November 2026 that agreed it.
  await draftStartedOn(t.database, groupId, '2026-11-01');
  const adopted = await chair.call('adoptTermsDraft', { groupId, adoptedOn: '2026-11-10' });
  expect(adopted.status).toBe(200);
  return expectSuccess(adopted, 200);
}

describe('Terms of Reference', () => {
  it('a new group starts with no version in force, and a chair drafts one from the seed template', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    const before = await chair.callOk('getTermsInForce', { groupId });
    expect(before).toMatchObject({ version: null, hasDraft: false });
    const draft = await chair.call('createTermsDraft', {
      groupId,
      choices: {
        frequency: 'monthly',
        nth: 2,
        weekday: 'tuesday',
        inScope: [
          { key: 'housing', title: 'Housing', description: 'Repairs and allocations' },
          { key: 'transport', title: 'Transport', description: 'Community transport' },
          { key: 'care', title: 'Care at home', description: 'Home care visits' },
        ],
      },
    });
    expect(draft.status).toBe(201);
    const drafted = expectSuccess(draft, 201);
    expect(drafted.status).toBe('draft');
    expect(drafted.document.remit.inScope.map((a) => a.key)).toEqual([
      'housing',
      'transport',
      'care',
    ]);
    expect(drafted.markdown).toContain('Housing');
    expect(drafted.markdown).not.toMatch(/bi-monthly/i);
  });

  it('adopting a draft makes version 1 in force, dated, with how it was adopted', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    const adopted = await adoptFromTemplate(chair, groupId);
    expect(adopted).toMatchObject({ number: 1, status: 'in_force', adoptedOn: '2026-11-10' });
    expect(adopted.adoptionNote).toBe('Adopted by consensus at the meeting of 10 November 2026.');
    const inForce = await chair.callOk('getTermsInForce', { groupId });
    expect(inForce.version?.number).toBe(1);
    expect(inForce.review).toMatchObject({ dueOn: '2027-11-10' });
    const audit = await t.database.query<{ action: string }>(
      "select action from audit_log where group_id = $1 and action like 'terms.%' order by at",
      [groupId],
    );
    expect(audit.map((a) => a.action)).toEqual(['terms.draft_created', 'terms.adopted']);
  });

  it('an invalid draft is refused with every bad field named, and nothing is saved', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    const draft = await chair.callOk('createTermsDraft', { groupId });
    // Made invalid on purpose, so sent raw below.
    const document = structuredClone(draft.document) as any;
    document.membership.memberAfterMoreThan = 0;
    document.cadence.every = 0;
    document.cadence.timeZone = 'Mars/Olympus';
    document.surveys.wavesMonths = [6, 3, 3];
    document.remit.outOfScope.push({
      ...document.remit.inScope[0],
      takeInstead: 'elsewhere',
      description: undefined,
    });
    delete document.remit.outOfScope.at(-1).description;
    const answer = await chair.put(`/api/v1/groups/${groupId}/terms/draft`, { document });
    expect(answer.status).toBe(422);
    const fields = Object.keys(answer.body.error.fields);
    for (const expected of [
      'document.membership.memberAfterMoreThan',
      'document.cadence.every',
      'document.cadence.timeZone',
    ]) {
      expect(fields).toContain(expected);
    }
    expect(fields.some((f) => f.startsWith('document.surveys.wavesMonths'))).toBe(true);
    expect(fields.some((f) => f.startsWith('document.remit'))).toBe(true);
    const after = await chair.callOk('getTermsDraft', { groupId });
    expect(after.document).toEqual(draft.document);
  });

  it('a new version shows its differences and asks everyone to accept again', async () => {
    const { chair, participant, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    expect((await participant.call('acceptTerms', { groupId, number: 1 })).status).toBe(200);
    expect((await participant.callOk('getTermsInForce', { groupId })).myAcceptance).not.toBeNull();

    const draft = await chair.callOk('createTermsDraft', { groupId });
    expect(draft.document.cadence).toMatchObject({ unit: 'month', every: 1 });
    // Weekly instead of monthly: the same meeting time, no day of the month.
    const { from, startTime, durationMinutes, timeZone } = draft.document.cadence;
    const document = {
      ...draft.document,
      cadence: {
        from,
        startTime,
        durationMinutes,
        timeZone,
        unit: 'week' as const,
        every: 6,
        weekday: 'tuesday' as const,
      },
    };
    expect((await chair.call('updateTermsDraft', { groupId, document })).status).toBe(200);
    const toDraft = await chair.call('diffTermsVersions', { groupId, from: '1', to: 'draft' });
    expect(toDraft.status).toBe(200);
    const diff = expectSuccess(toDraft, 200);
    expect(diff.fields).toContainEqual({ path: 'cadence.every', before: 1, after: 6 });
    expect(diff.lines.some((l) => l.kind === 'added')).toBe(true);

    const v2 = await chair.callOk('adoptTermsDraft', { groupId, adoptedOn: londonToday() });
    expect(v2.number).toBe(2);
    expect((await participant.callOk('getTermsInForce', { groupId })).myAcceptance).toBeNull();
    const stale = await participant.call('acceptTerms', { groupId, number: 1 });
    expect(stale.status).toBe(409);
    const acceptances = await chair.callOk('listTermsAcceptances', { groupId });
    expect(acceptances.number).toBe(2);
    expect(acceptances.people.every((p) => p.acceptedAt === null)).toBe(true);
    const versions = await participant.callOk('listTermsVersions', { groupId });
    expect(versions.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'in_force'],
      [1, 'superseded'],
    ]);
    const between = await participant.callOk('diffTermsVersions', { groupId, from: '1', to: '2' });
    expect(between.fields).toContainEqual({
      path: 'cadence.unit',
      before: 'month',
      after: 'week',
    });
  });

  it('an adopted version never changes: drafts are separate and only chairs edit them', async () => {
    const { chair, participant, groupId } = await groupWithChairAndParticipant();
    const v1 = await adoptFromTemplate(chair, groupId);
    expect((await participant.call('createTermsDraft', { groupId })).status).toBe(403);
    await chair.call('createTermsDraft', { groupId });
    expect((await chair.call('createTermsDraft', { groupId })).status).toBe(409);
    const document = { ...v1.document, purpose: 'Something else entirely' };
    await chair.call('updateTermsDraft', { groupId, document });
    const again = await chair.callOk('getTermsVersion', { groupId, number: 1 });
    expect(again.document.purpose).toBe(v1.document.purpose);
  });

  it('a version downloads as Markdown with numbered clauses', async () => {
    const { chair, participant, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    const file = await participant.call('downloadTermsVersion', { groupId, number: 1 });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(file.headers.get('content-disposition')).toMatch(/terms-of-reference-v1\.md/);
    expect(file.text).toMatch(/^## 1\. /m);
    expect(file.text).toContain('**1.1**');
  });

  it('a behaviour reminder records the clause and the day, and no person', async () => {
    const { chair, participant, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    expect((await participant.call('raiseBehaviourReminder', { groupId, clause: 2 })).status).toBe(
      201,
    );
    expect((await chair.call('raiseBehaviourReminder', { groupId, clause: 2 })).status).toBe(201);
    expect((await chair.call('raiseBehaviourReminder', { groupId, clause: 99 })).status).toBe(422);
    const counts = await participant.callOk('listBehaviourReminders', { groupId });
    expect(counts.clauses[1]).toMatchObject({ clause: 2, count: 2 });
    const columns = await t.database.query<{ column_name: string; data_type: string }>(
      "select column_name, data_type from information_schema.columns where table_name = 'behaviour_reminders'",
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual([
      'clause',
      'group_id',
      'id',
      'meeting_id',
      'raised_on',
    ]);
    expect(columns.find((c) => c.column_name === 'raised_on')?.data_type).toBe('date');
  });

  it('the chairs are emailed once when the annual review comes near', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    const { sendReviewNotices } = await import('../../src/server/modules/terms/terms.service.ts');
    expect(await sendReviewNotices(t.app.deps, new Date('2027-06-01T12:00:00Z'))).toBe(0);
    const soon = new Date('2027-10-20T12:00:00Z');
    expect(await sendReviewNotices(t.app.deps, soon)).toBeGreaterThanOrEqual(1);
    expect(await sendReviewNotices(t.app.deps, soon)).toBe(0);
    const mail = await t.database.query<{ subject: string }>(
      "select subject from outbox where subject like 'Time to review%'",
    );
    expect(mail.length).toBeGreaterThanOrEqual(1);
    const status = await chair.callOk('getTermsInForce', { groupId });
    expect(status.review?.state).toBe('ok');
  });

  it('observers and outsiders cannot read the Terms of Reference', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    const outsider = t.client();
    await outsider.register('Outsider');
    const missing = await outsider.call('getTermsInForce', { groupId });
    expect(missing.status).toBe(404);
    const observer = t.client();
    const o = await observer.register('Observer');
    await joinGroup(chair, observer, groupId);
    await chair.call('setGroupRole', { groupId, userId: o.id, role: 'observer' });
    expect((await observer.call('getTermsInForce', { groupId })).status).toBe(403);
  });
});

describe('adoption dates', () => {
  const draftOf = async (chair: Client, groupId: string) => {
    const draft = await chair.call('createTermsDraft', { groupId, from: 'template' });
    expect(draft.status, draft.text).toBe(201);
    return expectSuccess(draft, 201);
  };

  it('a draft says the dates it can be adopted on', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    const draft = await draftOf(chair, groupId);
    const today = londonToday();
    expect(draft.adoptionDates).toEqual({ earliest: today, today, firstVersion: true });
    await draftStartedOn(t.database, groupId, '2026-10-01');
    const again = await chair.callOk('getTermsDraft', { groupId });
    expect(again.adoptionDates).toEqual({ earliest: '2026-10-01', today, firstVersion: true });
  });

  it('a draft cannot be adopted on a day before it was started', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await draftOf(chair, groupId);
    await draftStartedOn(t.database, groupId, '2026-10-01');
    const early = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: '2026-09-30',
    });
    const error = expectError(early, { status: 422, field: 'adoptedOn' });
    expect(error.fields?.adoptedOn).toMatch(
      /on or after 1 October 2026, when this draft was started/,
    );
    expect((await chair.callOk('getTermsInForce', { groupId })).version).toBeNull();
    const onTheDay = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: '2026-10-01',
    });
    expect(onTheDay.status, onTheDay.text).toBe(200);
  });

  it('a new version from a draft started today cannot be dated before today', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await adoptFromTemplate(chair, groupId);
    const redraft = await chair.callOk('createTermsDraft', { groupId });
    expect(redraft.adoptionDates).toMatchObject({
      earliest: londonToday(),
      firstVersion: false,
    });
    const yesterday = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: addDays(londonToday(), -1),
    });
    expect(expectError(yesterday, { status: 422, field: 'adoptedOn' }).fields?.adoptedOn).toMatch(
      /when this draft was started/,
    );
  });

  it('a first version dated in the future is refused unless the chair says it takes effect later', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await draftOf(chair, groupId);
    const later = addDays(londonToday(), 30);
    const unsaid = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: later,
    });
    const error = expectError(unsaid, { status: 422, field: 'adoptedOn' });
    expect(error.fields?.adoptedOn).toMatch(/is after today/);
    expect(error.fields?.adoptedOn).toMatch(/take effect on that future date/);
    const unsure = await chair.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
      adoptedOn: later,
      takesEffectLater: 'yes',
    });
    expectError(unsure, { status: 422, field: 'takesEffectLater' });
    const said = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: later,
      takesEffectLater: true,
    });
    expect(said.status, said.text).toBe(200);
    expect(expectSuccess(said, 200)).toMatchObject({ number: 1, adoptedOn: later });
    expect(expectSuccess(said, 200).adoptionNote).toMatch(
      /^Agreed by the group, to take effect on /,
    );
  });

  it('a first version dated today needs no confirmation', async () => {
    const { chair, groupId } = await groupWithChairAndParticipant();
    await draftOf(chair, groupId);
    const today = await chair.call('adoptTermsDraft', {
      groupId,
      adoptedOn: londonToday(),
    });
    expect(today.status, today.text).toBe(200);
    expect(expectSuccess(today, 200).adoptionNote).toMatch(
      /^Adopted by consensus at the meeting of /,
    );
  });
});
