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

async function ok<T = any>(
  answer: Promise<{ status: number; text: string; body: T }>,
  what: string,
) {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what} failed: ${done.status} ${done.text}`);
  return done.body;
}

/** Invites `people` with one link and has each of them join. */
export async function joinAll(chair: Client, groupId: string, people: readonly Person[]) {
  const invitation = await ok(
    chair.post(`/api/v1/groups/${groupId}/invitations`, {}),
    'createInvitation',
  );
  await Promise.all(
    people.map((p) => ok(p.client.post('/api/v1/join', { token: invitation.token }), 'join')),
  );
  return invitation as { invitation: { id: string }; token: string };
}

export async function setRole(chair: Client, groupId: string, person: Person, role: string) {
  await ok(
    chair.put(`/api/v1/groups/${groupId}/people/${person.id}/role`, { role }),
    `setGroupRole ${role}`,
  );
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
  const created = await ok(
    chair.post('/api/v1/groups', { name, purpose: 'Implement the consultation decisions' }),
    'createGroup',
  );
  const id = created.group.id as string;
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
  const base = `/api/v1/groups/${id}/terms`;
  if (terms.inForce) {
    await ok(chair.post(`${base}/draft`, { from: 'template' }), 'createTermsDraft');
    await ok(chair.post(`${base}/draft/adopt`, { adoptedOn: londonToday() }), 'adoptTermsDraft');
  }
  if (terms.draft) {
    const draft = await ok(chair.post(`${base}/draft`, {}), 'createTermsDraft');
    draftDocument = draft.document;
  }
  return { id, invitationId: invitation.id, invitationToken: token, draftDocument };
}
