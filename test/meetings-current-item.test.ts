import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from './harness.ts';
import { expectError } from './support/errors.ts';
import { Stream } from './support/live-stream.ts';
import { addMeeting } from './support/meetings.ts';

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
  const base = `/api/v1/groups/${groupId}/meetings/${meetingId}`;
  const [budget, transport] = await addItems(chair, base, ['Budget', 'Transport']);
  return { chair, member, me, groupId, meetingId, base, budget: budget!, transport: transport! };
}

async function addItems(chair: Client, base: string, titles: string[]): Promise<string[]> {
  const ids = [];
  for (const title of titles) {
    const added = await chair.post(`${base}/agenda`, { title, purpose: 'To agree' });
    expect(added.status, added.text).toBe(201);
    ids.push(added.body.id as string);
  }
  return ids;
}

async function auditRows(meetingId: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from audit_log where subject_id = $1 and action like 'meeting.current_item%'`,
    [meetingId],
  );
  return row!.n;
}

describe('the current agenda item of a running meeting', () => {
  it('the chair sets it and a member sees it, then the chair clears it; each change is recorded', async () => {
    const { chair, member, base, meetingId, budget, transport } = await runningMeeting();
    expect((await member.get(base)).body.currentItem).toBeNull();

    const set = await chair.put(`${base}/current-item`, { itemId: transport });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ currentItem: { id: transport, title: 'Transport' } });
    const seen = await member.get(base);
    expect(seen.body.currentItem).toEqual({ id: transport, title: 'Transport' });
    expect(seen.body.can.run).toBe(false);
    expect((await chair.get(base)).body.can.run).toBe(true);

    await chair.put(`${base}/current-item`, { itemId: budget });
    expect((await member.get(base)).body.currentItem).toEqual({ id: budget, title: 'Budget' });
    // Setting the same item again changes nothing and records nothing.
    await chair.put(`${base}/current-item`, { itemId: budget });
    expect(await auditRows(meetingId)).toBe(2);

    const cleared = await chair.put(`${base}/current-item`, { itemId: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toEqual({ currentItem: null });
    expect((await member.get(base)).body.currentItem).toBeNull();
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
    const { chair, member, me, groupId, base, budget } = await runningMeeting();
    expectError(await member.put(`${base}/current-item`, { itemId: budget }), {
      status: 403,
      code: 'forbidden',
    });
    const roled = await chair.put(`/api/v1/groups/${groupId}/people/${me.id}/role`, {
      role: 'note_taker',
    });
    expect(roled.status, roled.text).toBe(200);
    expectError(await member.put(`${base}/current-item`, { itemId: budget }), {
      status: 403,
      code: 'forbidden',
    });
    const stranger = t.client();
    await stranger.register('Stranger Person');
    expectError(await stranger.put(`${base}/current-item`, { itemId: budget }), {
      status: 404,
      code: 'not_found',
    });
    expect((await chair.get(base)).body.currentItem).toBeNull();
  });

  it('is set only while the meeting is on: before, after, or once cancelled, the answer is 409', async () => {
    const { chair, groupId } = await runningMeeting();
    const later = await addMeeting(chair, groupId, new Date(Date.now() + 3 * DAY));
    const earlier = await addMeeting(chair, groupId, new Date(Date.now() - 3 * DAY));
    const meetings = `/api/v1/groups/${groupId}/meetings`;
    const [upcomingItem] = await addItems(chair, `${meetings}/${later}`, ['Next steps']);
    const [pastItem] = await addItems(chair, `${meetings}/${earlier}`, ['Last steps']);

    const before = await chair.put(`${meetings}/${later}/current-item`, { itemId: upcomingItem });
    expectError(before, { status: 409, code: 'conflict' });
    expect(before.body.error.message).toMatch(/has not started yet/);
    const after = await chair.put(`${meetings}/${earlier}/current-item`, { itemId: pastItem });
    expectError(after, { status: 409, code: 'conflict' });
    expect(after.body.error.message).toMatch(/is over/);

    const running = await addMeeting(chair, groupId, new Date(Date.now() - 5 * MINUTE));
    const [item] = await addItems(chair, `${meetings}/${running}`, ['Today']);
    const cancel = await chair.post(`${meetings}/${running}/cancel`, {
      reason: 'The room flooded',
    });
    expect(cancel.status, cancel.text).toBe(200);
    expectError(await chair.put(`${meetings}/${running}/current-item`, { itemId: item }), {
      status: 409,
      code: 'conflict',
    });
    for (const id of [later, earlier, running]) {
      expect((await chair.get(`${meetings}/${id}`)).body.currentItem).toBeNull();
    }
  });

  it('an item of another meeting, an unknown one, or one outside this meeting is refused as itemId, and nothing is written', async () => {
    const { chair, groupId, meetingId, base, budget } = await runningMeeting();
    await chair.put(`${base}/current-item`, { itemId: budget });
    const other = await addMeeting(chair, groupId, new Date(Date.now() - 5 * MINUTE));
    const [elsewhere] = await addItems(chair, `/api/v1/groups/${groupId}/meetings/${other}`, [
      'Elsewhere',
    ]);
    const [sideIssue] = await addItems(chair, base, ['A side issue']);
    const moved = await chair.post(`${base}/agenda/${sideIssue}/outside`, {
      reason: 'Belongs to the transport group',
    });
    expect(moved.status, moved.text).toBe(200);
    const audited = await auditRows(meetingId);

    for (const itemId of [elsewhere, randomUUID(), sideIssue]) {
      const refused = await chair.put(`${base}/current-item`, { itemId });
      expectError(refused, { status: 422, code: 'validation_failed' });
      expect(Object.keys(refused.body.error.fields)).toEqual(['itemId']);
    }
    expectError(await chair.put(`${base}/current-item`, { itemId: 'budget' }), { status: 422 });
    expect((await chair.get(base)).body.currentItem).toEqual({ id: budget, title: 'Budget' });
    expect(await auditRows(meetingId)).toBe(audited);
  });

  it('an item moved outside the meeting stops being the current item', async () => {
    const { chair, member, base, transport } = await runningMeeting();
    await chair.put(`${base}/current-item`, { itemId: transport });
    const moved = await chair.post(`${base}/agenda/${transport}/outside`, {
      reason: 'Belongs to the transport group',
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await member.get(base)).body.currentItem).toBeNull();
  });

  it('every open live view hears that the current item changed, as a meeting event with ids only', async () => {
    const { chair, member, groupId, meetingId, base, budget } = await runningMeeting();
    const stream = await Stream.open(t.url, member, groupId);
    try {
      expect((await stream.next())?.event).toBe('ready');
      await chair.put(`${base}/current-item`, { itemId: budget });
      const heard = await stream.next();
      expect(heard?.event).toBe('meeting');
      expect(JSON.parse(heard?.data ?? '')).toEqual({ groupId, meetingId });
      await chair.put(`${base}/current-item`, { itemId: null });
      expect((await stream.next())?.event).toBe('meeting');
    } finally {
      stream.close();
    }
  });
});
