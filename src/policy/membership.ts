/**
 * "Membership – open to all, but will be considered as someone who has been to
 * more than one meeting": a person's status from their attendance.
 *
 * The rule, exactly:
 * - Only meetings that were held (not cancelled, not merely scheduled) and
 *   that started at or before `asOf` count, in order of start time. Working
 *   group meetings count only if the ToR says `own_and_working_groups`.
 * - Attending means present in person or online.
 * - A participant becomes a member at the start of the counted meeting that
 *   takes their attendance above `memberAfterMoreThan` (with the seed's 1,
 *   at their second meeting).
 * - With a lapse rule, a member lapses at the meeting that makes
 *   `afterConsecutiveAbsences` counted absences in a row. An absence is
 *   `absent`, and `apologies` too if the ToR says apologies count as absence;
 *   otherwise sending apologies ends the run of absences. Attending ends it.
 * - `none` (no record: before the person joined, or a working group they are
 *   not in) is neither attendance nor absence and does not end a run.
 * - Coming back after lapsing: a lapsed person who attends again is a
 *   participant once more and becomes a member again by the same rule, on
 *   attendance counted from their return. Lapsing means the group treats them
 *   as having stepped down ("deemed to have resigned"), so they rejoin as
 *   anyone joins; until they come back they stay `lapsed`.
 */
import type { Terms } from './terms.ts';

export type AttendanceMark =
  'present_in_person' | 'present_online' | 'apologies' | 'absent' | 'none';

export type MeetingAttendance = {
  id: string;
  startsAt: Date;
  groupId: string;
  /** 'group' for the group's own meetings; 'working_group' for its working groups'. */
  kind: 'group' | 'working_group';
  status: 'held' | 'cancelled' | 'scheduled';
  attendance: AttendanceMark;
};

export type MembershipState = 'participant' | 'member' | 'lapsed';

export type MembershipEvent =
  | { kind: 'became_member'; on: Date; meetingId: string; meetingsAttended: number }
  | { kind: 'lapsed'; on: Date; meetingId: string; consecutiveAbsences: number }
  | { kind: 'returned'; on: Date; meetingId: string };

export type MembershipStatus = {
  status: MembershipState;
  /** Counted meetings attended, in all, up to `asOf`. */
  meetingsCounted: number;
  /** When the current membership began (only while a member). */
  becameMemberOn?: Date;
  /** When the person lapsed (only while lapsed). */
  lapsedOn?: Date;
};

type MembershipRules = Pick<Terms, 'membership'>;

export function isAttended(mark: AttendanceMark): boolean {
  return mark === 'present_in_person' || mark === 'present_online';
}

/** The held meetings up to `asOf` that count under the ToR, oldest first. */
export function countedMeetings(
  history: readonly MeetingAttendance[],
  terms: MembershipRules,
  asOf: Date,
): MeetingAttendance[] {
  const workingGroupsCount = terms.membership.meetingsThatCount === 'own_and_working_groups';
  return history
    .filter(
      (m) =>
        m.status === 'held' &&
        m.startsAt.getTime() <= asOf.getTime() &&
        (m.kind === 'group' || workingGroupsCount),
    )
    .sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

type Walk = { status: MembershipStatus; events: MembershipEvent[] };

function walk(history: readonly MeetingAttendance[], terms: MembershipRules, asOf: Date): Walk {
  const { memberAfterMoreThan, lapse } = terms.membership;
  const events: MembershipEvent[] = [];
  let state: MembershipState = 'participant';
  let attended = 0;
  let attendedSinceStart = 0;
  let absences = 0;
  let becameMemberOn: Date | undefined;
  let lapsedOn: Date | undefined;

  for (const meeting of countedMeetings(history, terms, asOf)) {
    const mark = meeting.attendance;
    if (isAttended(mark)) {
      attended++;
      absences = 0;
      if (state === 'lapsed') {
        state = 'participant';
        attendedSinceStart = 0;
        lapsedOn = undefined;
        events.push({ kind: 'returned', on: meeting.startsAt, meetingId: meeting.id });
      }
      attendedSinceStart++;
      if (state === 'participant' && attendedSinceStart > memberAfterMoreThan) {
        state = 'member';
        becameMemberOn = meeting.startsAt;
        events.push({
          kind: 'became_member',
          on: meeting.startsAt,
          meetingId: meeting.id,
          meetingsAttended: attended,
        });
      }
    } else if (mark === 'absent' || (mark === 'apologies' && lapse?.apologiesCountAsAbsence)) {
      absences++;
      if (state === 'member' && lapse && absences >= lapse.afterConsecutiveAbsences) {
        state = 'lapsed';
        lapsedOn = meeting.startsAt;
        becameMemberOn = undefined;
        events.push({
          kind: 'lapsed',
          on: meeting.startsAt,
          meetingId: meeting.id,
          consecutiveAbsences: absences,
        });
      }
    } else if (mark === 'apologies') {
      absences = 0;
    }
  }

  const status: MembershipStatus = { status: state, meetingsCounted: attended };
  if (state === 'member' && becameMemberOn) status.becameMemberOn = becameMemberOn;
  if (state === 'lapsed' && lapsedOn) status.lapsedOn = lapsedOn;
  return { status, events };
}

/** A person's membership status as of `asOf`, from their attendance and the ToR. */
export function membershipStatus(
  history: readonly MeetingAttendance[],
  terms: MembershipRules,
  asOf: Date,
): MembershipStatus {
  return walk(history, terms, asOf).status;
}

/**
 * Each change of status up to `asOf`, oldest first: "became a member on DATE
 * after their Nth meeting", "lapsed", "came back". (Joining the group is a
 * fact about the group, not about attendance, so the caller adds it.)
 */
export function membershipTimeline(
  history: readonly MeetingAttendance[],
  terms: MembershipRules,
  asOf: Date,
): MembershipEvent[] {
  return walk(history, terms, asOf).events;
}
