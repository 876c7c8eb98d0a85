/**
 * Agenda items and papers. "Conversations that exceed that remit should be
 * held outside this meeting": an item under an area the remit leaves out goes
 * to the meeting's "outside this meeting" list, with the ToR's note of where
 * it can be taken instead; a chair can judge any item out, or move one back,
 * with a reason that is recorded.
 */
import { createHash } from 'node:crypto';
import { papersDueAt, phaseOf, remitCheck } from '../../../policy/index.ts';
import type { Actor } from '../../access.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { AppError, conflict, invalid, notFound, NOT_FOUND, say } from '../../errors.ts';
import { m } from './meetings.messages.ts';
import { FIELD } from '../../field-words.ts';
import { changedFields } from '../audit/audit-events.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { paperTypeOf, previewTypeOf } from './paper-types.ts';
import { rulesFor, type GroupRules } from './group-terms.ts';
import * as repo from './repositories.ts';
import { presentItems, requireMeeting } from './meetings.service.ts';
import type {
  addAgendaItemBody,
  declareInterestBody,
  itemParams,
  meetingParams,
  moveOutsideBody,
  setCurrentItemBody,
  updateAgendaItemBody,
} from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

/** The area key must be one the ToR names (in or out of scope). */
function checkArea(rules: GroupRules, remitKey: string | null | undefined) {
  if (!remitKey) {
    if (rules.terms) throw invalid({ remitKey: m.chooseArea });
    return null;
  }
  if (!rules.terms) throw invalid({ remitKey: m.noRemitYet });
  const check = remitCheck(
    remitKey,
    rules.terms,
    rules.workingGroup ? { workingGroup: rules.workingGroup.key } : {},
  );
  if (check.verdict === 'needs_review')
    throw invalid({
      remitKey: say(m.notAnArea, {
        areas: [...rules.terms.remit.inScope, ...rules.terms.remit.outOfScope]
          .map((a) => a.key)
          .join(', '),
      }),
    });
  return check;
}

async function presentOne(db: Executor, rules: GroupRules, item: repo.ItemRow) {
  const [presented] = await presentItems(db, rules, [item]);
  if (!presented) throw new Error('presenting an agenda item gave nothing');
  return presented;
}

/** An item moved outside this meeting is not being taken in it: it stops being the current item. */
async function noLongerCurrent(tx: Executor, meeting: repo.MeetingRow, itemId: string) {
  if (meeting.currentAgendaItemId === itemId)
    await repo.updateMeeting(tx, meeting.id, { currentAgendaItemId: null });
}

function openMeeting(meeting: repo.MeetingRow) {
  if (meeting.status === 'cancelled') throw conflict(m.agendaClosed);
}

export async function addAgendaItem(
  {
    groupId,
    meetingId,
    ...input
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof addAgendaItemBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'agenda.add');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    openMeeting(meeting);
    const rules = await rulesFor(tx, access.group);
    const check = checkArea(rules, input.remitKey);
    const outside = check?.verdict === 'out_of_scope';
    const items = await repo.listItems(tx, meetingId);
    if (items.length >= 200) throw invalid({ title: m.tooManyItems });
    const item = await repo.insertItem(tx, {
      meetingId,
      position: items.length + 1,
      title: input.title,
      purpose: input.purpose,
      remitKey: input.remitKey ?? null,
      placement: outside ? 'outside' : 'agenda',
      takeInstead: outside ? check.takeInstead : null,
      placementReason: outside ? `${check.title} is outside our remit.` : null,
      createdBy: access.actor.userId,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: outside ? 'agenda.item_added_outside' : 'agenda.item_added',
      subjectType: 'agenda_item',
      subjectId: item.id,
      detail: { meetingId, title: input.title, remitKey: input.remitKey ?? null },
    });
    return presentOne(tx, rules, item);
  });
  await deps.events.publish({ type: 'agenda', groupId, meetingId });
  return result;
}

