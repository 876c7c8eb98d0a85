/**
 * Attendance: answers beforehand (attending, or apologies with a reason only
 * chairs see), self check-in during the meeting window, the register kept by
 * chairs and note-takers (every change audited), and importing earlier
 * attendance from CSV, all or nothing. Membership is derived from this.
 */
import type { UseCaseScope } from '../../deps.ts';
import { timingSafeEqual } from 'node:crypto';
import { encode } from 'uqr';
import { calendarDateIn, checkInWindow, phaseOf, timeOfDayIn } from '../../../policy/index.ts';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  type FieldErrors,
  type Localised,
  NOT_FOUND,
  say,
} from '../../errors.ts';
import { formatCalendarDate } from '../../../i18n/dates.ts';
import { m } from './meetings.messages.ts';
import { fieldWords } from '../../field-words.ts';
import { readAttendanceCsv } from '../attendance/import.ts';
import { membershipSnapshot, tellMembershipChanges } from '../attendance/membership-changes.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { rolesOf, shows } from '../../access.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import * as repo from './repositories.ts';
import { checkInCode } from './meetings.service.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  attendeeParams,
  checkInBody,
  importAttendanceBody,
  meetingParams,
  recordAttendanceBody,
  rsvpBody,
} from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

type Mark = 'present_in_person' | 'present_online' | 'apologies' | 'absent';

/** A moment where the meeting is, for a message: its time of day, and its date in the reader's words. */
function when(instant: Date, timeZone: string): { time: string; day: Localised } {
  return {
    time: timeOfDayIn(timeZone, instant),
    day: (locale) => formatCalendarDate(calendarDateIn(timeZone, instant), locale),
  };
}

export async function rsvp(
  {
    groupId,
    meetingId,
    ...input
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof rsvpBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'attendance.respond');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    const phase = phaseOf(meeting);
    if (phase === 'cancelled') throw conflict(m.cancelled);
    if (phase === 'past') throw conflict(m.ended);
    const reason = input.response === 'apologies' ? input.reason || null : null;
    await repo.upsertAttendance(tx, {
      meetingId,
      userId: access.actor.userId,
      updatedBy: access.actor.userId,
      intent: input.response,
      apologyReason: reason,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'attendance.responded',
      subjectType: 'meeting',
      subjectId: meetingId,
      detail: { response: input.response, withReason: reason !== null },
    });
    return { response: input.response };
  });
  await deps.events.publish({ type: 'checkin', groupId, meetingId });
  return result;
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function checkIn(
  {
    groupId,
    meetingId,
    ...input
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof checkInBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'attendance.respond');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    if (!sameCode(input.code, checkInCode(deps, meeting.id))) throw forbidden(m.wrongCheckInLink);
    if (meeting.status === 'cancelled') throw conflict(m.cancelled);
    const now = new Date();
    const { opensAt, closesAt } = checkInWindow(meeting);
    if (now < opensAt)
      throw conflict(say(m.checkInNotOpen, when(opensAt, meeting.timeZone)), {
        code: m.checkInNotOpenField,
      });
    if (now > closesAt)
      throw conflict(say(m.checkInClosed, when(closesAt, meeting.timeZone)), {
        code: m.checkInClosedField,
      });
    const mark: Mark = input.mode === 'online' ? 'present_online' : 'present_in_person';
    const before = await repo.findAttendance(tx, meetingId, access.actor.userId);
    const row = await repo.checkInOnce(tx, meetingId, access.actor.userId, mark, now);
    if (!before?.checkedInAt) {
      await writeAudit(tx, {
        actorId: access.actor.userId,
        groupId,
        action: 'attendance.checked_in',
        subjectType: 'meeting',
        subjectId: meetingId,
        detail: {
          userId: access.actor.userId,
          mark,
          from: (before?.mark as Mark | null | undefined) ?? null,
        },
      });
    }
    return {
      mark: row.mark as Mark,
      checkedInAt: (row.checkedInAt ?? now).toISOString(),
      meeting: { id: meeting.id, title: meeting.title },
    };
  });
  await deps.events.publish({ type: 'checkin', groupId, meetingId });
  return result;
}

