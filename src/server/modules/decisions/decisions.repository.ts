import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type {
  BALLOT_CHOICES,
  CASTING_VOTES,
  CONSENSUS_ANSWERS,
  CONSENSUS_OUTCOMES,
  Domain,
  VOTE_OUTCOMES,
} from '../../../contracts/domains.ts';
import {
  ballots,
  consensusAnswers,
  consensusChecks,
  consensusParticipation,
  decisions,
  proposals,
  users,
  voteEligible,
  voteParticipation,
  votes,
} from '../../db/schema/index.ts';
import { takeLock, type RowLock } from '../../db/locks.ts';
import { rowsOf, type Executor } from '../../deps.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export type CheckRow = typeof consensusChecks.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

type Choice = Domain<typeof BALLOT_CHOICES>;
type VoteOutcome = Domain<typeof VOTE_OUTCOMES>;
type CastingVote = Domain<typeof CASTING_VOTES>;

// Proposals

export async function insertProposal(db: Executor, values: typeof proposals.$inferInsert) {
  const [row] = await db.insert(proposals).values(values).returning();
  if (!row) throw new Error('proposal insert returned nothing');
  return row;
}

export async function findProposal(
  db: Executor,
  groupId: string,
  proposalId: string,
  lock?: RowLock,
) {
  const query = db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.groupId, groupId)));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export async function listProposals(db: Executor, groupId: string, meetingId?: string) {
  return db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.groupId, groupId),
        meetingId ? eq(proposals.meetingId, meetingId) : undefined,
      ),
    )
    .orderBy(desc(proposals.createdAt), asc(proposals.id))
    .limit(500);
}

export async function updateProposal(
  db: Executor,
  proposalId: string,
  changes: Partial<typeof proposals.$inferInsert>,
) {
  const [row] = await db
    .update(proposals)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(proposals.id, proposalId))
    .returning();
  if (!row) throw new Error(`proposal ${proposalId} vanished inside its transaction`);
  return row;
}

// Consensus

export async function findCheck(db: Executor, proposalId: string) {
  const [row] = await db
    .select()
    .from(consensusChecks)
    .where(eq(consensusChecks.proposalId, proposalId));
  return row;
}

export async function insertCheck(db: Executor, values: typeof consensusChecks.$inferInsert) {
  await db.insert(consensusChecks).values(values);
}

export async function closeCheck(
  db: Executor,
  proposalId: string,
  outcome: Domain<typeof CONSENSUS_OUTCOMES>,
) {
  await db
    .update(consensusChecks)
    .set({ closedAt: new Date(), outcome })
    .where(eq(consensusChecks.proposalId, proposalId));
}

/** Records that a person answered; false if they already had. */
export async function markAnswered(db: Executor, proposalId: string, userId: string) {
  const rows = await db
    .insert(consensusParticipation)
    .values({ proposalId, userId })
    .onConflictDoNothing()
    .returning({ userId: consensusParticipation.userId });
  return rows.length === 1;
}

export async function insertAnswer(
  db: Executor,
  proposalId: string,
  answer: Domain<typeof CONSENSUS_ANSWERS>,
  reason: string | null,
) {
  await db.insert(consensusAnswers).values({ proposalId, answer, reason });
}

export async function answersOf(db: Executor, proposalIds: readonly string[]) {
  if (proposalIds.length === 0) return [];
  return db
    .select({
      proposalId: consensusAnswers.proposalId,
      answer: consensusAnswers.answer,
      reason: consensusAnswers.reason,
    })
    .from(consensusAnswers)
    .where(inArray(consensusAnswers.proposalId, [...proposalIds]))
    .orderBy(asc(consensusAnswers.id));
}

