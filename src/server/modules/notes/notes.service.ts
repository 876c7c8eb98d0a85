/**
 * Notes under the Chatham House Rule: "notes of meetings will reflect the
 * discussion" without attributing views to anyone. A note-taker drafts them;
 * before they go to the group, the attribution check flags views put in
 * people's mouths. A flag that attributes a view holds circulation back until
 * it is reworded or kept with a reason (a record of who kept it, shown to
 * whoever approves the notes); a flag that only may point to someone is a
 * nudge and never holds it back. The group comments; a later meeting approves
 * them, which locks them; a correction is a new version with its reason.
 */
import { phaseOf } from '../../../policy/index.ts';
import type { AttributionFlag, AttributionPerson } from '../../../policy/attribution/index.ts';
// people.ts alone: the check itself (check.ts, with wink-nlp) is loaded when first needed.
import { attributionPerson } from '../../../policy/attribution/people.ts';
import { can, groupRoleCan, rolesOf } from '../../access.ts';
import type { Executor, UseCaseScope } from '../../deps.ts';
import { conflict, invalid, notFound, NOT_FOUND, say, type FieldErrors } from '../../errors.ts';
import { FIELD } from '../../field-words.ts';
import { m } from './notes.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, type GroupAccess } from '../groups/group-access.ts';
import { notesReadyEmail } from '../mail/emails/index.ts';
import { enqueueMany } from '../mail/outbox.repository.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import { presentActions } from './actions.service.ts';
import { decisionsAtMeeting } from '../decisions/decisions.repository.ts';
import * as repo from './notes.repository.ts';
import type {
  approveBody,
  checkBody,
  commentBody,
  notesParams,
  updateNotesBody,
} from '../../../contracts/notes.ts';
import type { GroupRoleName } from '../../../contracts/groups.ts';
import type { UseCaseInput } from '../../endpoints.ts';

type Content = { summary: string; items: { itemId: string; discussion: string }[] };
type NotView = { text: string; reason: string; markedBy: string; markedAt: string };

async function requireNotesMeeting(db: Executor, groupId: string, meetingId: string) {
  const meeting = await meetingsRepo.findMeeting(db, groupId, meetingId);
  if (!meeting) throw notFound(NOT_FOUND.meeting);
  return meeting;
}

/** A group role in the check's words: observers and participants are members. */
const CHECK_ROLES: Partial<Record<GroupRoleName, string>> = {
  chair: 'chair',
  note_taker: 'note-taker',
};

/**
 * The group's people as the check knows them (attributionPerson): their
 * names, their role here, the job title and organisation on their account,
 * and the working groups of this group they chair. Two queries, whatever the
 * number of people.
 */
async function checkPeople(db: Executor, groupId: string): Promise<AttributionPerson[]> {
  const [people, chairs] = await Promise.all([
    repo.peopleNames(db, groupId),
    repo.workingGroupChairs(db, groupId),
  ]);
  const leads = new Map<string, string[]>();
  for (const { userId, name } of chairs) leads.set(userId, [...(leads.get(userId) ?? []), name]);
  return people.map((p) => ({
    ...attributionPerson(p.name, p.knownAs),
    role: CHECK_ROLES[p.role] ?? 'member',
    jobTitle: p.jobTitle,
    organisation: p.organisation,
    leads: leads.get(p.id) ?? [],
  }));
}

type AttributionCheck = typeof import('../../../policy/attribution/index.ts');
let attributionCheck: Promise<AttributionCheck> | undefined;

/**
 * The attribution check, loaded on its first use and kept: it brings a
 * language model (wink-nlp) that a server answering anything but notes never
 * needs. A failed load is tried again next time.
 */
function loadAttributionCheck(): Promise<AttributionCheck> {
  attributionCheck ??= import('../../../policy/attribution/index.ts').catch((error: unknown) => {
    attributionCheck = undefined;
    throw error;
  });
  return attributionCheck;
}

type Flag = {
  where: string;
  text: string;
  who: string;
  /** Where `text` starts in `sentence`. */
  at: number;
  kind: AttributionFlag['kind'];
  level: AttributionFlag['level'];
  sentence: string;
  suggestion: string;
  markedNotAView: boolean;
};

