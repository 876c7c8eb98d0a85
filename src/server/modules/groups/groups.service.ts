import type {
  Group,
  GroupRoleName,
  groupParams,
  invitationParams,
  createInvitationBody,
  personParams,
  setRoleBody,
  updateGroupBody,
  createGroupBody,
  joinBody,
} from '../../../contracts/groups.ts';
import { requireSignedIn, shapedFor, type Actor } from '../../access.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { AppError, conflict, invalid, notFound, NOT_FOUND, say } from '../../errors.ts';
import { m } from './groups.messages.ts';
import { hashSecret, newSecret } from '../../secrets.ts';
import { changedFields } from '../audit/audit-events.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { findUserByEmail, findUserById } from '../accounts/accounts.repository.ts';
import { invitationEmail } from '../mail/emails/index.ts';
import { enqueue } from '../mail/outbox.repository.ts';
import { requireGroupAccess } from './group-access.ts';
import * as repo from './groups.repository.ts';
import { findInForce } from '../terms/terms.repository.ts';
import type { Terms } from '../../../policy/index.ts';
import type { UseCaseInput } from '../../endpoints.ts';

/** A working group's key must name a working group in its parent's ToR in force, once. */
async function checkTermsKey(
  tx: Executor,
  parentId: string,
  groupId: string | null,
  key: string,
): Promise<void> {
  const inForce = await findInForce(tx, parentId);
  if (!inForce) throw invalid({ termsKey: m.noParentTerms });
  const terms = inForce.document as Terms;
  if (!terms.workingGroups.some((w) => w.key === key))
    throw invalid({
      termsKey: say(m.notAWorkingGroupKey, {
        keys: terms.workingGroups.map((w) => w.key).join(', ') || 'none',
      }),
    });
  if (await repo.termsKeyTaken(tx, parentId, key, groupId))
    throw conflict(m.keyTaken, { termsKey: m.keyTakenField });
}

function toIso(date: Date): string {
  return date.toISOString();
}

export async function createGroup(
  input: UseCaseInput<{ body: typeof createGroupBody }>,
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'group.create');
  return deps.db.transaction(async (tx) => {
    if (input.parentId) {
      const parent = await requireGroupAccess(
        tx,
        actor,
        input.parentId,
        'group.createWorkingGroup',
      );
      if (parent.group.parentId) {
        throw invalid({ parentId: m.parentIsWorkingGroup });
      }
    }
    if (input.termsKey !== undefined) {
      if (!input.parentId) throw invalid({ termsKey: m.onlyWorkingGroupsHaveKeys });
      await checkTermsKey(tx, input.parentId, null, input.termsKey);
    }
    const group = await repo.insertGroup(tx, {
      name: input.name,
      purpose: input.purpose,
      parentId: input.parentId ?? null,
      termsKey: input.termsKey ?? null,
      createdBy: signedIn.userId,
    });
    await repo.addPerson(tx, group.id, signedIn.userId, 'chair');
    await writeAudit(tx, {
      actorId: signedIn.userId,
      groupId: group.id,
      action: input.parentId ? 'group.working_group_created' : 'group.created',
      subjectType: 'group',
      subjectId: group.id,
      detail: { name: group.name, parentId: group.parentId },
    });
    return {
      id: group.id,
      name: group.name,
      purpose: group.purpose,
      parentId: group.parentId,
      myRole: 'chair' as const,
    };
  });
}

export async function listMyGroups(_input: unknown, { deps, actor }: UseCaseScope) {
  const signedIn = requireSignedIn(actor, 'group.listMine');
  const rows = await repo.listGroupsOf(deps.db, signedIn.userId);
  return rows.map((r) => ({ ...r, myRole: r.myRole as GroupRoleName }));
}

export async function getGroup(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
): Promise<Group> {
  const found = await requireGroupAccess(deps.database, actor, groupId, 'group.view');
  return shapedFor(found.role, 'getGroup', {
    id: found.group.id,
    name: found.group.name,
    purpose: found.group.purpose,
    parent:
      found.group.parentId && found.parentName !== null
        ? { id: found.group.parentId, name: found.parentName }
        : null,
    termsKey: found.group.termsKey,
    workingGroups: found.workingGroups,
    myRole: found.role,
    peopleCount: found.peopleCount,
    createdAt: toIso(found.group.createdAt),
  });
}