export async function answeredCounts(db: Executor, proposalIds: readonly string[], userId: string) {
  if (proposalIds.length === 0)
    return { counts: new Map<string, number>(), mine: new Set<string>() };
  const rows = await db
    .select({
      proposalId: consensusParticipation.proposalId,
      n: sql<string>`count(*)`,
      mine: sql<boolean>`bool_or(${consensusParticipation.userId} = ${userId})`,
    })
    .from(consensusParticipation)
    .where(inArray(consensusParticipation.proposalId, [...proposalIds]))
    .groupBy(consensusParticipation.proposalId);
  return {
    counts: new Map(rows.map((r) => [r.proposalId, Number(r.n)])),
    mine: new Set(rows.filter((r) => r.mine).map((r) => r.proposalId)),
  };
}

// Votes

export async function findVote(db: Executor, proposalId: string, lock?: RowLock) {
  const query = db.select().from(votes).where(eq(votes.proposalId, proposalId));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

/** Opens a vote and fixes its voter list (`snapshotVoters`). */
export async function insertVote(
  db: Executor,
  values: typeof votes.$inferInsert,
  eligible: readonly string[],
) {
  await db.insert(votes).values(values);
  await snapshotVoters(db, values.proposalId, eligible);
}

/** The voter list of a vote, fixed when it opens: every eligible person in one set-based insert. */
export async function snapshotVoters(
  db: Executor,
  proposalId: string,
  eligible: readonly string[],
) {
  if (eligible.length === 0) return;
  await db.execute(
    sql`insert into vote_eligible (proposal_id, user_id)
        select ${proposalId}::uuid, voter
        from unnest(string_to_array(${eligible.join(',')}, ',')::uuid[]) as voter`,
  );
}

export async function hasVoted(db: Executor, proposalId: string, userId: string) {
  const [row] = await db
    .select({ userId: voteParticipation.userId })
    .from(voteParticipation)
    .where(and(eq(voteParticipation.proposalId, proposalId), eq(voteParticipation.userId, userId)));
  return row !== undefined;
}

/** What one ballot statement found and did; undefined when the group has no such proposal. */
export type BallotAnswer = {
  meetingId: string | null;
  hasVote: boolean;
  open: boolean;
  secret: boolean;
  mayChange: boolean;
  openedAt: Date | null;
  eligible: boolean;
  /** Casting: the participation row and the ballot were written. Changing: the ballot changed. */
  done: boolean;
};

type BallotRow = {
  meeting_id: string | null;
  has_vote: boolean;
  open: boolean | null;
  secret: boolean | null;
  may_change: boolean | null;
  opened_at: Date | string | null;
  eligible: boolean;
  done: boolean;
};

function ballotAnswer(row: BallotRow | undefined): BallotAnswer | undefined {
  if (!row) return undefined;
  return {
    meetingId: row.meeting_id,
    hasVote: Boolean(row.has_vote),
    open: Boolean(row.open),
    secret: Boolean(row.secret),
    mayChange: Boolean(row.may_change),
    openedAt:
      row.opened_at === null
        ? null
        : row.opened_at instanceof Date
          ? row.opened_at
          : new Date(row.opened_at),
    eligible: Boolean(row.eligible),
    done: Boolean(row.done),
  };
}

/**
 * The start of both ballot statements: the group's proposal, and its vote
 * shared (a close waits for ballots in flight, and a ballot after it sees it
 * closed), with whether it is open at `now`.
 */
function proposalAndVote(input: { groupId: string; proposalId: string; now: Date }) {
  return sql`proposal as (
          select p.id, p.meeting_id from proposals p
          where p.id = ${input.proposalId}::uuid and p.group_id = ${input.groupId}::uuid
        ), vote as (
          select v.proposal_id, v.opened_at, v.secret, v.may_change,
            v.closed_at is null
              and (v.closes_at is null or v.closes_at > ${input.now.toISOString()}::timestamptz) as open
          from votes v
          where v.proposal_id in (select proposal.id from proposal)
          for share
        )`;
}

/** Who casts or changes which ballot, with the receipt's hash, at `now`. */
type BallotInput = {
  groupId: string;
  proposalId: string;
  userId: string;
  choice: Choice;
  receiptHash: string;
  now: Date;
};

/**
 * A ballot in one statement, so no transaction waits between statements:
 * finds the group's proposal and its vote (sharing the vote row, so a close
 * waits for ballots in flight and a ballot after it sees it closed), checks the
 * voter list, writes the participation row (its primary key allows one per
 * person; a second is not written) and, only if that was written, the ballot:
 * with the receipt's hash where ballots may change, and the choice on the
 * participation row only for named votes. `now` decides whether the vote's
 * closing time has passed.
 */
export async function castBallot(
  db: Executor,
  input: BallotInput,
): Promise<BallotAnswer | undefined> {
  const [row] = await rowsOf<BallotRow>(
    db,
    sql`with ${proposalAndVote(input)}, voter as (
          select exists (
            select 1 from vote_eligible e
            where e.proposal_id = ${input.proposalId}::uuid and e.user_id = ${input.userId}::uuid
          ) as eligible
        ), marked as (
          insert into vote_participation (proposal_id, user_id, named_choice)
          select vote.proposal_id, ${input.userId}::uuid,
            case when vote.secret then null else ${input.choice}::text end
          from vote, voter
          where vote.open and voter.eligible
          on conflict do nothing
          returning proposal_id
        ), ballot as (
          insert into ballots (proposal_id, choice, receipt_hash)
          select marked.proposal_id, ${input.choice}::text,
            case when vote.may_change then ${input.receiptHash}::text end
          from marked, vote
          returning id
        )
        select proposal.meeting_id, vote.proposal_id is not null as has_vote, vote.open,
          vote.secret, vote.may_change, vote.opened_at, voter.eligible,
          exists (select 1 from ballot) as done
        from proposal
        left join vote on true
        cross join voter`,
  );
  return ballotAnswer(row);
}

/**
 * Changes a ballot by its receipt in one statement, where the vote is open and
 * allows it; for a named vote, the person's choice on their participation row
 * too. `done` is false when no ballot of this vote has that receipt.
 */
export async function changeBallot(
  db: Executor,
  input: BallotInput,
): Promise<BallotAnswer | undefined> {
  const [row] = await rowsOf<BallotRow>(
    db,
    sql`with ${proposalAndVote(input)}, changed as (
          update ballots b set choice = ${input.choice}::text
          from vote
          where b.proposal_id = vote.proposal_id and b.receipt_hash = ${input.receiptHash}::text
            and vote.open and vote.may_change
          returning b.id
        ), named as (
          update vote_participation vp set named_choice = ${input.choice}::text
          from vote
          where vp.proposal_id = vote.proposal_id and vp.user_id = ${input.userId}::uuid
            and not vote.secret and exists (select 1 from changed)
          returning vp.user_id
        )
        select proposal.meeting_id, vote.proposal_id is not null as has_vote, vote.open,
          vote.secret, vote.may_change, vote.opened_at, true as eligible,
          exists (select 1 from changed) as done
        from proposal
        left join vote on true`,
  );
  return ballotAnswer(row);
}

/** Who has voted (never how): for the quorum's categories between meetings. */
export async function participantIds(db: Executor, proposalId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: voteParticipation.userId })
    .from(voteParticipation)
    .where(eq(voteParticipation.proposalId, proposalId));
  return rows.map((r) => r.userId);
}

