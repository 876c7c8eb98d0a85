/**
 * Votes and records say what happened: a vote that could only ever record
 * "not agreed" does not open, a tie is recorded as a tie (and a casting vote
 * as such), and attendance changed after a meeting, which decides who is a
 * member, needs a reason, stays on the meeting and tells the people it
 * changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../../harness.ts';
import { registerPerson, type Person } from '../../support/people.ts';
import { expectError } from '../../support/errors.ts';
import { addMeeting, adoptTerms, mark } from '../../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/** A chair and `names.length` others, in a group under the seed's rules as `change` edits them. */
async function group(names: string[], change: (doc: any) => void = () => {}) {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client);
  const others: Person[] = [];
  for (const name of names) {
    const p = await registerPerson(t, name);
    await joinGroup(chair.client, p.client, groupId);
    others.push(p);
  }
  await adoptTerms(chair.client, groupId, change);
  return { chair, groupId, others };
}

/** Makes people members: present at two past meetings. */
async function members(chair: Client, groupId: string, people: Person[]) {
  const m1 = await addMeeting(chair, groupId, new Date('2026-09-08T17:00:00Z'));
  const m2 = await addMeeting(chair, groupId, new Date('2026-10-13T17:00:00Z'));
  for (const p of people) {
    await mark(chair, groupId, m1, p.id, 'present_in_person');
    await mark(chair, groupId, m2, p.id, 'present_in_person');
  }
}

/** A proposal between meetings, taken to a consensus check with these answers. */
async function proposal(
  chair: Client,
  groupId: string,
  answers: [Person, 'agree' | 'concerns' | 'stand_aside' | 'block'][],
) {
  const base = `/api/v1/groups/${groupId}/proposals`;
  const created = await chair.post(base, {
    title: 'Move meetings to Thursdays',
    text: 'We meet on the second Thursday from March.',
    remitKey: 'housing',
    closesAt: inAWeek(),
  });
  expect(created.status, created.text).toBe(201);
  const url = `${base}/${created.body.id}`;
  expect((await chair.post(`${url}/consensus`)).status).toBe(200);
  for (const [who, answer] of answers) {
    const answered = await who.client.post(`${url}/consensus/answers`, { answer });
    expect(answered.status, answered.text).toBe(200);
  }
  return url;
}

