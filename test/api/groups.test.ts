import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  joinGroup,
  startTestApp,
  type CallInput,
  type Client,
  type TestApp,
} from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { joinAll, setRole } from '../support/groups.ts';
import {
  latestMail,
  registerPerson,
  rowCounts,
  tokenFromLatestMail,
  type Person,
} from '../support/people.ts';

let t: TestApp;
let admin: Person;

beforeAll(async () => {
  t = await startTestApp();
  // The first account on an installation becomes its administrator.
  admin = await registerPerson(t, 'Installation Admin');
});
afterAll(async () => t.close());

async function invite(
  chair: Client,
  groupId: string,
  body: Omit<CallInput<'createInvitation'>, 'groupId'> = {},
) {
  const answer = await chair.call('createInvitation', { groupId, ...body });
  expect(answer.status).toBe(201);
  return expectSuccess(answer, 201);
}

async function roleIn(person: Client, groupId: string) {
  return (await person.callOk('getGroup', { groupId })).myRole;
}

async function auditOf(groupId: string) {
  return t.database.query<{ action: string; actor_id: string; subject_id: string | null }>(
    'select action, actor_id, subject_id from audit_log where group_id = $1 order by at, action',
    [groupId],
  );
}

/** A group chaired by two co-chairs. */
async function coChairedGroup() {
  const first = await registerPerson(t, 'First Chair');
  const second = await registerPerson(t, 'Second Chair');
  const groupId = await createGroup(first.client, 'Co-chaired group');
  await joinAll(first.client, groupId, [second]);
  await setRole(first.client, groupId, second, 'chair');
  return { first, second, groupId };
}

describe('groups and working groups', () => {
  it('a chair creates a working group and it shows on the group home', async () => {
    const chair = await registerPerson(t, 'Steering Chair');
    const steering = await createGroup(chair.client, 'Steering group');
    const created = await chair.client.call('createGroup', {
      name: '  Housing working group  ',
      purpose: 'Repairs and allocations',
      parentId: steering,
    });
    expect(created.status).toBe(201);
    const { group } = expectSuccess(created, 201);
    expect(group).toMatchObject({
      name: 'Housing working group',
      parentId: steering,
      myRole: 'chair',
    });
    const home = await chair.client.callOk('getGroup', { groupId: steering });
    expect(home.workingGroups).toEqual([
      {
        id: group.id,
        name: 'Housing working group',
        purpose: 'Repairs and allocations',
      },
    ]);
    const working = await chair.client.callOk('getGroup', { groupId: group.id });
    expect(working.parent).toEqual({ id: steering, name: 'Steering group' });
    const mine = await chair.client.callOk('listMyGroups');
    expect(mine.groups.map((g) => g.name)).toEqual(['Housing working group', 'Steering group']);
  });

  it('a working group of a working group is refused with a clear field error, and nothing is created', async () => {
    const chair = await registerPerson(t, 'Nesting Chair');
    const steering = await createGroup(chair.client, 'Steering group');
    const working = await createGroup(chair.client, 'Transport working group', steering);
    const before = await rowCounts(t, ['groups', 'group_people', 'audit_log']);
    const nested = await chair.client.call('createGroup', {
      name: 'Buses sub-group',
      parentId: working,
    });
    const error = expectError(nested, {
      status: 422,
      code: 'validation_failed',
      field: 'parentId',
    });
    expect(error.fields?.parentId).toMatch(/working group/);
    expect(await rowCounts(t, ['groups', 'group_people', 'audit_log'])).toEqual(before);
  });

  it('only a chair of the steering group may start a working group of it', async () => {
    const chair = await registerPerson(t, 'Owning Chair');
    const participant = await registerPerson(t, 'Keen Participant');
    const steering = await createGroup(chair.client);
    await joinGroup(chair.client, participant.client, steering);
    const refused = await participant.client.call('createGroup', {
      name: 'My own working group',
      parentId: steering,
    });
    expectError(refused, { status: 403, code: 'forbidden' });
  });

  it('a chair renames a group and changes its purpose line; everyone in it sees the change', async () => {
    const chair = await registerPerson(t, 'Renaming Chair');
    const participant = await registerPerson(t, 'Reading Participant');
    const groupId = await createGroup(chair.client, 'Old name');
    await joinGroup(chair.client, participant.client, groupId);
    const updated = await chair.client.call('updateGroup', {
      groupId,
      name: 'New name',
      purpose: 'A clearer purpose',
    });
    expect(updated.status).toBe(200);
    expect(expectSuccess(updated, 200)).toMatchObject({
      name: 'New name',
      purpose: 'A clearer purpose',
    });
    expect(await participant.client.callOk('getGroup', { groupId })).toMatchObject({
      name: 'New name',
      purpose: 'A clearer purpose',
    });
  });

  it('changing a group with no fields is refused, naming what to send', async () => {
    const chair = await registerPerson(t, 'Empty Chair');
    const groupId = await createGroup(chair.client);
    const answer = await chair.client.call('updateGroup', { groupId });
    const error = expectError(answer, { status: 422, code: 'validation_failed', field: 'name' });
    expect(error.fields?.name).toMatch(/send a name, a purpose or a terms key/);
  });
});