export async function updateAgendaItem(
  {
    groupId,
    meetingId,
    itemId,
    ...input
  }: UseCaseInput<{ params: typeof itemParams; body: typeof updateAgendaItemBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    openMeeting(meeting);
    const item = await repo.findItem(tx, meetingId, itemId);
    if (!item) throw notFound(NOT_FOUND.agendaItem);
    const rules = await rulesFor(tx, access.group);
    const changes: Parameters<typeof repo.updateItem>[2] = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.purpose !== undefined) changes.purpose = input.purpose;

    let action: 'agenda.item_updated' | 'agenda.item_moved_outside' | 'agenda.item_moved_back' =
      'agenda.item_updated';
    if (input.remitKey !== undefined && input.remitKey !== item.remitKey) {
      const check = checkArea(rules, input.remitKey);
      changes.remitKey = input.remitKey;
      if (check?.verdict === 'out_of_scope' && input.placement !== 'agenda') {
        changes.placement = 'outside';
        changes.takeInstead = check.takeInstead;
        changes.placementReason = `${check.title} is outside our remit.`;
        action = 'agenda.item_moved_outside';
      }
    }
    if (input.placement === 'agenda' && item.placement === 'outside') {
      if (!input.reason) throw invalid({ reason: m.whyBackOnAgenda });
      changes.placement = 'agenda';
      changes.placementReason = input.reason;
      changes.takeInstead = null;
      action = 'agenda.item_moved_back';
    }
    const updated = await repo.updateItem(tx, itemId, changes);
    if (changes.placement === 'outside') await noLongerCurrent(tx, meeting, itemId);
    if (input.position !== undefined) {
      const ids = (await repo.listItems(tx, meetingId))
        .map((i) => i.id)
        .filter((id) => id !== itemId);
      ids.splice(Math.min(input.position - 1, ids.length), 0, itemId);
      await repo.setItemPositions(tx, ids);
    }
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action,
      subjectType: 'agenda_item',
      subjectId: itemId,
      detail: {
        meetingId,
        changed: changedFields(input),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    const fresh = (await repo.findItem(tx, meetingId, itemId)) ?? updated;
    return presentOne(tx, rules, fresh);
  });
  await deps.events.publish({ type: 'agenda', groupId, meetingId });
  return result;
}

export async function moveAgendaItemOutsideMeeting(
  {
    groupId,
    meetingId,
    itemId,
    ...input
  }: UseCaseInput<{ params: typeof itemParams; body: typeof moveOutsideBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.manage');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    openMeeting(meeting);
    const item = await repo.findItem(tx, meetingId, itemId);
    if (!item) throw notFound(NOT_FOUND.agendaItem);
    const rules = await rulesFor(tx, access.group);
    if (item.placement === 'outside') return presentOne(tx, rules, item);
    const check = rules.terms
      ? remitCheck(
          item.remitKey,
          rules.terms,
          rules.workingGroup ? { workingGroup: rules.workingGroup.key } : {},
        )
      : null;
    const takeInstead =
      input.takeInstead ??
      (check?.verdict === 'out_of_scope' ? check.takeInstead : null) ??
      rules.terms?.remit.note ??
      'Raise it with the chair after the meeting.';
    const updated = await repo.updateItem(tx, itemId, {
      placement: 'outside',
      placementReason: input.reason,
      takeInstead,
    });
    await noLongerCurrent(tx, meeting, itemId);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'agenda.item_moved_outside',
      subjectType: 'agenda_item',
      subjectId: itemId,
      detail: { meetingId, reason: input.reason, takeInstead },
    });
    return presentOne(tx, rules, updated);
  });
  await deps.events.publish({ type: 'agenda', groupId, meetingId });
  return result;
}

const NOT_LIVE = {
  upcoming: m.currentItemNotStarted,
  past: m.currentItemOver,
  cancelled: m.currentItemCancelled,
} as const;

/**
 * While the meeting is on, the chair says which item of its agenda is being
 * taken now, or that none is: every open live page shows it first.
 */
export async function setCurrentAgendaItem(
  {
    groupId,
    meetingId,
    itemId,
  }: UseCaseInput<{ params: typeof meetingParams; body: typeof setCurrentItemBody }>,
  { deps, actor }: UseCaseScope,
) {
  const result = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'meeting.run');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    const phase = phaseOf(meeting);
    if (phase !== 'live') throw conflict(NOT_LIVE[phase]);
    const item = itemId === null ? null : await repo.findItem(tx, meetingId, itemId);
    if (item === undefined || item?.placement === 'outside')
      throw invalid({ itemId: m.notOnThisAgenda }, m.chooseAgendaItem);
    const currentItem = item ? { id: item.id, title: item.title } : null;
    if (meeting.currentAgendaItemId === (item?.id ?? null)) return { changed: false, currentItem };
    await repo.updateMeeting(tx, meetingId, { currentAgendaItemId: item?.id ?? null });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: item ? 'meeting.current_item_set' : 'meeting.current_item_cleared',
      subjectType: 'meeting',
      subjectId: meetingId,
      detail: { itemId: item?.id ?? null, previous: meeting.currentAgendaItemId },
    });
    return { changed: true, currentItem };
  });
  if (result.changed) await deps.events.publish({ type: 'meeting', groupId, meetingId });
  return { currentItem: result.currentItem };
}

