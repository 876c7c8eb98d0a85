import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_CORRECTION_KINDS,
  INTENTS,
  ITEM_PLACEMENTS,
  MARKS,
  MEETING_SOURCES,
  MEETING_STATUSES,
} from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { tsvector, weighted } from './search.ts';
import { users } from './accounts.ts';
import { groups } from './groups.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A meeting of a group (or of a working group, whose group has a parent).
 * `status` is what a chair decided: scheduled or cancelled. A scheduled
 * meeting that has started is "held"; membership counts held meetings only.
 * Meetings made from the cadence keep the local date of the occurrence they
 * came from, so regenerating leaves moved and cancelled ones alone.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** 'cadence' (generated) or 'extra' (added by a chair). */
    source: text('source', { enum: MEETING_SOURCES }).notNull(),
    /** For generated meetings: the occurrence's local date in the series. */
    occurrenceDate: date('occurrence_date'),
    timeZone: text('time_zone').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** Set once a chair has moved it: regenerating the schedule leaves it alone. */
    movedReason: text('moved_reason'),
    cancelledReason: text('cancelled_reason'),
    /** iCalendar SEQUENCE: bumped on every change a calendar should see. */
    sequence: integer('sequence').notNull().default(0),
    agendaPublishedAt: at('agenda_published_at'),
    /** Self check-in opens this many minutes before the start and closes as long after the end. */
    checkInMarginMinutes: integer('check_in_margin_minutes').notNull().default(30),
    /**
     * While the meeting is on: the item of its agenda being taken now, which
     * the chair sets. The service keeps it to an item of this meeting's agenda
     * (agenda items are never deleted). No foreign key: agenda items already
     * reference meetings, and backups restore tables parents first.
     */
    currentAgendaItemId: uuid('current_agenda_item_id'),
    weekReminderSentAt: at('week_reminder_sent_at'),
    dayReminderSentAt: at('day_reminder_sent_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('meetings_group_starts_idx').on(t.groupId, t.startsAt),
    index('meetings_reminders_idx').on(t.status, t.startsAt),
    uniqueIndex('meetings_occurrence_key')
      .on(t.groupId, t.occurrenceDate)
      .where(sql`${t.occurrenceDate} is not null`),
    check('meetings_status', oneOf(t.status, MEETING_STATUSES)),
    check('meetings_source', oneOf(t.source, MEETING_SOURCES)),
    check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'meetings_occurrence_when_generated',
      sql`(${t.source} = 'cadence') = (${t.occurrenceDate} is not null)`,
    ),
    check('meetings_margin', sql`${t.checkInMarginMinutes} between 0 and 720`),
    check(
      'meetings_cancel_reason',
      sql`(${t.status} = 'cancelled') = (${t.cancelledReason} is not null)`,
    ),
  ],
);

/**
 * Agenda items. `placement` is 'agenda' or 'outside' (the "outside this
 * meeting" list, with the note of where the item can be taken instead).
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    remitKey: text('remit_key'),
    placement: text('placement', { enum: ITEM_PLACEMENTS }).notNull().default('agenda'),
    /** Where an item outside this meeting can be taken, from the ToR or the chair. */
    takeInstead: text('take_instead'),
    /** Why a chair moved it (out, or back onto the agenda). */
    placementReason: text('placement_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    check('agenda_items_placement', oneOf(t.placement, ITEM_PLACEMENTS)),
  ],
);

/** "Declarations of interest per item when the ToR asks for them." */
export const interestDeclarations = pgTable(
  'interest_declarations',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null: "I have no interest to declare". */
    interest: text('interest'),
    declaredAt: at('declared_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);

/** Meeting papers; the content is kept in the database so every instance serves it. */
export const papers = pgTable(
  'papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Uploaded after the due date the ToR sets (papers.daysBefore). */
    late: boolean('late').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
    /** The title, weighted above the file's name; the file itself is not read. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`${weighted(sql`title`, 'A')} || to_tsvector('english'::regconfig, file_name)`,
      ),
  },
  (t) => [
    index('papers_meeting_idx').on(t.meetingId),
    index('papers_search_idx').using('gin', t.searchVector),
    check('papers_size', sql`${t.sizeBytes} between 1 and 20971520`),
  ],
);

/**
 * One row per person per meeting. `intent` is what they said beforehand
 * (attending or apologies, with a reason only chairs see); `mark` is the
 * register (present in person or online, apologies, absent).
 */
export const attendance = pgTable(
  'attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    intent: text('intent', { enum: INTENTS }),
    apologyReason: text('apology_reason'),
    mark: text('mark', { enum: MARKS }),
    checkedInAt: at('checked_in_at'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index('attendance_user_idx').on(t.userId),
    check('attendance_intent', oneOf(t.intent, INTENTS, { nullable: true })),
    check('attendance_mark', oneOf(t.mark, MARKS, { nullable: true })),
  ],
);

/**
 * Attendance recorded or changed after a meeting ended (a register
 * correction, or an import of earlier attendance): who did it, when, why, and
 * how many marks it changed. The meeting shows every one to the group, since
 * attendance decides who is a member.
 */
export const attendanceCorrections = pgTable(
  'attendance_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** 'register' (one person's mark corrected) or 'import' (from CSV). */
    kind: text('kind', { enum: ATTENDANCE_CORRECTION_KINDS }).notNull(),
    reason: text('reason').notNull(),
    changes: integer('changes').notNull(),
    madeBy: uuid('made_by').references(() => users.id, { onDelete: 'set null' }),
    madeAt: at('made_at').notNull().defaultNow(),
  },
  (t) => [
    index('attendance_corrections_meeting_idx').on(t.meetingId, t.madeAt),
    check('attendance_corrections_kind', oneOf(t.kind, ATTENDANCE_CORRECTION_KINDS)),
    check('attendance_corrections_reason', sql`length(${t.reason}) > 0`),
    check('attendance_corrections_changes', sql`${t.changes} >= 1`),
  ],
);

/** Time people commit to a working group; stepping back ends a commitment, kept as history. */
export const workingGroupCommitments = pgTable(
  'working_group_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    hoursPerMonth: integer('hours_per_month'),
    committedAt: at('committed_at').notNull().defaultNow(),
    steppedBackAt: at('stepped_back_at'),
  },
  (t) => [
    uniqueIndex('working_group_commitments_current')
      .on(t.groupId, t.userId)
      .where(sql`${t.steppedBackAt} is null`),
    check(
      'working_group_commitments_hours',
      sql`${t.hoursPerMonth} is null or ${t.hoursPerMonth} between 1 and 200`,
    ),
  ],
);

/** Secret, revocable calendar feed links: one group's meetings, or all of a person's. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null: every group the person is in. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_user_idx').on(t.userId),
  ],
);

/** Which meeting emails a person wants. No row: the defaults (both reminders). */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  weekBefore: boolean('week_before').notNull().default(true),
  dayBefore: boolean('day_before').notNull().default(true),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
