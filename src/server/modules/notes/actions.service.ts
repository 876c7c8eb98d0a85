/** Actions across meetings: an owner who is a person, a due date, a status; reminders when overdue. */
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { FIELD } from '../../field-words.ts';
import { m } from './notes.messages.ts';
import { changedFields } from '../audit/audit-events.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, requireOwnOrAnyones } from '../groups/group-access.ts';
import { overdueActionEmail } from '../mail/emails/index.ts';
import { enqueue } from '../mail/outbox.repository.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import * as repo from './notes.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  actionParams,
  addActionBody,
  listActionsQuery,
  updateActionBody,
} from '../../../contracts/notes.ts';
import type { UseCaseInput } from '../../endpoints.ts';

const today = () => new Date().toISOString().slice(0, 10);

function present(row: repo.ActionRow, ownerName: string) {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.ownerId,
    ownerName,
    dueOn: row.dueOn,
    status: row.status as 'open' | 'done' | 'dropped',
    overdue: row.status === 'open' && row.dueOn < today(),
    meetingId: row.meetingId,
    itemId: row.itemId,
  };
}

export async function presentActions(
  db: Executor,
  groupId: string,
  filter: { ownerId?: string; status?: repo.ActionRow['status']; meetingId?: string },
) {
  const rows = await repo.listActions(db, groupId, filter);
  return rows.map((r) => present(r.action, r.ownerName));
}

export async function listActions(
  {
    groupId,
    ...query
  }: UseCaseInput<{ params: typeof groupParams; query: typeof listActionsQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'action.view');
  return {
    actions: await presentActions(deps.db, groupId, {
      ...(query.owner === 'me' ? { ownerId: access.actor.userId } : {}),
      ...(query.status !== 'all' ? { status: query.status } : {}),
    }),
  };
}

export async function addAction(
  { groupId, ...input }: UseCaseInput<{ params: typeof groupParams; body: typeof addActionBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'action.manage');
    const owner = await meetingsRepo.personInGroup(tx, groupId, input.ownerId);
    if (!owner) throw invalid({ ownerId: FIELD.notPersonInGroup });
    if (input.meetingId && !(await meetingsRepo.findMeeting(tx, groupId, input.meetingId)))
      throw invalid({ meetingId: FIELD.notMeetingOfGroup });
    if (
      input.itemId &&
      (!input.meetingId || !(await meetingsRepo.findItem(tx, input.meetingId, input.itemId)))
    )
      throw invalid({ itemId: FIELD.notItemOfThatMeeting });
    const row = await repo.insertAction(tx, {
      groupId,
      title: input.title,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      meetingId: input.meetingId ?? null,
      itemId: input.itemId ?? null,
      createdBy: access.actor.userId,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'action.added',
      subjectType: 'action',
      subjectId: row.id,
      detail: { ownerId: input.ownerId, dueOn: input.dueOn },
    });
    return present(row, owner.name);
  });
}

export async function updateAction(
  {
    groupId,
    actionId,
    ...input
  }: UseCaseInput<{ params: typeof actionParams; body: typeof updateActionBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'action.update');
    const row = await repo.findAction(tx, groupId, actionId);
    if (!row) throw notFound(NOT_FOUND.action);
    requireOwnOrAnyones(access, 'action.update', row.ownerId, m.actionOwnerOnly);
    if (input.ownerId && !(await meetingsRepo.personInGroup(tx, groupId, input.ownerId)))
      throw invalid({ ownerId: FIELD.notPersonInGroup });
    const updated = await repo.updateAction(tx, actionId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn, overdueRemindedOn: null } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'action.updated',
      subjectType: 'action',
      subjectId: actionId,
      detail: {
        changed: changedFields(input),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      },
    });
    const owner = await meetingsRepo.personInGroup(tx, groupId, updated.ownerId);
    return present(updated, owner?.name ?? '');
  });
}

/** Emails owners of overdue actions, at most once a week each. Safe in every instance. */
export async function remindOverdueActions(deps: Deps): Promise<number> {
  const day = today();
  let sent = 0;
  for (const due of await repo.overdueActions(deps.db, day)) {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.claimOverdueReminder(tx, due.action.id, day))) return;
      await enqueue(tx, {
        to: due.email,
        ...overdueActionEmail(due.language, {
          name: due.ownerName,
          dueOn: due.action.dueOn,
          link: `${deps.config.baseUrl}/groups/${due.action.groupId}/actions`,
        }),
      });
      sent++;
    });
  }
  if (sent > 0) deps.kickMail();
  return sent;
}
