import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../../harness.ts';
import { signInAgain } from '../../support/people.ts';

type Opened = { status: number; headers: Headers; body: unknown; close(): void };

/** Opens a group's live stream as `client`; a refusal is read in full, an open stream kept open. */
async function openStream(t: TestApp, client: Client, groupId: string): Promise<Opened> {
  const abort = new AbortController();
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${t.url}/api/v1/groups/${groupId}/events`, {
    headers: { cookie },
    signal: abort.signal,
  });
  if (response.status !== 200) {
    const body: unknown = await response.json();
    return { status: response.status, headers: response.headers, body, close: () => {} };
  }
  // Read up to `ready`, so the server has counted the stream before we go on.
  const reader = response.body!.getReader();
  let seen = '';
  while (!seen.includes('event: ready')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    seen += new TextDecoder().decode(chunk.value);
  }
  return {
    status: 200,
    headers: response.headers,
    body: null,
    close: () => abort.abort(),
  };
}

async function stop(t: TestApp) {
  t.app.server.closeAllConnections();
  await t.close();
}

describe('live-update streams are limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LIVE_STREAMS_MAX: '8' });
  });
  afterAll(async () => stop(t));

  it('one session holds at most 5 streams; the sixth is a 429 with Retry-After, and closing one frees a place', async () => {
    const chair = t.client();
    const me = await chair.register('Many Tabs');
    const groupId = await createGroup(chair, 'Streamed group');
    const streams: Opened[] = [];
    try {
      for (let i = 0; i < 5; i += 1) {
        const stream = await openStream(t, chair, groupId);
        expect(stream.status).toBe(200);
        streams.push(stream);
      }
      const refused = await openStream(t, chair, groupId);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.headers.get('content-type')).toMatch(/application\/json/);
      expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
      expect(JSON.stringify(refused.body)).toMatch(/5 live views/);

      // The same person in another session has their own allowance.
      const elsewhere = await signInAgain(t, { ...me, client: chair });
      const other = await openStream(t, elsewhere, groupId);
      expect(other.status).toBe(200);
      streams.push(other);

      // Closing one gives its place back (once the server has seen it close).
      streams.shift()!.close();
      let again: Opened | undefined;
      for (let attempt = 0; attempt < 50; attempt += 1) {
        again = await openStream(t, chair, groupId);
        if (again.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(again?.status).toBe(200);
      streams.push(again!);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('an instance holds at most LIVE_STREAMS_MAX streams from everyone together', async () => {
    const chair = t.client();
    await chair.register('Busy Chair');
    const groupId = await createGroup(chair, 'Busy group');
    const people: Client[] = [];
    for (let i = 0; i < 3; i += 1) {
      const person = t.client();
      await person.register(`Viewer ${'ABC'[i]}`);
      await joinGroup(chair, person, groupId);
      people.push(person);
    }
    const streams: Opened[] = [];
    try {
      // Earlier streams may still be closing: fill the instance up to its limit.
      const holders = [chair, ...people];
      let refused: Opened | undefined;
      for (let i = 0; i < 20 && !refused; i += 1) {
        const stream = await openStream(t, holders[i % holders.length]!, groupId);
        if (stream.status === 200) streams.push(stream);
        else refused = stream;
      }
      expect(streams.length).toBeLessThanOrEqual(8);
      expect(refused?.status).toBe(429);
      expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(JSON.stringify(refused?.body)).toMatch(/as many live views as it can/);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
