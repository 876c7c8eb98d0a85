import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type CallInput, type TestApp } from '../harness.ts';
import { registerPerson, type Person } from '../support/people.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { remindOverdueActions } from '../../src/server/modules/notes/actions.service.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { renderMarkdown } from '../../src/policy/markdown.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** The detail of the group's latest audit row for an action (PGlite gives it as text, PostgreSQL as JSON). */
async function latestAuditDetail(
  groupId: string,
  action: string,
): Promise<Record<string, unknown>> {
  const [row] = await t.database.query<{ detail: unknown }>(
    'select detail from audit_log where action = $1 and group_id = $2 order by at desc limit 1',
    [action, groupId],
  );
  const detail = typeof row?.detail === 'string' ? JSON.parse(row.detail) : row?.detail;
  return (detail ?? {}) as Record<string, unknown>;
}

async function group() {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client);
  const sam = await registerPerson(t, 'Samantha Okafor');
  const noteTaker = await registerPerson(t, 'Nina Notes');
  const observer = await registerPerson(t, 'Olu Observer');
  for (const p of [sam, noteTaker, observer]) await joinGroup(chair.client, p.client, groupId);
  await chair.client.call('setGroupRole', { groupId, userId: noteTaker.id, role: 'note_taker' });
  await chair.client.call('setGroupRole', { groupId, userId: observer.id, role: 'observer' });
  await adoptTerms(chair.client, groupId);
  const first = await addMeeting(chair.client, groupId, new Date(Date.now() - 40 * 86_400_000));
  const second = await addMeeting(chair.client, groupId, new Date(Date.now() - 10 * 86_400_000));
  return { chair, sam, noteTaker, observer, groupId, first, second };
}

/** The group agrees a proposal by consensus (Sam agrees); the decision's id. */
async function agreeByConsensus(
  g: { groupId: string; chair: Person; sam: Person },
  title: string,
  release?: Partial<NonNullable<CallInput<'createProposal'>['release']>>,
) {
  const { groupId } = g;
  const p = await g.chair.client.call('createProposal', {
    groupId,
    title,
    text: 'Agreed by the group.',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    ...(release ? { release: { audience: 'public', ...release } } : {}),
  });
  expect(p.status, p.text).toBe(201);
  const proposal = { groupId, proposalId: expectSuccess(p, 201).id };
  await g.chair.client.call('openConsensusCheck', proposal);
  await g.sam.client.call('answerConsensusCheck', { ...proposal, answer: 'agree' });
  const decided = await g.chair.client.call('closeConsensusCheck', {
    ...proposal,
    outcome: 'consensus',
  });
  expect(decided.status, decided.text).toBe(200);
  return expectSuccess(decided, 200).decisionId as string;
}

/** The path parameters of a meeting's notes. */
const notesOf = (g: { groupId: string }, meetingId: string) => ({ groupId: g.groupId, meetingId });

/** The raw address of a meeting's notes, for input no typed call can carry. */
const notesUrl = (g: { groupId: string }, meetingId: string) =>
  `/api/v1/groups/${g.groupId}/meetings/${meetingId}/notes`;