export async function getCheckInLink(
  { groupId, meetingId }: UseCaseInput<{ params: typeof meetingParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'attendance.checkInLink');
  const meeting = await repo.findMeeting(deps.db, groupId, meetingId);
  if (!meeting) throw notFound(NOT_FOUND.meeting);
  const code = checkInCode(deps, meeting.id);
  const link = `${deps.config.baseUrl}/groups/${groupId}/meetings/${meetingId}/check-in?code=${code}`;
  const qr = encode(link, { ecc: 'M', border: 2 });
  const { opensAt, closesAt } = checkInWindow(meeting);
  return {
    link,
    code,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    qr: qr.data.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')),
  };
}

/**
 * A chair or note-taker records or corrects one person's mark. During the
 * meeting this is the register; once the meeting has ended it is a
 * correction, which needs a reason, stays on the meeting for the group to
 * see, and tells the person if it changes their membership.
 */
export async function recordAttendance(
  {
    groupId,
    meetingId,
    userId,
    ...input
  }: UseCaseInput<{ params: typeof attendeeParams; body: typeof recordAttendanceBody }>,
  { deps, actor }: UseCaseScope,
) {
  const { mark } = input;
  let told = 0;
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'attendance.record');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    if (meeting.status === 'cancelled') throw conflict(m.noRegister);
    const phase = phaseOf(meeting);
    if (phase === 'upcoming')
      throw conflict(
        say(m.registerNotOpen, when(checkInWindow(meeting).opensAt, meeting.timeZone)),
      );
    const person = await repo.personInGroup(tx, groupId, userId);
    if (!person) throw invalid({ userId: m.notInGroupField }, m.notInGroup);
    const after = phase === 'past';
    if (after && !input.reason)
      throw invalid({ reason: m.whyRegisterChanged }, m.registerNeedsReason);
    const before = await repo.findAttendance(tx, meetingId, userId);
    const changed = (before?.mark ?? null) !== mark;
    const membershipBefore = after && changed ? await membershipSnapshot(tx, access.group) : null;
    const row = await repo.upsertAttendance(tx, {
      meetingId,
      userId,
      updatedBy: access.actor.userId,
      mark,
    });
    if (changed) {
      const reason = after ? (input.reason ?? null) : null;
      if (reason) {
        await repo.insertAttendanceCorrection(tx, {
          meetingId,
          kind: 'register',
          reason,
          changes: 1,
          madeBy: access.actor.userId,
        });
      }
      await writeAudit(tx, {
        actorId: access.actor.userId,
        groupId,
        action: after ? 'attendance.corrected' : 'attendance.recorded',
        subjectType: 'meeting',
        subjectId: meetingId,
        detail: {
          userId,
          from: (before?.mark as Mark | null | undefined) ?? null,
          to: mark,
          reason,
        },
      });
      if (membershipBefore && reason) {
        told = await tellMembershipChanges(deps, tx, {
          group: access.group,
          before: membershipBefore,
          what: {
            kind: 'corrected',
            meetingTitle: meeting.title,
            startsAt: meeting.startsAt,
            timeZone: meeting.timeZone,
            from: (before?.mark as Mark | undefined) ?? null,
            to: mark,
          },
          reason,
          page: `/groups/${groupId}/meetings/${meetingId}`,
        });
      }
    }
    return {
      userId,
      name: person.name,
      role: person.role,
      intent: (row.intent as 'attending' | 'apologies' | null) ?? null,
      apologyReason: shows(rolesOf(access.actor, access.role), 'attendance.apologyReasons')
        ? row.apologyReason
        : null,
      mark,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
    };
  });
  if (told > 0) deps.kickMail();
  await deps.events.publish({ type: 'checkin', groupId, meetingId });
  return result;
}

