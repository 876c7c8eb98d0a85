import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Domain, INTENTS, MARKS } from '../../../contracts/domains.ts';
import {
  attendance,
  attendanceCorrections,
  groupPeople,
  meetings,
  users,
} from '../../db/schema/index.ts';
import { rowsOf, type Executor } from '../../deps.ts';

// Attendance at meetings: people's answers (attending, apologies), check-ins, the register and its
// corrections after the meeting.

export type AttendanceRow = typeof attendance.$inferSelect;

export async function myIntents(db: Executor, meetingIds: readonly string[], userId: string) {
  if (meetingIds.length === 0) return new Map<string, string | null>();
  const rows = await db
    .select({ meetingId: attendance.meetingId, intent: attendance.intent })
    .from(attendance)
    .where(and(inArray(attendance.meetingId, [...meetingIds]), eq(attendance.userId, userId)));
  return new Map(rows.map((r) => [r.meetingId, r.intent]));
}

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
    intent?: Domain<typeof INTENTS> | null;
    apologyReason?: string | null;
    mark?: Domain<typeof MARKS> | null;
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

/**
 * Register marks for many people and meetings in one statement (an import, a
 * whole register): each row's mark replaces the one there, and its intent and
 * apology reason replace theirs where given (kept where null), as
 * `upsertAttendance` keeps what it is not given. The rows go as arrays, so any
 * number fits in one statement; where a person and meeting come twice, the
 * later row is the one written, as it would be row by row. Returns how many
 * rows were written.
 */
export async function upsertMarks(
  db: Executor,
  updatedBy: string,
  rows: readonly {
    meetingId: string;
    userId: string;
    mark: Domain<typeof MARKS>;
    intent?: Domain<typeof INTENTS> | null;
    apologyReason?: string | null;
  }[],
): Promise<number> {
  const last = new Map(rows.map((r) => [`${r.meetingId}:${r.userId}`, r]));
  if (last.size === 0) return 0;
  const kept = [...last.values()];
  const [row] = await rowsOf<{ written: number }>(
    db,
    sql`with written as (
          insert into attendance (meeting_id, user_id, mark, intent, apology_reason, updated_by)
          select r.meeting_id, r.user_id, r.mark, r.intent, r.apology_reason, ${updatedBy}::uuid
          from unnest(
            ${sql.param(kept.map((r) => r.meetingId))}::uuid[],
            ${sql.param(kept.map((r) => r.userId))}::uuid[],
            ${sql.param(kept.map((r) => r.mark))}::text[],
            ${sql.param(kept.map((r) => r.intent ?? null))}::text[],
            ${sql.param(kept.map((r) => r.apologyReason ?? null))}::text[]
          ) as r(meeting_id, user_id, mark, intent, apology_reason)
          on conflict (meeting_id, user_id) do update set
            mark = excluded.mark,
            intent = coalesce(excluded.intent, attendance.intent),
            apology_reason = coalesce(excluded.apology_reason, attendance.apology_reason),
            updated_by = excluded.updated_by,
            updated_at = now()
          returning 1
        )
        select count(*)::int as written from written`,
  );
  return Number(row?.written ?? 0);
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
  mark: Domain<typeof MARKS>,
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
