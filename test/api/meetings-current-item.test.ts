import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { Stream } from '../support/live-stream.ts';
import { addMeeting } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  // An aborted event stream leaves a spare connection open; do not wait for it.
  t.app.server.closeAllConnections();
  await t.close();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A group with a chair and a participant, and a meeting that started ten minutes ago with two items. */
async function runningMeeting() {
  const chair = t.client();
  await chair.register('Chair Person');
  const groupId = await createGroup(chair);
  const member = t.client();
  const me = await member.register('Member Person');
  await joinGroup(chair, member, groupId);
  const meetingId = await addMeeting(chair, groupId, new Date(Date.now() - 10 * MINUTE));
  const meeting = { groupId, meetingId };
  const [budget, transport] = await addItems(chair, meeting, ['Budget', 'Transport']);
  return { chair, member, me, groupId, meetingId, meeting, budget: budget!, transport: transport! };
}

type Meeting = { groupId: string; meetingId: string };

async function addItems(chair: Client, meeting: Meeting, titles: string[]): Promise<string[]> {
  const ids = [];
  for (const title of titles) {
    const added = await chair.call('addAgendaItem', { ...meeting, title, purpose: 'To agree' });
    ids.push(expectSuccess(added, 201).id);
  }
  return ids;
}

/** The meeting as `client` sees it. */
const meetingSeenBy = (client: Client, meeting: Meeting) => client.callOk('getMeeting', meeting);

