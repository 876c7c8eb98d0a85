/**
 * Nothing leaves a group unless it agreed to release that item to that
 * audience; releases to other groups are offers their chairs accept; naming
 * a group tells nothing about whether it exists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../../harness.ts';
import { registerPerson, type Person } from '../../support/people.ts';
import { expectError } from '../../support/errors.ts';
import { addMeeting, adoptTerms } from '../../support/meetings.ts';
import { agreeToRelease } from '../../support/releases.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A group with Terms of Reference in force, a chair and a participant. */
async function group(options: { chairMayRecordAgreement?: boolean; parentId?: string } = {}) {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client, 'A group', options.parentId);
  const sam = await registerPerson(t, 'Samantha Okafor');
  await joinGroup(chair.client, sam.client, groupId);
  await adoptTerms(chair.client, groupId, (doc) => {
    if (options.chairMayRecordAgreement) doc.confidentiality.chairMayRecordAgreement = true;
  });
  return { chair, sam, groupId };
}

async function learningOf(g: { sam: Person; groupId: string }, what = 'A lesson to share') {
  const made = await g.sam.client.post(`/api/v1/groups/${g.groupId}/learning`, {
    whatHappened: what,
    whatWeLearned: 'Something',
    whatWeWillChange: 'Something else',
    tags: [],
  });
  expect(made.status, made.text).toBe(201);
  return made.body.id as string;
}

