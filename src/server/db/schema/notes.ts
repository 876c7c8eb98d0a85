import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ACTION_STATUSES,
  AUDIENCES,
  ITEM_TYPES,
  NOTES_STATUSES,
} from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { tsvector, weighted } from './search.ts';
import { users } from './accounts.ts';
import { decisions } from './decisions.ts';
import { groups } from './groups.ts';
import { agendaItems, meetings } from './meetings.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A meeting's notes, version by version: draft (note-takers) -> circulated
 * (the group comments) -> approved at a later meeting, which locks it. A
 * correction is a new version with its reason.
 */
export const meetingNotes = pgTable(
  'meeting_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: NOTES_STATUSES }).notNull().default('draft'),
    /** { summary, items: [{ itemId, discussion }] } in Markdown. */
    content: jsonb('content').notNull(),
    /** Spans marked "not a view" (an action owner, say), with who marked them. */
    notViews: jsonb('not_views').notNull().default([]),
    correctionReason: text('correction_reason'),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: at('updated_at').notNull().defaultNow(),
    circulatedAt: at('circulated_at'),
    approvedAt: at('approved_at'),
    approvedAtMeeting: uuid('approved_at_meeting').references(() => meetings.id, {
      onDelete: 'set null',
    }),
    /**
     * The summary and every item's discussion. The text is inside jsonb, and a
     * generated column still serves: `to_tsvector(regconfig, jsonb)` and
     * `jsonb_path_query_array` are built-in and immutable, so no function of
     * our own (to keep in step) and no trigger (to forget on some write) is
     * needed, and every write path keeps it current.
     */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`${weighted(sql`coalesce(content->>'summary', '')`, 'B')} || to_tsvector('english'::regconfig, jsonb_path_query_array(content, '$.items[*].discussion'))`,
      ),
  },
  (t) => [
    uniqueIndex('meeting_notes_version_key').on(t.meetingId, t.version),
    index('meeting_notes_search_idx').using('gin', t.searchVector),
    uniqueIndex('meeting_notes_one_open')
      .on(t.meetingId)
      .where(sql`${t.status} <> 'approved'`),
    check('meeting_notes_status', oneOf(t.status, NOTES_STATUSES)),
    check('meeting_notes_correction', sql`(${t.version} = 1) = (${t.correctionReason} is null)`),
  ],
);

export const noteComments = pgTable(
  'note_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notesId: uuid('notes_id')
      .notNull()
      .references(() => meetingNotes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('note_comments_notes_idx').on(t.notesId, t.createdAt)],
);

/** Actions: an owner who is a person, a due date, a status. */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    itemId: uuid('item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    overdueRemindedOn: date('overdue_reminded_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('actions_group_idx').on(t.groupId, t.dueOn),
    index('actions_owner_idx').on(t.ownerId, t.status),
    check('actions_status', oneOf(t.status, ACTION_STATUSES)),
  ],
);

/**
 * "What went well, what we learned, what we will change": deliberately with
 * no person field, so that learning is never blame.
 */
export const learningEntries = pgTable(
  'learning_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    whatHappened: text('what_happened').notNull(),
    whatWeLearned: text('what_we_learned').notNull(),
    whatWeWillChange: text('what_we_will_change').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recordedOn: date('recorded_on')
      .notNull()
      .default(sql`current_date`),
    /**
     * The three answers, and the tags weighted above them. `array_to_string`
     * is not immutable, so the tags reach the english parser (to be stemmed
     * like the text) through `array_to_tsvector(tags)::text`, which is.
     */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('english'::regconfig, what_happened || ' ' || what_we_learned || ' ' || what_we_will_change) || ${weighted(sql`array_to_tsvector(tags)::text`, 'B')}`,
      ),
  },
  (t) => [
    index('learning_entries_group_idx').on(t.groupId, t.recordedOn),
    index('learning_entries_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Suggestions: on the "to consider" list until the group records how it was
 * considered. None disappears: there is no delete. No person field: a
 * suggestion speaks for itself.
 */
export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    madeOn: date('made_on')
      .notNull()
      .default(sql`current_date`),
    consideredAtMeeting: uuid('considered_at_meeting').references(() => meetings.id, {
      onDelete: 'set null',
    }),
    consideredOn: date('considered_on'),
    outcome: text('outcome'),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    /** The suggestion and, once considered, its outcome. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('english'::regconfig, text || ' ' || coalesce(outcome, ''))`,
      ),
  },
  (t) => [
    index('suggestions_group_idx').on(t.groupId, t.madeOn),
    index('suggestions_search_idx').using('gin', t.searchVector),
    check('suggestions_considered', sql`(${t.outcome} is null) = (${t.consideredOn} is null)`),
  ],
);

/**
 * Releases: an item leaves the group (to its public page, or to named linked
 * groups) only through a recorded decision, or where the ToR allows, a
 * chair's record of the group's agreement at a named meeting. Withdrawing is
 * by the same route; both are kept.
 */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    itemType: text('item_type', { enum: ITEM_TYPES }).notNull(),
    itemId: uuid('item_id').notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    /** For audience 'groups': the linked groups that may read it. */
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'restrict' }),
    agreedAtMeeting: uuid('agreed_at_meeting').references(() => meetings.id, {
      onDelete: 'restrict',
    }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    releasedAt: at('released_at').notNull().defaultNow(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawDecisionId: uuid('withdraw_decision_id').references(() => decisions.id, {
      onDelete: 'restrict',
    }),
    withdrawAgreedAtMeeting: uuid('withdraw_agreed_at_meeting').references(() => meetings.id, {
      onDelete: 'restrict',
    }),
  },
  (t) => [
    index('releases_group_idx').on(t.groupId),
    uniqueIndex('releases_one_current')
      .on(t.itemType, t.itemId, t.audience)
      .where(sql`${t.withdrawnAt} is null`),
    check('releases_item_type', oneOf(t.itemType, ITEM_TYPES)),
    check('releases_audience', oneOf(t.audience, AUDIENCES)),
    check(
      'releases_authority',
      sql`(${t.decisionId} is not null) <> (${t.agreedAtMeeting} is not null)`,
    ),
  ],
);
