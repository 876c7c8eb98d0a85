/**
 * A group's public page from the start (purpose, how to ask to join, meeting
 * dates if the group shows them) and requests to join that reach its chairs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlFor } from '../../src/server/i18n.ts';
import { askedMail, declinedMail } from '../../src/server/modules/groups/join-requests.mail.ts';
import { JOIN_REQUESTS_PER_DAY } from '../../src/server/modules/groups/join-requests.service.ts';
import { createGroup, startTestApp, type TestApp } from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { joinAll, setRole } from '../support/groups.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { latestMail, registerPerson, rowCounts, type Person } from '../support/people.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  // The first account on an installation becomes its administrator.
  await registerPerson(t, 'Installation Admin');
});
afterAll(async () => t.close());

/** The raw address of a group's public page, for an id no typed call can carry. */
const page = (groupId: string) => `/api/v1/public/groups/${groupId}/page`;

async function chairedGroup(name = 'Riverside steering group') {
  const chair = await registerPerson(t, 'Chris Chair');
  const groupId = await createGroup(chair.client, name);
  return { chair, groupId };
}

async function roleIn(person: Person, groupId: string) {
  // Someone outside the group is told it does not exist: no role.
  const group = await person.client.call('getGroup', { groupId });
  return group.ok ? group.body.myRole : null;
}

describe('the public page of a group', () => {
  it('exists from the start: a group with nothing released shows its purpose and how to ask to join', async () => {
    const { groupId } = await chairedGroup();
    const visitor = await t.client().call('getPublicGroupPage', { groupId });
    expect(visitor.status, visitor.text).toBe(200);
    expect(expectSuccess(visitor, 200)).toEqual({
      group: { id: groupId, name: 'Riverside steering group' },
      purpose: { text: 'Implement the consultation decisions', source: 'group' },
      meetings: null,
      joining: { state: 'signedOut', requestedAt: null },
      settings: null,
    });
    const released = await t.client().call('listReleasedItems', { groupId });
    expect(released.status, released.text).toBe(200);
    expect(expectSuccess(released, 200).items).toEqual([]);
  });

  it('takes the purpose from the Terms of Reference in force, or from the draft before one is adopted', async () => {
    const { chair, groupId } = await chairedGroup();
    const drafted = await chair.client.call('createTermsDraft', { groupId, from: 'template' });
    expect(drafted.status, drafted.text).toBe(201);
    const document = structuredClone(expectSuccess(drafted, 201).document);
    document.purpose = 'Better bus routes for the valley, planned with the people who use them';
    const saved = await chair.client.call('updateTermsDraft', { groupId, document });
    expect(saved.status, saved.text).toBe(200);
    expect((await t.client().callOk('getPublicGroupPage', { groupId })).purpose).toEqual({
      text: 'Better bus routes for the valley, planned with the people who use them',
      source: 'draft',
    });
    await adoptTerms(chair.client, groupId, (document) => {
      document.purpose = 'Safer streets for children walking to school';
    });
    expect((await t.client().callOk('getPublicGroupPage', { groupId })).purpose).toEqual({
      text: 'Safer streets for children walking to school',
      source: 'terms',
    });
  });

  it('says the purpose is not written down yet when there is none', async () => {
    const chair = await registerPerson(t, 'Quiet Chair');
    const created = await chair.client.call('createGroup', { name: 'New group' });
    expect(created.status, created.text).toBe(201);
    const answer = await t
      .client()
      .callOk('getPublicGroupPage', { groupId: expectSuccess(created, 201).group.id });
    expect(answer.purpose).toEqual({ text: null, source: 'none' });
  });

  it('shows upcoming meeting dates only once a chair switches them on, and never a cancelled or past one', async () => {
    const { chair, groupId } = await chairedGroup();
    const soon = new Date(Date.now() + 7 * 86_400_000);
    const later = new Date(Date.now() + 14 * 86_400_000);
    await addMeeting(chair.client, groupId, soon, 90, { place: 'Room 4, the Old Library' });
    await addMeeting(chair.client, groupId, new Date(Date.now() - 7 * 86_400_000));
    const cancelled = await addMeeting(chair.client, groupId, later);
    const cancel = await chair.client.call('cancelMeeting', {
      groupId,
      meetingId: cancelled,
      reason: 'The hall is closed',
    });
    expect(cancel.status, cancel.text).toBe(200);
    expect((await t.client().callOk('getPublicGroupPage', { groupId })).meetings).toBeNull();

    // The chair sees the settings on the page; switches the dates on.
    expect((await chair.client.callOk('getPublicGroupPage', { groupId })).settings).toEqual({
      listed: true,
      showMeetings: false,
    });
    const shown = await chair.client.call('updatePublicPage', { groupId, showMeetings: true });
    expect(shown.status, shown.text).toBe(200);
    expect(expectSuccess(shown, 200)).toEqual({ listed: true, showMeetings: true });
    const visitor = await t.client().call('getPublicGroupPage', { groupId });
    expect(expectSuccess(visitor, 200).meetings).toEqual([
      {
        startsAt: soon.toISOString(),
        endsAt: new Date(soon.getTime() + 90 * 60_000).toISOString(),
        timeZone: expect.any(String),
      },
    ]);
    // Dates and times only: not where, not the group's own business.
    expect(visitor.text).not.toContain('Old Library');
    expect(expectSuccess(visitor, 200).settings).toBeNull();
  });

  it('a participant cannot change what the page shows', async () => {
    const { chair, groupId } = await chairedGroup();
    const pat = await registerPerson(t, 'Pat Participant');
    await joinAll(chair.client, groupId, [pat]);
    expectError(await pat.client.call('updatePublicPage', { groupId, showMeetings: true }), {
      status: 403,
      code: 'forbidden',
    });
    expectError(await t.client().call('updatePublicPage', { groupId, listed: false }), {
      status: 401,
      code: 'unauthenticated',
    });
  });

  it('an unlisted group answers exactly like one that does not exist, to anyone outside it', async () => {
    const { chair, groupId } = await chairedGroup();
    const hidden = await chair.client.call('updatePublicPage', { groupId, listed: false });
    expect(hidden.status, hidden.text).toBe(200);
    const outsider = await registerPerson(t, 'Olly Outsider');
    for (const client of [t.client(), outsider.client]) {
      for (const operation of ['getPublicGroupPage', 'listReleasedItems'] as const) {
        const unlisted = await client.call(operation, { groupId });
        const missing = await client.call(operation, { groupId: randomUUID() });
        expect(unlisted.status).toBe(404);
        expect(unlisted.text).toBe(missing.text);
      }
      const asked = await client.call('askToJoinGroup', { groupId, message: 'Hello' });
      const askedMissing = await client.call('askToJoinGroup', {
        groupId: randomUUID(),
        message: 'Hello',
      });
      expect(asked.status).toBe(askedMissing.status);
      expect(asked.text).toBe(askedMissing.text);
    }
    // Its own people still see it.
    expect((await chair.client.call('getPublicGroupPage', { groupId })).status).toBe(200);
  });

  it('a group that does not exist, or a malformed id, answers 404 or 422 with a clear error', async () => {
    expectError(await t.client().call('getPublicGroupPage', { groupId: randomUUID() }), {
      status: 404,
      code: 'not_found',
    });
    expectError(await t.client().get(page('not-an-id')), {
      status: 422,
      code: 'validation_failed',
      field: 'params.groupId',
    });
  });
});