/** The group agrees an ordinary proposal, with no release in it. */
async function agreeSomethingElse(g: { chair: Person; groupId: string }) {
  const base = `/api/v1/groups/${g.groupId}/proposals`;
  const p = await g.chair.client.post(base, {
    title: 'Meet on Thursdays',
    text: 'From March.',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(p.status, p.text).toBe(201);
  await g.chair.client.post(`${base}/${p.body.id}/consensus`);
  await g.chair.client.post(`${base}/${p.body.id}/consensus/answers`, { answer: 'agree' });
  const closed = await g.chair.client.post(`${base}/${p.body.id}/consensus/close`, {
    outcome: 'consensus',
  });
  expect(closed.status, closed.text).toBe(200);
  return closed.body.decisionId as string;
}

const releasesOf = (groupId: string) => `/api/v1/groups/${groupId}/releases`;

describe('release only what the group agreed', () => {
  it('a decision that agreed something else cannot release notes', async () => {
    const g = await group();
    const first = await addMeeting(
      g.chair.client,
      g.groupId,
      new Date(Date.now() - 40 * 86_400_000),
    );
    const second = await addMeeting(
      g.chair.client,
      g.groupId,
      new Date(Date.now() - 10 * 86_400_000),
    );
    const notes = `/api/v1/groups/${g.groupId}/meetings/${first}/notes`;
    await g.chair.client.put(notes, { content: { summary: 'Confidential talk.', items: [] } });
    expect((await g.chair.client.post(`${notes}/circulate`)).status).toBe(200);
    const approved = await g.chair.client.post(`${notes}/approve`, { meetingId: second });
    expect(approved.status, approved.text).toBe(200);

    const thursdays = await agreeSomethingElse(g);
    const released = await g.chair.client.post(releasesOf(g.groupId), {
      itemType: 'notes',
      itemId: first,
      audience: 'public',
      decisionId: thursdays,
    });
    expectError(released, { status: 422, code: 'validation_failed', field: 'decisionId' });
    // Every group has a public page from the start: with nothing released, it lists nothing.
    expect((await t.client().get(`/api/v1/public/groups/${g.groupId}`)).body.items).toEqual([]);
  });

  it('a decision cannot release itself unless its proposal said so', async () => {
    const g = await group();
    const thursdays = await agreeSomethingElse(g);
    expectError(
      await g.chair.client.post(releasesOf(g.groupId), {
        itemType: 'decision',
        itemId: thursdays,
        audience: 'public',
        decisionId: thursdays,
      }),
      { status: 422, code: 'validation_failed', field: 'decisionId' },
    );

    const { decisionId, proposalId } = await agreeToRelease(g.chair.client, g.groupId, {
      thisDecision: true,
    });
    const proposal = await g.chair.client.get(
      `/api/v1/groups/${g.groupId}/proposals/${proposalId}`,
    );
    expect(proposal.body.release).toEqual({
      action: 'release',
      audience: 'public',
      groupIds: [],
      items: [{ itemType: 'decision', itemId: null, used: false }],
    });
    // Saying so for itself does not let it release another decision.
    expectError(
      await g.chair.client.post(releasesOf(g.groupId), {
        itemType: 'decision',
        itemId: thursdays,
        audience: 'public',
        decisionId,
      }),
      { status: 422, field: 'decisionId' },
    );
    const released = await g.chair.client.post(releasesOf(g.groupId), {
      itemType: 'decision',
      itemId: decisionId,
      audience: 'public',
      decisionId,
    });
    expect(released.status, released.text).toBe(201);
  });

  it('an authorisation is used once', async () => {
    const g = await group();
    const lesson = await learningOf(g);
    const item = { itemType: 'learning', itemId: lesson };
    const { decisionId, proposalId } = await agreeToRelease(g.chair.client, g.groupId, {
      items: [item],
    });
    // Agreed for the public page: not for another audience.
    const other = await createGroup(g.chair.client, 'Repairs working group', g.groupId);
    expectError(
      await g.chair.client.post(releasesOf(g.groupId), {
        ...item,
        audience: 'groups',
        groupIds: [other],
        decisionId,
      }),
      { status: 422, field: 'decisionId' },
    );
    const first = await g.chair.client.post(releasesOf(g.groupId), {
      ...item,
      audience: 'public',
      decisionId,
    });
    expect(first.status, first.text).toBe(201);
    const proposal = await g.chair.client.get(
      `/api/v1/groups/${g.groupId}/proposals/${proposalId}`,
    );
    expect(proposal.body.release.items).toEqual([{ ...item, used: true }]);

    // The releasing decision does not withdraw it; a withdrawal proposal does, once.
    const withdrawUrl = `${releasesOf(g.groupId)}/${first.body.id}/withdraw`;
    expectError(await g.chair.client.post(withdrawUrl, { decisionId }), {
      status: 422,
      field: 'decisionId',
    });
    const withdrawal = await agreeToRelease(g.chair.client, g.groupId, {
      action: 'withdraw',
      items: [item],
    });
    const withdrawn = await g.chair.client.post(withdrawUrl, { decisionId: withdrawal.decisionId });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();

    const again = await g.chair.client.post(releasesOf(g.groupId), {
      ...item,
      audience: 'public',
      decisionId,
    });
    expectError(again, { status: 409, code: 'conflict', field: 'decisionId' });
    // Every group has a public page from the start: with nothing released, it lists nothing.
    expect((await t.client().get(`/api/v1/public/groups/${g.groupId}`)).body.items).toEqual([]);
  });

  it('two chairs releasing with one agreement at once: exactly one succeeds', async () => {
    const g = await group();
    const lesson = await learningOf(g);
    const item = { itemType: 'learning', itemId: lesson };
    const { decisionId } = await agreeToRelease(g.chair.client, g.groupId, {
      items: [item],
      audience: 'public',
    });
    const answers = await Promise.all(
      [0, 1].map(() =>
        g.chair.client.post(releasesOf(g.groupId), { ...item, audience: 'public', decisionId }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('at-meeting agreement needs the item on that meeting’s agenda', async () => {
    const g = await group({ chairMayRecordAgreement: true });
    const lesson = await learningOf(g);
    const item = { itemType: 'learning', itemId: lesson };
    const now = await addMeeting(g.chair.client, g.groupId, new Date(Date.now() - 30 * 60_000));
    const earlier = await addMeeting(
      g.chair.client,
      g.groupId,
      new Date(Date.now() - 10 * 86_400_000),
    );
    expectError(
      await g.chair.client.post(releasesOf(g.groupId), {
        ...item,
        audience: 'public',
        agreedAtMeeting: now,
      }),
      { status: 422, code: 'validation_failed', field: 'agreedAtMeeting' },
    );
    // Raised on a meeting after it ended is not on its agenda.
    const late = await g.chair.client.post(`/api/v1/groups/${g.groupId}/proposals`, {
      title: 'Share the lesson',
      text: 'Agreed last week, really.',
      meetingId: earlier,
      release: { items: [item], audience: 'public' },
    });
    expect(late.status, late.text).toBe(201);
    expectError(
      await g.chair.client.post(releasesOf(g.groupId), {
        ...item,
        audience: 'public',
        agreedAtMeeting: earlier,
      }),
      { status: 422, field: 'agreedAtMeeting' },
    );

    const onAgenda = await g.chair.client.post(`/api/v1/groups/${g.groupId}/proposals`, {
      title: 'Share the lesson',
      text: 'On tonight’s agenda.',
      meetingId: now,
      release: { items: [item], audience: 'public' },
    });
    expect(onAgenda.status, onAgenda.text).toBe(201);
    const released = await g.chair.client.post(releasesOf(g.groupId), {
      ...item,
      audience: 'public',
      agreedAtMeeting: now,
    });
    expect(released.status, released.text).toBe(201);
    const page = await t.client().get(`/api/v1/public/groups/${g.groupId}`);
    expect(page.status, page.text).toBe(200);
  });

  it('a release proposal names items of this group only', async () => {
    const g = await group();
    const elsewhere = await group();
    const theirs = await learningOf(elsewhere);
    const answer = await g.chair.client.post(`/api/v1/groups/${g.groupId}/proposals`, {
      title: 'Share theirs',
      text: 'Not ours to share.',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      release: { items: [{ itemType: 'learning', itemId: theirs }], audience: 'public' },
    });
    expectError(answer, { status: 422, field: 'release.items.0.itemId' });
  });
});

describe('releases to other groups are offered, not pushed', () => {
  it('naming an unlinked group answers exactly like a missing one', async () => {
    const g = await group();
    const stranger = await group();
    const lesson = await learningOf(g);
    const item = { itemType: 'learning', itemId: lesson };
    const propose = (groupId: string) =>
      g.chair.client.post(`/api/v1/groups/${g.groupId}/proposals`, {
        title: 'Share with them',
        text: 'Share it.',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        release: { items: [item], audience: 'groups', groupIds: [groupId] },
      });
    const unlinked = await propose(stranger.groupId);
    const missing = await propose(randomUUID());
    expectError(unlinked, { status: 422, field: 'release.groupIds.0' });
    expect(unlinked.text).toBe(missing.text);

    const { decisionId } = await agreeToRelease(g.chair.client, g.groupId, { items: [item] });
    const release = (groupId: string) =>
      g.chair.client.post(releasesOf(g.groupId), {
        ...item,
        audience: 'groups',
        groupIds: [groupId],
        decisionId,
      });
    const releasedUnlinked = await release(stranger.groupId);
    const releasedMissing = await release(randomUUID());
    expectError(releasedUnlinked, { status: 422, field: 'groupIds.0' });
    expect(releasedUnlinked.text).toBe(releasedMissing.text);

    // Asking to link tells nothing either: the same answer, bar its own id and time.
    const ask = async (otherGroupId: string) => {
      const answer = await g.chair.client.post(`/api/v1/groups/${g.groupId}/links`, {
        otherGroupId,
      });
      expect(answer.status, answer.text).toBe(201);
      return JSON.stringify({ ...answer.body, id: null, proposedAt: null, otherGroupId: null });
    };
    expect(await ask(stranger.groupId)).toEqual(await ask(randomUUID()));
  });

  it('a release to a linked group shows there only after one of its chairs accepts', async () => {
    const a = await group();
    const b = await group();
    const reader = b.sam;
    // A chair of A asks; a chair of B accepts.
    const asked = await a.chair.client.post(`/api/v1/groups/${a.groupId}/links`, {
      otherGroupId: b.groupId,
    });
    expect(asked.body).toMatchObject({ status: 'requested', otherGroupName: null });
    expectError(
      await a.chair.client.post(`/api/v1/groups/${a.groupId}/links/${asked.body.id}/accept`),
      { status: 404, code: 'not_found' },
    );
    expectError(
      await reader.client.post(`/api/v1/groups/${b.groupId}/links/${asked.body.id}/accept`),
      { status: 403, code: 'forbidden' },
    );
    const incoming = await b.chair.client.get(`/api/v1/groups/${b.groupId}/links`);
    expect(incoming.body.links).toEqual([
      expect.objectContaining({
        direction: 'incoming',
        status: 'requested',
        otherGroupId: a.groupId,
      }),
    ]);
    const accepted = await b.chair.client.post(
      `/api/v1/groups/${b.groupId}/links/${asked.body.id}/accept`,
    );
    expect(accepted.status, accepted.text).toBe(200);
    const linked = await a.chair.client.get(`/api/v1/groups/${a.groupId}/links`);
    expect(linked.body.linked).toEqual([{ groupId: b.groupId, name: 'A group', via: 'link' }]);

    const lesson = await learningOf(a, 'A lesson for our neighbours');
    const item = { itemType: 'learning', itemId: lesson };
    const { decisionId } = await agreeToRelease(a.chair.client, a.groupId, {
      items: [item],
      audience: 'groups',
      groupIds: [b.groupId],
    });
    const released = await a.chair.client.post(releasesOf(a.groupId), {
      ...item,
      audience: 'groups',
      groupIds: [b.groupId],
      decisionId,
    });
    expect(released.status, released.text).toBe(201);

    // Offered, not pushed: B's people do not see it yet.
    const page = `/api/v1/public/groups/${a.groupId}`;
    // The page exists from the start, and lists nothing of the offer.
    expect((await reader.client.get(page)).body.items).toEqual([]);
    expectError(await reader.client.get(`/api/v1/groups/${b.groupId}/release-offers`), {
      status: 403,
      code: 'forbidden',
    });
    const offers = await b.chair.client.get(`/api/v1/groups/${b.groupId}/release-offers`);
    expect(offers.body.offers).toEqual([
      expect.objectContaining({
        releaseId: released.body.id,
        fromGroup: { id: a.groupId, name: 'A group' },
        status: 'offered',
        title: 'What we learned',
      }),
    ]);
    const answer = await b.chair.client.post(
      `/api/v1/groups/${b.groupId}/release-offers/${released.body.id}`,
      { answer: 'accept' },
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe('accepted');
    const seen = await reader.client.get(page);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.text).toContain('A lesson for our neighbours');
    // Still nothing for anyone else.
    expect((await t.client().get(page)).body.items).toEqual([]);

    // Declining takes it back from B's people.
    await b.chair.client.post(`/api/v1/groups/${b.groupId}/release-offers/${released.body.id}`, {
      answer: 'decline',
    });
    expect((await reader.client.get(page)).body.items).toEqual([]);

    const audit = await t.database.query<{ action: string }>(
      `select action from audit_log where group_id in ($1, $2) and action like any (array['groupLink.%', 'release%']) order by action`,
      [a.groupId, b.groupId],
    );
    expect(audit.map((r) => r.action)).toEqual([
      'groupLink.accepted',
      'groupLink.requested',
      'release.offered',
      'release.released',
      'releaseOffer.accepted',
      'releaseOffer.declined',
    ]);
  });

  it('a working group and its steering group are linked without asking; either chair can remove a link', async () => {
    const steering = await group();
    const chair = steering.chair;
    const working = {
      chair,
      sam: chair,
      groupId: await createGroup(chair.client, 'Repairs working group', steering.groupId),
    };
    const sibling = await createGroup(chair.client, 'Transport working group', steering.groupId);
    const links = await chair.client.get(`/api/v1/groups/${working.groupId}/links`);
    expect(links.status, links.text).toBe(200);
    expect(links.body.linked.map((l: any) => l.via).sort()).toEqual(['sibling', 'steering']);
    const lesson = await learningOf(working);
    const proposal = await agreeToRelease(chair.client, working.groupId, {
      items: [{ itemType: 'learning', itemId: lesson }],
      audience: 'groups',
      groupIds: [steering.groupId, sibling],
    });
    expect(proposal.decisionId).toBeDefined();

    const other = await group();
    const asked = await other.chair.client.post(`/api/v1/groups/${other.groupId}/links`, {
      otherGroupId: working.groupId,
    });
    await working.chair.client.post(
      `/api/v1/groups/${working.groupId}/links/${asked.body.id}/accept`,
    );
    const removed = await working.chair.client.request(
      'DELETE',
      `/api/v1/groups/${working.groupId}/links/${asked.body.id}`,
    );
    expect(removed.status, removed.text).toBe(200);
    expect((await other.chair.client.get(`/api/v1/groups/${other.groupId}/links`)).body).toEqual({
      linked: [],
      links: [],
    });
  });
});