export async function updateGroup(
  {
    groupId,
    ...changes
  }: UseCaseInput<{ params: typeof groupParams; body: typeof updateGroupBody }>,
  { deps, actor }: UseCaseScope,
): Promise<Group> {
  await deps.db.transaction(async (tx) => {
    const found = await requireGroupAccess(tx, actor, groupId, 'group.update');
    if (changes.termsKey !== undefined) {
      if (!found.group.parentId) throw invalid({ termsKey: m.onlyWorkingGroupsHaveKeys });
      if (changes.termsKey !== null)
        await checkTermsKey(tx, found.group.parentId, groupId, changes.termsKey);
    }
    await repo.updateGroup(tx, groupId, changes);
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: 'group.updated',
      subjectType: 'group',
      subjectId: groupId,
      detail: { changed: changedFields(changes) },
    });
  });
  return getGroup({ groupId }, { deps, actor });
}

export async function listGroupPeople(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'group.people.list');
  const rows = await repo.listPeople(deps.db, groupId);
  return rows.map((r) => ({ ...r, role: r.role as GroupRoleName, joinedAt: toIso(r.joinedAt) }));
}

async function keepOneChair(tx: Executor, groupId: string, leavingChair: boolean) {
  if (!leavingChair) return;
  if ((await repo.countChairs(tx, groupId)) <= 1) {
    throw conflict(m.needsAChair, { userId: m.onlyChair });
  }
}

/**
 * Role changes take the group's lock before the access check, so the check
 * sees the roles as they are now: a chair demoted a moment ago by a co-chair
 * acts as the participant they have become, not as the chair they were.
 */
async function lockBeforeChecking(tx: Executor, actor: Actor, groupId: string) {
  if (actor) await repo.lockPeople(tx, groupId);
}

export async function setGroupRole(
  {
    groupId,
    userId,
    role,
  }: UseCaseInput<{ params: typeof personParams; body: typeof setRoleBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    await lockBeforeChecking(tx, actor, groupId);
    const found = await requireGroupAccess(tx, actor, groupId, 'group.role.set');
    const current = await repo.findRole(tx, groupId, userId);
    if (!current) throw notFound(NOT_FOUND.personInGroup);
    if (current !== role) {
      await keepOneChair(tx, groupId, current === 'chair');
      await repo.setRole(tx, groupId, userId, role);
      await writeAudit(tx, {
        actorId: found.actor.userId,
        groupId,
        action: 'group.role_set',
        subjectType: 'user',
        subjectId: userId,
        detail: { from: current, to: role },
      });
    }
    const people = await repo.listPeople(tx, groupId);
    const person = people.find((p) => p.userId === userId);
    if (!person) throw notFound(NOT_FOUND.personInGroup);
    return { ...person, role: person.role as GroupRoleName, joinedAt: toIso(person.joinedAt) };
  });
}