async function flagsOf(
  db: Executor,
  groupId: string,
  meetingId: string,
  content: Content,
  notViews: readonly NotView[],
): Promise<Flag[]> {
  const { checkAttribution } = await loadAttributionCheck();
  const people = await checkPeople(db, groupId);
  const items = await meetingsRepo.listItems(db, meetingId);
  const titles = new Map(items.map((i) => [i.id, i.title]));
  const parts = [
    { where: 'Summary', text: content.summary },
    ...content.items.map((i) => ({
      where: titles.get(i.itemId) ?? 'Agenda item',
      text: i.discussion,
    })),
  ];
  const flags: Flag[] = [];
  for (const part of parts) {
    for (const f of checkAttribution(part.text, { people })) {
      flags.push({
        where: part.where,
        text: f.text,
        at: f.start - f.sentence.start,
        who: f.who,
        kind: f.kind,
        level: f.level,
        sentence: part.text.slice(f.sentence.start, f.sentence.end),
        suggestion: f.suggestion,
        // Kept by its sentence: keeping one sentence that names Sam keeps no other.
        markedNotAView: notViews.some((n) => n.text === sentenceOf(part.text, f)),
      });
    }
  }
  return flags;
}

/** The sentence a flag is in, as the note-taker keeps it. */
const sentenceOf = (text: string, f: AttributionFlag) =>
  text.slice(f.sentence.start, f.sentence.end);

/** The flags circulation waits for: views attributed, neither reworded nor kept with a reason. */
function outstandingOf(flags: readonly Flag[]): Flag[] {
  return flags.filter((f) => f.level === 'attributes' && !f.markedNotAView);
}

/** The note-taker's reasons for what they kept as written: the reason, never the words kept. */
function keptReasons(flags: readonly Flag[], notViews: readonly NotView[]) {
  const kept = notViews.filter((n) => flags.some((f) => f.markedNotAView && f.sentence === n.text));
  return kept.map(({ reason, markedBy }) => ({ reason, markedBy }));
}

/**
 * The sentences the check found and the note-taker kept as written, each with
 * the reason they recorded, for whoever approves the notes.
 */
async function keptAsWritten(db: Executor, groupId: string, row: repo.NotesRow) {
  const notViews = row.notViews as NotView[];
  if (notViews.length === 0) return [];
  const flags = await flagsOf(db, groupId, row.meetingId, row.content as Content, notViews);
  return flags.flatMap((f) => {
    const mark = notViews.find((n) => n.text === f.sentence);
    if (!mark) return [];
    return [
      {
        where: f.where,
        sentence: f.sentence,
        text: f.text,
        at: f.at,
        level: f.level,
        reason: mark.reason,
        markedAt: mark.markedAt,
      },
    ];
  });
}

function presentVersion(row: repo.NotesRow) {
  return {
    version: row.version,
    status: row.status as 'draft' | 'circulated' | 'approved',
    content: row.content as Content,
    notViews: row.notViews as NotView[],
    correctionReason: row.correctionReason,
    updatedAt: row.updatedAt.toISOString(),
    circulatedAt: row.circulatedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedAtMeeting: row.approvedAtMeeting,
  };
}

export async function getMeetingNotes(
  { groupId, meetingId }: UseCaseInput<{ params: typeof notesParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'notes.view');
  await requireNotesMeeting(deps.db, groupId, meetingId);
  return notesView(deps.db, access, meetingId);
}

async function notesView(db: Executor, access: GroupAccess, meetingId: string) {
  const roles = rolesOf(access.actor, access.role);
  const versions = await repo.versionsOf(db, meetingId);
  const editor = can(roles, 'notes.write');
  // People who do not write the notes see them once circulated.
  const visible = editor ? versions : versions.filter((v) => v.status !== 'draft');
  const current = visible[0] ?? null;
  const comments = await repo.commentsOf(
    db,
    visible.map((v) => v.id),
  );
  const register = await meetingsRepo.register(db, access.group.id, meetingId);
  const actions = await presentActions(db, access.group.id, { meetingId });
  const decided = await decisionsAtMeeting(db, access.group.id, meetingId);
  const approve = can(roles, 'notes.approve') && current?.status === 'circulated';
  return {
    current: current ? presentVersion(current) : null,
    versions: visible.map((v) => ({
      version: v.version,
      status: v.status as 'draft' | 'circulated' | 'approved',
      correctionReason: v.correctionReason,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      name: c.name,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      resolved: !unresolvedComment(c, current),
    })),
    attendance: register
      .filter((r) => r.mark !== null)
      .map((r) => ({ name: r.name, mark: r.mark ?? '' })),
    actions,
    decisions: decided.map((d) => ({
      ...d,
      outcome: d.outcome as 'agreed' | 'not_agreed' | 'tied',
    })),
    keptAsWritten: approve && current ? await keptAsWritten(db, access.group.id, current) : [],
    can: {
      edit: editor,
      comment: can(roles, 'notes.comment') && current?.status === 'circulated',
      approve,
    },
  };
}

