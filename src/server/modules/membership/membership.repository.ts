import { and, eq, sql } from 'drizzle-orm';
import type {
  AttendanceMark,
  Membership,
  MeetingAttendance,
  MembershipState,
} from '../../../policy/index.ts';
import { groupPeople } from '../../db/schema/index.ts';
import { rowsOf, type Executor, type Reader } from '../../deps.ts';

export type MembershipRow = {
  userId: string;
  status: MembershipState;
  meetingsCounted: number;
  becameMemberOn: Date | null;
  lapsedOn: Date | null;
};

/** Timestamps come back as Dates from the raw engines and as text through Drizzle. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/**
 * Everyone's membership status in a group as of `asOf` (or one person's), by
 * the group's rule: one call to accord_membership_cached (migration 0020),
 * which reads the group's kept result when nothing that counts has changed
 * since, else works it out with accord_membership (migrations 0016 and 0018), a
 * set-based query over the same history as `personHistory` that comes to what
 * `membershipStatus` does, planned afresh for each call's arguments, and keeps
 * it. Ordered by user id; only people in the group have a row.
 */
export async function listMembershipStatuses(
  db: Reader,
  groupId: string,
  rule: Membership,
  asOf: Date,
  userId?: string,
): Promise<MembershipRow[]> {
  type Row = {
    user_id: string;
    status: MembershipState;
    meetings_counted: number;
    became_member_on: Date | string | null;
    lapsed_on: Date | string | null;
  };
  const rows = await rowsOf<Row>(
    db,
    sql`select user_id, status, meetings_counted, became_member_on, lapsed_on
        from accord_membership_cached(
          ${groupId}::uuid,
          ${asOf.toISOString()}::timestamptz,
          ${rule.memberAfterMoreThan}::int,
          ${rule.meetingsThatCount === 'own_and_working_groups'}::boolean,
          ${rule.lapse?.afterConsecutiveAbsences ?? null}::int,
          ${rule.lapse?.apologiesCountAsAbsence ?? false}::boolean,
          ${userId ?? null}::uuid)
        order by user_id`,
  );
  return rows.map((row) => ({
    userId: row.user_id,
    status: row.status,
    meetingsCounted: Number(row.meetings_counted),
    becameMemberOn: toDateOrNull(row.became_member_on),
    lapsedOn: toDateOrNull(row.lapsed_on),
  }));
}

/**
 * One person's counted meetings in a group up to `asOf`, with their mark at
 * each, for the pure functions (membershipTimeline): the group's meetings, and
 * its working groups' when the rule counts them, not cancelled and started by
 * `asOf`, oldest first. The mark is the register's; else 'apologies' if they
 * sent them; else 'absent' if they were in that meeting's group by its start;
 * else 'none'. The same history accord_membership reads. `inferred` says the
 * mark is not in the register, and `running` that the meeting has not ended
 * by `asOf`: someone not checked in yet is not yet absent.
 */
export async function personHistory(
  db: Reader,
  groupId: string,
  userId: string,
  rule: Membership,
  asOf: Date,
): Promise<(MeetingAttendance & { inferred: boolean; running: boolean })[]> {
  type Row = {
    id: string;
    group_id: string;
    own: boolean;
    starts_at: Date | string;
    mark: AttendanceMark;
    inferred: boolean;
    running: boolean;
  };
  const withWorkingGroups = rule.meetingsThatCount === 'own_and_working_groups';
  const rows = await rowsOf<Row>(
    db,
    sql`select m.id, m.group_id, m.group_id = ${groupId}::uuid as own, m.starts_at,
          case
            when a.mark is not null then a.mark
            when a.intent = 'apologies' then 'apologies'
            when e.user_id is not null then 'absent'
            else 'none'
          end as mark,
          a.mark is null as inferred,
          m.ends_at > ${asOf.toISOString()}::timestamptz as running
        from meetings m
        left join attendance a on a.meeting_id = m.id and a.user_id = ${userId}::uuid
        left join group_people e
          on e.group_id = m.group_id and e.user_id = ${userId}::uuid and e.joined_at <= m.starts_at
        where m.status = 'scheduled'
          and m.starts_at <= ${asOf.toISOString()}::timestamptz
          and (m.group_id = ${groupId}::uuid
               or (${withWorkingGroups}::boolean
                   and m.group_id in (select w.id from groups w where w.parent_id = ${groupId}::uuid)))
        order by m.starts_at, m.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    startsAt: toDate(row.starts_at),
    groupId: row.group_id,
    kind: row.own ? 'group' : 'working_group',
    status: 'held',
    attendance: row.mark,
    inferred: Boolean(row.inferred),
    running: Boolean(row.running),
  }));
}

export async function setCategories(
  db: Executor,
  groupId: string,
  userId: string,
  categories: string[],
): Promise<void> {
  await db
    .update(groupPeople)
    .set({ categories })
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
}
