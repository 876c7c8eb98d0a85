import { sql } from 'drizzle-orm';
import {
  check,
  date,
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
import { TERMS_STATUSES } from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { users } from './accounts.ts';
import { groups } from './groups.ts';
import { meetings } from './meetings.ts';
import { decisions } from './decisions.ts';

/**
 * A group's Terms of Reference, version by version. At most one draft and one
 * version in force per group; an adopted version is never changed again.
 */
export const termsVersions = pgTable(
  'terms_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** 1, 2, 3... once adopted; null while a draft. */
    number: integer('number'),
    status: text('status', { enum: TERMS_STATUSES }).notNull(),
    document: jsonb('document').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedOn: date('adopted_on'),
    adoptedBy: uuid('adopted_by').references(() => users.id, { onDelete: 'set null' }),
    adoptionNote: text('adoption_note'),
    /** The decision that adopted it, when adopted through the group's decision process. */
    decisionId: uuid('decision_id').references((): AnyPgColumn => decisions.id, {
      onDelete: 'restrict',
    }),
    /** Set once the chairs have been emailed that the annual review is near. */
    reviewNoticeSentAt: timestamp('review_notice_sent_at', { withTimezone: true }),
  },
  (t) => [
    check('terms_versions_status', oneOf(t.status, TERMS_STATUSES)),
    check(
      'terms_versions_number_when_adopted',
      sql`(${t.status} = 'draft') = (${t.number} is null and ${t.adoptedOn} is null)`,
    ),
    check('terms_versions_number_positive', sql`${t.number} is null or ${t.number} > 0`),
    uniqueIndex('terms_versions_group_number_key').on(t.groupId, t.number),
    uniqueIndex('terms_versions_one_draft')
      .on(t.groupId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex('terms_versions_one_in_force')
      .on(t.groupId)
      .where(sql`${t.status} = 'in_force'`),
  ],
);

/** Each person records that they accept a version (behaviour agreement included). */
export const termsAcceptances = pgTable(
  'terms_acceptances',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => termsVersions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.userId] })],
);

/**
 * "A reminder of clause N was raised": the group, the meeting if any, the clause
 * and the day. There is deliberately no person column, and no precise time.
 */
export const behaviourReminders = pgTable(
  'behaviour_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    clause: integer('clause').notNull(),
    raisedOn: date('raised_on')
      .notNull()
      .default(sql`current_date`),
  },
  (t) => [
    check('behaviour_reminders_clause', sql`${t.clause} > 0`),
    index('behaviour_reminders_group_idx').on(t.groupId, t.clause),
  ],
);