async function auditRows(meetingId: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from audit_log where subject_id = $1 and action like 'meeting.current_item%'`,
    [meetingId],
  );
  return row!.n;
}

describe('the current agenda item of a running meeting', () => {
  it('the chair sets it and a member sees it, then the chair clears it; each change is recorded', async () => {
    const { chair, member, meeting, meetingId, budget, transport } = await runningMeeting();
    expect((await meetingSeenBy(member, meeting)).currentItem).toBeNull();

    const set = await chair.call('setCurrentAgendaItem', { ...meeting, itemId: transport });
    expect(expectSuccess(set, 200)).toEqual({ currentItem: { id: transport, title: 'Transport' } });
    const seen = await meetingSeenBy(member, meeting);
    expect(seen.currentItem).toEqual({ id: transport, title: 'Transport' });
    expect(seen.can.run).toBe(false);
    expect((await meetingSeenBy(chair, meeting)).can.run).toBe(true);

    await chair.call('setCurrentAgendaItem', { ...meeting, itemId: budget });
    expect((await meetingSeenBy(member, meeting)).currentItem).toEqual({
      id: budget,
      title: 'Budget',
    });
    // Setting the same item again changes nothing and records nothing.
    await chair.call('setCurrentAgendaItem', { ...meeting, itemId: budget });
    expect(await auditRows(meetingId)).toBe(2);

    const cleared = await chair.call('setCurrentAgendaItem', { ...meeting, itemId: null });
    expect(expectSuccess(cleared, 200)).toEqual({ currentItem: null });
    expect((await meetingSeenBy(member, meeting)).currentItem).toBeNull();
    const actions = await t.database.query<{ action: string }>(
      `select action from audit_log where subject_id = $1 and action like 'meeting.current_item%' order by at`,
      [meetingId],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'meeting.current_item_set',
      'meeting.current_item_set',
      'meeting.current_item_cleared',
    ]);
  });

  it('only a chair may set it: a participant and a note-taker are refused, someone outside the group is told it does not exist', async () => {
    const { chair, member, me, groupId, meeting, budget } = await runningMeeting();
    expectError(await member.call('setCurrentAgendaItem', { ...meeting, itemId: budget }), {
      status: 403,
      code: 'forbidden',
    });
    const roled = await chair.call('setGroupRole', { groupId, userId: me.id, role: 'note_taker' });
    expect(roled.status, roled.text).toBe(200);
    expectError(await member.call('setCurrentAgendaItem', { ...meeting, itemId: budget }), {
      status: 403,
      code: 'forbidden',
    });
    const stranger = t.client();
    await stranger.register('Stranger Person');
    expectError(await stranger.call('setCurrentAgendaItem', { ...meeting, itemId: budget }), {
      status: 404,
      code: 'not_found',
    });
    expect((await meetingSeenBy(chair, meeting)).currentItem).toBeNull();
  });

  it('is set only while the meeting is on: before, after, or once cancelled, the answer is 409', async () => {
    const { chair, groupId } = await runningMeeting();
    const later = await addMeeting(chair, groupId, new Date(Date.now() + 3 * DAY));
    const earlier = await addMeeting(chair, groupId, new Date(Date.now() - 3 * DAY));
    const upcoming = { groupId, meetingId: later };
    const past = { groupId, meetingId: earlier };
    const [upcomingItem] = await addItems(chair, upcoming, ['Next steps']);
    const [pastItem] = await addItems(chair, past, ['Last steps']);

    const before = await chair.call('setCurrentAgendaItem', { ...upcoming, itemId: upcomingItem! });
    expect(expectError(before, { status: 409, code: 'conflict' }).message).toMatch(
      /has not started yet/,
    );
    const after = await chair.call('setCurrentAgendaItem', { ...past, itemId: pastItem! });
    expect(expectError(after, { status: 409, code: 'conflict' }).message).toMatch(/is over/);

    const running = await addMeeting(chair, groupId, new Date(Date.now() - 5 * MINUTE));
    const cancelled = { groupId, meetingId: running };
    const [item] = await addItems(chair, cancelled, ['Today']);
    const cancel = await chair.call('cancelMeeting', { ...cancelled, reason: 'The room flooded' });
    expect(cancel.status, cancel.text).toBe(200);
    expectError(await chair.call('setCurrentAgendaItem', { ...cancelled, itemId: item! }), {
      status: 409,
      code: 'conflict',
    });
    for (const meeting of [upcoming, past, cancelled]) {
      expect((await meetingSeenBy(chair, meeting)).currentItem).toBeNull();
    }
  });

  it('an item of another meeting, an unknown one, or one outside this meeting is refused as itemId, and nothing is written', async () => {
    const { chair, groupId, meetingId, meeting, budget } = await runningMeeting();
    await chair.call('setCurrentAgendaItem', { ...meeting, itemId: budget });
    const other = await addMeeting(chair, groupId, new Date(Date.now() - 5 * MINUTE));
    const [elsewhere] = await addItems(chair, { groupId, meetingId: other }, ['Elsewhere']);
    const [sideIssue] = await addItems(chair, meeting, ['A side issue']);
    const moved = await chair.call('moveAgendaItemOutsideMeeting', {
      ...meeting,
      itemId: sideIssue!,
      reason: 'Belongs to the transport group',
    });
    expect(moved.status, moved.text).toBe(200);
    const audited = await auditRows(meetingId);

    for (const itemId of [elsewhere, randomUUID(), sideIssue]) {
      const refused = await chair.call('setCurrentAgendaItem', { ...meeting, itemId: itemId! });
      const error = expectError(refused, { status: 422, code: 'validation_failed' });
      expect(Object.keys(error.fields ?? {})).toEqual(['itemId']);
    }
    expectError(await chair.call('setCurrentAgendaItem', { ...meeting, itemId: 'budget' }), {
      status: 422,
    });
    expect((await meetingSeenBy(chair, meeting)).currentItem).toEqual({
      id: budget,
      title: 'Budget',
    });
    expect(await auditRows(meetingId)).toBe(audited);
  });

  it('an item moved outside the meeting stops being the current item', async () => {
    const { chair, member, meeting, transport } = await runningMeeting();
    await chair.call('setCurrentAgendaItem', { ...meeting, itemId: transport });
    const moved = await chair.call('moveAgendaItemOutsideMeeting', {
      ...meeting,
      itemId: transport,
      reason: 'Belongs to the transport group',
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await meetingSeenBy(member, meeting)).currentItem).toBeNull();
  });

  it('every open live view hears that the current item changed, as a meeting event with ids only', async () => {
    const { chair, member, groupId, meetingId, meeting, budget } = await runningMeeting();
    const stream = await Stream.open(t.url, member, groupId);
    try {
      expect((await stream.next())?.event).toBe('ready');
      // Setting the meeting up published agenda events moments ago; the last of
      // them may still arrive (live events are folded, see COALESCE_MS).
      const nextMeetingEvent = async () => {
        for (;;) {
          const frame = await stream.next();
          if (frame?.event !== 'agenda') return frame;
        }
      };
      await chair.call('setCurrentAgendaItem', { ...meeting, itemId: budget });
      const heard = await nextMeetingEvent();
      expect(heard?.event).toBe('meeting');
      expect(JSON.parse(heard?.data ?? '')).toEqual({ groupId, meetingId });
      await chair.call('setCurrentAgendaItem', { ...meeting, itemId: null });
      expect((await nextMeetingEvent())?.event).toBe('meeting');
    } finally {
      stream.close();
    }
  });
});
