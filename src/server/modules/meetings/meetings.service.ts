/**
 * The schedule: meetings made from the ToR cadence, moved, cancelled and added
 * by chairs, and each meeting as its page shows it.
 */
import {
  checkInWindow,
  papersDueAt,
  phaseOf,
  quorumStatus,
  categoryShortfall,
  remitCheck,
  type Person,
} from '../../../policy/index.ts';
import { can, rolesOf, shapedFor, shows } from '../../access.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { m } from './meetings.messages.ts';
import { derivedSecret } from '../../secrets.ts';
import { changedFields } from '../audit/audit-events.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, type GroupAccess } from '../groups/group-access.ts';
import { listMembershipStatuses } from '../membership/membership.repository.ts';
import { rulesFor, timeZoneOf, type GroupRules } from './group-terms.ts';
import * as repo from './repositories.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  cancelMeetingBody,
  createMeetingBody,
  listMeetingsQuery,
  meetingParams,
  updateMeetingBody,
} from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

type MeetingRow = repo.MeetingRow;

export function presentMeeting(m: MeetingRow, myIntent: string | null = null, now = new Date()) {
  return {
    id: m.id,
    groupId: m.groupId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    timeZone: m.timeZone,
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: m.status as 'scheduled' | 'cancelled',
    phase: phaseOf(m, now),
    source: m.source as 'cadence' | 'extra',
    moved: m.movedReason !== null,
    movedReason: m.movedReason,
    cancelledReason: m.cancelledReason,
    agendaPublished: m.agendaPublishedAt !== null,
    myIntent: (myIntent as 'attending' | 'apologies' | null) ?? null,
  };
}

/**
 * A meeting's check-in code is derived from the server key and the meeting, not
 * stored: the chair's page can show it again at any time, and the database
 * holds nothing that checks anyone in.
 */
export function checkInCode(deps: Deps, meetingId: string): string {
  if (!deps.config.secretKey) throw new Error('the server key is not loaded');
  return derivedSecret(deps.config.secretKey, 'meeting-check-in', meetingId, 24);
}

function defaultTitle(access: GroupAccess, rules: GroupRules): string {
  return rules.workingGroup ? rules.workingGroup.title : access.group.name;
}

export async function requireMeeting(db: Executor, groupId: string, meetingId: string) {
  const meeting = await repo.findMeeting(db, groupId, meetingId);
  if (!meeting) throw notFound(NOT_FOUND.meeting);
  return meeting;
}

export async function listMeetings(
  { groupId, when }: UseCaseInput<{ params: typeof groupParams; query: typeof listMeetingsQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'meeting.view');
  const now = new Date();
  const rows = await repo.listMeetings(deps.db, groupId, when, now);
  const intents = await repo.myIntents(
    deps.db,
    rows.map((r) => r.id),
    access.actor.userId,
  );
  return shapedFor(access.role, 'listMeetings', {
    meetings: rows.map((r) => presentMeeting(r, intents.get(r.id) ?? null, now)),
  });
}

function checkTimes(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime())
    throw invalid({ endsAt: m.afterStart }, m.endsBeforeStart);
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000)
    throw invalid({ endsAt: m.within24Hours });
}

export async function createMeeting(
  {
    groupId,
    ...input
  }: UseCaseInput<{ params: typeof groupParams; body: typeof createMeetingBody }>,
  { deps, actor }: UseCaseScope,
) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkTimes(startsAt, endsAt);
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const rules = await rulesFor(tx, access.group);
    const [row] = await repo.insertMeetings(tx, [
      {
        groupId,
        title: input.title ?? defaultTitle(access, rules),
        source: 'extra',
        timeZone: timeZoneOf(rules),
        startsAt,
        endsAt,
        place: input.place ?? null,
        onlineUrl: input.onlineUrl ?? null,
        checkInMarginMinutes: input.checkInMarginMinutes ?? 30,
        createdBy: access.actor.userId,
      },
    ]);
    if (!row) throw new Error('meeting insert returned nothing');
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: row.id,
      detail: { startsAt: input.startsAt, endsAt: input.endsAt },
    });
    return presentMeeting(row);
  });
}

