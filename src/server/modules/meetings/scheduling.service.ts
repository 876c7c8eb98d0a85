/**
 * Scheduling from the Terms of Reference: the meetings their cadence asks
 * for, made on a chair's request, followed when newly adopted terms change the
 * cadence, and kept a year ahead as the months pass.
 */
import { meetingsBetween, type Terms } from '../../../policy/index.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { invalid } from '../../errors.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, type GroupAccess } from '../groups/group-access.ts';
import { rulesFor, type GroupRules } from './group-terms.ts';
import { m } from './meetings.messages.ts';
import { presentMeeting } from './meetings.service.ts';
import * as repo from './meetings.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type { scheduleBody } from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

/**
 * Makes the next `months` of meetings from the cadence. Meetings already made
 * for an occurrence stay (a chair's moves and cancellations are kept); an
 * untouched future meeting whose occurrence the cadence no longer has is
 * removed, or cancelled if anything is attached to it; untouched meetings
 * whose time changed with the cadence are updated.
 */
export async function scheduleMeetings(
  { groupId, months }: UseCaseInput<{ params: typeof groupParams; body: typeof scheduleBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const rules = await rulesFor(tx, access.group);
    return scheduleFromCadence(tx, access, rules, months, access.actor.userId);
  });
}

export async function scheduleFromCadence(
  tx: Executor,
  access: Pick<GroupAccess, 'group'>,
  rules: GroupRules,
  months: number,
  actorId: string | null,
) {
  const groupId = access.group.id;
  const cadence = rules.cadence;
  if (!cadence) {
    throw invalid(
      {
        cadence: rules.isWorkingGroup ? m.workingGroupNoCadence : m.adoptTermsForCadence,
      },
      m.noCadence,
    );
  }
  await repo.lockGroupSchedule(tx, groupId);
  const now = new Date();
  const until = new Date(now);
  until.setUTCMonth(until.getUTCMonth() + months);
  const wanted = meetingsBetween(cadence, now, until);
  const dates = wanted.map((w) => w.localDate);
  const existing = await repo.cadenceMeetings(tx, groupId, now, dates);
  const byDate = new Map(existing.map((m) => [m.occurrenceDate, m]));
  const title = rules.workingGroup?.title ?? access.group.name;

  let created = 0;
  let kept = 0;
  const inserts: repo.NewMeeting[] = [];
  for (const w of wanted) {
    const found = byDate.get(w.localDate);
    if (!found) {
      inserts.push({
        groupId,
        title,
        source: 'cadence',
        occurrenceDate: w.localDate,
        timeZone: cadence.timeZone,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        createdBy: actorId,
      });
      created++;
      continue;
    }
    kept++;
    const untouched = found.status === 'scheduled' && found.movedReason === null;
    const timeChanged =
      found.startsAt.getTime() !== w.startsAt.getTime() ||
      found.endsAt.getTime() !== w.endsAt.getTime() ||
      found.timeZone !== cadence.timeZone;
    if (untouched && timeChanged && found.startsAt > now) {
      await repo.updateMeeting(tx, found.id, {
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        timeZone: cadence.timeZone,
        sequence: found.sequence + 1,
      });
    }
  }
  const wantedDates = new Set(dates);
  const stale = existing.filter(
    (m) =>
      m.startsAt > now &&
      m.status === 'scheduled' &&
      m.movedReason === null &&
      !wantedDates.has(m.occurrenceDate ?? ''),
  );
  const inUse = await repo.meetingsInUse(
    tx,
    stale.map((m) => m.id),
  );
  const toCancel = stale.filter((m) => inUse.has(m.id));
  const toDelete = stale.filter((m) => !inUse.has(m.id));
  for (const m of toCancel) {
    await repo.updateMeeting(tx, m.id, {
      status: 'cancelled',
      cancelledReason: 'The meeting pattern in the Terms of Reference changed.',
      sequence: m.sequence + 1,
    });
  }
  await repo.deleteMeetings(
    tx,
    toDelete.map((m) => m.id),
  );
  await repo.insertMeetings(tx, inserts);
  await writeAudit(tx, {
    actorId,
    groupId,
    action: 'meetings.scheduled',
    subjectType: 'group',
    subjectId: groupId,
    detail: { months, created, kept, removed: toDelete.length, cancelled: toCancel.length },
  });
  const meetings = await repo.listMeetings(tx, groupId, 'upcoming', now);
  return {
    created,
    kept,
    removed: toDelete.length,
    cancelled: toCancel.length,
    meetings: meetings.map((m) => presentMeeting(m, null, now)),
  };
}

function sameCadence(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * When newly adopted Terms of Reference change a cadence, the schedule follows:
 * a group (or working group) that has scheduled meetings from its cadence is
 * rescheduled, keeping moved and cancelled meetings as they are.
 */
export async function rescheduleAfterAdoption(
  tx: Executor,
  group: GroupAccess['group'],
  before: Terms | null,
  after: Terms,
  actorId: string,
): Promise<void> {
  const now = new Date();
  if (
    !sameCadence(before?.cadence, after.cadence) &&
    (await repo.hasFutureCadenceMeetings(tx, group.id, now))
  ) {
    await scheduleFromCadence(tx, { group }, await rulesFor(tx, group), 12, actorId);
  }
  for (const child of await repo.linkedWorkingGroups(tx, group.id)) {
    const old = before?.workingGroups.find((w) => w.key === child.termsKey)?.cadence;
    const next = after.workingGroups.find((w) => w.key === child.termsKey)?.cadence;
    if (next && !sameCadence(old, next) && (await repo.hasFutureCadenceMeetings(tx, child.id, now)))
      await scheduleFromCadence(tx, { group: child }, await rulesFor(tx, child), 12, actorId);
  }
}

/**
 * Keeps each schedule a year ahead: a group that schedules from its cadence
 * gets its next meetings as the months pass, without a chair asking again.
 * Runs in every instance; two at once cannot make a meeting twice (the
 * occurrence is unique), and the loser's transaction simply rolls back.
 */
export async function topUpSchedules(deps: Deps, now = new Date()): Promise<number> {
  const horizon = new Date(now);
  horizon.setUTCMonth(horizon.getUTCMonth() + 11);
  let created = 0;
  for (const { group } of await repo.groupsNeedingTopUp(deps.db, horizon)) {
    created += await deps.db.transaction(async (tx) => {
      const rules = await rulesFor(tx, group);
      if (!rules.cadence) return 0;
      return (await scheduleFromCadence(tx, { group }, rules, 12, null)).created;
    });
  }
  return created;
}
