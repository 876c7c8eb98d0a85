import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../harness.ts';
import { expectSuccess } from '../support/errors.ts';
import { addMeeting, mark } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('a person’s meetings while one is running', () => {
  it('an unmarked person is "not checked in yet" at a running meeting, absent only once it has ended', async () => {
    const chair = t.client();
    await chair.register('Chair Person');
    const groupId = await createGroup(chair);
    const member = t.client();
    const me = await member.register('Member Person');
    await joinGroup(chair, member, groupId);
    // They joined a week ago (set in the database: the API records joining as it happens).
    await t.database.query(
      `update group_people set joined_at = now() - interval '7 days' where group_id = $1 and user_id = $2`,
      [groupId, me.id],
    );
    const ended = await addMeeting(chair, groupId, new Date(Date.now() - 3 * DAY));
    const running = await addMeeting(chair, groupId, new Date(Date.now() - 30 * MINUTE));
    const marked = await addMeeting(chair, groupId, new Date(Date.now() - 20 * MINUTE));
    await mark(chair, groupId, marked, me.id, 'absent');

    const answer = await member.call('getPersonMembership', { groupId, userId: me.id });
    const membership = expectSuccess(answer, 200);
    const markOf = (id: string) => membership.attendance.find((row) => row.meetingId === id)?.mark;
    expect(markOf(ended)).toBe('absent');
    expect(markOf(running)).toBe('not_checked_in_yet');
    // What the register says is kept, even while the meeting runs.
    expect(markOf(marked)).toBe('absent');
    expect(membership.timeline.every((e) => 'count' in e)).toBe(true);
    expect(typeof membership.rule.apologiesCountAsAbsence).toBe('boolean');
  });
});