export async function countBallots(db: Executor, proposalId: string) {
  const rows = await db
    .select({ choice: ballots.choice, n: sql<string>`count(*)` })
    .from(ballots)
    .where(eq(ballots.proposalId, proposalId))
    .groupBy(ballots.choice);
  const tally = { yes: 0, no: 0, abstain: 0 };
  for (const r of rows) tally[r.choice] = Number(r.n);
  return tally;
}

export async function votedCounts(db: Executor, proposalIds: readonly string[], userId: string) {
  if (proposalIds.length === 0)
    return { counts: new Map<string, number>(), mine: new Set<string>() };
  const rows = await db
    .select({
      proposalId: voteParticipation.proposalId,
      n: sql<string>`count(*)`,
      mine: sql<boolean>`bool_or(${voteParticipation.userId} = ${userId})`,
    })
    .from(voteParticipation)
    .where(inArray(voteParticipation.proposalId, [...proposalIds]))
    .groupBy(voteParticipation.proposalId);
  return {
    counts: new Map(rows.map((r) => [r.proposalId, Number(r.n)])),
    mine: new Set(rows.filter((r) => r.mine).map((r) => r.proposalId)),
  };
}

export async function eligibleFor(db: Executor, proposalIds: readonly string[], userId: string) {
  if (proposalIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ proposalId: voteEligible.proposalId })
    .from(voteEligible)
    .where(
      and(inArray(voteEligible.proposalId, [...proposalIds]), eq(voteEligible.userId, userId)),
    );
  return new Set(rows.map((r) => r.proposalId));
}