describe('notes under the Chatham House Rule', () => {
  it('a view attributed to a person blocks circulation until reworded; circulated notes are approved at a later meeting and locked; a correction is a new version', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    const draft = await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: 'Sam felt the plan was rushed.', items: [] },
    });
    expect(draft.status, draft.text).toBe(200);
    expect(expectSuccess(draft, 200).current).toMatchObject({ version: 1, status: 'draft' });
    // Participants do not see drafts.
    expect((await g.sam.client.callOk('getMeetingNotes', notes)).current).toBeNull();

    const check = await g.noteTaker.client.callOk('checkAttribution', notes);
    expect(check.outstanding).toBe(1);
    expect(check.flags[0]).toMatchObject({
      who: expect.stringMatching(/Sam/),
      kind: 'name',
      level: 'attributes',
      suggestion: expect.stringMatching(/the plan was rushed\.$/),
    });
    expect(check.flags[0]!.suggestion).not.toMatch(/\bSam\b/);
    const blocked = await g.noteTaker.client.call('circulateNotes', notes);
    expectError(blocked, { status: 409, code: 'conflict', field: 'flag 1' });

    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: {
        summary:
          'A view was expressed that the plan was rushed.\n\nAction: Sam to send the timetable.',
        items: [],
      },
    });
    const circulated = await g.noteTaker.client.call('circulateNotes', notes);
    expect(circulated.status, circulated.text).toBe(200);
    expect(expectSuccess(circulated, 200).current?.status).toBe('circulated');
    const mails = await t.database.query<{ to_address: string; body_text: string }>(
      `select to_address, body_text from outbox where subject like 'Notes of %ready for comments'`,
    );
    expect(mails.map((m) => m.to_address)).toContain(g.sam.email);
    expect(mails.map((m) => m.to_address)).not.toContain(g.observer.email);
    expect(mails.every((m) => !m.body_text.includes('rushed'))).toBe(true);

    const comment = await g.sam.client.call('commentOnNotes', {
      ...notes,
      body: 'Looks right to me.',
    });
    expect(comment.status, comment.text).toBe(200);
    expectError(await g.observer.client.call('getMeetingNotes', notes), {
      status: 403,
      code: 'forbidden',
    });

    expectError(
      await g.chair.client.call('approveNotes', { ...notes, body: { meetingId: g.first } }),
      { status: 422, code: 'validation_failed', field: 'meetingId' },
    );
    // Sam's comment came in after the notes last changed: the chair approves knowing it.
    const approved = await g.chair.client.callOk('approveNotes', {
      ...notes,
      body: { meetingId: g.second, acknowledgeUnresolved: true },
    });
    expect(approved.current).toMatchObject({
      status: 'approved',
      approvedAtMeeting: g.second,
    });

    const locked = await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: 'Changed', items: [] },
    });
    expectError(locked, { status: 422, code: 'validation_failed', field: 'correctionReason' });
    const corrected = await g.noteTaker.client.callOk('updateMeetingNotes', {
      ...notes,
      content: { summary: 'A view was expressed that the plan was hurried.', items: [] },
      correctionReason: 'The word used was hurried',
    });
    expect(corrected.current).toMatchObject({
      version: 2,
      status: 'draft',
      correctionReason: 'The word used was hurried',
    });
    expect(corrected.versions.map((v) => v.status)).toEqual(['draft', 'approved']);
  });

  it('approving notes with unresolved comments is refused, naming them, unless the chair approves knowingly; a change to the notes resolves the comments made before it', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: 'The group agreed the timetable.', items: [] },
    });
    expect((await g.noteTaker.client.call('circulateNotes', notes)).status).toBe(200);
    const first = await g.sam.client.callOk('commentOnNotes', {
      ...notes,
      body: 'The date of the next meeting is missing.',
    });
    expect(first.comments).toEqual([
      expect.objectContaining({ name: 'Samantha Okafor', resolved: false }),
    ]);

    const refused = await g.chair.client.call('approveNotes', {
      ...notes,
      body: { meetingId: g.second },
    });
    const refusal = expectError(refused, {
      status: 409,
      code: 'conflict',
      field: 'acknowledgeUnresolved',
    });
    expect(refusal.fields?.['comment 1']).toBe(
      'Samantha Okafor: “The date of the next meeting is missing.”',
    );
    expect((await g.chair.client.callOk('getMeetingNotes', notes)).current?.status).toBe(
      'circulated',
    );
    expectError(
      await g.chair.client.post(`${notesUrl(g, g.first)}/approve`, {
        meetingId: g.second,
        acknowledgeUnresolved: 'yes',
      }),
      { status: 422, code: 'validation_failed', field: 'acknowledgeUnresolved' },
    );
    expectError(
      await g.chair.client.call('approveNotes', {
        ...notes,
        body: { meetingId: g.second, acknowledgeUnresolved: false },
      }),
      { status: 409, code: 'conflict', field: 'acknowledgeUnresolved' },
    );

    // The note-taker adds the date and circulates again: the comment is answered.
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: 'The group agreed the timetable. Next meeting: 3 June.', items: [] },
    });
    const again = await g.noteTaker.client.callOk('circulateNotes', notes);
    expect(again.comments).toEqual([expect.objectContaining({ resolved: true })]);
    // A comment on the new circulation is unresolved again, and is named when approval is refused.
    await g.sam.client.call('commentOnNotes', { ...notes, body: 'Thanks, that is right now.' });
    const view = await g.chair.client.callOk('getMeetingNotes', notes);
    expect(view.comments.map((c) => c.resolved)).toEqual([true, false]);
    const stillRefused = await g.chair.client.call('approveNotes', {
      ...notes,
      body: { meetingId: g.second },
    });
    const stillRefusal = expectError(stillRefused, {
      status: 409,
      code: 'conflict',
      field: 'comment 1',
    });
    expect(stillRefusal.fields?.['comment 1']).toContain('Thanks, that is right now.');
    expect(stillRefusal.fields?.['comment 2']).toBeUndefined();

    const approved = await g.chair.client.call('approveNotes', {
      ...notes,
      body: { meetingId: g.second, acknowledgeUnresolved: true },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(expectSuccess(approved, 200).current?.status).toBe('approved');
    // Approved notes have nothing left to resolve.
    expect(expectSuccess(approved, 200).comments.every((c) => c.resolved)).toBe(true);
    const detail = await latestAuditDetail(g.groupId, 'notes.approved');
    expect(detail.unresolvedComments).toHaveLength(1);
  });

  it('notes with every comment resolved are approved without being asked', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: 'A short meeting.', items: [] },
    });
    await g.noteTaker.client.call('circulateNotes', notes);
    const approved = await g.chair.client.call('approveNotes', {
      ...notes,
      body: { meetingId: g.second },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(expectSuccess(approved, 200).current?.status).toBe('approved');
  });

  it('a sentence kept as written with a reason lets circulation go ahead; the reason is audited (never the sentence) and shown with the sentence to whoever approves the notes', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    const sentence = 'Samantha said the room was booked for March.';
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: sentence, items: [] },
    });
    const check = await g.noteTaker.client.callOk('checkAttribution', notes);
    expect(check.outstanding).toBe(1);
    expect(check.flags[0]).toMatchObject({ level: 'attributes', sentence });
    const reason = 'A fact reported, not a view';
    const marked = await g.noteTaker.client.callOk('updateMeetingNotes', {
      ...notes,
      content: { summary: sentence, items: [] },
      notViews: [{ text: sentence, reason }],
    });
    expect(marked.current?.notViews[0]).toMatchObject({ text: sentence, markedBy: g.noteTaker.id });
    expect((await g.noteTaker.client.callOk('checkAttribution', notes)).outstanding).toBe(0);
    // Keeping is by sentence: another sentence naming the same person is not kept with it.
    const another = `${sentence} Samantha felt the fees were too high.`;
    const both = await g.noteTaker.client.callOk('checkAttribution', {
      ...notes,
      text: another,
    });
    expect(both.flags.map((f) => [f.text, f.markedNotAView])).toEqual([
      ['Samantha', true],
      ['Samantha', false],
    ]);
    expect(both.outstanding).toBe(1);
    expect((await g.noteTaker.client.call('circulateNotes', notes)).status).toBe(200);

    // The audit keeps who kept it and why, when it was marked and when the notes circulated.
    const audit = (action: string) => latestAuditDetail(g.groupId, action);
    const updated = await audit('notes.updated');
    expect(updated.markedNotAView).toEqual([{ reason, markedBy: g.noteTaker.id }]);
    const circulated = await audit('notes.circulated');
    expect(circulated.keptWithReason).toEqual([{ reason, markedBy: g.noteTaker.id }]);
    for (const detail of [updated, circulated]) {
      expect(JSON.stringify(detail)).not.toContain('booked');
      expect(JSON.stringify(detail)).not.toContain('Samantha');
    }

    // The chair, who approves the notes, sees the sentence kept and the reason; others do not.
    const asChair = await g.chair.client.callOk('getMeetingNotes', notes);
    expect(asChair.can.approve).toBe(true);
    expect(asChair.keptAsWritten).toEqual([
      expect.objectContaining({
        where: 'Summary',
        sentence,
        text: check.flags[0]!.text,
        level: 'attributes',
        reason,
      }),
    ]);
    expect((await g.sam.client.callOk('getMeetingNotes', notes)).keptAsWritten).toEqual([]);
    // Once approved, there is nothing left to approve.
    const approved = await g.chair.client.callOk('approveNotes', {
      ...notes,
      body: { meetingId: g.second },
    });
    expect(approved.keptAsWritten).toEqual([]);
  });

  it('a sentence that only may point to someone is flagged as a nudge and never holds circulation back', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: {
        summary: 'After Samantha’s update, there was frustration about the waiting list.',
        items: [],
      },
    });
    const check = await g.noteTaker.client.callOk('checkAttribution', notes);
    expect(check.flags.length).toBeGreaterThan(0);
    expect(check.flags.every((f) => f.level === 'may')).toBe(true);
    expect(check.outstanding).toBe(0);
    const circulated = await g.noteTaker.client.call('circulateNotes', notes);
    expect(circulated.status, circulated.text).toBe(200);
  });

  it('“she” for someone named earlier in the paragraph attributes the view to them, and holds circulation back until reworded', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    const paragraph =
      'Samantha Okafor opened the item on the crisis line. She felt strongly that it should stay open until midnight.';
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: paragraph, items: [] },
    });
    const check = await g.noteTaker.client.callOk('checkAttribution', notes);
    expect(check.outstanding).toBe(1);
    const [flag] = check.flags;
    expect(flag).toMatchObject({
      kind: 'pronoun',
      level: 'attributes',
      who: expect.stringMatching(/Samantha/),
      text: expect.stringMatching(/^She\b/),
      sentence: 'She felt strongly that it should stay open until midnight.',
    });
    expect(flag!.suggestion).not.toMatch(/\b(She|Samantha)\b/);
    expectError(await g.noteTaker.client.call('circulateNotes', notes), {
      status: 409,
      code: 'conflict',
      field: 'flag 1',
    });
    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary: paragraph.replace(flag!.sentence, flag!.suggestion), items: [] },
    });
    expect((await g.noteTaker.client.callOk('checkAttribution', notes)).outstanding).toBe(0);
    expect((await g.noteTaker.client.call('circulateNotes', notes)).status).toBe(200);
  });

  it('a name someone says they go by on their account is looked for too', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    const text = { content: { summary: 'Tosh felt the budget was too tight.', items: [] } };
    await g.noteTaker.client.call('updateMeetingNotes', { ...notes, ...text });
    expect((await g.noteTaker.client.callOk('checkAttribution', notes)).outstanding).toBe(0);
    // Olu goes by "Tosh": now the same sentence attributes a view to them.
    const set = await g.observer.client.call('updateMe', { knownAs: ['Tosh'] });
    expect(set.status, set.text).toBe(200);
    const check = await g.noteTaker.client.callOk('checkAttribution', notes);
    expect(check.outstanding).toBe(1);
    expect(check.flags[0]).toMatchObject({
      who: 'Tosh',
      text: expect.stringContaining('Tosh'),
    });
  });

  it('notes are stored as written, and raw HTML in them is shown as text', async () => {
    const g = await group();
    const notes = notesOf(g, g.first);
    const summary =
      'Fine <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=y> a < b';
    const saved = await g.noteTaker.client.call('updateMeetingNotes', {
      ...notes,
      content: { summary, items: [] },
    });
    expect(saved.status, saved.text).toBe(200);
    const current = expectSuccess(saved, 200).current;
    expect(current?.content.summary).toBe(summary);
    expect(renderMarkdown(current?.content.summary ?? '')).toBe(
      '<p>Fine &lt;script&gt;alert(1)&lt;/script&gt; [link](javascript:alert(2)) ' +
        '&lt;img src=x onerror=y&gt; a &lt; b</p>\n',
    );
  });
});