export async function updateMeetingNotes(
  {
    groupId,
    meetingId,
    ...input
  }: UseCaseInput<{ params: typeof notesParams; body: typeof updateNotesBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'notes.write');
    const meeting = await requireNotesMeeting(tx, groupId, meetingId);
    if (phaseOf(meeting) === 'upcoming') throw conflict(m.notStarted);
    const items = new Set((await meetingsRepo.listItems(tx, meetingId)).map((i) => i.id));
    const badItem = input.content.items.findIndex((i) => !items.has(i.itemId));
    if (badItem >= 0)
      throw invalid({
        [`content.items.${badItem}.itemId`]: FIELD.notItemOfThisMeeting,
      });
    // Stored as written: Markdown is made safe when it is shown, never before.
    const content = input.content;
    const latest = await repo.latestForUpdate(tx, meetingId);
    const now = new Date().toISOString();
    const previous = (latest?.notViews as NotView[] | undefined) ?? [];
    const notViews: NotView[] = input.notViews.map(
      (n) =>
        previous.find((p) => p.text === n.text && p.reason === n.reason) ?? {
          ...n,
          markedBy: access.actor.userId,
          markedAt: now,
        },
    );
    let row: repo.NotesRow;
    let action: 'notes.updated' | 'notes.drafted' | 'notes.correction_drafted' = 'notes.updated';
    if (!latest) {
      row = await repo.insertVersion(tx, {
        meetingId,
        version: 1,
        content,
        notViews,
        editedBy: access.actor.userId,
      });
      action = 'notes.drafted';
    } else if (latest.status === 'approved') {
      if (!input.correctionReason)
        throw invalid({ correctionReason: m.sayWhyCorrecting }, m.locked);
      row = await repo.insertVersion(tx, {
        meetingId,
        version: latest.version + 1,
        content,
        notViews,
        correctionReason: input.correctionReason,
        editedBy: access.actor.userId,
      });
      action = 'notes.correction_drafted';
    } else {
      // A change to circulated notes takes them back to draft: they are checked and circulated again.
      row = await repo.updateVersion(tx, latest.id, {
        content,
        notViews,
        status: 'draft',
        circulatedAt: null,
        editedBy: access.actor.userId,
      });
    }
    const newlyMarked = notViews.filter((n) => n.markedAt === now);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action,
      subjectType: 'meeting_notes',
      subjectId: row.id,
      detail: {
        meetingId,
        version: row.version,
        // Who marked a passage and why; the passage's words stay in the notes.
        markedNotAView: newlyMarked.map(({ reason, markedBy }) => ({ reason, markedBy })),
      },
    });
    return notesView(tx, access, meetingId);
  });
}

export async function checkNotesAttribution(
  {
    groupId,
    meetingId,
    text,
  }: UseCaseInput<{ params: typeof notesParams; body: typeof checkBody }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'notes.write');
  await requireNotesMeeting(deps.db, groupId, meetingId);
  const latest = (await repo.versionsOf(deps.db, meetingId))[0];
  const content: Content =
    text !== undefined
      ? { summary: text, items: [] }
      : ((latest?.content as Content | undefined) ?? { summary: '', items: [] });
  const flags = await flagsOf(
    deps.db,
    groupId,
    meetingId,
    content,
    (latest?.notViews as NotView[] | undefined) ?? [],
  );
  return { flags, outstanding: outstandingOf(flags).length };
}

