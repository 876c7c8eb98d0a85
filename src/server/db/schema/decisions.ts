import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  BALLOT_CHOICES,
  CASTING_VOTES,
  CONSENSUS_ANSWERS,
  CONSENSUS_OUTCOMES,
  CONSENSUS_SCOPES,
  DECISION_METHODS,
  DECISION_OUTCOMES,
  PROPOSAL_STAGES,
  VOTE_OUTCOMES,
} from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { tsvector, weighted } from './search.ts';
import { users } from './accounts.ts';
import { groups } from './groups.ts';
import { agendaItems, meetings } from './meetings.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A proposal: raised in a meeting or between meetings, editable until its consensus check opens. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    itemId: uuid('item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    remitKey: text('remit_key'),
    /** draft -> consensus -> (decided | voting -> decided) ; or withdrawn. */
    stage: text('stage', { enum: PROPOSAL_STAGES }).notNull().default('draft'),
    /** Between meetings: when answers and ballots close. */
    closesAt: at('closes_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('proposals_group_idx').on(t.groupId, t.createdAt),
    check('proposals_stage', oneOf(t.stage, PROPOSAL_STAGES)),
  ],
);

/** The consensus check of a proposal: one per proposal. */
export const consensusChecks = pgTable(
  'consensus_checks',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    /** 'meeting': those present answer; 'group': everyone in the group. */
    scope: text('scope', { enum: CONSENSUS_SCOPES }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: at('opened_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
    outcome: text('outcome', { enum: CONSENSUS_OUTCOMES }),
  },
  (t) => [
    check('consensus_checks_scope', oneOf(t.scope, CONSENSUS_SCOPES)),
    check('consensus_checks_outcome', oneOf(t.outcome, CONSENSUS_OUTCOMES, { nullable: true })),
  ],
);

/** Who has answered a consensus check: a person, and nothing about the answer. */
export const consensusParticipation = pgTable(
  'consensus_participation',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => consensusChecks.proposalId, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/**
 * What was answered: no person, no time. Rows are keyed by a random id, so
 * nothing (order, time, key) ties an answer to the participation row written
 * in the same transaction.
 */
export const consensusAnswers = pgTable(
  'consensus_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => consensusChecks.proposalId, { onDelete: 'cascade' }),
    answer: text('answer', { enum: CONSENSUS_ANSWERS }).notNull(),
    reason: text('reason'),
  },
  (t) => [
    index('consensus_answers_proposal_idx').on(t.proposalId),
    check('consensus_answers_answer', oneOf(t.answer, CONSENSUS_ANSWERS)),
  ],
);

/** A formal test (vote) of a proposal: one per proposal; the voter list is fixed when it opens. */
export const votes = pgTable(
  'votes',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    calledBy: uuid('called_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: at('opened_at').notNull().defaultNow(),
    closesAt: at('closes_at'),
    closedAt: at('closed_at'),
    secret: boolean('secret').notNull(),
    mayChange: boolean('may_change').notNull(),
    eligibleCount: integer('eligible_count').notNull(),
    /** Quorum as shown at opening, and as checked at closing. */
    quorumAtOpening: jsonb('quorum_at_opening').notNull(),
    quorumAtClosing: jsonb('quorum_at_closing'),
    outcome: text('outcome', { enum: VOTE_OUTCOMES }),
    /** The chair's casting vote, where it decided a tie: 'yes' or 'no'. */
    castingVote: text('casting_vote', { enum: CASTING_VOTES }),
  },
  (t) => [
    index('votes_open_idx')
      .on(t.closesAt)
      .where(sql`${t.closedAt} is null`),
    check('votes_eligible_count', sql`${t.eligibleCount} >= 0`),
    check('votes_outcome', oneOf(t.outcome, VOTE_OUTCOMES, { nullable: true })),
    check('votes_casting_vote', oneOf(t.castingVote, CASTING_VOTES, { nullable: true })),
  ],
);

/** The voter list, fixed when the vote opens. */
export const voteEligible = pgTable(
  'vote_eligible',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => votes.proposalId, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/**
 * Who has voted: one row per eligible person, enforced by the primary key
 * and by the foreign key to the voter list. The choice is kept here only for
 * named votes.
 */
export const voteParticipation = pgTable(
  'vote_participation',
  {
    proposalId: uuid('proposal_id').notNull(),
    userId: uuid('user_id').notNull(),
    namedChoice: text('named_choice', { enum: BALLOT_CHOICES }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.userId] }),
    foreignKey({
      columns: [t.proposalId, t.userId],
      foreignColumns: [voteEligible.proposalId, voteEligible.userId],
      name: 'vote_participation_eligible_fk',
    }).onDelete('cascade'),
    check('vote_participation_choice', oneOf(t.namedChoice, BALLOT_CHOICES, { nullable: true })),
  ],
);

/**
 * Ballots: the choice, and no person and no time. Where the ToR lets people
 * change their ballot before the close, the voter keeps a receipt and the
 * ballot keeps only the receipt's hash.
 */
export const ballots = pgTable(
  'ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => votes.proposalId, { onDelete: 'cascade' }),
    choice: text('choice', { enum: BALLOT_CHOICES }).notNull(),
    receiptHash: text('receipt_hash'),
  },
  (t) => [
    index('ballots_proposal_idx').on(t.proposalId),
    uniqueIndex('ballots_receipt_key')
      .on(t.receiptHash)
      .where(sql`${t.receiptHash} is not null`),
    check('ballots_choice', oneOf(t.choice, BALLOT_CHOICES)),
  ],
);

/**
 * The decision register. A record never changes (a trigger refuses updates
 * and deletes); a correction is a new record that names the one it corrects.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    finalText: text('final_text').notNull(),
    /**
     * 'agreed' (by consensus or a carried vote), 'not_agreed', or 'tied': a
     * formal vote evenly split, with no casting vote to decide it.
     */
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    /** A tied vote decided by the chair's casting vote: 'for' or 'against'. */
    castingVote: text('casting_vote'),
    /** How: 'consensus' or 'vote'. */
    method: text('method', { enum: DECISION_METHODS }).notNull(),
    summary: text('summary').notNull(),
    consensus: jsonb('consensus'),
    tally: jsonb('tally'),
    opinions: jsonb('opinions').notNull(),
    decidedOn: date('decided_on').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    corrects: uuid('corrects').references((): AnyPgColumn => decisions.id, {
      onDelete: 'restrict',
    }),
    correctionReason: text('correction_reason'),
    /** The title, weighted above the final text and the summary. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`${weighted(sql`title`, 'A')} || to_tsvector('english'::regconfig, final_text || ' ' || summary)`,
      ),
  },
  (t) => [
    uniqueIndex('decisions_group_number_key').on(t.groupId, t.number),
    index('decisions_search_idx').using('gin', t.searchVector),
    uniqueIndex('decisions_one_per_proposal')
      .on(t.proposalId)
      .where(sql`${t.proposalId} is not null and ${t.corrects} is null`),
    check('decisions_outcome', oneOf(t.outcome, DECISION_OUTCOMES)),
    check(
      'decisions_casting_vote',
      sql`${t.castingVote} is null or (${t.castingVote} = 'for' and ${t.outcome} = 'agreed') or (${t.castingVote} = 'against' and ${t.outcome} = 'not_agreed')`,
    ),
    check('decisions_method', oneOf(t.method, DECISION_METHODS)),
    check(
      'decisions_correction_reason',
      sql`(${t.corrects} is null) = (${t.correctionReason} is null)`,
    ),
  ],
);
