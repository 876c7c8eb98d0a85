import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { createGroup, ENGINE, freshPostgresUrl, startTestApp, type TestApp } from '../harness.ts';
import { Stream } from '../support/live-stream.ts';

/**
 * After an aborted fetch, Node's fetch opens a spare connection and sends nothing on it;
 * the server would wait for its header timeout before closing. Tests do not wait.
 */
async function stop(t: TestApp | undefined) {
  t?.app.server.closeAllConnections();
  await t?.close();
}

async function chairWithGroup(t: TestApp) {
  const chair = t.client();
  await chair.register('Live Chair');
  const groupId = await createGroup(chair);
  return { chair, groupId };
}

describe('live events for a group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => stop(t));

  it('a chair’s open stream says it is ready, then carries each of the group’s events once, with ids only', async () => {
    const { chair, groupId } = await chairWithGroup(t);
    const { groupId: otherGroupId } = await chairWithGroup(t);
    const stream = await Stream.open(t.url, chair, groupId);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('cache-control')).toBe('no-cache');
      expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
      expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await stream.next()).toEqual({ event: 'ready', data: JSON.stringify({ groupId }) });

      const proposalId = randomUUID();
      await t.app.deps.events.publish({ type: 'vote', groupId, proposalId });
      const vote = await stream.next();
      expect(vote?.event).toBe('vote');
      expect(JSON.parse(vote?.data ?? '')).toEqual({ groupId, proposalId });

      // Another group's event is not heard; the next one for this group is, and the vote came once.
      await t.app.deps.events.publish({ type: 'agenda', groupId: otherGroupId });
      const meetingId = randomUUID();
      await t.app.deps.events.publish({ type: 'checkin', groupId, meetingId });
      const checkin = await stream.next();
      expect(checkin?.event).toBe('checkin');
      expect(JSON.parse(checkin?.data ?? '')).toEqual({ groupId, meetingId });
    } finally {
      stream.close();
    }
  });

  it('the same event published many times at once reaches a stream at once and once more at the end, not once each', async () => {
    const { chair, groupId } = await chairWithGroup(t);
    const stream = await Stream.open(t.url, chair, groupId);
    try {
      expect((await stream.next())?.event).toBe('ready');
      const proposalId = randomUUID();
      const meetingId = randomUUID();
      // A storm of ballots on one vote, with a check-in in the middle of it.
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          i === 30
            ? t.app.deps.events.publish({ type: 'checkin', groupId, meetingId })
            : t.app.deps.events.publish({ type: 'vote', groupId, proposalId }),
        ),
      );
      // Everything that arrives until a second passes with nothing.
      const heard: string[] = [];
      for (;;) {
        const frame = await stream.next(1_000).catch(() => null);
        if (!frame) break;
        heard.push(frame.event ?? '');
      }
      expect(heard.filter((e) => e === 'checkin')).toHaveLength(1);
      // The first vote event at once, the other 58 folded into one after it.
      expect(heard.filter((e) => e === 'vote')).toHaveLength(2);
      expect(heard.at(-1)).toBe('vote');
      // A window later, the same event goes out again at once.
      await t.app.deps.events.publish({ type: 'vote', groupId, proposalId });
      expect((await stream.next())?.event).toBe('vote');
    } finally {
      stream.close();
    }
  });

  it('an event that is not a live event is dropped, and publishing never throws', async () => {
    const { chair, groupId } = await chairWithGroup(t);
    const stream = await Stream.open(t.url, chair, groupId);
    try {
      expect((await stream.next())?.event).toBe('ready');
      await expect(
        t.app.deps.events.publish({ type: 'vote', groupId, proposalId: 'not an id' }),
      ).resolves.toBeUndefined();
      await expect(
        t.app.deps.events.publish({ type: 'secret', groupId } as never),
      ).resolves.toBeUndefined();
      await t.app.deps.events.publish({ type: 'decision', groupId });
      expect((await stream.next())?.event).toBe('decision');
    } finally {
      stream.close();
    }
  });

  it('someone not signed in is told to sign in, in the usual JSON error', async () => {
    const { groupId } = await chairWithGroup(t);
    const answer = await t.client().get(`/api/v1/groups/${groupId}/events`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    expect(answer.body.error.code).toBe('unauthenticated');
  });

  it('someone outside the group gets the same 404 as for a group that does not exist', async () => {
    const { groupId } = await chairWithGroup(t);
    const stranger = t.client();
    await stranger.register('Live Stranger');
    const outside = await stranger.get(`/api/v1/groups/${groupId}/events`);
    const missing = await stranger.get(`/api/v1/groups/${randomUUID()}/events`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toMatch(/application\/json/);
    expect(outside.body).toEqual(missing.body);
  });

  it('?once=1 sends the ready event and ends, for checks that must not hang', async () => {
    const { chair, groupId } = await chairWithGroup(t);
    const answer = await chair.get(`/api/v1/groups/${groupId}/events?once=1`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.text).toBe(`retry: 3000\n\nevent: ready\ndata: {"groupId":"${groupId}"}\n\n`);
    const wrong = await chair.get(`/api/v1/groups/${groupId}/events?once=yes`);
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields)).toEqual(['querystring.once']);
  });

  it('stopping the app ends the streams still open', async () => {
    const other = await startTestApp();
    const { chair, groupId } = await chairWithGroup(other);
    const stream = await Stream.open(other.url, chair, groupId);
    expect((await stream.next())?.event).toBe('ready');
    await other.close();
    expect(await stream.next()).toBeNull();
  });
});

