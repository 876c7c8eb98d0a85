import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  agendaItems,
  attendance,
  groupPeople,
  groups,
  meetings,
  papers,
  users,
} from '../../db/schema/index.ts';
import { takeLock } from '../../db/locks.ts';
import type { Executor } from '../../deps.ts';

// Meetings themselves, their schedule and reminders, and the group's people as meetings see them.
// The agenda (items, papers, interests) and attendance have repositories of their own.

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;

export async function findMeeting(db: Executor, groupId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)));
  return row;
}

/** Locks the meeting row for the rest of the transaction (changes to one meeting queue up). */
export async function lockMeeting(db: Executor, groupId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.groupId, groupId)))
    .for('update');
  return row;
}

/** Queues up runs of the schedule for one group (two at once would insert the same occurrence). */
export async function lockGroupSchedule(db: Executor, groupId: string): Promise<void> {
  await takeLock(db, 'groupSchedule', groupId);
}

export async function listMeetings(
  db: Executor,
  groupId: string,
  when: 'upcoming' | 'past' | 'all',
  now: Date,
) {
  const filter =
    when === 'upcoming'
      ? gt(meetings.endsAt, now)
      : when === 'past'
        ? lte(meetings.endsAt, now)
        : undefined;
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), filter))
    .orderBy(when === 'past' ? desc(meetings.startsAt) : asc(meetings.startsAt), asc(meetings.id));
}

/** Meetings made from the cadence: those still to start, and any for the given occurrence dates. */
export async function cadenceMeetings(
  db: Executor,
  groupId: string,
  from: Date,
  dates: readonly string[],
) {
  const byDate = dates.length > 0 ? inArray(meetings.occurrenceDate, [...dates]) : undefined;
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.source, 'cadence'),
        byDate ? or(gte(meetings.startsAt, from), byDate) : gte(meetings.startsAt, from),
      ),
    );
}

export async function insertMeetings(db: Executor, rows: NewMeeting[]): Promise<MeetingRow[]> {
  if (rows.length === 0) return [];
  return db.insert(meetings).values(rows).returning();
}

export async function updateMeeting(
  db: Executor,
  meetingId: string,
  changes: Partial<NewMeeting>,
): Promise<MeetingRow> {
  const [row] = await db
    .update(meetings)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(meetings.id, meetingId))
    .returning();
  if (!row) throw new Error(`meeting ${meetingId} vanished inside its transaction`);
  return row;
}

export async function deleteMeetings(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.delete(meetings).where(inArray(meetings.id, [...ids]));
}

/** Which of these meetings have anything attached (agenda, papers, answers): those are not deleted. */
export async function meetingsInUse(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const list = [...ids];
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        inArray(meetings.id, list),
        or(
          sql`exists (select 1 from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id})`,
          sql`exists (select 1 from ${papers} where ${papers.meetingId} = ${meetings.id})`,
          sql`exists (select 1 from ${attendance} where ${attendance.meetingId} = ${meetings.id})`,
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function personInGroup(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select({ role: groupPeople.role, name: users.name, joinedAt: groupPeople.joinedAt })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
  return row;
}

/** Scheduled meetings starting within the window whose reminder of this kind has not gone. */
export async function meetingsDueReminder(
  db: Executor,
  kind: 'week' | 'day',
  from: Date,
  until: Date,
) {
  const sent = kind === 'week' ? meetings.weekReminderSentAt : meetings.dayReminderSentAt;
  return db
    .select({ meeting: meetings, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        isNull(sent),
        gt(meetings.startsAt, from),
        lte(meetings.startsAt, until),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(200);
}

/** Claims a reminder so that only one instance sends it. */
export async function claimReminder(db: Executor, meetingId: string, kind: 'week' | 'day') {
  const sent = kind === 'week' ? meetings.weekReminderSentAt : meetings.dayReminderSentAt;
  const column = kind === 'week' ? 'weekReminderSentAt' : 'dayReminderSentAt';
  const rows = await db
    .update(meetings)
    .set({ [column]: new Date() })
    .where(and(eq(meetings.id, meetingId), isNull(sent)))
    .returning({ id: meetings.id });
  return rows.length === 1;
}

export async function meetingTitles(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(inArray(meetings.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Everyone in the group with their role. */
export async function listPeople(db: Executor, groupId: string) {
  return db
    .select({
      userId: groupPeople.userId,
      name: users.name,
      email: users.email,
      language: users.language,
      role: groupPeople.role,
      joinedAt: groupPeople.joinedAt,
      categories: groupPeople.categories,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(eq(groupPeople.groupId, groupId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function hasFutureCadenceMeetings(db: Executor, groupId: string, now: Date) {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.source, 'cadence'),
        gt(meetings.startsAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function linkedWorkingGroups(db: Executor, parentId: string) {
  return db
    .select()
    .from(groups)
    .where(and(eq(groups.parentId, parentId), sql`${groups.termsKey} is not null`));
}

/** Groups that schedule from their cadence and whose last such meeting is before `before`. */
export async function groupsNeedingTopUp(db: Executor, before: Date) {
  return db
    .select({ group: groups })
    .from(groups)
    .where(
      sql`exists (select 1 from ${meetings} m where m.group_id = ${groups.id} and m.source = 'cadence')
        and (select max(m.starts_at) from ${meetings} m where m.group_id = ${groups.id} and m.source = 'cadence') < ${before}`,
    )
    .limit(500);
}