describe('asking to join', () => {
  it('a signed-out visitor cannot ask: they are asked to sign in, and nothing is stored', async () => {
    const { groupId } = await chairedGroup();
    const before = await rowCounts(t, ['join_requests']);
    expectError(await t.client().call('askToJoinGroup', { groupId, message: 'Hello' }), {
      status: 401,
      code: 'unauthenticated',
    });
    expect(await rowCounts(t, ['join_requests'])).toEqual(before);
  });

  it('a signed-in person asks with a short message; every chair is emailed; a second request while one is open is refused', async () => {
    const { chair, groupId } = await chairedGroup('Valley transport group');
    const coChair = await registerPerson(t, 'Cai Co-chair');
    await joinAll(chair.client, groupId, [coChair]);
    await setRole(chair.client, groupId, coChair, 'chair');
    const cymraeg = await coChair.client.call('updateMe', { language: 'cy' });
    expect(cymraeg.status, cymraeg.text).toBe(200);
    const sam = await registerPerson(t, 'Sam Resident');

    const asked = await sam.client.call('askToJoinGroup', {
      groupId,
      message: '  I use the 42 bus every day and would like to help.  ',
    });
    expect(asked.status, asked.text).toBe(201);
    const request = expectSuccess(asked, 201);
    expect(request).toMatchObject({ groupId, status: 'open' });
    expect((await sam.client.callOk('getPublicGroupPage', { groupId })).joining).toEqual({
      state: 'requested',
      requestedAt: request.createdAt,
    });

    // Each chair is written to in their own language.
    const english = await latestMail(t, chair.email);
    expect(english.subject).toBe('Sam Resident would like to join Valley transport group');
    const welsh = await latestMail(t, coChair.email);
    // As queued (the delivered header encodes the Welsh letters).
    const [queued] = await t.database.query<{ subject: string }>(
      'select subject from outbox where to_address = $1 and subject like $2',
      [coChair.email, 'Hoffai %'],
    );
    expect(queued?.subject).toBe('Hoffai Sam Resident ymuno â Valley transport group');
    for (const mail of [english, welsh]) {
      expect(mail.text).toContain('I use the 42 bus every day and would like to help.');
      expect(mail.text).toContain(`/groups/${groupId}`);
    }

    const again = await sam.client.call('askToJoinGroup', { groupId });
    expectError(again, { status: 409, code: 'conflict', field: 'groupId' });
    const [row] = await t.database.query<{ n: string | number }>(
      'select count(*) as n from join_requests where group_id = $1',
      [groupId],
    );
    expect(Number(row?.n)).toBe(1);
  });

  it('the database holds one open request per person and group, whatever the application does', async () => {
    const { groupId } = await chairedGroup();
    const sam = await registerPerson(t, 'Sam Twice');
    await t.database.query('insert into join_requests (group_id, user_id) values ($1, $2)', [
      groupId,
      sam.id,
    ]);
    await expect(
      t.database.query('insert into join_requests (group_id, user_id) values ($1, $2)', [
        groupId,
        sam.id,
      ]),
    ).rejects.toThrow(/join_requests_one_open/);
  });

  it('asking at the same moment twice makes one request', async () => {
    const { groupId } = await chairedGroup();
    const sam = await registerPerson(t, 'Sam Eager');
    const answers = await Promise.all(
      [1, 2, 3].map(() => sam.client.call('askToJoinGroup', { groupId })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it('someone already in the group is told so', async () => {
    const { chair, groupId } = await chairedGroup();
    expectError(await chair.client.call('askToJoinGroup', { groupId }), {
      status: 409,
      code: 'conflict',
      field: 'groupId',
    });
  });

  it(`a person may ask to join ${JOIN_REQUESTS_PER_DAY} groups a day; the next is refused with when to come back`, async () => {
    const sam = await registerPerson(t, 'Sam Busy');
    for (let i = 0; i < JOIN_REQUESTS_PER_DAY; i += 1) {
      const { groupId } = await chairedGroup(`Group ${i}`);
      const asked = await sam.client.call('askToJoinGroup', { groupId });
      expect(asked.status, asked.text).toBe(201);
    }
    const { groupId } = await chairedGroup('One too many');
    const refused = await sam.client.call('askToJoinGroup', { groupId });
    expectError(refused, { status: 429, code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not held back by Sam's requests.
    const other = await registerPerson(t, 'Ola Other');
    expect((await other.client.call('askToJoinGroup', { groupId })).status).toBe(201);
  });

  it('a message that is too long is refused with the field named', async () => {
    const { groupId } = await chairedGroup();
    const sam = await registerPerson(t, 'Sam Wordy');
    expectError(await sam.client.call('askToJoinGroup', { groupId, message: 'x'.repeat(501) }), {
      status: 422,
      code: 'validation_failed',
      field: 'message',
    });
  });
});

describe('chairs answer requests', () => {
  async function withRequest() {
    const { chair, groupId } = await chairedGroup('Housing working party');
    const sam = await registerPerson(t, 'Sam Asker');
    const asked = await sam.client.call('askToJoinGroup', {
      groupId,
      message: 'I rent from the council.',
    });
    expect(asked.status, asked.text).toBe(201);
    return { chair, groupId, sam, requestId: expectSuccess(asked, 201).id };
  }

  it('a chair sees the open request and accepts it: the person joins as a participant and is told', async () => {
    const { chair, groupId, sam, requestId } = await withRequest();
    const listed = await chair.client.call('listJoinRequests', { groupId });
    expect(listed.status, listed.text).toBe(200);
    expect(expectSuccess(listed, 200).requests).toEqual([
      expect.objectContaining({
        id: requestId,
        userId: sam.id,
        name: 'Sam Asker',
        message: 'I rent from the council.',
        status: 'open',
      }),
    ]);
    const accepted = await chair.client.call('acceptJoinRequest', { groupId, requestId });
    expect(accepted.status, accepted.text).toBe(200);
    expect(expectSuccess(accepted, 200).status).toBe('accepted');
    expect(await roleIn(sam, groupId)).toBe('participant');
    expect((await chair.client.callOk('listJoinRequests', { groupId })).requests).toEqual([]);
    expect((await sam.client.callOk('getPublicGroupPage', { groupId })).joining.state).toBe(
      'inGroup',
    );
    const mail = await latestMail(t, sam.email);
    expect(mail.subject).toBe('Welcome to Housing working party');

    // Answered once: a second answer is refused.
    expectError(await chair.client.call('declineJoinRequest', { groupId, requestId }), {
      status: 409,
      code: 'conflict',
    });
  });

  it('a chair declines with a kind note: the person is told and is not in the group, and may ask again', async () => {
    const { chair, groupId, sam, requestId } = await withRequest();
    const declined = await chair.client.call('declineJoinRequest', {
      groupId,
      requestId,
      note: 'We are full until the spring; do ask again then.',
    });
    expect(declined.status, declined.text).toBe(200);
    expect(expectSuccess(declined, 200).status).toBe('declined');
    const mail = await latestMail(t, sam.email);
    expect(mail.subject).toBe('Your request to join Housing working party');
    expect(mail.text).toContain('Thank you for your interest');
    expect(mail.text).toContain('We are full until the spring; do ask again then.');
    expect(await roleIn(sam, groupId)).toBeNull();
    expect((await sam.client.callOk('getPublicGroupPage', { groupId })).joining.state).toBe(
      'canAsk',
    );
    expect((await sam.client.call('askToJoinGroup', { groupId })).status).toBe(201);
  });

  it('a participant or note-taker of the group cannot see or answer requests', async () => {
    const { chair, groupId, sam, requestId } = await withRequest();
    const pat = await registerPerson(t, 'Pat Participant');
    const nia = await registerPerson(t, 'Nia Notetaker');
    await joinAll(chair.client, groupId, [pat, nia]);
    await setRole(chair.client, groupId, nia, 'note_taker');
    for (const who of [pat, nia]) {
      expectError(await who.client.call('listJoinRequests', { groupId }), {
        status: 403,
        code: 'forbidden',
      });
      expectError(await who.client.call('acceptJoinRequest', { groupId, requestId }), {
        status: 403,
        code: 'forbidden',
      });
    }
    expect(await roleIn(sam, groupId)).toBeNull();
  });

  it('a chair of another group sees neither the group nor its requests: exactly as for a group that does not exist', async () => {
    const { groupId, requestId } = await withRequest();
    const { chair: otherChair } = await chairedGroup('Another group');
    const missing = randomUUID();
    const seen = await otherChair.client.call('listJoinRequests', { groupId });
    expect(seen.status).toBe(404);
    expect(seen.text).toBe(
      (await otherChair.client.call('listJoinRequests', { groupId: missing })).text,
    );
    const accepted = await otherChair.client.call('acceptJoinRequest', { groupId, requestId });
    expect(accepted.status).toBe(404);
    expect(accepted.text).toBe(
      (await otherChair.client.call('acceptJoinRequest', { groupId: missing, requestId })).text,
    );
  });

  it('a request of another group cannot be answered through this one', async () => {
    const { requestId } = await withRequest();
    const { chair, groupId } = await chairedGroup('Chair’s own group');
    expectError(await chair.client.call('acceptJoinRequest', { groupId, requestId }), {
      status: 404,
      code: 'not_found',
    });
  });

  it('accepting a request to a working group makes the person a participant of its steering group too', async () => {
    const { chair, groupId: steering } = await chairedGroup('Steering');
    const made = await chair.client.call('createGroup', {
      name: 'Buses working group',
      parentId: steering,
    });
    expect(made.status, made.text).toBe(201);
    const workingGroup = expectSuccess(made, 201).group.id;
    const sam = await registerPerson(t, 'Sam Bus');
    const asked = await sam.client.call('askToJoinGroup', { groupId: workingGroup });
    expect(asked.status, asked.text).toBe(201);
    const accepted = await chair.client.call('acceptJoinRequest', {
      groupId: workingGroup,
      requestId: expectSuccess(asked, 201).id,
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(await roleIn(sam, workingGroup)).toBe('participant');
    expect(await roleIn(sam, steering)).toBe('participant');
  });
});

describe('the emails about requests to join', () => {
  it('come from the message catalogue, so they read in Welsh for a Welsh reader', () => {
    const to = { email: 'chair@example.org', name: 'Cai' };
    const values = {
      name: 'Sam',
      group: 'Grŵp trafnidiaeth',
      message: 'Rwy’n defnyddio’r bws bob dydd.',
      link: 'https://accord.example/groups/1',
    };
    const welsh = askedMail(intlFor('cy'), to, values);
    expect(welsh.subject).toBe('Hoffai Sam ymuno â Grŵp trafnidiaeth');
    expect(welsh.text).toBe(
      'Helo Cai,\n\nMae Sam wedi gofyn am gael ymuno â “Grŵp trafnidiaeth” ar Accord.\n\n' +
        'Eu neges:\nRwy’n defnyddio’r bws bob dydd.\n\n' +
        'Gallwch dderbyn neu wrthod y cais yn adran Pobl tudalen y grŵp:\n\n' +
        'https://accord.example/groups/1\n',
    );
    const english = declinedMail(intlFor('en-GB'), to, { group: 'Buses', note: '', link: 'x' });
    expect(english.subject).toBe('Your request to join Buses');
    expect(english.text).not.toContain('A note from the chairs');
  });
});