export async function updateMeeting(
  {
    groupId,
    meetingId,
    ...input
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof updateMeetingBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    if (meeting.status === 'cancelled') throw invalid({ status: m.cancelledAddNew });
    const startsAt = input.startsAt ? new Date(input.startsAt) : meeting.startsAt;
    const endsAt = input.endsAt
      ? new Date(input.endsAt)
      : input.startsAt
        ? new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()))
        : meeting.endsAt;
    checkTimes(startsAt, endsAt);
    const moved =
      startsAt.getTime() !== meeting.startsAt.getTime() ||
      endsAt.getTime() !== meeting.endsAt.getTime();
    if (moved && !input.reason) throw invalid({ reason: m.whyMoving });
    const calendarChange =
      moved ||
      (input.title !== undefined && input.title !== meeting.title) ||
      (input.place !== undefined && input.place !== meeting.place) ||
      (input.onlineUrl !== undefined && input.onlineUrl !== meeting.onlineUrl);
    const changes: Partial<repo.NewMeeting> = {
      startsAt,
      endsAt,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.onlineUrl !== undefined ? { onlineUrl: input.onlineUrl } : {}),
      ...(input.checkInMarginMinutes !== undefined
        ? { checkInMarginMinutes: input.checkInMarginMinutes }
        : {}),
      ...(moved ? { movedReason: input.reason ?? null } : {}),
      ...(input.agendaPublished !== undefined
        ? { agendaPublishedAt: input.agendaPublished ? new Date() : null }
        : {}),
      ...(calendarChange ? { sequence: meeting.sequence + 1 } : {}),
      // A moved meeting has new reminders to send.
      ...(moved ? { weekReminderSentAt: null, dayReminderSentAt: null } : {}),
    };
    const row = await repo.updateMeeting(tx, meetingId, changes);
    const about = { actorId: access.actor.userId, groupId, subjectId: meetingId } as const;
    const changed = changedFields(input);
    await writeAudit(
      tx,
      moved
        ? {
            ...about,
            action: 'meeting.moved',
            subjectType: 'meeting',
            detail: {
              changed,
              from: meeting.startsAt.toISOString(),
              to: startsAt.toISOString(),
              reason: input.reason ?? null,
            },
          }
        : { ...about, action: 'meeting.updated', subjectType: 'meeting', detail: { changed } },
    );
    return presentMeeting(row);
  });
  await deps.events.publish({ type: 'meeting', groupId, meetingId });
  return result;
}

export async function cancelMeeting(
  {
    groupId,
    meetingId,
    reason,
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof cancelMeetingBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    if (meeting.status === 'cancelled') return presentMeeting(meeting);
    const row = await repo.updateMeeting(tx, meetingId, {
      status: 'cancelled',
      cancelledReason: reason,
      sequence: meeting.sequence + 1,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'meeting.cancelled',
      subjectType: 'meeting',
      subjectId: meetingId,
      detail: { reason },
    });
    return presentMeeting(row);
  });
  await deps.events.publish({ type: 'meeting', groupId, meetingId });
  return result;
}

/** Presents agenda items with their remit area and declarations. */
export async function presentItems(db: Executor, rules: GroupRules, items: repo.ItemRow[]) {
  const declarations = await repo.listDeclarations(
    db,
    items.map((i) => i.id),
  );
  const areas = new Map<string, string>();
  for (const a of rules.terms?.remit.inScope ?? []) areas.set(a.key, a.title);
  for (const a of rules.terms?.remit.outOfScope ?? []) areas.set(a.key, a.title);
  return items.map((item) => {
    const check = rules.terms
      ? remitCheck(
          item.remitKey,
          rules.terms,
          rules.workingGroup ? { workingGroup: rules.workingGroup.key } : {},
        )
      : null;
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      purpose: item.purpose,
      remitKey: item.remitKey,
      remitTitle: item.remitKey ? (areas.get(item.remitKey) ?? null) : null,
      placement: item.placement as 'agenda' | 'outside',
      takeInstead: item.takeInstead,
      placementReason: item.placementReason,
      needsReview:
        item.placement === 'agenda' && check?.verdict === 'needs_review' ? check.reason : null,
      declarations: declarations
        .filter((d) => d.itemId === item.id)
        .map((d) => ({ userId: d.userId, name: d.name, interest: d.interest })),
    };
  });
}

