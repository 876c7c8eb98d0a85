import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  agendaItems,
  attendance,
  attendanceCorrections,
  groupPeople,
  groups,
  interestDeclarations,
  meetings,
  papers,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type ItemRow = typeof agendaItems.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type PaperInfo = Omit<typeof papers.$inferSelect, 'content'>;

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
  await db.execute(sql`select pg_advisory_xact_lock(7216004, hashtext(${groupId}))`);
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

export async function myIntents(db: Executor, meetingIds: readonly string[], userId: string) {
  if (meetingIds.length === 0) return new Map<string, string | null>();
  const rows = await db
    .select({ meetingId: attendance.meetingId, intent: attendance.intent })
    .from(attendance)
    .where(and(inArray(attendance.meetingId, [...meetingIds]), eq(attendance.userId, userId)));
  return new Map(rows.map((r) => [r.meetingId, r.intent]));
}

// Agenda

export async function listItems(db: Executor, meetingId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
}

export async function findItem(db: Executor, meetingId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  return row;
}

export async function insertItem(db: Executor, row: typeof agendaItems.$inferInsert) {
  const [created] = await db.insert(agendaItems).values(row).returning();
  if (!created) throw new Error('agenda item insert returned nothing');
  return created;
}

export async function updateItem(
  db: Executor,
  itemId: string,
  changes: Partial<typeof agendaItems.$inferInsert>,
) {
  const [row] = await db
    .update(agendaItems)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(agendaItems.id, itemId))
    .returning();
  if (!row) throw new Error(`agenda item ${itemId} vanished inside its transaction`);
  return row;
}

export async function setItemPositions(db: Executor, orderedIds: readonly string[]) {
  for (const [index, itemId] of orderedIds.entries()) {
    await db
      .update(agendaItems)
      .set({ position: index + 1 })
      .where(eq(agendaItems.id, itemId));
  }
}

export async function listDeclarations(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: interestDeclarations.itemId,
      userId: interestDeclarations.userId,
      name: users.name,
      interest: interestDeclarations.interest,
    })
    .from(interestDeclarations)
    .innerJoin(users, eq(users.id, interestDeclarations.userId))
    .where(inArray(interestDeclarations.itemId, [...itemIds]))
    .orderBy(asc(users.name));
}

export async function upsertDeclaration(
  db: Executor,
  itemId: string,
  userId: string,
  interest: string | null,
) {
  await db
    .insert(interestDeclarations)
    .values({ itemId, userId, interest })
    .onConflictDoUpdate({
      target: [interestDeclarations.itemId, interestDeclarations.userId],
      set: { interest, declaredAt: new Date() },
    });
}

// Papers

const paperColumns = {
  id: papers.id,
  meetingId: papers.meetingId,
  itemId: papers.itemId,
  title: papers.title,
  fileName: papers.fileName,
  mediaType: papers.mediaType,
  sizeBytes: papers.sizeBytes,
  sha256: papers.sha256,
  late: papers.late,
  uploadedBy: papers.uploadedBy,
  uploadedAt: papers.uploadedAt,
};

export async function listPapers(db: Executor, meetingId: string) {
  return db
    .select({ ...paperColumns, uploaderName: users.name })
    .from(papers)
    .leftJoin(users, eq(users.id, papers.uploadedBy))
    .where(eq(papers.meetingId, meetingId))
    .orderBy(asc(papers.uploadedAt), asc(papers.id));
}

export async function insertPaper(db: Executor, row: typeof papers.$inferInsert) {
  const [created] = await db.insert(papers).values(row).returning(paperColumns);
  if (!created) throw new Error('paper insert returned nothing');
  return created;
}

export async function findPaperContent(db: Executor, meetingId: string, paperId: string) {
  const [row] = await db
    .select({ ...paperColumns, content: papers.content })
    .from(papers)
    .where(and(eq(papers.id, paperId), eq(papers.meetingId, meetingId)));
  return row;
}

// Attendance

