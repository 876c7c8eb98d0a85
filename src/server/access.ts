/**
 * Who may do what: the one table. Every service checks it first, and the
 * access-matrix test compares every endpoint's answers with it.
 *
 * Roles in a group are held one at a time (chair, note-taker, observer, or
 * participant for everyone else). "signedIn" is any account; "admin" runs the
 * installation. Membership (member/participant by attendance) is not a role:
 * it is derived from attendance under the Terms of Reference in force.
 */
import { GROUP_ROLES } from '../contracts/domains.ts';

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

export { GROUP_ROLES };
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
  'account.session': everyone,
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
  /** A group's public page: its purpose, how to ask to join, meeting dates if it shows them. */
  'publicPage.read': everyone,
  /** Whether the page is listed, and whether it shows meeting dates. */
  'publicPage.manage': ['chair'],
  /** Asking to join from the public page: anyone signed in who is not in the group yet. */
  'joinRequest.create': signedIn,
  /** Seeing the open requests to join, and accepting or declining them. */
  'joinRequest.manage': ['chair'],

  // Terms of Reference: confidential to the people who take part (not observers).
  'terms.view': contributors,
  'terms.draft': ['chair'],
  'terms.accept': contributors,
  'reminder.raise': contributors,
  'reminder.view': contributors,

  // Meetings: the group sees its meetings; chairs run the schedule and the agenda.
  'meeting.view': inGroup,
  'meeting.manage': ['chair'],
  /** Running the meeting while it is on: which agenda item is being taken now. */
  'meeting.run': ['chair'],
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
  /** Editing or withdrawing a draft: its raiser, or a chair (see ON_ANYONES). */
  'proposal.edit': contributors,
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
  /** Updating an action: its owner, a chair or a note-taker (see ON_ANYONES). */
  'action.update': contributors,
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

/**
 * Parts of an answer that not everyone allowed the operation sees, and who
 * sees each: services decide with `shows`, and test/api/shown.test.ts asks
 * each part of every role.
 */
export const SHOWN = {
  /** Why someone sent their apologies (the meeting page, the register): others see only that they did. */
  'attendance.apologyReasons': ['chair'],
  /** A meeting's agenda before it is published to the group: observers see it once it is. */
  'agenda.unpublished': contributors,
} as const satisfies Record<string, readonly Role[]>;

export type ShownPart = keyof typeof SHOWN;

/** Whether someone holding `roles` sees `part` of an answer. */
export function shows(roles: ReadonlySet<Role>, part: ShownPart): boolean {
  return (SHOWN[part] as readonly Role[]).some((role) => roles.has(role));
}

/**
 * Actions on one thing that anyone ACCESS allows may take on their own (a
 * proposal they raised, an action they own), and only these roles on anyone
 * else's. The access-matrix test asks both ways.
 */
export const ON_ANYONES = {
  'proposal.edit': ['chair'],
  'action.update': ['chair', 'noteTaker'],
} as const satisfies Partial<Record<Action, readonly Role[]>>;

export type OwnedAction = keyof typeof ON_ANYONES;

/** Whether someone holding `roles` may take `action` on a thing that is theirs (`own`) or not. */
export function canOn(
  roles: ReadonlySet<Role>,
  action: OwnedAction,
  { own }: { own: boolean },
): boolean {
  if (!can(roles, action)) return false;
  return own || (ON_ANYONES[action] as readonly Role[]).some((role) => roles.has(role));
}

export function roleOf(groupRole: GroupRole): Role {
  return groupRole === 'note_taker' ? 'noteTaker' : groupRole;
}

/**
 * Whether a person holding `groupRole` in a group may take `action` there: for
 * deciding what goes to each person on a list (reminders, notices), where
 * there is no signed-in actor.
 */