export async function namedBallots(db: Executor, proposalId: string) {
  return db
    .select({ name: users.name, choice: voteParticipation.namedChoice })
    .from(voteParticipation)
    .innerJoin(users, eq(users.id, voteParticipation.userId))
    .where(
      and(eq(voteParticipation.proposalId, proposalId), isNotNull(voteParticipation.namedChoice)),
    )
    .orderBy(asc(users.name));
}

export async function closeVote(
  db: Executor,
  proposalId: string,
  values: { outcome: VoteOutcome; quorumAtClosing: unknown; castingVote: CastingVote | null },
) {
  await db
    .update(votes)
    .set({
      closedAt: new Date(),
      outcome: values.outcome,
      quorumAtClosing: values.quorumAtClosing,
      castingVote: values.castingVote,
    })
    .where(eq(votes.proposalId, proposalId));
}

export async function setVoteOutcome(
  db: Executor,
  proposalId: string,
  outcome: VoteOutcome,
  castingVote: CastingVote | null,
) {
  await db.update(votes).set({ outcome, castingVote }).where(eq(votes.proposalId, proposalId));
}

export async function votesPastClosing(db: Executor, now: Date) {
  return db
    .select({ proposalId: votes.proposalId, groupId: proposals.groupId })
    .from(votes)
    .innerJoin(proposals, eq(proposals.id, votes.proposalId))
    .where(and(isNull(votes.closedAt), lte(votes.closesAt, now)))
    .limit(200);
}

// Decisions

export async function nextDecisionNumber(db: Executor, groupId: string) {
  // Decisions of one group are numbered in order; the proposal lock and the
  // unique (group, number) index keep two records from taking one number.
  await takeLock(db, 'decisionNumbers', groupId);
  const [row] = await db
    .select({ n: sql<number | string | null>`max(${decisions.number})` })
    .from(decisions)
    .where(eq(decisions.groupId, groupId));
  return Number(row?.n ?? 0) + 1;
}

export async function insertDecision(db: Executor, values: typeof decisions.$inferInsert) {
  const [row] = await db.insert(decisions).values(values).returning();
  if (!row) throw new Error('decision insert returned nothing');
  return row;
}

export async function findDecision(db: Executor, groupId: string, decisionId: string) {
  const [row] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.groupId, groupId)));
  return row;
}

export async function listDecisions(db: Executor, groupId: string) {
  return db
    .select()
    .from(decisions)
    .where(eq(decisions.groupId, groupId))
    .orderBy(desc(decisions.number));
}

export async function decisionForProposal(db: Executor, proposalIds: readonly string[]) {
  if (proposalIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: decisions.id, proposalId: decisions.proposalId })
    .from(decisions)
    .where(and(inArray(decisions.proposalId, [...proposalIds]), isNull(decisions.corrects)));
  return new Map(rows.map((r) => [r.proposalId ?? '', r.id]));
}

export async function decisionsAtMeeting(db: Executor, groupId: string, meetingId: string) {
  return db
    .select({
      id: decisions.id,
      number: decisions.number,
      title: decisions.title,
      outcome: decisions.outcome,
    })
    .from(decisions)
    .where(and(eq(decisions.groupId, groupId), eq(decisions.meetingId, meetingId)))
    .orderBy(asc(decisions.number));
}
