/**
 * "Smaller working groups will focus on specific areas"; "membership may
 * change as people commit time to working groups". Anyone taking part in the
 * steering group can commit to one of its working groups (with the hours a
 * month they can give, if they want to say) and step back later; the
 * commitments are kept as history.
 */
import type { Terms } from '../../../policy/index.ts';
import { shapedFor, type Actor } from '../../access.ts';
import type { Executor, UseCaseScope } from '../../deps.ts';
import { conflict, invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { m as gm } from '../groups/groups.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { addPerson, countChairs, removePerson } from '../groups/groups.repository.ts';
import { findInForce } from '../terms/terms.repository.ts';
import * as repo from './working-groups.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type { commitBody } from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

/**
 * The working group and the caller's access through its steering group.
 * Someone who may not see the steering group is told the group does not
 * exist, exactly as for a missing id.
 */
async function workingGroupFor(
  db: Executor,
  actor: Actor,
  groupId: string,
  action: 'workingGroup.commit' | 'workingGroup.view',
) {
  const group = await repo.findGroup(db, groupId);
  if (!group) {
    // Answers exactly as requireGroupAccess does for a missing group.
    await requireGroupAccess(db, actor, groupId, action);
    throw notFound(NOT_FOUND.group);
  }
  const parent = await requireGroupAccess(db, actor, group.parentId ?? group.id, action);
  if (!group.parentId) throw invalid({ groupId: gm.steeringGroup }, gm.notAWorkingGroup);
  return { group, parent };
}

function present(c: {
  userId: string;
  name: string;
  hoursPerMonth: number | null;
  committedAt: Date;
}) {
  return {
    userId: c.userId,
    name: c.name,
    hoursPerMonth: c.hoursPerMonth,
    committedAt: c.committedAt.toISOString(),
  };
}

export async function listWorkingGroupCommitments(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  const { group, parent } = await workingGroupFor(deps.db, actor, groupId, 'workingGroup.view');
  const [commitments, inForce] = await Promise.all([
    repo.currentCommitments(deps.db, groupId),
    findInForce(deps.db, parent.group.id),
  ]);
  const terms = inForce ? (inForce.document as Terms) : null;
  const entry = terms?.workingGroups.find((w) => w.key === group.termsKey);
  const remit = (entry?.remitKeys ?? []).map((key) => ({
    key,
    title: terms?.remit.inScope.find((a) => a.key === key)?.title ?? key,
  }));
  const mine = commitments.find((c) => c.userId === parent.actor.userId);
  return shapedFor(parent.role, 'listWorkingGroupCommitments', {
    workingGroup: { id: group.id, name: group.name, termsKey: group.termsKey, remit },
    commitments: commitments.map(present),
    mine: mine ? present(mine) : null,
  });
}

export async function joinWorkingGroup(
  { groupId, hoursPerMonth }: UseCaseInput<{ params: typeof groupParams; body: typeof commitBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const { group, parent } = await workingGroupFor(tx, actor, groupId, 'workingGroup.commit');
    const userId = parent.actor.userId;
    const joined = await addPerson(tx, group.id, userId, 'participant');
    const row = await repo.commit(tx, group.id, userId, hoursPerMonth);
    await writeAudit(tx, {
      actorId: userId,
      groupId: group.id,
      action: 'working_group.committed',
      subjectType: 'group',
      subjectId: group.id,
      detail: { hoursPerMonth, joinedGroup: Boolean(joined) },
    });
    const [me] = (await repo.currentCommitments(tx, group.id)).filter((c) => c.userId === userId);
    return present(me ?? { ...row, name: '' });
  });
}

export async function leaveWorkingGroup(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const { group, parent } = await workingGroupFor(tx, actor, groupId, 'workingGroup.commit');
    const userId = parent.actor.userId;
    const role = await repo.roleIn(tx, group.id, userId);
    if (role === 'chair' && (await countChairs(tx, group.id)) <= 1)
      throw conflict(gm.workingGroupNeedsChair);
    const ended = await repo.stepBack(tx, group.id, userId);
    if (role !== null) await removePerson(tx, group.id, userId);
    if (ended || role !== null) {
      await writeAudit(tx, {
        actorId: userId,
        groupId: group.id,
        action: 'working_group.stepped_back',
        subjectType: 'group',
        subjectId: group.id,
      });
    }
    return { ok: true as const };
  });
}