export async function declareInterest(
  {
    groupId,
    meetingId,
    itemId,
    interest,
  }: UseCaseInput<{ params: typeof itemParams; body: typeof declareInterestBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'interest.declare');
    await requireMeeting(tx, groupId, meetingId);
    const item = await repo.findItem(tx, meetingId, itemId);
    if (!item) throw notFound(NOT_FOUND.agendaItem);
    const rules = await rulesFor(tx, access.group);
    if (rules.terms?.roles.declareInterests !== 'each_agenda_item')
      throw conflict(m.noDeclarations);
    await repo.upsertDeclaration(tx, itemId, access.actor.userId, interest);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'agenda.interest_declared',
      subjectType: 'agenda_item',
      subjectId: itemId,
      detail: { meetingId, declared: interest !== null },
    });
    return presentOne(tx, rules, item);
  });
}

export async function uploadPaper(
  deps: Deps,
  actor: Actor,
  groupId: string,
  meetingId: string,
  input: { title: string; fileName: string; itemId?: string | undefined; content: Buffer },
) {
  if (input.content.length === 0) throw invalid({ file: m.emptyFile });
  if (input.content.length > MAX_PAPER_BYTES)
    throw new AppError('payload_too_large', m.paperTooLarge, { file: m.fileTooLarge });
  const type = await paperTypeOf(input.content);
  if (!type) throw new AppError('unsupported_media_type', m.paperTypes, { file: m.fileType });
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'paper.upload');
    const meeting = await repo.lockMeeting(tx, groupId, meetingId);
    if (!meeting) throw notFound(NOT_FOUND.meeting);
    openMeeting(meeting);
    if (input.itemId && !(await repo.findItem(tx, meetingId, input.itemId)))
      throw invalid({ itemId: FIELD.notItemOfThisMeeting });
    const rules = await rulesFor(tx, access.group);
    const due = papersDueAt(meeting, rules.terms);
    const now = new Date();
    const base = input.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} _.-]+/gu, '_');
    const paper = await repo.insertPaper(tx, {
      meetingId,
      itemId: input.itemId ?? null,
      title: input.title,
      fileName: `${base || 'paper'}.${type.extension}`,
      mediaType: type.mediaType,
      sizeBytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      late: due !== null && now > due,
      uploadedBy: access.actor.userId,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'paper.uploaded',
      subjectType: 'paper',
      subjectId: paper.id,
      detail: { meetingId, title: input.title, late: paper.late, sizeBytes: paper.sizeBytes },
    });
    const uploader = await repo.personInGroup(tx, groupId, access.actor.userId);
    return {
      id: paper.id,
      itemId: paper.itemId,
      title: paper.title,
      fileName: paper.fileName,
      mediaType: paper.mediaType,
      sizeBytes: paper.sizeBytes,
      late: paper.late,
      uploadedAt: paper.uploadedAt.toISOString(),
      uploadedBy: uploader?.name ?? null,
    };
  });
}

export async function downloadPaper(
  deps: Deps,
  actor: Actor,
  groupId: string,
  meetingId: string,
  paperId: string,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'paper.view');
  await requireMeeting(deps.db, groupId, meetingId);
  const paper = await repo.findPaperContent(deps.db, meetingId, paperId);
  if (!paper) throw notFound(NOT_FOUND.paper);
  return paper;
}

/**
 * A paper to show in the browser: who may download it may preview it. Its
 * media type is read again from its bytes; a kind the browser should not show
 * by itself comes back with `inline` null and goes as a download.
 */
export async function previewPaper(
  deps: Deps,
  actor: Actor,
  groupId: string,
  meetingId: string,
  paperId: string,
) {
  const paper = await downloadPaper(deps, actor, groupId, meetingId, paperId);
  const inline = await previewTypeOf(paper.content);
  return { ...paper, inline };
}
