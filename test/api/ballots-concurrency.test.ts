/**
 * One ballot per eligible person, counted exactly, under concurrency: 1,000
 * eligible voters cast ballots at once, with 1,000 duplicate attempts and 200
 * attempts by people who may not vote, three times over (BALLOT_ROUNDS=10 for
 * the full run, as before a release). On PostgreSQL the
 * requests are spread over two app instances; on the embedded database they
 * go to one process. Voters are seeded directly in the database (with API
 * tokens) so the test spends its time on ballots, not on sign-ups.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import {
  Client,
  ENGINE,
  createGroup,
  freshPostgresUrl,
  startTestApp,
  type TestApp,
} from '../harness.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';

const ELIGIBLE = 1000;
const INELIGIBLE = 200;
const ROUNDS = Number(process.env.BALLOT_ROUNDS ?? 3);
const IN_FLIGHT = 48;

let instances: TestApp[] = [];
let chair: Client;
let groupId: string;
let tokens: string[] = [];

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  if (ENGINE === 'postgres') {
    const url = await freshPostgresUrl();
    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url }),
      openDatabase({ databaseUrl: url }),
    ]);
    instances = [
      await startTestApp({}, { database: first }),
      await startTestApp({}, { database: second }),
    ];
  } else {
    instances = [await startTestApp()];
  }
  const t = instances[0]!;
  chair = t.client();
  await chair.register('Vote Chair');
  groupId = await createGroup(chair);
  await adoptTerms(chair, groupId);
  const first = await addMeeting(chair, groupId, new Date('2026-09-08T17:00:00Z'));
  const second = await addMeeting(chair, groupId, new Date('2026-10-13T17:00:00Z'));

  const count = ELIGIBLE + INELIGIBLE;
  tokens = Array.from({ length: count }, (_, i) => `voter-token-${String(i).padStart(6, '0')}-x`);
  const users = await t.database.query<{ id: string; n: number }>(
    `insert into users (email, name)
     select 'voter' || n || '@example.org', 'Voter ' || n from generate_series(0, $1::int - 1) n
     returning id, (regexp_match(email, '[0-9]+'))[1]::int as n`,
    [count],
  );
  users.sort((a, b) => a.n - b.n);
  const ids = users.map((u) => u.id);
  await t.database.query(
    `insert into group_people (group_id, user_id, role, joined_at)
     select $1::uuid, u, 'participant', '2026-01-01' from unnest($2::uuid[]) u`,
    [groupId, ids],
  );
  await t.database.query(
    `insert into api_tokens (user_id, name, token_hash, prefix)
     select u, 'ballot test', h, left(h, 8) from unnest($1::uuid[], $2::text[]) as x(u, h)`,
    [ids, tokens.map(hash)],
  );
  // The first 1,000 have been to both meetings (members); the other 200 to one.
  await t.database.query(
    `insert into attendance (meeting_id, user_id, mark)
     select m, u, 'present_in_person' from unnest($1::uuid[]) u, unnest($2::uuid[]) m`,
    [ids.slice(0, ELIGIBLE), [first, second]],
  );
  await t.database.query(
    `insert into attendance (meeting_id, user_id, mark)
     select $2::uuid, u, 'present_in_person' from unnest($1::uuid[]) u`,
    [ids.slice(ELIGIBLE), first],
  );
}, 300_000);

afterAll(async () => {
  for (const t of instances) await t.close();
});

async function inBatches<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

describe(`ballots under concurrency (${ENGINE}, ${ENGINE === 'postgres' ? 'two instances' : 'one process'})`, () => {
  it(`${ROUNDS} rounds of ${ELIGIBLE} voters, ${ELIGIBLE} duplicates and ${INELIGIBLE} ineligible attempts: the tally is exact every time`, async () => {
    const summary: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const base = `/api/v1/groups/${groupId}/proposals`;
      const created = await chair.post(base, {
        title: `Round ${round}`,
        text: 'Shall we?',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(created.status, created.text).toBe(201);
      const id = created.body.id;
      await chair.post(`${base}/${id}/consensus`);
      await chair.post(`${base}/${id}/consensus/close`, { outcome: 'no_consensus' });
      const called = await chair.post(`${base}/${id}/vote`, {});
      expect(called.status, called.text).toBe(200);
      expect(called.body.vote.eligible).toBe(ELIGIBLE);

      const choices = ['yes', 'no', 'abstain'] as const;
      const choiceOf = (i: number) => choices[(i * 7 + round) % 3]!;
      const expected = { yes: 0, no: 0, abstain: 0 };
      const jobs: (() => Promise<{ kind: string; status: number }>)[] = [];
      let k = 0;
      const send = (token: string, choice: string, kind: string) => {
        const instance = instances[k++ % instances.length]!;
        return async () => {
          const client = instance.client();
          client.bearer = token;
          const answer = await client.post(`${base}/${id}/vote/ballots`, { choice });
          return { kind, status: answer.status };
        };
      };
      for (let i = 0; i < ELIGIBLE; i++) {
        expected[choiceOf(i)]++;
        jobs.push(send(tokens[i]!, choiceOf(i), 'first'), send(tokens[i]!, choiceOf(i), 'again'));
      }
      for (let i = ELIGIBLE; i < ELIGIBLE + INELIGIBLE; i++)
        jobs.push(send(tokens[i]!, 'yes', 'ineligible'));
      // Shuffle deterministically so duplicates race their originals.
      for (let i = jobs.length - 1; i > 0; i--) {
        const j = (i * 7919 + round * 104729) % (i + 1);
        [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
      }
      const results = await inBatches(jobs, IN_FLIGHT);
      const by = (status: number) => results.filter((r) => r.status === status).length;
      expect(results.filter((r) => ![200, 403, 409].includes(r.status))).toEqual([]);
      expect(by(200)).toBe(ELIGIBLE);
      expect(by(409)).toBe(ELIGIBLE);
      expect(by(403)).toBe(INELIGIBLE);
      expect(results.filter((r) => r.kind === 'ineligible' && r.status !== 403)).toEqual([]);

      const closed = await chair.post(`${base}/${id}/vote/close`, {});
      expect(closed.status, closed.text).toBe(200);
      expect(closed.body.vote.tally).toEqual({ ...expected, eligible: ELIGIBLE, voted: ELIGIBLE });
      const [row] = await instances[0]!.database.query<{ ballots: string; voters: string }>(
        `select (select count(*) from ballots where proposal_id = $1) as ballots,
                (select count(*) from vote_participation where proposal_id = $1) as voters`,
        [id],
      );
      expect(Number(row?.ballots)).toBe(ELIGIBLE);
      expect(Number(row?.voters)).toBe(ELIGIBLE);
      summary.push(
        `round ${round + 1}: ${by(200)} counted, ${by(409)} duplicates refused, ${by(403)} ineligible refused`,
      );
    }
    console.log(`ballots (${ENGINE}):\n${summary.join('\n')}`);
  }, 900_000);
});
