import {
  AccessDenied,
  can,
  canOn,
  rolesOf,
  type Action,
  type Actor,
  type OwnedAction,
} from '../../access.ts';
import type { Reader } from '../../deps.ts';
import { forbidden, NOT_FOUND, notFound, type Words } from '../../errors.ts';
import { m } from './groups.messages.ts';
import { findGroupFor } from './groups.repository.ts';

export type GroupAccess = NonNullable<Awaited<ReturnType<typeof findGroupFor>>> & {
  actor: NonNullable<Actor>;
};

/**
 * The access check every group use case starts with. Someone who may not see
 * the group is told it does not exist, exactly as for a group that does not.
 */
export async function requireGroupAccess(
  db: Reader,
  actor: Actor,
  groupId: string,
  action: Action,
): Promise<GroupAccess> {
  if (!actor) throw new AccessDenied(action, true);
  const found = await findGroupFor(db, groupId, actor.userId);
  const roles = rolesOf(actor, found?.role);
  if (!found || !can(roles, 'group.view')) throw notFound(NOT_FOUND.group);
  if (!can(roles, action)) throw forbidden(deniedMessage(action));
  return { ...found, actor };
}

/**
 * The second half of a rule of ON_ANYONES, once requireGroupAccess has let the
 * actor in and the thing is found: someone else's thing is refused with
 * `refusal` (as is a thing whose owner's account is gone) unless the actor's role may take the action on anyone's.
 */
export function requireOwnOrAnyones(
  access: GroupAccess,
  action: OwnedAction,
  ownerId: string | null,
  refusal: Words,
): void {
  const own = ownerId === access.actor.userId;
  if (!canOn(rolesOf(access.actor, access.role), action, { own })) throw forbidden(refusal);
}

function deniedMessage(action: Action): Words {
  switch (action) {
    case 'group.update':
    case 'group.createWorkingGroup':
    case 'group.invite':
    case 'group.role.set':
    case 'group.person.remove':
    case 'terms.draft':
    case 'meeting.manage':
    case 'meeting.run':
    case 'consensus.run':
    case 'vote.call':
    case 'vote.close':
    case 'decision.correct':
    case 'notes.approve':
    case 'release.manage':
    case 'groupLink.manage':
    case 'releaseOffer.manage':
    case 'suggestion.outcome':
    case 'publicPage.manage':
    case 'joinRequest.manage':
      return m.chairOnly;
    case 'attendance.record':
    case 'attendance.checkInLink':
    case 'attendance.import':
    case 'notes.write':
      return m.chairOrNoteTaker;
    default:
      return m.roleNotAllowed;
  }
}