/** A chair removes someone, or a person leaves (removes themselves). */
export async function removeFromGroup(
  { groupId, userId }: UseCaseInput<{ params: typeof personParams }>,
  { deps, actor }: UseCaseScope,
) {
  const self = actor?.userId === userId;
  await deps.db.transaction(async (tx) => {
    await lockBeforeChecking(tx, actor, groupId);
    const found = await requireGroupAccess(
      tx,
      actor,
      groupId,
      self ? 'group.leave' : 'group.person.remove',
    );
    const current = await repo.findRole(tx, groupId, userId);
    if (!current) throw notFound(NOT_FOUND.personInGroup);
    await keepOneChair(tx, groupId, current === 'chair');
    await repo.removePerson(tx, groupId, userId);
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: self ? 'group.left' : 'group.person_removed',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

function toInvitation(row: Awaited<ReturnType<typeof repo.listInvitations>>[number]) {
  return {
    id: row.id,
    email: row.email,
    createdAt: toIso(row.createdAt),
    expiresAt: row.expiresAt ? toIso(row.expiresAt) : null,
    revoked: row.revokedAt !== null,
  };
}

export async function createInvitation(
  {
    groupId,
    ...input
  }: UseCaseInput<{ params: typeof groupParams; body: typeof createInvitationBody }>,
  { deps, actor }: UseCaseScope,
) {
  const token = newSecret();
  const link = `${deps.config.baseUrl}/join#${token}`;
  const created = await deps.db.transaction(async (tx) => {
    const found = await requireGroupAccess(tx, actor, groupId, 'group.invite');
    const row = await repo.insertInvitation(tx, {
      groupId,
      tokenHash: hashSecret(token),
      email: input.email ?? null,
      createdBy: found.actor.userId,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    if (input.email) {
      // In the invitee's language if they have an account, else in the inviter's.
      const language =
        (await findUserByEmail(tx, input.email))?.language ??
        (await findUserById(tx, found.actor.userId))?.language;
      await enqueue(tx, {
        to: input.email,
        ...invitationEmail(language, {
          groupName: found.group.name,
          purpose: found.group.purpose || null,
          link,
        }),
      });
    }
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: 'group.invitation_created',
      subjectType: 'invitation',
      subjectId: row.id,
      detail: { emailed: Boolean(input.email) },
    });
    return row;
  });
  if (input.email) deps.kickMail();
  return { invitation: toInvitation(created), link, token };
}

export async function listInvitations(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'group.invite');
  return (await repo.listInvitations(deps.db, groupId)).map(toInvitation);
}

export async function revokeInvitation(
  { groupId, invitationId }: UseCaseInput<{ params: typeof invitationParams }>,
  { deps, actor }: UseCaseScope,
) {
  await deps.db.transaction(async (tx) => {
    const found = await requireGroupAccess(tx, actor, groupId, 'group.invite');
    if (!(await repo.revokeInvitation(tx, groupId, invitationId)))
      throw notFound(NOT_FOUND.invitation);
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: 'group.invitation_revoked',
      subjectType: 'invitation',
      subjectId: invitationId,
    });
  });
}

const INVITATION_GONE = () => new AppError('not_found', m.invitationGone);

/** What a person sees before joining: the link is the permission to see this much. */
export async function previewInvitation(deps: Deps, token: string) {
  const found = await repo.findUsableInvitation(deps.db, hashSecret(token));
  if (!found) throw INVITATION_GONE();
  return { group: { id: found.group.id, name: found.group.name, purpose: found.group.purpose } };
}

/**
 * Joining makes you a participant. Joining a working group also makes you a
 * participant of its steering group, so the working group's context is visible.
 */
export async function joinGroup(
  { token }: UseCaseInput<{ body: typeof joinBody }>,
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'group.join');
  return deps.db.transaction(async (tx) => {
    const found = await repo.findUsableInvitation(tx, hashSecret(token));
    if (!found) throw INVITATION_GONE();
    const { group } = found;
    const added = await repo.addPerson(tx, group.id, signedIn.userId, 'participant');
    if (added) {
      await writeAudit(tx, {
        actorId: signedIn.userId,
        groupId: group.id,
        action: 'group.joined',
        subjectType: 'user',
        subjectId: signedIn.userId,
        detail: { invitationId: found.invitation.id },
      });
    }
    if (
      group.parentId &&
      (await repo.addPerson(tx, group.parentId, signedIn.userId, 'participant'))
    ) {
      await writeAudit(tx, {
        actorId: signedIn.userId,
        groupId: group.parentId,
        action: 'group.joined',
        subjectType: 'user',
        subjectId: signedIn.userId,
        detail: { viaWorkingGroup: group.id, invitationId: found.invitation.id },
      });
    }
    const role = (await repo.findRole(tx, group.id, signedIn.userId)) ?? 'participant';
    return {
      id: group.id,
      name: group.name,
      purpose: group.purpose,
      parentId: group.parentId,
      myRole: role,
    };
  });
}
