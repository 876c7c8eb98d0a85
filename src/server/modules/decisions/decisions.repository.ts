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
import type { Executor } from '../../deps.ts';

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

export async function insertVote(
  db: Executor,
  values: typeof votes.$inferInsert,
  eligible: readonly string[],
) {
  await db.insert(votes).values(values);
  for (let i = 0; i < eligible.length; i += 1000) {
    const chunk = eligible.slice(i, i + 1000);
    await db
      .insert(voteEligible)
      .values(chunk.map((userId) => ({ proposalId: values.proposalId, userId })));
  }
}

export async function isEligible(db: Executor, proposalId: string, userId: string) {
  const [row] = await db
    .select({ userId: voteEligible.userId })
    .from(voteEligible)
    .where(and(eq(voteEligible.proposalId, proposalId), eq(voteEligible.userId, userId)));
  return row !== undefined;
}

export async function hasVoted(db: Executor, proposalId: string, userId: string) {
  const [row] = await db
    .select({ userId: voteParticipation.userId })
    .from(voteParticipation)
    .where(and(eq(voteParticipation.proposalId, proposalId), eq(voteParticipation.userId, userId)));
  return row !== undefined;
}

/** One ballot per eligible person: false when this person has already voted. */
export async function markVoted(
  db: Executor,
  proposalId: string,
  userId: string,
  namedChoice: Choice | null,
) {
  const rows = await db
    .insert(voteParticipation)
    .values({ proposalId, userId, namedChoice })
    .onConflictDoNothing()
    .returning({ userId: voteParticipation.userId });
  return rows.length === 1;
}

export async function insertBallot(
  db: Executor,
  proposalId: string,
  choice: Choice,
  receiptHash: string | null,
) {
  await db.insert(ballots).values({ proposalId, choice, receiptHash });
}

/** Changes a ballot by its receipt; false if no ballot has that receipt. */
export async function changeBallot(
  db: Executor,
  proposalId: string,
  receiptHash: string,
  choice: Choice,
) {
  const rows = await db
    .update(ballots)
    .set({ choice })
    .where(and(eq(ballots.proposalId, proposalId), eq(ballots.receiptHash, receiptHash)))
    .returning({ id: ballots.id });
  return rows.length === 1;
}

export async function setNamedChoice(
  db: Executor,
  proposalId: string,
  userId: string,
  choice: Choice,
) {
  await db
    .update(voteParticipation)
    .set({ namedChoice: choice })
    .where(and(eq(voteParticipation.proposalId, proposalId), eq(voteParticipation.userId, userId)));
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