/** Several instances behind a load balancer: an event published on one reaches streams on all. */
describe('live events across instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    if (ENGINE !== 'postgres') return;
    const url = await freshPostgresUrl();
    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url }),
      openDatabase({ databaseUrl: url }),
    ]);
    a = await startTestApp({}, { database: first });
    b = await startTestApp({}, { database: second });
  });
  afterAll(async () => {
    await stop(a);
    await stop(b);
  });

  it.skipIf(ENGINE !== 'postgres')(
    'a stream open on instance B hears an event published on instance A, exactly once',
    async () => {
      const { chair, groupId } = await chairWithGroup(a);
      const stream = await Stream.open(b.url, chair, groupId);
      try {
        expect((await stream.next())?.event).toBe('ready');
        const proposalId = randomUUID();
        await a.app.deps.events.publish({ type: 'consensus', groupId, proposalId });
        const heard = await stream.next();
        expect(heard?.event).toBe('consensus');
        expect(JSON.parse(heard?.data ?? '')).toEqual({ groupId, proposalId });
        // Junk on the channel is ignored; the next event after the first is the marker, not a repeat.
        await a.database.query(`select pg_notify('accord_live', 'junk')`);
        await b.app.deps.events.publish({ type: 'meeting', groupId });
        expect((await stream.next())?.event).toBe('meeting');
      } finally {
        stream.close();
      }
    },
  );

  it.skipIf(ENGINE !== 'postgres')(
    'when the listening connection drops, open streams end (so clients fetch again) and events flow again once it is back',
    async () => {
      const { chair, groupId } = await chairWithGroup(a);
      const stream = await Stream.open(b.url, chair, groupId);
      expect((await stream.next())?.event).toBe('ready');
      const listeners = `select pid from pg_stat_activity
        where application_name = 'accord live events' and datname = current_database()
          and state = 'idle' and query ilike 'listen%'`;
      const before = await b.database.query<{ pid: number }>(listeners);
      expect(before).toHaveLength(2);
      // Both instances listen; drop them all, then wait for both to come back.
      await b.database.query(`select pg_terminate_backend(pid) from (${listeners}) l`);
      expect(await stream.next(10_000)).toBeNull();
      for (let i = 0; i < 100; i++) {
        const now = await b.database.query<{ pid: number }>(listeners);
        if (now.length === 2 && now.every((row) => !before.some((old) => old.pid === row.pid))) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const again = await Stream.open(b.url, chair, groupId);
      try {
        expect((await again.next())?.event).toBe('ready');
        await a.app.deps.events.publish({ type: 'vote', groupId, proposalId: randomUUID() });
        expect((await again.next())?.event).toBe('vote');
      } finally {
        again.close();
      }
    },
  );
});
