import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { GROUP_ROLES, JOIN_REQUEST_STATUSES } from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { users } from './accounts.ts';

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => groups.id, { onDelete: 'restrict' }),
    /** For a working group: its key in the parent's Terms of Reference (cadence, remit). */
    termsKey: text('terms_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groups_parent_idx').on(t.parentId),
    check('groups_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('groups_terms_key_needs_parent', sql`${t.termsKey} is null or ${t.parentId} is not null`),
    uniqueIndex('groups_parent_terms_key')
      .on(t.parentId, t.termsKey)
      .where(sql`${t.termsKey} is not null`),
  ],
);

/**
 * Who is in a group and in which role. There is deliberately no "member" flag:
 * membership is derived from attendance under the Terms of Reference in force.
 */
export const groupPeople = pgTable(
  'group_people',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GROUP_ROLES }).notNull().default('participant'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The categories of the Terms of Reference's quorum ("at least 2 carers")
     * this person is counted in, set by a chair. Seen by chairs only.
     */
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_people_user_idx').on(t.userId),
    check('group_people_role', oneOf(t.role, GROUP_ROLES)),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    email: text('email'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_group_idx').on(t.groupId),
  ],
);

/**
 * What a group shows on its public page beyond what it released. A group
 * without a row has the defaults: the page is listed (its name, purpose and how
 * to ask to join), and meeting dates are not shown until a chair says so.
 */
export const groupPublicPages = pgTable('group_public_pages', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => groups.id, { onDelete: 'cascade' }),
  /** Off: the page answers like a group that does not exist, unless something is released to the reader. */
  listed: boolean('listed').notNull().default(true),
  /** On: the dates and times of upcoming meetings are on the public page. */
  showMeetings: boolean('show_meetings').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Someone asking to join a group from its public page. Its chairs accept (the
 * person joins as a participant) or decline. One open request per person and
 * group, held by the database.
 */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: JOIN_REQUEST_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('join_requests_one_open')
      .on(t.groupId, t.userId)
      .where(sql`${t.status} = 'open'`),
    index('join_requests_user_created_idx').on(t.userId, t.createdAt),
    check('join_requests_status', oneOf(t.status, JOIN_REQUEST_STATUSES)),
    check('join_requests_message_length', sql`char_length(${t.message}) <= 1000`),
    check('join_requests_decided', sql`(${t.status} = 'open') = (${t.decidedAt} is null)`),
  ],
);