describe('joining', () => {
  it('joining by link makes you a participant', async () => {
    const chair = await registerPerson(t, 'Inviting Chair');
    const newcomer = await registerPerson(t, 'New Comer');
    const groupId = await createGroup(chair.client, 'Open group');
    const { token } = await invite(chair.client, groupId);
    const preview = await newcomer.client.call('getInvitation', { token });
    expect(preview.status).toBe(200);
    expect(expectSuccess(preview, 200).group).toMatchObject({ id: groupId, name: 'Open group' });
    const joined = await newcomer.client.call('joinGroup', { token });
    expect(joined.status).toBe(200);
    expect(expectSuccess(joined, 200).group).toMatchObject({ id: groupId, myRole: 'participant' });
    const people = await chair.client.callOk('listGroupPeople', { groupId });
    expect(people.people).toContainEqual(
      expect.objectContaining({ userId: newcomer.id, name: 'New Comer', role: 'participant' }),
    );
  });

  it('joining a working group also makes you a participant of its steering group', async () => {
    const chair = await registerPerson(t, 'Working Chair');
    const newcomer = await registerPerson(t, 'Working Newcomer');
    const steering = await createGroup(chair.client, 'Steering group');
    const working = await createGroup(chair.client, 'Care working group', steering);
    const { token } = await invite(chair.client, working);
    expect((await newcomer.client.call('joinGroup', { token })).status).toBe(200);
    expect(await roleIn(newcomer.client, working)).toBe('participant');
    expect(await roleIn(newcomer.client, steering)).toBe('participant');
    // The chair of both keeps being a chair of both when they use the link too.
    expect((await chair.client.call('joinGroup', { token })).status).toBe(200);
    expect(await roleIn(chair.client, working)).toBe('chair');
    expect(await roleIn(chair.client, steering)).toBe('chair');
  });

  it('joining twice is harmless: same role, one place in the list, one audit row', async () => {
    const chair = await registerPerson(t, 'Twice Chair');
    const person = await registerPerson(t, 'Twice Joiner');
    const groupId = await createGroup(chair.client);
    const { token } = await invite(chair.client, groupId);
    const first = await person.client.call('joinGroup', { token });
    await setRole(chair.client, groupId, person, 'note_taker');
    const second = await person.client.call('joinGroup', { token });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(expectSuccess(second, 200).group.myRole).toBe('note_taker');
    const { people } = await chair.client.callOk('listGroupPeople', { groupId });
    expect(people.filter((p) => p.userId === person.id)).toHaveLength(1);
    const joins = (await auditOf(groupId)).filter((a) => a.action === 'group.joined');
    expect(joins).toHaveLength(1);
  });

  it('a revoked or expired invitation no longer works and answers like a missing one', async () => {
    const chair = await registerPerson(t, 'Revoking Chair');
    const person = await registerPerson(t, 'Late Joiner');
    const groupId = await createGroup(chair.client);
    const revoked = await invite(chair.client, groupId);
    const expired = await invite(chair.client, groupId);
    const revoke = await chair.client.call('revokeInvitation', {
      groupId,
      invitationId: revoked.invitation.id,
    });
    expect(revoke.status).toBe(200);
    await t.database.query(
      `update invitations set expires_at = now() - interval '1 second' where id = $1`,
      [expired.invitation.id],
    );
    const neverIssued = 'A'.repeat(43);
    const missingPreview = await person.client.call('getInvitation', { token: neverIssued });
    const missingJoin = await person.client.call('joinGroup', { token: neverIssued });
    expectError(missingPreview, { status: 404, code: 'not_found' });
    expectError(missingJoin, { status: 404, code: 'not_found' });
    for (const { token } of [revoked, expired]) {
      const preview = await person.client.call('getInvitation', { token });
      expect([preview.status, preview.text]).toEqual([missingPreview.status, missingPreview.text]);
      const join = await person.client.call('joinGroup', { token });
      expect([join.status, join.text]).toEqual([missingJoin.status, missingJoin.text]);
    }
    expect(await roleIn(chair.client, groupId)).toBe('chair');
    expect((await person.client.call('getGroup', { groupId })).status).toBe(404);
    const listed = await chair.client.callOk('listInvitations', { groupId });
    const byId = new Map(listed.invitations.map((i) => [i.id, i.revoked]));
    expect(byId.get(revoked.invitation.id)).toBe(true);
    expect(byId.get(expired.invitation.id)).toBe(false);
  });

  it('an invitation can only be withdrawn through its own group', async () => {
    const chair = await registerPerson(t, 'Two Group Chair');
    const one = await createGroup(chair.client, 'One');
    const two = await createGroup(chair.client, 'Two');
    const { invitation, token } = await invite(chair.client, one);
    const wrongGroup = await chair.client.call('revokeInvitation', {
      groupId: two,
      invitationId: invitation.id,
    });
    expectError(wrongGroup, { status: 404, code: 'not_found' });
    expect((await t.client().call('getInvitation', { token })).status).toBe(200);
  });

  it('an emailed invitation lands in the outbox with the link, and the link works', async () => {
    const chair = await registerPerson(t, 'Emailing Chair');
    const groupId = await createGroup(chair.client, 'Transport group');
    const sent = await invite(chair.client, groupId, { email: 'Friend@Example.org' });
    expect(sent.invitation.email).toBe('friend@example.org');
    await t.app.mail.drain();
    const mail = await t.database.query<{ subject: string; body_text: string }>(
      'select subject, body_text from outbox where to_address = $1',
      ['friend@example.org'],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Transport group');
    // The stored copy has its link removed; the delivered mail carries it.
    expect(mail[0]!.body_text).not.toContain(sent.token);
    expect(mail[0]!.body_text).toContain('/join#[removed]');
    expect((await latestMail(t, 'friend@example.org')).text).toContain(sent.link);
    const friend = await registerPerson(t, 'Emailed Friend');
    const token = await tokenFromLatestMail(t, 'friend@example.org');
    expect(token).toBe(sent.token);
    expect((await friend.client.call('joinGroup', { token })).status).toBe(200);
  });
});

describe('roles', () => {
  it('observers see the group but not its people', async () => {
    const chair = await registerPerson(t, 'Observed Chair');
    const observer = await registerPerson(t, 'Watching Observer');
    const groupId = await createGroup(chair.client, 'Observed group');
    await joinAll(chair.client, groupId, [observer]);
    await setRole(chair.client, groupId, observer, 'observer');
    const home = await observer.client.call('getGroup', { groupId });
    expect(home.status).toBe(200);
    expect(expectSuccess(home, 200)).toMatchObject({ name: 'Observed group', myRole: 'observer' });
    expectError(await observer.client.call('listGroupPeople', { groupId }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('someone outside a group is told it does not exist', async () => {
    const chair = await registerPerson(t, 'Private Chair');
    const outsider = await registerPerson(t, 'Curious Outsider');
    const groupId = await createGroup(chair.client);
    const hidden = await outsider.client.call('getGroup', { groupId });
    const missing = await outsider.client.call('getGroup', {
      groupId: '00000000-0000-4000-8000-000000000000',
    });
    expect([hidden.status, hidden.text]).toEqual([missing.status, missing.text]);
    expectError(hidden, { status: 404, code: 'not_found' });
  });

  it('a chair makes someone a note-taker, then removes them; they no longer see the group', async () => {
    const chair = await registerPerson(t, 'Managing Chair');
    const person = await registerPerson(t, 'Moving Person');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, person.client, groupId);
    const set = await chair.client.call('setGroupRole', {
      groupId,
      userId: person.id,
      role: 'note_taker',
    });
    expect(set.status).toBe(200);
    expect(expectSuccess(set, 200)).toMatchObject({ userId: person.id, role: 'note_taker' });
    expect(await roleIn(person.client, groupId)).toBe('note_taker');
    expect(
      (await chair.client.call('removeFromGroup', { groupId, userId: person.id })).status,
    ).toBe(200);
    expect((await person.client.call('getGroup', { groupId })).status).toBe(404);
    const again = await chair.client.call('removeFromGroup', { groupId, userId: person.id });
    expectError(again, { status: 404, code: 'not_found' });
  });

  it('a participant leaves a group by removing themselves', async () => {
    const chair = await registerPerson(t, 'Left Chair');
    const person = await registerPerson(t, 'Leaving Person');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, person.client, groupId);
    expect(
      (await person.client.call('removeFromGroup', { groupId, userId: person.id })).status,
    ).toBe(200);
    expect((await person.client.callOk('listMyGroups')).groups).toEqual([]);
  });

  it('a role outside the list is refused, naming the choices', async () => {
    const chair = await registerPerson(t, 'Strict Chair');
    const person = await registerPerson(t, 'Some Person');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, person.client, groupId);
    const answer = await chair.client.put(`/api/v1/groups/${groupId}/people/${person.id}/role`, {
      role: 'member',
    });
    const error = expectError(answer, { status: 422, field: 'role' });
    expect(error.fields?.role).toMatch(/participant, observer, note_taker, chair/);
  });
});

describe('a group keeps at least one chair', () => {
  it('the only chair cannot step down, leave or be removed', async () => {
    const chair = await registerPerson(t, 'Only Chair');
    const groupId = await createGroup(chair.client);
    const demote = await chair.client.call('setGroupRole', {
      groupId,
      userId: chair.id,
      role: 'participant',
    });
    expectError(demote, { status: 409, code: 'conflict', field: 'userId' });
    expectError(await chair.client.call('removeFromGroup', { groupId, userId: chair.id }), {
      status: 409,
      code: 'conflict',
    });
    expectError(await admin.client.call('removeFromGroup', { groupId, userId: chair.id }), {
      status: 409,
      code: 'conflict',
    });
    expect(await roleIn(chair.client, groupId)).toBe('chair');
  });

  it('with a co-chair, a chair can step down', async () => {
    const { first, groupId } = await coChairedGroup();
    const stepDown = await first.client.call('setGroupRole', {
      groupId,
      userId: first.id,
      role: 'participant',
    });
    expect(stepDown.status).toBe(200);
    expect(await roleIn(first.client, groupId)).toBe('participant');
  });

  it('demoting both co-chairs at the same moment: exactly one demotion succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const { first, second, groupId } = await coChairedGroup();
      const answers = await Promise.all(
        [first, second].map((chair) =>
          admin.client.call('setGroupRole', { groupId, userId: chair.id, role: 'participant' }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const people = (await admin.client.callOk('listGroupPeople', { groupId })).people;
      expect(people.filter((p) => p.role === 'chair')).toHaveLength(1);
    }
  });

  it('two co-chairs demoting each other at the same moment: the first wins, and the demoted one is no longer a chair', async () => {
    for (let round = 0; round < 5; round++) {
      const { first, second, groupId } = await coChairedGroup();
      const answers = await Promise.all([
        first.client.call('setGroupRole', { groupId, userId: second.id, role: 'participant' }),
        second.client.call('setGroupRole', { groupId, userId: first.id, role: 'participant' }),
      ]);
      // The loser acted after losing the chair: refused as a participant, not as the last chair.
      expect(answers.map((a) => a.status).sort()).toEqual([200, 403]);
      const people = (await admin.client.callOk('listGroupPeople', { groupId })).people;
      expect(people.filter((p) => p.role === 'chair')).toHaveLength(1);
    }
  });

  it('two co-chairs leaving at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const { first, second, groupId } = await coChairedGroup();
      const answers = await Promise.all(
        [first, second].map((p) => p.client.call('removeFromGroup', { groupId, userId: p.id })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const people = (await admin.client.callOk('listGroupPeople', { groupId })).people;
      expect(people).toHaveLength(1);
      expect(people[0]!.role).toBe('chair');
    }
  });
});

describe('the audit trail', () => {
  it('every change to a group writes an audit row naming who did it', async () => {
    const chair = await registerPerson(t, 'Audited Chair');
    const person = await registerPerson(t, 'Audited Person');
    const leaver = await registerPerson(t, 'Audited Leaver');
    const joinerOfWorking = await registerPerson(t, 'Audited Worker');
    const groupId = await createGroup(chair.client, 'Audited group');
    await chair.client.call('updateGroup', { groupId, purpose: 'Changed' });
    const first = await invite(chair.client, groupId);
    await chair.client.call('revokeInvitation', { groupId, invitationId: first.invitation.id });
    const { token } = await invite(chair.client, groupId);
    await person.client.call('joinGroup', { token });
    await leaver.client.call('joinGroup', { token });
    await setRole(chair.client, groupId, person, 'observer');
    await chair.client.call('removeFromGroup', { groupId, userId: person.id });
    await leaver.client.call('removeFromGroup', { groupId, userId: leaver.id });
    const working = await createGroup(chair.client, 'Audited working group', groupId);
    const workingInvite = await invite(chair.client, working);
    await joinerOfWorking.client.call('joinGroup', { token: workingInvite.token });

    const rows = await auditOf(groupId);
    const byAction = (action: string) => rows.filter((r) => r.action === action);
    expect(byAction('group.created')).toEqual([
      { action: 'group.created', actor_id: chair.id, subject_id: groupId },
    ]);
    expect(byAction('group.updated')).toHaveLength(1);
    expect(byAction('group.invitation_created')).toHaveLength(2);
    expect(byAction('group.invitation_revoked')).toEqual([
      {
        action: 'group.invitation_revoked',
        actor_id: chair.id,
        subject_id: first.invitation.id,
      },
    ]);
    expect(byAction('group.role_set')).toEqual([
      { action: 'group.role_set', actor_id: chair.id, subject_id: person.id },
    ]);
    expect(byAction('group.person_removed')).toEqual([
      { action: 'group.person_removed', actor_id: chair.id, subject_id: person.id },
    ]);
    expect(byAction('group.left')).toEqual([
      { action: 'group.left', actor_id: leaver.id, subject_id: leaver.id },
    ]);
    // Joining the working group made them a participant of this group too: that is a change here.
    expect(
      byAction('group.joined')
        .map((r) => r.subject_id)
        .sort(),
    ).toEqual([person.id, leaver.id, joinerOfWorking.id].sort());
    const workingRows = (await auditOf(working)).map((r) => r.action);
    expect(workingRows).toEqual(
      expect.arrayContaining([
        'group.working_group_created',
        'group.invitation_created',
        'group.joined',
      ]),
    );
  });

  it('a refused change writes no audit row', async () => {
    const chair = await registerPerson(t, 'Quiet Chair');
    const participant = await registerPerson(t, 'Quiet Participant');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, participant.client, groupId);
    const before = (await auditOf(groupId)).length;
    expectError(await participant.client.call('updateGroup', { groupId, name: 'Mine' }), {
      status: 403,
    });
    expectError(
      await chair.client.call('setGroupRole', { groupId, userId: chair.id, role: 'observer' }),
      { status: 409 },
    );
    expect((await auditOf(groupId)).length).toBe(before);
  });
});
