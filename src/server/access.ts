/**
 * Who may do what: the one table. Every service checks it first, and the
 * access-matrix test compares every endpoint's answers with it.
 *
 * Roles in a group are held one at a time (chair, note-taker, observer, or
 * participant for everyone else). "signedIn" is any account; "admin" runs the
 * installation. Membership (member/participant by attendance) is not a role:
 * it is derived from attendance under the Terms of Reference in force.
 */
export const ROLES = [
  'anonymous',
  'signedIn',
  'participant',
  'observer',
  'noteTaker',
  'chair',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const GROUP_ROLES = ['participant', 'observer', 'note_taker', 'chair'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

const everyone: readonly Role[] = ROLES;
const signedIn: readonly Role[] = ['signedIn'];
const inGroup: readonly Role[] = ['participant', 'observer', 'noteTaker', 'chair'];
const contributors: readonly Role[] = ['participant', 'noteTaker', 'chair'];

export const ACCESS = {
  // Accounts: anyone may try; the service decides by credentials.
  'account.register': everyone,
  'account.signIn': everyone,
  'account.signOut': everyone,
  'account.read': signedIn,
  'account.tokens': signedIn,
  'account.update': signedIn,

  // Groups
  'group.create': signedIn,
  'group.listMine': signedIn,
  /** Seeing that a group exists at all. Anyone else is told it does not exist. */
  'group.view': [...inGroup, 'admin'],
  'group.update': ['chair', 'admin'],
  'group.createWorkingGroup': ['chair', 'admin'],
  'group.people.list': [...contributors, 'admin'],
  'group.invite': ['chair'],
  'group.join': signedIn,
  'group.role.set': ['chair', 'admin'],
  'group.person.remove': ['chair', 'admin'],
  'group.leave': inGroup,

  // Terms of Reference: confidential to the people who take part (not observers).
  'terms.view': contributors,
  'terms.draft': ['chair'],
  'terms.accept': contributors,
  'reminder.raise': contributors,
  'reminder.view': contributors,

  // Meetings: the group sees its meetings; chairs run the schedule and the agenda.
  'meeting.view': inGroup,
  'meeting.manage': ['chair'],
  'agenda.add': contributors,
  'interest.declare': contributors,
  'paper.view': contributors,
  'paper.upload': contributors,
  'attendance.respond': inGroup,
  'attendance.record': ['chair', 'noteTaker'],
  'attendance.checkInLink': ['chair', 'noteTaker'],
  'attendance.import': ['chair', 'noteTaker'],
  'membership.view': [...contributors, 'admin'],
  /** Who counts in the quorum's categories ("at least 2 carers"): chairs only, as it can be sensitive. */
  'quorumCategories.manage': ['chair'],
  'workingGroup.view': [...inGroup, 'admin'],
  'workingGroup.commit': contributors,
  // Decisions: the people who take part deliberate; chairs run the checks and
  // votes (the ToR's decision rules narrow who may call a vote further).
  'proposal.view': contributors,
  'proposal.create': contributors,
  'consensus.run': ['chair'],
  'consensus.answer': contributors,
  'vote.call': ['chair'],
  'vote.cast': contributors,
  'vote.close': ['chair'],
  'decision.view': contributors,
  'decision.correct': ['chair'],

  // Notes (Chatham House Rule), actions, learning, suggestions: the group's own,
  // confidential until the group releases them.
  'notes.view': contributors,
  'notes.write': ['chair', 'noteTaker'],
  'notes.comment': contributors,
  'notes.approve': ['chair'],
  'action.view': contributors,
  'action.manage': contributors,
  'release.manage': ['chair'],
  'release.readPublic': everyone,
  /** Links with other groups (a chair of each agrees), which releases to other groups need. */
  'groupLink.manage': ['chair'],
  /** Items linked groups offer to this one: a chair accepts or declines them for the group. */
  'releaseOffer.manage': ['chair'],
  'learning.view': contributors,
  'learning.add': contributors,
  'suggestion.view': contributors,
  'suggestion.add': contributors,
  'suggestion.outcome': ['chair'],
  search: contributors,

  'calendar.feeds': signedIn,
  'calendar.read': everyone,
  'notifications.settings': signedIn,

  // Installation
  'outbox.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACCESS;

export function can(roles: ReadonlySet<Role>, action: Action): boolean {
  return (ACCESS[action] as readonly Role[]).some((role) => roles.has(role));
}

export function roleOf(groupRole: GroupRole): Role {
  return groupRole === 'note_taker' ? 'noteTaker' : groupRole;
}

export type Actor = { userId: string; isAdmin: boolean } | null;

/** The roles an actor holds, optionally within one group. */
export function rolesOf(actor: Actor, groupRole?: GroupRole | null): Set<Role> {
  if (!actor) return new Set(['anonymous']);
  const roles = new Set<Role>(['signedIn']);
  if (actor.isAdmin) roles.add('admin');
  if (groupRole) roles.add(roleOf(groupRole));
  return roles;
}

export class AccessDenied extends Error {
  constructor(
    readonly action: Action,
    readonly anonymous: boolean,
  ) {
    super(`not allowed: ${action}`);
  }
}

/** Checks an action that is not about one group; returns the signed-in actor when there is one. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(rolesOf(actor), action)) throw new AccessDenied(action, actor === null);
}

export function requireSignedIn(actor: Actor, action: Action): NonNullable<Actor> {
  authorize(actor, action);
  if (!actor) throw new AccessDenied(action, true);
  return actor;
}