export function groupRoleCan(groupRole: GroupRole, action: Action): boolean {
  return can(new Set([roleOf(groupRole)]), action);
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

const meetingFields = (at: string) =>
  [
    'id',
    'groupId',
    'title',
    'startsAt',
    'endsAt',
    'timeZone',
    'place',
    'onlineUrl',
    'status',
    'phase',
    'source',
    'moved',
    'movedReason',
    'cancelledReason',
    'agendaPublished',
    'myIntent',
  ].map((field) => `${at}.${field}`);

/**
 * Everything an observer may read, operation by operation: each field of the
 * answer by its path (`agenda[].title`: `[]` is every item of a list; a path
 * names the whole value under it). Observers see that the group exists, its
 * meetings and their published business, and what the group releases; never
 * another person's name, email or id (declarations of interest, attendees,
 * working-group commitments and papers' uploaders are the group's own).
 * Services pass an observer's answer through `observerView`, and
 * test/api/security/observers.test.ts fails if an answer carries any other field.
 */
export const OBSERVER_FIELDS = {
  getGroup: [
    'id',
    'name',
    'purpose',
    'parent.id',
    'parent.name',
    'termsKey',
    'workingGroups[].id',
    'workingGroups[].name',
    'workingGroups[].purpose',
    'myRole',
    'peopleCount',
    'createdAt',
  ],
  listMeetings: meetingFields('meetings[]'),
  getMeeting: [
    ...meetingFields('meeting'),
    'workingGroup.key',
    'workingGroup.title',
    ...['id', 'position', 'title', 'purpose', 'remitKey', 'remitTitle', 'placement'].map(
      (field) => `agenda[].${field}`,
    ),
    'papersDueAt',
    'declareInterests',
    'remitAreas[].key',
    'remitAreas[].title',
    'remitAreas[].inScope',
    'counts.attending',
    'counts.apologies',
    'counts.present',
    'counts.noAnswer',
    'checkIn.opensAt',
    'checkIn.closesAt',
    'checkIn.open',
    'quorum.required',
    'quorum.present',
    'quorum.met',
    'quorum.explanation',
    'currentItem.id',
    'currentItem.title',
    'can.manage',
    'can.run',
    'can.addItem',
    'can.uploadPaper',
    'can.recordAttendance',
    'can.rsvp',
  ],
  listWorkingGroupCommitments: [
    'workingGroup.id',
    'workingGroup.name',
    'workingGroup.termsKey',
    'workingGroup.remit[].key',
    'workingGroup.remit[].title',
  ],
  rsvp: ['response'],
  checkIn: ['mark', 'checkedInAt', 'meeting.id', 'meeting.title'],
} as const satisfies Record<string, readonly string[]>;

export type ObservedOperation = keyof typeof OBSERVER_FIELDS;

/** Whether `path` (`agenda[].title`) is readable under `readable`: listed, or under a listed path. */
export function isReadable(readable: readonly string[], path: string): boolean {
  return readable.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[]`));
}

function opensInto(readable: readonly string[], path: string): boolean {
  return readable.some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[]`));
}

function keepReadable(value: unknown, path: string, readable: readonly string[]): unknown {
  if (path !== '' && isReadable(readable, path)) return value;
  if (Array.isArray(value)) return value.map((item) => keepReadable(item, `${path}[]`, readable));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const at = path ? `${path}.${key}` : key;
      if (isReadable(readable, at) || opensInto(readable, at)) {
        return [key, keepReadable(field, at, readable)];
      }
      // Not for observers: a list is shown empty, anything else as absent (null).
      return [key, Array.isArray(field) ? [] : null];
    }),
  );
}

/** An answer as an observer may read it: the fields OBSERVER_FIELDS lists for the operation, and nothing else. */
export function observerView<T>(operation: ObservedOperation, answer: T): T {
  return keepReadable(answer, '', OBSERVER_FIELDS[operation]) as T;
}

/** The answer as someone with `groupRole` in the group may read it (observers: `observerView`). */
export function shapedFor<T>(
  groupRole: GroupRole | null | undefined,
  operation: ObservedOperation,
  answer: T,
): T {
  return groupRole === 'observer' ? observerView(operation, answer) : answer;
}
