/**
 * Vote integrity behind one address: two app instances on one PostgreSQL
 * database behind a round-robin proxy, as behind a load balancer with no
 * sticky sessions. The chair works through the proxy with a cookie session
 * (so each of their requests, CSRF token included, may land on either
 * instance); voters cast ballots at once, each also trying a second time,
 * and people who have not been to enough meetings try too. Every round the
 * tally is exact and the database holds one ballot per eligible voter.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.ts';
import { Client, ENGINE, freshPostgresUrl, startTestApp, type TestApp } from '../../harness.ts';
import { addMeeting, adoptTerms } from '../../support/meetings.ts';

const ELIGIBLE = 300;
const INELIGIBLE = 60;
const ROUNDS = 3;
const IN_FLIGHT = 32;

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

describe.runIf(ENGINE === 'postgres')('votes through two instances behind one address', () => {
  let instances: TestApp[] = [];
  let proxy: http.Server;
  let address: string;
  const served = [0, 0];
  let tokens: string[] = [];
  let chair: Client;
  let groupId: string;

  beforeAll(async () => {
    const url = await freshPostgresUrl();
    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url }),
      openDatabase({ databaseUrl: url }),
    ]);
    instances = [
      await startTestApp({}, { database: first }),
      await startTestApp({}, { database: second }),
    ];
    // The load balancer: each request to the next instance in turn.
    let next = 0;
    proxy = http.createServer((request, response) => {
      const which = next++ % instances.length;
      served[which]! += 1;
      const upstream = http.request(
        instances[which]!.url + request.url,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        response.writeHead(502).end();
      });
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    chair = new Client(address);
    await chair.register('Vote Chair');
    const made = await chair.post('/api/v1/groups', { name: 'Voting group' });
    expect(made.status, made.text).toBe(201);
    groupId = made.body.group.id as string;
    await adoptTerms(chair, groupId);
    const meetings = [
      await addMeeting(chair, groupId, new Date('2026-09-08T17:00:00Z')),
      await addMeeting(chair, groupId, new Date('2026-10-13T17:00:00Z')),
    ];

    // Voters are seeded directly (with API tokens), so the time goes on ballots.
    const db = instances[0]!.database;
    const count = ELIGIBLE + INELIGIBLE;
    tokens = Array.from({ length: count }, (_, i) => `lb-voter-${String(i).padStart(6, '0')}-xyzw`);
    const users = await db.query<{ id: string; n: number }>(
      `insert into users (email, name)
       select 'lb.voter' || n || '@example.org', 'Voter ' || n from generate_series(0, $1::int - 1) n
       returning id, (regexp_match(email, '[0-9]+'))[1]::int as n`,
      [count],
    );
    users.sort((x, y) => x.n - y.n);
    const ids = users.map((u) => u.id);
    await db.query(
      `insert into group_people (group_id, user_id, role, joined_at)
       select $1::uuid, u, 'participant', '2026-01-01' from unnest($2::uuid[]) u`,
      [groupId, ids],
    );
    await db.query(
      `insert into api_tokens (user_id, name, token_hash, prefix)
       select u, 'vote integrity', h, left(h, 8) from unnest($1::uuid[], $2::text[]) as x(u, h)`,
      [ids, tokens.map(hash)],
    );
    // Members have been to both meetings; the others to one, so may not vote.
    await db.query(
      `insert into attendance (meeting_id, user_id, mark)
       select m, u, 'present_in_person' from unnest($1::uuid[]) u, unnest($2::uuid[]) m`,
      [ids.slice(0, ELIGIBLE), meetings],
    );
    await db.query(
      `insert into attendance (meeting_id, user_id, mark)
       select $2::uuid, u, 'present_in_person' from unnest($1::uuid[]) u`,
      [ids.slice(ELIGIBLE), meetings[0]],
    );
  }, 300_000);

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    for (const t of instances) await t.close();
  });

  it(`${ROUNDS} rounds of ${ELIGIBLE} voters, ${ELIGIBLE} second tries and ${INELIGIBLE} ineligible attempts: every tally exact`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const base = `/api/v1/groups/${groupId}/proposals`;
      const created = await chair.post(base, {
        title: `Round ${round}`,
        text: 'Shall we?',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(created.status, created.text).toBe(201);
      const one = `${base}/${created.body.id}`;
      expect((await chair.post(`${one}/consensus`)).status).toBe(200);
      const closedCheck = await chair.post(`${one}/consensus/close`, { outcome: 'no_consensus' });
      expect(closedCheck.status, closedCheck.text).toBe(200);
      const called = await chair.post(`${one}/vote`, {});
      expect(called.status, called.text).toBe(200);
      expect(called.body.vote.eligible).toBe(ELIGIBLE);

      const choices = ['yes', 'no', 'abstain'] as const;
      const expected = { yes: 0, no: 0, abstain: 0 };
      const jobs: (() => Promise<{ kind: string; status: number }>)[] = [];
      const ballot = (token: string, choice: string, kind: string) => async () => {
        const voter = new Client(address);
        voter.bearer = token;
        const answer = await voter.post(`${one}/vote/ballots`, { choice });
        return { kind, status: answer.status };
      };
      for (let i = 0; i < ELIGIBLE; i++) {
        const choice = choices[(i * 5 + round) % 3]!;
        expected[choice]++;
        jobs.push(ballot(tokens[i]!, choice, 'first'), ballot(tokens[i]!, choice, 'again'));
      }
      for (let i = ELIGIBLE; i < tokens.length; i++)
        jobs.push(ballot(tokens[i]!, 'yes', 'ineligible'));
      // First tries and second tries race: a second try may arrive first.
      for (let i = jobs.length - 1; i > 0; i--) {
        const j = (i * 7919 + round * 104_729) % (i + 1);
        [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
      }
      const results: { kind: string; status: number }[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < jobs.length) results.push(await jobs[next++]!());
        }),
      );
      const count = (status: number) => results.filter((r) => r.status === status).length;
      expect(results.filter((r) => ![200, 403, 409].includes(r.status))).toEqual([]);
      expect(count(200)).toBe(ELIGIBLE);
      expect(count(409)).toBe(ELIGIBLE);
      expect(results.filter((r) => r.kind === 'ineligible').map((r) => r.status)).toEqual(
        Array(INELIGIBLE).fill(403),
      );

      const [row] = await instances[1]!.database.query<{ ballots: string; voters: string }>(
        `select (select count(*) from ballots where proposal_id = $1) as ballots,
                (select count(*) from vote_participation where proposal_id = $1) as voters`,
        [created.body.id],
      );
      expect(Number(row?.ballots)).toBe(ELIGIBLE);
      expect(Number(row?.voters)).toBe(ELIGIBLE);
      const closed = await chair.post(`${one}/vote/close`, {});
      expect(closed.status, closed.text).toBe(200);
      expect(closed.body.vote.tally).toEqual({ ...expected, eligible: ELIGIBLE, voted: ELIGIBLE });
    }
    // Both instances did the work.
    expect(Math.min(...served)).toBeGreaterThan(ROUNDS * ELIGIBLE * 0.4);
  }, 600_000);
});
