import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { Client, ENGINE } from '../harness.ts';
import { cleanUp, freshEngineEnv, startServer, type Server } from './processes.ts';

afterAll(cleanUp);

/** The same person (same session cookie) talking to a restarted server. */
function sameClientAt(client: Client, url: string): Client {
  const moved = new Client(url);
  for (const [name, value] of client.cookies) moved.cookies.set(name, value);
  return moved;
}

/**
 * Creates groups from several concurrent writers and SIGKILLs the server right
 * after the `killAfter`-th acknowledgement, while the other writers' requests
 * are still in flight. Returns the acknowledged groups and how many requests
 * were in flight when the signal was sent.
 */
async function writeUntilKilled(server: Server, client: Client, killAfter: number, round: number) {
  const acknowledged: { id: string; name: string }[] = [];
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed: Promise<unknown> | undefined;
  let next = 0;
  const writer = async () => {
    while (!killed) {
      const name = `Round ${round} write ${next++}`;
      inFlight++;
      try {
        const answer = await client.post('/api/v1/groups', { name, purpose: 'durability' });
        inFlight--;
        if (answer.status !== 201) throw new Error(`unexpected ${answer.status}: ${answer.text}`);
        acknowledged.push({ id: answer.body.group.id, name });
        if (acknowledged.length >= killAfter && !killed) {
          inFlightAtKill = inFlight;
          killed = server.kill();
        }
      } catch (error) {
        inFlight--;
        // A request cut off by the kill was never acknowledged; anything else is a real failure.
        if (!killed) throw error;
      }
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
  return { acknowledged, inFlightAtKill };
}

describe(`kill -9 during a stream of writes (${ENGINE})`, () => {
  it('every acknowledged write is present after a restart, and nothing is half-written', async () => {
    const env = await freshEngineEnv();
    const lockFile = env.DATA_DIR ? path.join(env.DATA_DIR, 'pgdata.lock') : undefined;
    let server = await startServer(env);
    let client = new Client(server.url);
    await client.register('Durable Chair');
    const everyAcknowledged: { id: string; name: string }[] = [];

    for (let round = 1; round <= 3; round++) {
      const { acknowledged, inFlightAtKill } = await writeUntilKilled(server, client, 30, round);
      expect(inFlightAtKill).toBeGreaterThan(0);
      everyAcknowledged.push(...acknowledged);
      const killedPid = server.pid;
      if (lockFile) expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(killedPid));

      server = await startServer(env);
      if (lockFile) expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(server.pid));
      client = sameClientAt(client, server.url);
      const listed = await client.get('/api/v1/groups');
      expect(listed.status).toBe(200);
      const present = new Map(
        (listed.body.groups as { id: string; name: string }[]).map((g) => [g.id, g.name]),
      );
      const missing = everyAcknowledged.filter((g) => present.get(g.id) !== g.name);
      expect(missing).toEqual([]);
    }
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    const database = await openDatabase(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR! },
    );
    try {
      const halfWritten = await database.query<{ id: string }>(
        `select g.id from groups g
         where not exists (select 1 from group_people p where p.group_id = g.id and p.role = 'chair')
            or not exists (select 1 from audit_log a where a.subject_id = g.id::text and a.action = 'group.created')`,
      );
      expect(halfWritten).toEqual([]);
    } finally {
      await database.close();
    }
    // Two server processes start and one is killed: on a busy machine that takes a while.
  }, 180_000);
});