/** Everyone in the group, with their answer and register mark for this meeting. */
export async function register(db: Executor, groupId: string, meetingId: string) {
  return db
    .select({
      userId: groupPeople.userId,
      name: users.name,
      role: groupPeople.role,
      joinedAt: groupPeople.joinedAt,
      intent: attendance.intent,
      apologyReason: attendance.apologyReason,
      mark: attendance.mark,
      checkedInAt: attendance.checkedInAt,
      categories: groupPeople.categories,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .leftJoin(
      attendance,
      and(eq(attendance.meetingId, meetingId), eq(attendance.userId, groupPeople.userId)),
    )
    .where(eq(groupPeople.groupId, groupId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function findAttendance(db: Executor, meetingId: string, userId: string) {
  const [row] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.userId, userId)));
  return row;
}

export async function upsertAttendance(
  db: Executor,
  row: {
    meetingId: string;
    userId: string;
    updatedBy: string;
    intent?: string | null;
    apologyReason?: string | null;
    mark?: string | null;
    checkedInAt?: Date | null;
  },
): Promise<AttendanceRow> {
  const { meetingId, userId, ...changes } = row;
  const [saved] = await db
    .insert(attendance)
    .values({ meetingId, userId, ...changes })
    .onConflictDoUpdate({
      target: [attendance.meetingId, attendance.userId],
      set: { ...changes, updatedAt: new Date() },
    })
    .returning();
  if (!saved) throw new Error('attendance upsert returned nothing');
  return saved;
}

/** The register marks of these meetings, by `${meetingId}:${userId}`. */
export async function marksOf(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return new Map<string, string | null>();
  const rows = await db
    .select({ meetingId: attendance.meetingId, userId: attendance.userId, mark: attendance.mark })
    .from(attendance)
    .where(inArray(attendance.meetingId, [...meetingIds]));
  return new Map(rows.map((r) => [`${r.meetingId}:${r.userId}`, r.mark]));
}

export async function insertAttendanceCorrection(
  db: Executor,
  row: {
    meetingId: string;
    kind: 'register' | 'import';
    reason: string;
    changes: number;
    madeBy: string;
  },
) {
  await db.insert(attendanceCorrections).values(row);
}

/** Attendance changed after the meeting ended, oldest first. */
export async function listAttendanceCorrections(db: Executor, meetingId: string) {
  return db
    .select({
      kind: attendanceCorrections.kind,
      reason: attendanceCorrections.reason,
      changes: attendanceCorrections.changes,
      madeAt: attendanceCorrections.madeAt,
    })
    .from(attendanceCorrections)
    .where(eq(attendanceCorrections.meetingId, meetingId))
    .orderBy(asc(attendanceCorrections.madeAt), asc(attendanceCorrections.id));
}

/** Check in once: a repeated check-in changes nothing and returns the first one. */
export async function checkInOnce(
  db: Executor,
  meetingId: string,
  userId: string,
  mark: string,
  at: Date,
): Promise<AttendanceRow> {
  await db
    .insert(attendance)
    .values({ meetingId, userId, mark, checkedInAt: at, updatedBy: userId })
    .onConflictDoUpdate({
      target: [attendance.meetingId, attendance.userId],
      set: { mark, checkedInAt: at, updatedBy: userId, updatedAt: at },
      setWhere: isNull(attendance.checkedInAt),
    });
  const row = await findAttendance(db, meetingId, userId);
  if (!row) throw new Error('check-in vanished inside its transaction');
  return row;
}

/** The group's meetings by local occurrence date or start date, for importing attendance. */
export async function meetingsOfGroup(db: Executor, groupId: string) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.startsAt));
}

export async function peopleByEmail(db: Executor, groupId: string) {
  const rows = await db
    .select({ userId: users.id, email: users.email })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(eq(groupPeople.groupId, groupId));
  return new Map(rows.map((r) => [r.email, r.userId]));
}

export async function personInGroup(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select({ role: groupPeople.role, name: users.name, joinedAt: groupPeople.joinedAt })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
  return row;
}

// Reminders

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

/** A paper of the group's, with its file, by id alone. */
export async function findPaperFile(db: Executor, groupId: string, paperId: string) {
  const [row] = await db
    .select({ fileName: papers.fileName, mediaType: papers.mediaType, content: papers.content })
    .from(papers)
    .innerJoin(meetings, eq(meetings.id, papers.meetingId))
    .where(and(eq(papers.id, paperId), eq(meetings.groupId, groupId)));
  return row;
}

export async function findPaperById(db: Executor, groupId: string, paperId: string) {
  const [row] = await db
    .select({
      id: papers.id,
      title: papers.title,
      fileName: papers.fileName,
      mediaType: papers.mediaType,
      uploadedAt: papers.uploadedAt,
    })
    .from(papers)
    .innerJoin(meetings, eq(meetings.id, papers.meetingId))
    .where(and(eq(papers.id, paperId), eq(meetings.groupId, groupId)));
  return row;
}