/**
 * Earlier attendance from a spreadsheet: one row per person per meeting, the
 * meeting named by its date where the group meets. Every bad row is listed
 * with its line and problem, and then nothing is saved.
 */
export async function importAttendance(
  {
    groupId,
    ...input
  }: UseCaseInput<{ params: typeof groupParams; body: typeof importAttendanceBody }>,
  { deps, actor }: UseCaseScope,
) {
  const { csv, reason } = input;
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'attendance.import');
    const { rows, problems } = readAttendanceCsv(csv, { maxRows: 20_000 });
    const meetings = await repo.meetingsOfGroup(tx, groupId);
    const people = await repo.peopleByEmail(tx, groupId);
    const now = new Date();
    const byDate = new Map<string, repo.MeetingRow[]>();
    for (const m of meetings) {
      const date = calendarDateIn(m.timeZone, m.startsAt);
      byDate.set(date, [...(byDate.get(date) ?? []), m]);
    }
    const writes: { meetingId: string; userId: string; mark: Mark }[] = [];
    for (const row of rows) {
      const found = byDate.get(row.date) ?? [];
      const userId = people.get(row.email);
      const lineProblems: string[] = [];
      if (found.length === 0) lineProblems.push(`the group has no meeting on ${row.date}`);
      else if (found.length > 1)
        lineProblems.push(
          `the group has ${found.length} meetings on ${row.date}: record this one on the meeting's page`,
        );
      else if (found[0]!.startsAt > now)
        lineProblems.push(`the meeting on ${row.date} has not happened yet`);
      if (!userId) lineProblems.push(`${row.email} is not in this group`);
      if (lineProblems.length > 0)
        problems.push({ line: row.line, problem: lineProblems.join('; ') });
      else writes.push({ meetingId: found[0]!.id, userId: userId!, mark: row.mark });
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      const shown = problems.slice(0, 200);
      const fields: FieldErrors = {};
      for (const p of shown) fields[`line ${p.line}`] = fieldWords(p.problem);
      if (problems.length > shown.length)
        fields['more'] = say(m.importMore, { count: problems.length - shown.length });
      throw invalid(fields, say(m.importProblems, { count: problems.length }));
    }
    if (writes.length === 0) throw invalid({ csv: m.noRows });
    const meetingIds = [...new Set(writes.map((w) => w.meetingId))];
    const marks = await repo.marksOf(tx, meetingIds);
    const before = await membershipSnapshot(tx, access.group);
    const changes = new Map<string, number>();
    for (const w of writes) {
      if ((marks.get(`${w.meetingId}:${w.userId}`) ?? null) !== w.mark)
        changes.set(w.meetingId, (changes.get(w.meetingId) ?? 0) + 1);
    }
    await repo.upsertMarks(tx, access.actor.userId, writes);
    // Every meeting whose register the import changed shows it, with the reason.
    for (const [meetingId, count] of changes) {
      await repo.insertAttendanceCorrection(tx, {
        meetingId,
        kind: 'import',
        reason,
        changes: count,
        madeBy: access.actor.userId,
      });
    }
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const changed = [...changes.keys()]
      .map((id) => byId.get(id)!)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const told =
      changed.length === 0
        ? 0
        : await tellMembershipChanges(deps, tx, {
            group: access.group,
            before,
            what: { kind: 'imported', meetings: changed },
            reason,
            page:
              changes.size === 1
                ? `/groups/${groupId}/meetings/${[...changes.keys()][0]}`
                : `/groups/${groupId}/meetings`,
          });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'attendance.imported',
      subjectType: 'group',
      subjectId: groupId,
      detail: {
        rows: writes.length,
        meetings: meetingIds.length,
        reason,
        changes: writes,
        membershipChanged: told,
      },
    });
    return { imported: writes.length, meetings: meetingIds.length, membershipChanged: told };
  });
  if (result.membershipChanged > 0) deps.kickMail();
  return result;
}