export async function getMeeting(
  { groupId, meetingId }: UseCaseInput<{ params: typeof meetingParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'meeting.view');
  const meeting = await requireMeeting(deps.db, groupId, meetingId);
  const roles = rolesOf(access.actor, access.role);
  const seesReasons = shows(roles, 'attendance.apologyReasons');
  const rules = await rulesFor(deps.db, access.group);
  const now = new Date();
  const [items, paperRows, people, corrections] = await Promise.all([
    repo.listItems(deps.db, meetingId),
    can(roles, 'paper.view') ? repo.listPapers(deps.db, meetingId) : Promise.resolve([]),
    repo.register(deps.db, groupId, meetingId),
    repo.listAttendanceCorrections(deps.db, meetingId),
  ]);
  const presented = await presentItems(deps.db, rules, items);
  const mine = people.find((p) => p.userId === access.actor.userId);
  const window = checkInWindow(meeting);
  const present = people.filter(
    (p) => p.mark === 'present_in_person' || p.mark === 'present_online',
  );

  let quorum = null;
  if (rules.terms && meeting.status === 'scheduled') {
    const statuses = await listMembershipStatuses(deps.db, groupId, rules.membership, now);
    const statusOf = new Map(statuses.map((s) => [s.userId, s.status]));
    const voters: Person[] = people.map((p) => ({
      id: p.userId,
      status: statusOf.get(p.userId) ?? 'participant',
      roles: [p.role],
      categories: p.categories,
      presence:
        p.mark === 'present_in_person'
          ? 'in_person'
          : p.mark === 'present_online'
            ? 'online'
            : 'not_present',
    }));
    const status = quorumStatus(voters, rules.terms);
    quorum = {
      required: status.required,
      present: status.present,
      met: status.met,
      categories: status.categories.map((c) => ({
        category: c.category,
        present: c.present,
        min: c.min,
      })),
      explanation:
        status.required === 0
          ? 'Our Terms of Reference set no quorum.'
          : status.met
            ? `Quorum met: ${status.present} of the ${status.required} needed are here${categoryShortfall(status)}.`
            : `Not quorate yet: ${status.present} here, ${status.required} needed${categoryShortfall(status)}.`,
    };
  }

  // Observers see the agenda once it is published to the group.
  const agenda = presented.filter(
    (i) =>
      i.placement === 'agenda' &&
      (shows(roles, 'agenda.unpublished') || meeting.agendaPublishedAt !== null),
  );
  const current =
    phaseOf(meeting, now) === 'live'
      ? agenda.find((i) => i.id === meeting.currentAgendaItemId)
      : undefined;

  return shapedFor(access.role, 'getMeeting', {
    meeting: presentMeeting(meeting, mine?.intent ?? null, now),
    workingGroup: rules.workingGroup
      ? { key: rules.workingGroup.key, title: rules.workingGroup.title }
      : null,
    agenda,
    outside: presented.filter((i) => i.placement === 'outside'),
    papers: paperRows.map((p) => ({
      id: p.id,
      itemId: p.itemId,
      title: p.title,
      fileName: p.fileName,
      mediaType: p.mediaType,
      sizeBytes: p.sizeBytes,
      late: p.late,
      uploadedAt: p.uploadedAt.toISOString(),
      uploadedBy: p.uploaderName,
    })),
    papersDueAt: papersDueAt(meeting, rules.terms)?.toISOString() ?? null,
    declareInterests: rules.terms?.roles.declareInterests === 'each_agenda_item',
    remitAreas: [
      ...(rules.terms?.remit.inScope ?? [])
        .filter((a) => !rules.workingGroup || rules.workingGroup.remitKeys.includes(a.key))
        .map((a) => ({ key: a.key, title: a.title, inScope: true })),
      ...(rules.terms?.remit.outOfScope ?? []).map((a) => ({
        key: a.key,
        title: a.title,
        inScope: false,
      })),
    ],
    // Observers see a group but not its people: they get the counts only.
    attendees: (can(roles, 'group.people.list') ? people : []).map((p) => ({
      userId: p.userId,
      name: p.name,
      role: p.role,
      intent: (p.intent as 'attending' | 'apologies' | null) ?? null,
      apologyReason: seesReasons ? p.apologyReason : null,
      mark:
        (p.mark as 'present_in_person' | 'present_online' | 'apologies' | 'absent' | null) ?? null,
      checkedInAt: p.checkedInAt?.toISOString() ?? null,
    })),
    counts: {
      attending: people.filter((p) => p.intent === 'attending').length,
      apologies: people.filter((p) => p.intent === 'apologies' || p.mark === 'apologies').length,
      present: present.length,
      noAnswer: people.filter((p) => p.intent === null && p.mark === null).length,
    },
    checkIn: {
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      open: now >= window.opensAt && now <= window.closesAt && meeting.status === 'scheduled',
    },
    quorum,
    currentItem: current ? { id: current.id, title: current.title } : null,
    addedAfterItOn: meeting.createdAt > meeting.endsAt ? meeting.createdAt.toISOString() : null,
    // Reasons can speak of people, so observers do not see them.
    attendanceCorrections: (can(roles, 'group.people.list') ? corrections : []).map((c) => ({
      kind: c.kind as 'register' | 'import',
      reason: c.reason,
      changes: c.changes,
      madeAt: c.madeAt.toISOString(),
    })),
    can: {
      manage: can(roles, 'meeting.manage'),
      run: can(roles, 'meeting.run'),
      addItem: can(roles, 'agenda.add'),
      uploadPaper: can(roles, 'paper.upload'),
      recordAttendance: can(roles, 'attendance.record'),
      rsvp: can(roles, 'attendance.respond') && meeting.status === 'scheduled',
    },
  });
}