describe('formal votes', () => {
  it('a formal vote cannot open with no eligible voters', async () => {
    // Nobody has been to a meeting, so nobody is a member and nobody may vote.
    const g = await group(['Ann Newcomer', 'Ben Newcomer']);
    const [ann] = g.others as [Person, Person];
    const url = await proposal(g.chair.client, g.groupId, [[ann, 'block']]);
    const called = await g.chair.client.post(`${url}/vote`, {});
    expectError(called, { status: 422, code: 'validation_failed', field: 'voters' });
    expect(called.body.error.message).toMatch(/no one may vote: only members vote/i);
    // Nothing was opened or recorded.
    const after = (await g.chair.client.get(url)).body;
    expect(after.vote).toBeNull();
    expect(after.decisionId).toBeNull();
    const register = await g.chair.client.get(`/api/v1/groups/${g.groupId}/decisions`);
    expect(register.body.decisions).toEqual([]);
  });

  it('a formal vote cannot open when its quorum could never be met', async () => {
    const g = await group(['Ann Member', 'Ben Member'], (doc) => {
      doc.decisions.quorum = {
        kind: 'count',
        count: 2,
        categoryMinimums: [{ category: 'carers', min: 1 }],
      };
    });
    const [ann, ben] = g.others as [Person, Person];
    await members(g.chair.client, g.groupId, [g.chair, ann, ben]);
    const url = await proposal(g.chair.client, g.groupId, [[ann, 'block']]);
    const called = await g.chair.client.post(`${url}/vote`, {});
    expectError(called, { status: 422, code: 'validation_failed', field: 'voters' });
    // Nobody is counted as a carer, so no vote could ever be quorate.
    expect(called.body.error.fields.voters).toMatch(/quorum could not be met.*carers: 0 of the 1/);
  });

  it('a tie is recorded as a tie, not as a majority', async () => {
    // The seed's rules: a simple majority of votes cast, no casting vote.
    const g = await group(['Ann Member', 'Ben Member']);
    const [ann, ben] = g.others as [Person, Person];
    await members(g.chair.client, g.groupId, [ann, ben]);
    const url = await proposal(g.chair.client, g.groupId, [
      [ann, 'agree'],
      [ben, 'block'],
    ]);
    expect((await g.chair.client.post(`${url}/vote`, {})).status).toBe(200);
    expect((await ann.client.post(`${url}/vote/ballots`, { choice: 'yes' })).status).toBe(200);
    expect((await ben.client.post(`${url}/vote/ballots`, { choice: 'no' })).status).toBe(200);
    const closed = await g.chair.client.post(`${url}/vote/close`, {});
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.vote.outcome).toBe('tied');
    expect(closed.body.can.closeVote).toBe(false);
    const decision = (
      await ann.client.get(`/api/v1/groups/${g.groupId}/decisions/${closed.body.decisionId}`)
    ).body;
    expect(decision.outcome).toBe('tied');
    expect(decision.castingVote).toBeNull();
    expect(decision.summary).toMatch(/^Tied/);
    expect(decision.opinions.map((o: { weight: string }) => o.weight)).toEqual(['even', 'even']);
    // A casting vote the Terms of Reference do not give is refused, and the tie stands.
    expectError(await g.chair.client.post(`${url}/vote/close`, { castingVote: 'yes' }), {
      status: 422,
      field: 'castingVote',
    });
    const register = (await ann.client.get(`/api/v1/groups/${g.groupId}/decisions`)).body;
    expect(register.decisions).toHaveLength(1);
  });

  it('a casting vote where the ToR gives one decides a tie and is recorded as such', async () => {
    const g = await group(['Ann Member', 'Ben Member', 'Cat Member', 'Dev Member'], (doc) => {
      doc.decisions.castingVote = 'chair';
    });
    const [ann, ben, cat, dev] = g.others as [Person, Person, Person, Person];
    await members(g.chair.client, g.groupId, [ann, ben, cat, dev]);

    // After a tie: the vote waits for the chair, who then gives the casting vote.
    const first = await proposal(g.chair.client, g.groupId, [[ann, 'block']]);
    await g.chair.client.post(`${first}/vote`, {});
    await ann.client.post(`${first}/vote/ballots`, { choice: 'yes' });
    await ben.client.post(`${first}/vote/ballots`, { choice: 'no' });
    const tied = await g.chair.client.post(`${first}/vote/close`, {});
    expect(tied.body.vote.outcome).toBe('tied');
    expect(tied.body.decisionId).toBeNull();
    expect(tied.body.vote.outcomeReason).toBe('tiedAwaitingCastingVote');
    // Only the chair holds it.
    expectError(await ann.client.post(`${first}/vote/close`, { castingVote: 'yes' }), {
      status: 403,
    });
    const decided = await g.chair.client.post(`${first}/vote/close`, { castingVote: 'yes' });
    expect(decided.body.vote).toMatchObject({ outcome: 'carried', castingVote: 'yes' });
    const record = (
      await ben.client.get(`/api/v1/groups/${g.groupId}/decisions/${decided.body.decisionId}`)
    ).body;
    expect(record).toMatchObject({ outcome: 'agreed', castingVote: 'for' });
    expect(record.summary).toMatch(/^Tied; decided by the chair's casting vote: carried/);
    expect(record.opinions.every((o: { weight: string }) => o.weight === 'even')).toBe(true);

    // At the close: given with it, the casting vote decides only because the vote is tied.
    const second = await proposal(g.chair.client, g.groupId, [[cat, 'block']]);
    await g.chair.client.post(`${second}/vote`, {});
    await cat.client.post(`${second}/vote/ballots`, { choice: 'yes' });
    await dev.client.post(`${second}/vote/ballots`, { choice: 'no' });
    const atClose = await g.chair.client.post(`${second}/vote/close`, { castingVote: 'no' });
    expect(atClose.body.vote).toMatchObject({ outcome: 'not_carried', castingVote: 'no' });
    const against = (
      await ben.client.get(`/api/v1/groups/${g.groupId}/decisions/${atClose.body.decisionId}`)
    ).body;
    expect(against).toMatchObject({ outcome: 'not_agreed', castingVote: 'against' });
    expect(against.summary).toMatch(/decided by the chair's casting vote: not carried/);

    // A vote that is not tied is decided by its ballots; a casting vote given is not used.
    const third = await proposal(g.chair.client, g.groupId, [[cat, 'block']]);
    await g.chair.client.post(`${third}/vote`, {});
    await cat.client.post(`${third}/vote/ballots`, { choice: 'yes' });
    await dev.client.post(`${third}/vote/ballots`, { choice: 'yes' });
    const clear = await g.chair.client.post(`${third}/vote/close`, { castingVote: 'no' });
    expect(clear.body.vote).toMatchObject({ outcome: 'carried', castingVote: null });
  });
});

describe('attendance after a meeting', () => {
  const mails = async (to: string) =>
    t.database.query<{ subject: string; body_text: string }>(
      'select subject, body_text from outbox where to_address = $1 order by created_at',
      [to],
    );

  it("a chair's attendance import after a meeting needs a reason, is marked on the meeting and tells the people whose membership it changed", async () => {
    const g = await group(['Ann Once', 'Ben Never', 'Cat Twice']);
    const [ann, ben, cat] = g.others as [Person, Person, Person];
    // Cat is a member already; Ann has been once; Ben never.
    const m1 = await addMeeting(g.chair.client, g.groupId, new Date('2026-09-08T17:00:00Z'));
    const m2 = await addMeeting(g.chair.client, g.groupId, new Date('2026-10-13T17:00:00Z'));
    for (const m of [m1, m2]) await mark(g.chair.client, g.groupId, m, cat.id, 'present_in_person');
    await mark(g.chair.client, g.groupId, m1, ann.id, 'present_in_person');
    // A meeting the chair adds now, dated in the past, that nobody scheduled.
    const invented = await addMeeting(g.chair.client, g.groupId, new Date('2026-10-20T17:00:00Z'));
    const csv = [
      'date,email,attendance',
      `2026-10-20,${ann.email},present`,
      `2026-10-20,${ben.email},present`,
      `2026-10-20,${cat.email},present`,
    ].join('\n');
    const url = `/api/v1/groups/${g.groupId}/attendance/import`;

    // Without a reason: refused, and nothing changes.
    const refused = await g.chair.client.post(url, { csv });
    expectError(refused, { status: 422, code: 'validation_failed', field: 'reason' });
    const blank = await g.chair.client.post(url, { csv, reason: '   ' });
    expectError(blank, { status: 422, field: 'reason' });
    const listed = async () =>
      (await ann.client.get(`/api/v1/groups/${g.groupId}/membership`)).body.people as {
        userId: string;
        status: string;
      }[];
    expect((await listed()).find((p) => p.userId === ann.id)?.status).toBe('participant');

    const reason = 'Extra meeting on the bus timetable; the paper register came in late';
    const imported = await g.chair.client.post(url, { csv, reason });
    expect(imported.status, imported.text).toBe(200);
    // Ann becomes a member (her second meeting); Ben and Cat do not change.
    expect(imported.body).toEqual({ imported: 3, meetings: 1, membershipChanged: 1 });
    expect((await listed()).find((p) => p.userId === ann.id)?.status).toBe('member');

    // The meeting shows the group that it was added afterwards and its register imported, and why.
    const meeting = (await ben.client.get(`/api/v1/groups/${g.groupId}/meetings/${invented}`)).body;
    expect(meeting.addedAfterItOn).not.toBeNull();
    expect(meeting.attendanceCorrections).toEqual([
      { kind: 'import', reason, changes: 3, madeAt: expect.any(String) },
    ]);
    // The audit keeps the reason too.
    const [audit] = await t.database.query<{ detail: any }>(
      `select detail from audit_log where action = 'attendance.imported' and group_id = $1`,
      [g.groupId],
    );
    const detail = typeof audit?.detail === 'string' ? JSON.parse(audit.detail) : audit?.detail;
    expect(detail).toMatchObject({ reason, membershipChanged: 1 });

    // Ann is told; nobody else is (their membership did not change).
    const annMail = await mails(ann.email);
    expect(annMail.at(-1)?.subject).toMatch(/Your membership of .* has changed/);
    expect(annMail.at(-1)?.body_text).toContain(reason);
    expect(annMail.at(-1)?.body_text).toMatch(/you were a participant .*; now you are a member/);
    for (const other of [ben, cat])
      expect((await mails(other.email)).filter((m) => m.body_text.includes(reason))).toEqual([]);
  });

  it('a register correction after the meeting needs a reason, is shown on the meeting, and tells the person it makes a member', async () => {
    const g = await group(['Dev Once']);
    const [dev] = g.others as [Person];
    const m1 = await addMeeting(g.chair.client, g.groupId, new Date('2026-09-08T17:00:00Z'));
    const m2 = await addMeeting(g.chair.client, g.groupId, new Date('2026-10-13T17:00:00Z'));
    await mark(g.chair.client, g.groupId, m1, dev.id, 'present_in_person');
    const url = `/api/v1/groups/${g.groupId}/meetings/${m2}/attendance/${dev.id}`;
    expectError(await g.chair.client.put(url, { mark: 'present_in_person' }), {
      status: 422,
      field: 'reason',
    });
    const reason = 'Signed the paper sheet but the check-in link failed';
    const corrected = await g.chair.client.put(url, { mark: 'present_in_person', reason });
    expect(corrected.status, corrected.text).toBe(200);
    const meeting = (await dev.client.get(`/api/v1/groups/${g.groupId}/meetings/${m2}`)).body;
    expect(meeting.attendanceCorrections).toEqual([
      { kind: 'register', reason, changes: 1, madeAt: expect.any(String) },
    ]);
    const told = (await mails(dev.email)).filter((m) => /membership/.test(m.subject));
    expect(told).toHaveLength(1);
    expect(told[0]?.body_text).toMatch(/from not recorded to present in person/);
  });
});
