import { sql } from 'drizzle-orm';
import {
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
    role: text('role').notNull().default('participant'),
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
    check(
      'group_people_role',
      sql`${t.role} in ('participant', 'note_taker', 'chair', 'observer')`,
    ),
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
