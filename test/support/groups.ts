import type { GroupRoleName } from '../../src/contracts/groups.ts';
import type { Client } from '../harness.ts';
import { londonToday } from './meetings.ts';
import type { Person } from './people.ts';

/** The people of a populated group, one per role (and someone to act on). */
export type Cast = {
  /** Created the group: a chair. */
  owner: Person;
  /** A co-chair, so that a chair can leave or be demoted. */
  chair: Person;
  participant: Person;
  observer: Person;
  noteTaker: Person;
  /** A participant whom others remove or give a role to. */
  target: Person;
};

export type GroupFixture = {
  id: string;
  invitationId: string;
  invitationToken: string;
  /** The draft's document, when the group has a draft. */
  draftDocument: Record<string, unknown> | null;
};

export type TermsState = { inForce?: boolean; draft?: boolean };

/** Invites `people` with one link and has each of them join. */
export async function joinAll(chair: Client, groupId: string, people: readonly Person[]) {
  const invitation = await chair.callOk('createInvitation', { groupId });
  await Promise.all(people.map((p) => p.client.callOk('joinGroup', { token: invitation.token })));
  return invitation;
}

export async function setRole(chair: Client, groupId: string, person: Person, role: GroupRoleName) {
  await chair.callOk('setGroupRole', { groupId, userId: person.id, role });
}

/**
 * A group with someone in every role, built through the API as its people
 * would: created by the owner, joined by link, roles given by a chair; and,
 * when asked, Terms of Reference in force and/or a draft.
 */
export async function populatedGroup(
  cast: Cast,
  terms: TermsState = {},
  name = 'Steering group',
): Promise<GroupFixture> {
  const chair = cast.owner.client;
  const created = await chair.callOk('createGroup', {
    name,
    purpose: 'Implement the consultation decisions',
  });
  const id = created.group.id;
  const { invitation, token } = await joinAll(chair, id, [
    cast.chair,
    cast.participant,
    cast.observer,
    cast.noteTaker,
    cast.target,
  ]);
  await Promise.all([
    setRole(chair, id, cast.chair, 'chair'),
    setRole(chair, id, cast.observer, 'observer'),
    setRole(chair, id, cast.noteTaker, 'note_taker'),
  ]);
  let draftDocument: Record<string, unknown> | null = null;
  if (terms.inForce) {
    await chair.callOk('createTermsDraft', { groupId: id, from: 'template' });
    await chair.callOk('adoptTermsDraft', { groupId: id, adoptedOn: londonToday() });
  }
  if (terms.draft) {
    const draft = await chair.callOk('createTermsDraft', { groupId: id });
    draftDocument = draft.document;
  }
  return { id, invitationId: invitation.id, invitationToken: token, draftDocument };
}