describe('actions', () => {
  it('an action has an owner in the group and a due date; owners see theirs; overdue ones are marked', async () => {
    const g = await group();
    const { groupId } = g;
    const outsider = await registerPerson(t, 'Not Here');
    expectError(
      await g.noteTaker.client.call('addAction', {
        groupId,
        title: 'x',
        ownerId: outsider.id,
        dueOn: '2027-01-01',
      }),
      { status: 422, code: 'validation_failed', field: 'ownerId' },
    );
    const added = await g.noteTaker.client.call('addAction', {
      groupId,
      title: 'Send the timetable',
      ownerId: g.sam.id,
      dueOn: '2026-01-05',
      meetingId: g.first,
    });
    expect(added.status, added.text).toBe(201);
    const action = expectSuccess(added, 201);
    expect(action).toMatchObject({ ownerName: 'Samantha Okafor', overdue: true });
    const mine = (await g.sam.client.callOk('listActions', { groupId, owner: 'me' })).actions;
    expect(mine.map((a) => a.title)).toEqual(['Send the timetable']);
    // The owner is reminded once, not on every run of the job.
    await remindOverdueActions(t.app.deps);
    await remindOverdueActions(t.app.deps);
    const reminders = await t.database.query<{ body_text: string }>(
      `select body_text from outbox where to_address = $1 and subject = 'An action of yours is overdue'`,
      [g.sam.email],
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body_text).not.toContain('timetable');
    const done = await g.sam.client.callOk('updateAction', {
      groupId,
      actionId: action.id,
      status: 'done',
    });
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expectError(
      await g.observer.client.call('updateAction', {
        groupId,
        actionId: action.id,
        status: 'open',
      }),
      { status: 403, code: 'forbidden' },
    );
  });
});

