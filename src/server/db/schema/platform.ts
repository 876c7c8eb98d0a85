import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { users } from './accounts.ts';
import { groups } from './groups.ts';

/** Mail waits here until a sender (in any instance) claims and delivers it. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** What anyone reading the outbox sees: the body with every link's secret removed. */
    bodyText: text('body_text').notNull(),
    /**
     * The body as it is delivered (links and all), kept only until the mail is
     * sent, logged or given up on; then blanked.
     */
    deliverableText: text('deliverable_text'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('outbox_status', oneOf(t.status, OUTBOX_STATUSES)),
    check('outbox_attempts', sql`${t.attempts} >= 0`),
  ],
);

/** Written explicitly by each service that changes something that matters. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('audit_log_group_idx').on(t.groupId, t.at)],
);
