/**
 * A ballot is one statement (castBallot, changeBallot): what it answers and
 * writes for each case the service words as a refusal or a receipt, on the
 * engine the run uses.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import { ballots, groups, proposals, users, votes } from '../../src/server/db/schema/index.ts';
import {
  castBallot,
  changeBallot,
  snapshotVoters,
} from '../../src/server/modules/decisions/decisions.repository.ts';
import { ENGINE, freshDatabase } from '../harness.ts';

let database: Database;
let groupId: string;
const voters = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
const [ann, ben, cat] = voters as [string, string, string];
const now = new Date('2026-06-01T12:00:00Z');

beforeAll(async () => {
  database = await freshDatabase();
  groupId = crypto.randomUUID();
  await database.db.insert(groups).values({ id: groupId, name: 'Group' });
  await database.db
    .insert(users)
    .values(voters.map((id, i) => ({ id, email: `v${i}.${id}@example.org`, name: `Voter ${i}` })));
});
afterAll(async () => database.close());

/** A proposal with an open vote whose voter list is Ann and Ben (not Cat). */
async function openVote(ballot: { secret: boolean; mayChange: boolean }, closesAt?: Date) {
  const proposalId = crypto.randomUUID();
  await database.db
    .insert(proposals)
    .values({ id: proposalId, groupId, title: 'P', text: 'T', stage: 'voting' });
  await database.db.insert(votes).values({
    proposalId,
    ...ballot,
    closesAt: closesAt ?? null,
    eligibleCount: 2,
    quorumAtOpening: {},
  });
  await snapshotVoters(database.db, proposalId, [ann, ben]);
  return proposalId;
}

const cast = (proposalId: string, userId: string, choice: 'yes' | 'no' | 'abstain', hash = 'h') =>
  castBallot(database.db, { groupId, proposalId, userId, choice, receiptHash: hash, now });

describe(`one ballot statement (${ENGINE})`, () => {
  it('writes the participation row and the ballot once per person on the list, and nothing for anyone else', async () => {
    const proposalId = await openVote({ secret: true, mayChange: false });
    expect(await cast(proposalId, ann, 'yes')).toMatchObject({
      hasVote: true,
      open: true,
      eligible: true,
      done: true,
      mayChange: false,
    });
    expect(await cast(proposalId, ann, 'no')).toMatchObject({ eligible: true, done: false });
    expect(await cast(proposalId, cat, 'no')).toMatchObject({ eligible: false, done: false });
    const written = await database.query<{ choice: string; receipt_hash: string | null }>(
      'select choice, receipt_hash from ballots where proposal_id = $1',
      [proposalId],
    );
    // A secret ballot that may not change keeps no receipt and names no one.
    expect(written).toEqual([{ choice: 'yes', receipt_hash: null }]);
    const named = await database.query<{ user_id: string; named_choice: string | null }>(
      'select user_id, named_choice from vote_participation where proposal_id = $1',
      [proposalId],
    );
    expect(named).toEqual([{ user_id: ann, named_choice: null }]);
  });

  it('writes nothing once the vote is closed or past its closing time, and says so', async () => {
    const closed = await openVote({ secret: true, mayChange: true });
    await database.query('update votes set closed_at = $2 where proposal_id = $1', [
      closed,
      now.toISOString(),
    ]);
    const late = await openVote({ secret: true, mayChange: true }, new Date(now.getTime() - 1));
    for (const proposalId of [closed, late]) {
      expect(await cast(proposalId, ann, 'yes')).toMatchObject({ hasVote: true, open: false });
      expect(
        await database.query('select 1 from ballots where proposal_id = $1', [proposalId]),
      ).toEqual([]);
    }
  });

  it('answers nothing for another group’s proposal, and no vote for a proposal without one', async () => {
    const proposalId = await openVote({ secret: true, mayChange: true });
    expect(
      await castBallot(database.db, {
        groupId: crypto.randomUUID(),
        proposalId,
        userId: ann,
        choice: 'yes',
        receiptHash: 'h',
        now,
      }),
    ).toBeUndefined();
    const bare = crypto.randomUUID();
    await database.db.insert(proposals).values({ id: bare, groupId, title: 'P', text: 'T' });
    expect(await cast(bare, ann, 'yes')).toMatchObject({ hasVote: false, done: false });
  });

  it('changes a ballot by its receipt where the vote allows it, and a named vote’s choice with it', async () => {
    const proposalId = await openVote({ secret: false, mayChange: true });
    expect(await cast(proposalId, ann, 'no', 'ann-receipt')).toMatchObject({ done: true });
    const change = (hash: string) =>
      changeBallot(database.db, {
        groupId,
        proposalId,
        userId: ann,
        choice: 'yes',
        receiptHash: hash,
        now,
      });
    expect(await change('someone-else')).toMatchObject({ mayChange: true, done: false });
    expect(await change('ann-receipt')).toMatchObject({ mayChange: true, done: true });
    expect(await database.db.select({ choice: ballots.choice }).from(ballots)).toContainEqual({
      choice: 'yes',
    });
    const [row] = await database.query<{ named_choice: string }>(
      'select named_choice from vote_participation where proposal_id = $1 and user_id = $2',
      [proposalId, ann],
    );
    expect(row?.named_choice).toBe('yes');

    const fixed = await openVote({ secret: true, mayChange: false });
    await cast(fixed, ben, 'no', 'ben-receipt');
    const refused = await changeBallot(database.db, {
      groupId,
      proposalId: fixed,
      userId: ben,
      choice: 'yes',
      receiptHash: 'ben-receipt',
      now,
    });
    expect(refused).toMatchObject({ mayChange: false, done: false });
    expect(
      await database.query('select choice from ballots where proposal_id = $1', [fixed]),
    ).toEqual([{ choice: 'no' }]);
  });

  it('fixes the voter list in one insert, and an empty list writes nothing', async () => {
    const proposalId = await openVote({ secret: true, mayChange: true });
    const list = await database.query<{ user_id: string }>(
      'select user_id from vote_eligible where proposal_id = $1 order by user_id',
      [proposalId],
    );
    expect(list.map((r) => r.user_id)).toEqual([ann, ben].sort());
    await snapshotVoters(database.db, proposalId, []);
    const after = await database.query<{ n: number | string }>(
      'select count(*) as n from vote_eligible where proposal_id = $1',
      [proposalId],
    );
    expect(Number(after[0]?.n)).toBe(2);
  });
});