describe('release by decision, and the public page', () => {
  it('an item leaves the group only through a decision that agreed to release it; the public page shows released items and nothing else; withdrawing takes it back', async () => {
    const g = await group();
    const { groupId } = g;
    const learning = await g.sam.client.call('addLearningEntry', {
      groupId,
      whatHappened: 'The venue had no step-free access',
      whatWeLearned: 'Check access before booking',
      whatWeWillChange: 'An access checklist for every venue',
      tags: ['access'],
    });
    expect(learning.status, learning.text).toBe(201);
    const learningId = expectSuccess(learning, 201).id;
    const hidden = await g.sam.client.call('addLearningEntry', {
      groupId,
      whatHappened: 'Something still private',
      whatWeLearned: 'Not ready to share',
      whatWeWillChange: 'Talk again',
      tags: [],
    });
    expect(hidden.status).toBe(201);
    const anonymous = t.client();
    // Every group has a public page from the start: with nothing released, it lists nothing.
    expect((await anonymous.callOk('listReleasedItems', { groupId })).items).toEqual([]);

    const withoutDecision = await g.chair.client.call('releaseItem', {
      groupId,
      itemType: 'learning',
      itemId: learningId,
      audience: 'public',
    });
    expectError(withoutDecision, { status: 422, code: 'validation_failed', field: 'decisionId' });

    // The group decides, by consensus, to share it.
    const decisionId = await agreeByConsensus(g, 'Share our venue lesson', {
      items: [{ itemType: 'learning', itemId: learningId }],
    });
    const released = await g.chair.client.call('releaseItem', {
      groupId,
      itemType: 'learning',
      itemId: learningId,
      audience: 'public',
      decisionId,
    });
    expect(released.status, released.text).toBe(201);
    const page = await anonymous.call('listReleasedItems', { groupId });
    expect(page.status, page.text).toBe(200);
    const listed = expectSuccess(page, 200);
    expect(listed.items.map((i) => i.itemType)).toEqual(['learning']);
    expect(page.text).toContain('step-free');
    expect(page.text).not.toContain('still private');
    expect(listed.releases).toBeUndefined();

    const takeBack = await agreeByConsensus(g, 'Take the venue lesson back', {
      action: 'withdraw',
      items: [{ itemType: 'learning', itemId: learningId }],
    });
    const withdrawn = await g.chair.client.callOk('withdrawRelease', {
      groupId,
      releaseId: expectSuccess(released, 201).id,
      decisionId: takeBack,
    });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    // Every group has a public page from the start: with nothing released, it lists nothing.
    expect((await anonymous.callOk('listReleasedItems', { groupId })).items).toEqual([]);
  });

  it('a release of the Terms of Reference names one adopted version: a later version is not released with it', async () => {
    const g = await group();
    const { groupId } = g;
    const v1 = (await g.chair.client.callOk('getTermsInForce', { groupId })).version!;
    const decisionId = await agreeByConsensus(g, 'Publish our Terms of Reference', {
      items: [{ itemType: 'terms', itemId: v1.id }],
    });
    // The group itself, or a draft, is not a version that can be released.
    expectError(
      await g.chair.client.call('releaseItem', {
        groupId,
        itemType: 'terms',
        itemId: groupId,
        audience: 'public',
        decisionId,
      }),
      { status: 422, field: 'itemId' },
    );
    const released = await g.chair.client.call('releaseItem', {
      groupId,
      itemType: 'terms',
      itemId: v1.id,
      audience: 'public',
      decisionId,
    });
    expect(released.status, released.text).toBe(201);

    // Version 2 changes the purpose; the public page still shows version 1.
    await g.chair.client.call('createTermsDraft', { groupId, from: 'in_force' });
    await adoptTerms(g.chair.client, groupId, (doc) => {
      doc.purpose = 'A purpose not yet shared beyond the group';
    });
    const versions = await g.chair.client.callOk('listTermsVersions', { groupId });
    expect(versions.versions.map((v) => v.id)).toContain(v1.id);
    const page = await t.client().call('listReleasedItems', { groupId });
    expect(page.status, page.text).toBe(200);
    expect(expectSuccess(page, 200).items).toEqual([
      expect.objectContaining({ itemType: 'terms', title: 'Terms of Reference, version 1' }),
    ]);
    expect(page.text).not.toContain('not yet shared beyond the group');
  });

  it('a released paper can be downloaded by whoever the release reaches, and by no one once withdrawn', async () => {
    const g = await group();
    const { groupId } = g;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (title: string) =>
      g.chair.client.call('uploadPaper', {
        groupId,
        meetingId: g.second,
        title,
        fileName: 'report.pdf',
        body: pdf,
      });
    const shared = await upload('Annual report');
    const kept = await upload('Draft budget');
    expect(shared.status, shared.text).toBe(201);
    const sharedId = expectSuccess(shared, 201).id;
    const decisionId = await agreeByConsensus(g, 'Publish the annual report', {
      items: [{ itemType: 'paper', itemId: sharedId }],
    });
    const released = await g.chair.client.call('releaseItem', {
      groupId,
      itemType: 'paper',
      itemId: sharedId,
      audience: 'public',
      decisionId,
    });
    expect(released.status, released.text).toBe(201);
    const releaseId = expectSuccess(released, 201).id;

    const anonymous = t.client();
    const page = await anonymous.callOk('listReleasedItems', { groupId });
    const [item] = page.items;
    expect(item).toMatchObject({ itemType: 'paper', title: 'Paper: Annual report' });
    // The address the page gives is the one a visitor follows.
    const file = await anonymous.get(item!.fileUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.text).toContain('%PDF-1.4');
    // The unreleased paper has no public address; another group's path does not reach it.
    expect(JSON.stringify(page)).not.toContain(expectSuccess(kept, 201).id);
    const elsewhere = await createGroup(g.chair.client, 'Another group');
    expectError(await anonymous.call('downloadReleasedPaper', { groupId: elsewhere, releaseId }), {
      status: 404,
      code: 'not_found',
    });

    const takeBack = await agreeByConsensus(g, 'Take the annual report back', {
      action: 'withdraw',
      items: [{ itemType: 'paper', itemId: sharedId }],
    });
    const withdrawn = await g.chair.client.call('withdrawRelease', {
      groupId,
      releaseId,
      decisionId: takeBack,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expectError(await anonymous.get(item!.fileUrl!), { status: 404, code: 'not_found' });
  });
  it('the learning log has no person column', async () => {
    const columns = await t.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'learning_entries'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      [
        'group_id',
        'id',
        'recorded_on',
        'search_vector',
        'tags',
        'what_happened',
        'what_we_learned',
        'what_we_will_change',
      ].sort(),
    );
  });
});

describe('suggestions and search', () => {
  it('a suggestion stays to consider until its outcome is recorded at a meeting; search finds only what the searcher may see', async () => {
    const g = await group();
    const { groupId } = g;
    const s = await g.sam.client.call('addSuggestion', {
      groupId,
      text: 'Hold one meeting a quarter in the evening',
    });
    expect(s.status, s.text).toBe(201);
    const suggestion = expectSuccess(s, 201);
    expect(suggestion.status).toBe('to_consider');
    expectError(
      await g.sam.client.call('recordSuggestionOutcome', {
        groupId,
        suggestionId: suggestion.id,
        meetingId: g.second,
        outcome: 'Agreed to try',
      }),
      { status: 403, code: 'forbidden' },
    );
    const considered = await g.chair.client.callOk('recordSuggestionOutcome', {
      groupId,
      suggestionId: suggestion.id,
      meetingId: g.second,
      outcome: 'Agreed to try an evening meeting in March',
    });
    expect(considered).toMatchObject({ status: 'considered', consideredAtMeeting: g.second });
    const list = await g.sam.client.callOk('listSuggestions', { groupId });
    expect(list.suggestions).toHaveLength(1);

    await g.noteTaker.client.call('updateMeetingNotes', {
      ...notesOf(g, g.first),
      content: { summary: 'Discussion of evening meetings and childcare.', items: [] },
    });
    const asNoteTaker = await g.noteTaker.client.callOk('search', { groupId, q: 'evening' });
    expect(asNoteTaker.results.map((r) => r.kind).sort()).toEqual(['notes', 'suggestion']);
    // The draft notes are not visible to a participant, so search does not find them.
    const asSam = await g.sam.client.callOk('search', { groupId, q: 'evening' });
    expect(asSam.results.map((r) => r.kind)).toEqual(['suggestion']);
    const stranger = await registerPerson(t, 'Stranger');
    expectError(await stranger.client.call('search', { groupId, q: 'evening' }), {
      status: 404,
      code: 'not_found',
    });
  });
});