export async function circulateNotes(
  { groupId, meetingId }: UseCaseInput<{ params: typeof notesParams }>,
  { deps, actor }: UseCaseScope,
) {
  const view = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'notes.write');
    const meeting = await requireNotesMeeting(tx, groupId, meetingId);
    const latest = await repo.latestForUpdate(tx, meetingId);
    if (!latest) throw conflict(m.nothingToCirculate);
    if (latest.status === 'circulated') return notesView(tx, access, meetingId);
    if (latest.status === 'approved') throw conflict(m.approvedAndLocked);
    const flags = await flagsOf(
      tx,
      groupId,
      meetingId,
      latest.content as Content,
      latest.notViews as NotView[],
    );
    const outstanding = outstandingOf(flags);
    if (outstanding.length > 0) {
      const fields: FieldErrors = {};
      outstanding.slice(0, 50).forEach((f, i) => {
        fields[`flag ${i + 1}`] = say(m.attributedView, {
          where: f.where,
          text: f.text,
          who: f.who,
          suggestion: f.suggestion,
        });
      });
      throw conflict(say(m.attributedViews, { count: outstanding.length }), fields);
    }
    await repo.updateVersion(tx, latest.id, { status: 'circulated', circulatedAt: new Date() });
    const people = await meetingsRepo.listPeople(tx, groupId);
    await enqueueMany(
      tx,
      people
        .filter((x) => groupRoleCan(x.role, 'notes.view'))
        .map((p) => ({
          to: p.email,
          ...notesReadyEmail(p.language, {
            name: p.name,
            meeting,
            groupName: access.group.name,
            link: `${deps.config.baseUrl}/groups/${groupId}/meetings/${meetingId}/notes`,
          }),
        })),
    );
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'notes.circulated',
      subjectType: 'meeting_notes',
      subjectId: latest.id,
      detail: {
        meetingId,
        version: latest.version,
        keptWithReason: keptReasons(flags, latest.notViews as NotView[]),
      },
    });
    return notesView(tx, access, meetingId);
  });
  deps.kickMail();
  return view;
}

export async function commentOnNotes(
  {
    groupId,
    meetingId,
    body,
  }: UseCaseInput<{ params: typeof notesParams; body: typeof commentBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'notes.comment');
    await requireNotesMeeting(tx, groupId, meetingId);
    const latest = await repo.latestForUpdate(tx, meetingId);
    if (latest?.status !== 'circulated') throw conflict(m.commentsWhileCirculated);
    await repo.insertComment(tx, latest.id, access.actor.userId, body);
    return notesView(tx, access, meetingId);
  });
}

/**
 * A comment is resolved once the notes it was made on have changed since it
 * came in: a change takes circulated notes back to a draft, and they are
 * checked and circulated again. A comment on an earlier version, or one made
 * before the latest change, has been answered by that change.
 */
function unresolvedComment(
  comment: { notesId: string; createdAt: Date },
  current: repo.NotesRow | null | undefined,
): boolean {
  return (
    current !== null &&
    current !== undefined &&
    current.status !== 'approved' &&
    comment.notesId === current.id &&
    comment.createdAt > current.updatedAt
  );
}

export async function approveNotes(
  {
    groupId,
    meetingId,
    body: approval,
  }: UseCaseInput<{ params: typeof notesParams; body: typeof approveBody }>,
  { deps, actor }: UseCaseScope,
) {
  const atMeetingId = approval.meetingId;
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'notes.approve');
    const meeting = await requireNotesMeeting(tx, groupId, meetingId);
    const later = await meetingsRepo.findMeeting(tx, groupId, atMeetingId);
    if (!later) throw invalid({ meetingId: FIELD.notMeetingOfGroup });
    if (later.startsAt <= meeting.startsAt) throw invalid({ meetingId: m.approvedLater });
    if (later.status === 'cancelled' || phaseOf(later) === 'upcoming')
      throw invalid({ meetingId: m.notTakenPlace });
    const latest = await repo.latestForUpdate(tx, meetingId);
    if (!latest) throw conflict(m.noNotes);
    if (latest.status === 'approved') return notesView(tx, access, meetingId);
    if (latest.status !== 'circulated') throw conflict(m.circulateFirst);
    const unresolved = (await repo.commentsOf(tx, [latest.id])).filter((c) =>
      unresolvedComment(c, latest),
    );
    if (unresolved.length > 0 && approval.acknowledgeUnresolved !== true) {
      const count = unresolved.length;
      const fields: FieldErrors = {
        acknowledgeUnresolved: say(m.acknowledgeUnresolved, { count }),
      };
      unresolved.slice(0, 50).forEach((c, i) => {
        fields[`comment ${i + 1}`] = say(m.comment, {
          name: c.name,
          body: c.body.length > 200 ? `${c.body.slice(0, 199)}…` : c.body,
        });
      });
      throw conflict(say(m.unresolvedComments, { count }), fields);
    }
    await repo.updateVersion(tx, latest.id, {
      status: 'approved',
      approvedAt: new Date(),
      approvedAtMeeting: atMeetingId,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'notes.approved',
      subjectType: 'meeting_notes',
      subjectId: latest.id,
      detail: {
        meetingId,
        version: latest.version,
        atMeeting: atMeetingId,
        unresolvedComments: unresolved.map((c) => c.id),
      },
    });
    return notesView(tx, access, meetingId);
  });
}
