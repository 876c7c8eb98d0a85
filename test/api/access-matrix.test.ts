/**
 * The access matrix: every endpoint of the OpenAPI document, asked by every
 * kind of person, compared with the one table in src/server/access.ts. Each
 * endpoint's action is the one its declaration publishes (x-access).
 *
 * Each kind of person asks twice where it makes sense: holding their role in
 * the group asked about ("own"), and holding the same role only in another
 * group ("other"), where they must be treated exactly like an outsider.
 *
 * Expected answers follow from the table and four rules:
 * - anonymous, on an action that needs an account: 401;
 * - someone who may not see the group (`group.view`): 404, byte for byte the
 *   404 for a group id that does not exist;
 * - someone who may see the group but not do the action: 403;
 * - someone allowed: 2xx.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, ON_ANYONES, type Action, type Role } from '../../src/server/access.ts';
import { type Answer, type Client, type TestApp, startTestApp } from '../harness.ts';
import { errorProblems } from '../support/errors.ts';
import {
  joinAll,
  populatedGroup,
  type Cast,
  type GroupFixture,
  type TermsState,
} from '../support/groups.ts';
import { londonToday } from '../support/meetings.ts';
import {
  registerPerson,
  signInAgain,
  tokenFromLatestMail,
  type Person,
} from '../support/people.ts';
import { agreeAndRelease, agreeToRelease } from '../support/releases.ts';

const MATRIX_ROLES = [
  'anonymous',
  'nonMember',
  'observer',
  'participant',
  'member',
  'noteTaker',
  'chair',
  'admin',
] as const;
type MatrixRole = (typeof MATRIX_ROLES)[number];

/** The roles of access.ts each kind of person holds in the group they belong to. */
const HELD: Record<MatrixRole, readonly Role[]> = {
  anonymous: ['anonymous'],
  // An outsider: signed in, in no group.
  nonMember: ['signedIn'],
  observer: ['signedIn', 'observer'],
  // Has joined but has not (yet) been to enough meetings to be a member.
  participant: ['signedIn', 'participant'],
  // A participant who is a member by attendance under the ToR in force.
  // Membership is not a role of access.ts: it must grant nothing more, nothing less
  // (except where a row says the ToR asks for members, as for ballots).
  member: ['signedIn', 'participant'],
  noteTaker: ['signedIn', 'noteTaker'],
  chair: ['signedIn', 'chair'],
  // Runs the installation and is not in the group.
  admin: ['signedIn', 'admin'],
};

/**
 * Where the asker holds their role: in the group asked about, or only in
 * another group. Anonymous, outsiders and administrators are the same
 * everywhere, so they ask only once.
 */
type Scope = 'own' | 'other';
const HELD_ELSEWHERE: readonly MatrixRole[] = [
  'observer',
  'participant',
  'member',
  'noteTaker',
  'chair',
];

function scopesOf(row: Row, operation: Operation, role: MatrixRole): Scope[] {
  // Not about a group (an account, a new group): there is no "other" group.
  if (!HELD_ELSEWHERE.includes(role) || !isAboutGroup(row, operation)) return ['own'];
  return row.scopes ? [...row.scopes] : ['own', 'other'];
}

/** The roles held in the group asked about. */
function held(role: MatrixRole, scope: Scope): readonly Role[] {
  return scope === 'own' ? HELD[role] : ['signedIn'];
}

const personKey = (role: Exclude<MatrixRole, 'anonymous'>, scope: Scope) =>
  scope === 'own' ? role : `${role}@other`;

type Outcome = 'allowed' | 'unauthenticated' | 'hidden' | 'forbidden';

type Cell = {
  role: MatrixRole;
  scope: Scope;
  /**
   * Expected to be turned away before the group is seen (401 or 404). Such a
   * cell acts on the shared fixture instead of a new group or proposal of its
   * own: were it wrongly let in, the matrix reports it (and fails) anyway.
   */
  refused: boolean;
  actor: Client;
  me: Person | null;
  group: GroupFixture;
};

type Row = {
  operationId: string;
  /** When one operation is checked against more than one action. */
  variant?: string;
  /**
   * Which of the operation's actions this row checks, where its x-access names
   * several; otherwise the row checks the one action the OpenAPI document
   * publishes for it.
   */
  action?: Action;
  /** About one group although its path has no group id (a working group's parent). */
  aboutGroup?: boolean;
  /**
   * About a group's public page, which anyone may find: no one is told the
   * group does not exist (the page is listed, as every group's is by default).
   */
  onPublicPage?: boolean;
  /** Needs a group of its own per cell, because the action changes or uses up what it acts on. */
  fresh?: TermsState;
  /** Needs a session of its own per cell (signing in or out replaces the session). */
  ownSession?: boolean;
  /** Who asks, when not everyone. */
  roles?: readonly MatrixRole[];
  /** Where they hold their role, when not both (see Scope). */
  scopes?: readonly Scope[];
  /**
   * The ToR asks for members by attendance (as for ballots): a participant who
   * is not yet a member may see it but is refused (403).
   */
  membersOnly?: boolean;
  /**
   * What the row acts on belongs to someone other than the asker (a proposal
   * another person raised): for an action of ON_ANYONES, only its roles may.
   */
  someoneElses?: boolean;
  params?: (cell: Cell) => Record<string, string> | Promise<Record<string, string>>;
  query?: string;
  body?: (cell: Cell) => unknown;
  /** A raw (non-JSON) body, such as a paper's file. */
  raw?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
};

let t: TestApp;
/** Who asks, by personKey: their role, and where they hold it. */
let people: Map<string, Person>;
/** The group the "other" askers belong to. */
let elsewhere: GroupFixture;
let cast: Cast;
let shared: GroupFixture;
/** What the shared group's meetings rows act on. */
let meetingFixture: {
  live: string;
  past: string;
  pastDate: string;
  item: string;
  paper: string;
  code: string;
  workingGroup: string;
  feedToken: string;
  proposal: string;
  decision: string;
  commentMeeting: string;
  action: string;
  /** An action owned by someone who asks no question of the matrix. */
  othersAction: string;
  releaseToWithdraw: string;
  /** The decision that agreed to withdraw releaseToWithdraw. */
  withdrawDecision: string;
  paperRelease: string;
  /** A release the working group offered to the shared group. */
  offer: string;
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Ids for a row about the shared group, or unknown ids for a group that does not exist. */
function isShared(cell: Cell): boolean {
  return cell.group.id === shared.id;
}
const meeting = (cell: Cell) => ({
  groupId: cell.group.id,
  meetingId: isShared(cell) ? meetingFixture.live : randomUUID(),
});
const item = (cell: Cell) => ({ ...meeting(cell), itemId: meetingFixture.item });

/** A new meeting of the shared group, made by its owner, for rows that use one up. */
async function freshMeeting(cell: Cell) {
  if (!isShared(cell)) return { groupId: cell.group.id, meetingId: randomUUID() };
  if (cell.refused) return { groupId: shared.id, meetingId: meetingFixture.live };
  const made = await cast.owner.client.post(`/api/v1/groups/${shared.id}/meetings`, {
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(),
  });
  if (made.status !== 201) throw new Error(`createMeeting failed: ${made.text}`);
  return { groupId: shared.id, meetingId: made.body.id as string };
}
/** Someone whose sign-in or password the cell uses up. */
async function throwaway(): Promise<Person> {
  return registerPerson(t, 'Someone Else');
}

const groupId = (cell: Cell) => ({ groupId: cell.group.id });

/** A request to join the cell's group, made by someone new, for a chair to answer. */
async function openJoinRequest(cell: Cell) {
  // Turned away before any request is looked at: no need to make one.
  if (cell.refused) return { groupId: cell.group.id, requestId: randomUUID() };
  const someone = await throwaway();
  const asked = await someone.client.post(
    `/api/v1/public/groups/${cell.group.id}/join-requests`,
    {},
  );
  if (asked.status !== 201) return { groupId: cell.group.id, requestId: randomUUID() };
  return { groupId: cell.group.id, requestId: asked.body.id as string };
}

/**
 * One row per operation (more when one operation is checked against more than
 * one action). The action comes from the operation's x-access in the OpenAPI
 * document; a row names one only to pick among several. A new operation needs
 * a row and, where it acts on something, params and a body for the shared
 * group: every kind of person, in their own group and holding their role in
 * another one, is then asked automatically. Use `cell.scope` when a row makes
 * something for the asker (as updateProposal does).
 */
const ROWS: Row[] = [
  // Operations and public pages.
  { operationId: 'health' },
  { operationId: 'ready' },
  { operationId: 'getCsrfToken' },

  // Accounts. Signing up and in is for anyone; a signed-in person may too.
  {
    operationId: 'register',
    ownSession: true,
    roles: ['anonymous', 'nonMember'],
    body: () => ({
      name: 'New Person',
      email: `new.${randomUUID()}@example.org`,
      password: 'correct horse battery',
    }),
  },
  {
    operationId: 'confirmRegistration',
    ownSession: true,
    roles: ['anonymous', 'nonMember'],
    body: async () => {
      const email = `pending.${randomUUID()}@example.org`;
      const password = 'correct horse battery';
      const asked = await t.client().post('/api/v1/accounts', { name: 'Pending', email, password });
      if (asked.status !== 202) throw new Error(`registration failed: ${asked.text}`);
      return { token: await tokenFromLatestMail(t, email, '/register/confirm'), password };
    },
  },
  {
    operationId: 'signIn',
    ownSession: true,
    roles: ['anonymous', 'nonMember'],
    body: async () => {
      const someone = await throwaway();
      return { email: someone.email, password: someone.password };
    },
  },
  {
    operationId: 'requestSignInLink',
    roles: ['anonymous', 'nonMember'],
    body: async () => ({ email: (await throwaway()).email }),
  },
  {
    operationId: 'signInWithLink',
    ownSession: true,
    roles: ['anonymous', 'nonMember'],
    body: async () => {
      const someone = await throwaway();
      const asked = await t.client().post('/api/v1/session/link-requests', {
        email: someone.email,
      });
      if (asked.status !== 202) throw new Error(`link request failed: ${asked.text}`);
      return { token: await tokenFromLatestMail(t, someone.email, '/sign-in/link') };
    },
  },
  {
    operationId: 'requestPasswordReset',
    roles: ['anonymous', 'nonMember'],
    body: async () => ({ email: (await throwaway()).email }),
  },
  {
    operationId: 'resetPassword',
    ownSession: true,
    roles: ['anonymous', 'nonMember'],
    body: async () => {
      const someone = await throwaway();
      const asked = await t.client().post('/api/v1/password-resets', { email: someone.email });
      if (asked.status !== 202) throw new Error(`reset request failed: ${asked.text}`);
      return {
        token: await tokenFromLatestMail(t, someone.email, '/reset-password'),
        password: 'a brand new password',
      };
    },
  },
  { operationId: 'signOut', ownSession: true },
  { operationId: 'getSession' },
  { operationId: 'getMe' },
  { operationId: 'updateMe', body: () => ({ knownAs: ['Matrix'] }) },
  {
    operationId: 'requestEmailChange',
    body: () => ({ email: `matrix.${crypto.randomUUID()}@example.org` }),
  },
  {
    operationId: 'confirmEmailChange',
    roles: ['anonymous', 'nonMember'],
    body: async () => {
      const someone = await throwaway();
      const email = `confirmed.${crypto.randomUUID()}@example.org`;
      const asked = await someone.client.post('/api/v1/me/email', { email });
      if (asked.status !== 202) throw new Error(`email change failed: ${asked.text}`);
      return { token: await tokenFromLatestMail(t, email) };
    },
  },
  { operationId: 'listApiTokens' },
  {
    operationId: 'createApiToken',
    body: () => ({ name: 'Matrix script' }),
  },
  {
    operationId: 'revokeApiToken',
    // A token of the asker's own.
    params: async (cell) => {
      if (!cell.me) return { tokenId: randomUUID() };
      const created = await cell.actor.post('/api/v1/me/tokens', { name: 'To revoke' });
      return { tokenId: created.body.token.id };
    },
  },

  // Groups.
  {
    operationId: 'createGroup',
    action: 'group.create',
    body: () => ({ name: 'A group of my own' }),
  },
  {
    operationId: 'createGroup',
    variant: 'a working group of this group',
    action: 'group.createWorkingGroup',
    aboutGroup: true,
    body: (cell) => ({ name: 'Housing working group', parentId: cell.group.id }),
  },
  { operationId: 'listMyGroups' },
  { operationId: 'getGroup', params: groupId },
  {
    operationId: 'updateGroup',
    params: groupId,
    body: () => ({ purpose: 'Implement the consultation decisions, together' }),
  },
  { operationId: 'listGroupPeople', params: groupId },
  {
    operationId: 'setGroupRole',
    fresh: {},
    params: (cell) => ({ groupId: cell.group.id, userId: cast.target.id }),
    body: () => ({ role: 'note_taker' }),
  },
  {
    operationId: 'removeFromGroup',
    variant: 'someone else',
    action: 'group.person.remove',
    fresh: {},
    params: (cell) => ({ groupId: cell.group.id, userId: cast.target.id }),
  },
  {
    operationId: 'removeFromGroup',
    variant: 'themselves (leaving)',
    action: 'group.leave',
    fresh: {},
    params: (cell) => ({ groupId: cell.group.id, userId: cell.me?.id ?? randomUUID() }),
  },
  { operationId: 'createInvitation', params: groupId, body: () => ({}) },
  { operationId: 'listInvitations', params: groupId },
  {
    operationId: 'revokeInvitation',
    fresh: {},
    params: (cell) => ({ groupId: cell.group.id, invitationId: cell.group.invitationId }),
  },
  // The link is the permission to see this much: anyone holding it may look.
  {
    operationId: 'getInvitation',
    params: (cell) => ({ token: cell.group.invitationToken }),
  },
  // Anyone signed in may join with a link, even to a group they cannot see yet.
  {
    operationId: 'joinGroup',
    fresh: {},
    body: (cell) => ({ token: cell.group.invitationToken }),
  },

  // Installation.
  { operationId: 'listOutbox' },

  // Terms of Reference.
  { operationId: 'getTermsInForce', params: groupId },
  { operationId: 'listTermsVersions', params: groupId },
  {
    operationId: 'getTermsVersion',
    params: (cell) => ({ groupId: cell.group.id, number: '1' }),
  },
  {
    operationId: 'downloadTermsVersion',
    params: (cell) => ({ groupId: cell.group.id, number: '1' }),
  },
  { operationId: 'getTermsDraft', params: groupId },
  {
    operationId: 'createTermsDraft',
    fresh: {},
    params: groupId,
    body: () => ({ from: 'template' }),
  },
  {
    operationId: 'updateTermsDraft',
    params: groupId,
    body: (cell) => ({ document: cell.group.draftDocument }),
  },
  {
    operationId: 'adoptTermsDraft',
    fresh: { draft: true },
    params: groupId,
    body: () => ({ adoptedOn: londonToday() }),
  },
  {
    operationId: 'diffTermsVersions',
    variant: 'between versions',
    action: 'terms.view',
    params: groupId,
    query: 'from=1&to=1',
  },
  {
    operationId: 'diffTermsVersions',
    variant: 'a version and the draft',
    action: 'terms.draft',
    params: groupId,
    query: 'from=1&to=draft',
  },
  {
    operationId: 'acceptTerms',
    params: groupId,
    body: () => ({ number: 1 }),
  },
  { operationId: 'listTermsAcceptances', params: groupId },
  {
    operationId: 'raiseBehaviourReminder',
    params: groupId,
    body: () => ({ clause: 1 }),
  },
  { operationId: 'listBehaviourReminders', params: groupId },

  // Meetings.
  { operationId: 'listMeetings', params: groupId },
  {
    operationId: 'scheduleMeetings',
    params: groupId,
    body: () => ({ months: 1 }),
  },
  {
    operationId: 'createMeeting',
    params: groupId,
    body: () => ({
      startsAt: '2027-02-09T18:00:00Z',
      endsAt: '2027-02-09T20:00:00Z',
      place: 'Community centre',
    }),
  },
  { operationId: 'getMeeting', params: meeting },
  {
    operationId: 'updateMeeting',
    params: meeting,
    body: () => ({ place: 'Library, room 2' }),
  },
  {
    operationId: 'cancelMeeting',
    params: freshMeeting,
    body: () => ({ reason: 'Not enough people free' }),
  },
  {
    operationId: 'addAgendaItem',
    params: meeting,
    body: () => ({ title: 'Repairs', purpose: 'To hear the plan', remitKey: 'area_a' }),
  },
  {
    operationId: 'updateAgendaItem',
    params: item,
    body: () => ({ purpose: 'To agree the plan' }),
  },
  {
    operationId: 'moveAgendaItemOutsideMeeting',
    params: async (cell) => {
      const ids = meeting(cell);
      if (!isShared(cell)) return { ...ids, itemId: randomUUID() };
      if (cell.refused) return { ...ids, itemId: meetingFixture.item };
      const made = await cast.owner.client.post(
        `/api/v1/groups/${shared.id}/meetings/${ids.meetingId}/agenda`,
        { title: 'A side issue', purpose: 'To raise it', remitKey: 'area_b' },
      );
      if (made.status !== 201) throw new Error(`addAgendaItem failed: ${made.text}`);
      return { ...ids, itemId: made.body.id as string };
    },
    body: () => ({ reason: 'Belongs elsewhere' }),
  },
  {
    operationId: 'setCurrentAgendaItem',
    params: meeting,
    body: () => ({ itemId: meetingFixture.item }),
  },
  {
    operationId: 'declareInterest',
    params: item,
    body: () => ({ interest: null }),
  },
  {
    operationId: 'uploadPaper',
    params: meeting,
    query: 'title=Budget&fileName=budget.pdf',
    raw: { bytes: PDF, contentType: 'application/octet-stream' },
  },
  {
    operationId: 'downloadPaper',
    params: (cell) => ({ ...meeting(cell), paperId: meetingFixture.paper }),
  },
  {
    operationId: 'previewPaper',
    params: (cell) => ({ ...meeting(cell), paperId: meetingFixture.paper }),
  },
  {
    operationId: 'rsvp',
    params: meeting,
    body: () => ({ response: 'attending' }),
  },
  {
    operationId: 'checkIn',
    params: meeting,
    body: () => ({ code: meetingFixture.code }),
  },
  { operationId: 'getCheckInLink', params: meeting },
  {
    operationId: 'recordAttendance',
    params: (cell) => ({ ...meeting(cell), userId: cast.target.id }),
    body: () => ({ mark: 'present_in_person' }),
  },
  {
    operationId: 'importAttendance',
    params: groupId,
    body: () => ({
      csv: `date,email,attendance\n${meetingFixture.pastDate},${cast.target.email},present\n`,
      reason: 'The paper register',
    }),
  },
  { operationId: 'listMembershipStatuses', params: groupId },
  {
    operationId: 'getPersonMembership',
    params: (cell) => ({ groupId: cell.group.id, userId: cast.target.id }),
  },
  { operationId: 'listQuorumCategories', params: groupId },
  {
    operationId: 'setPersonCategories',
    params: (cell) => ({ groupId: cell.group.id, userId: cast.target.id }),
    body: () => ({ categories: [] }),
  },

  // Working groups: asked about a working group, answered by the steering group's roles.
  {
    operationId: 'listWorkingGroupCommitments',
    params: (cell) => ({ groupId: isShared(cell) ? meetingFixture.workingGroup : cell.group.id }),
  },
  {
    operationId: 'joinWorkingGroup',
    params: (cell) => ({ groupId: isShared(cell) ? meetingFixture.workingGroup : cell.group.id }),
    body: () => ({ hoursPerMonth: 4 }),
  },
  {
    operationId: 'leaveWorkingGroup',
    params: (cell) => ({ groupId: isShared(cell) ? meetingFixture.workingGroup : cell.group.id }),
  },

  // Decisions.
  { operationId: 'listProposals', params: groupId },
  {
    operationId: 'createProposal',
    params: groupId,
    body: () => ({
      title: 'Publish the survey results',
      text: 'On the website.',
      closesAt: '2027-06-01T12:00:00Z',
    }),
  },
  {
    operationId: 'getProposal',
    params: (cell) => ({ groupId: cell.group.id, proposalId: meetingFixture.proposal }),
  },
  {
    // Anyone taking part may edit their own draft.
    operationId: 'updateProposal',
    variant: 'their own draft',
    params: async (cell) => {
      if (!isShared(cell)) return { groupId: cell.group.id, proposalId: randomUUID() };
      if (cell.refused) return { groupId: shared.id, proposalId: meetingFixture.proposal };
      const mayRaise =
        cell.scope === 'own' && ['participant', 'member', 'noteTaker', 'chair'].includes(cell.role);
      if (!mayRaise)
        return { groupId: shared.id, proposalId: (await proposalAt('draft')).proposalId };
      const made = await cell.actor.post(`/api/v1/groups/${shared.id}/proposals`, {
        title: 'My draft',
        text: 'To be edited.',
        closesAt: '2027-06-01T12:00:00Z',
      });
      return { groupId: shared.id, proposalId: made.body.id as string };
    },
    body: () => ({ text: 'Edited before the check opened.' }),
  },
  {
    // Someone else's draft: only a chair may edit it.
    operationId: 'updateProposal',
    variant: 'someone else’s draft',
    someoneElses: true,
    params: freshProposal('draft'),
    body: () => ({ text: 'Edited by someone who did not raise it.' }),
  },
  {
    operationId: 'openConsensusCheck',
    params: freshProposal('draft'),
  },
  {
    operationId: 'answerConsensusCheck',
    params: freshProposal('consensus'),
    body: () => ({ answer: 'concerns', reason: 'Too soon' }),
  },
  {
    operationId: 'closeConsensusCheck',
    params: freshProposal('consensus'),
    body: () => ({ outcome: 'no_consensus' }),
  },
  {
    operationId: 'callFormalVote',
    params: freshProposal('no_consensus'),
    body: () => ({}),
  },
  {
    operationId: 'castBallot',
    membersOnly: true,
    params: freshProposal('voting'),
    body: () => ({ choice: 'abstain' }),
  },
  {
    operationId: 'closeVote',
    params: freshProposal('voting'),
    body: () => ({}),
  },
  { operationId: 'listDecisions', params: groupId },
  {
    operationId: 'getDecision',
    params: (cell) => ({ groupId: cell.group.id, decisionId: meetingFixture.decision }),
  },
  {
    operationId: 'exportDecisions',
    params: groupId,
    query: 'format=csv',
  },
  {
    operationId: 'correctDecision',
    params: async (cell) => ({
      groupId: cell.group.id,
      decisionId: !isShared(cell)
        ? randomUUID()
        : cell.refused
          ? meetingFixture.decision
          : (await proposalAt('decided')).decisionId!,
    }),
    body: () => ({ finalText: 'From April.', reason: 'Misheard' }),
  },

  // Live events (the stream ends at once with ?once=1).
  { operationId: 'streamGroupEvents', params: groupId, query: 'once=1' },

  // Notes, actions, release, learning, suggestions, search.
  { operationId: 'getMeetingNotes', params: meeting },
  {
    operationId: 'updateMeetingNotes',
    params: meeting,
    body: () => ({ content: { summary: 'Plain notes, again.', items: [] } }),
  },
  { operationId: 'checkAttribution', params: meeting, body: () => ({}) },
  { operationId: 'circulateNotes', params: meeting },
  {
    operationId: 'commentOnNotes',
    params: (cell) => ({
      groupId: cell.group.id,
      meetingId: isShared(cell) ? meetingFixture.commentMeeting : randomUUID(),
    }),
    body: () => ({ body: 'Looks right.' }),
  },
  {
    operationId: 'approveNotes',
    params: async (cell) => {
      if (!isShared(cell)) return { groupId: cell.group.id, meetingId: randomUUID() };
      if (cell.refused) return { groupId: shared.id, meetingId: meetingFixture.commentMeeting };
      const owner = cast.owner.client;
      const made = await owner.post(`/api/v1/groups/${shared.id}/meetings`, {
        startsAt: '2026-05-12T17:00:00Z',
        endsAt: '2026-05-12T19:00:00Z',
      });
      const notes = `/api/v1/groups/${shared.id}/meetings/${made.body.id}/notes`;
      await owner.put(notes, { content: { summary: 'To approve.', items: [] } });
      await owner.post(`${notes}/circulate`);
      return { groupId: shared.id, meetingId: made.body.id as string };
    },
    body: () => ({ meetingId: meetingFixture.live }),
  },
  { operationId: 'listActions', params: groupId },
  {
    operationId: 'addAction',
    params: groupId,
    body: () => ({ title: 'Send the survey', ownerId: cast.target.id, dueOn: '2027-02-01' }),
  },
  {
    // The owner (the participant here; the member, theirs), a chair or a note-taker.
    operationId: 'updateAction',
    variant: 'their own, or as chair or note-taker',
    params: async (cell) => {
      const ownsOne = isShared(cell) && cell.scope === 'own' && cell.role === 'member';
      if (!ownsOne) return { groupId: cell.group.id, actionId: meetingFixture.action };
      // The member updates an action of their own, as the participant does.
      const made = await cast.owner.client.post(`/api/v1/groups/${shared.id}/actions`, {
        title: 'Print the agenda',
        ownerId: cell.me!.id,
        dueOn: '2027-01-12',
      });
      if (made.status !== 201) throw new Error(`addAction failed: ${made.text}`);
      return { groupId: shared.id, actionId: made.body.id as string };
    },
    body: () => ({ dueOn: '2027-03-01' }),
  },
  {
    // An action someone else owns: only a chair or a note-taker may update it.
    operationId: 'updateAction',
    variant: 'someone else’s',
    someoneElses: true,
    params: (cell) => ({
      groupId: cell.group.id,
      actionId: isShared(cell) ? meetingFixture.othersAction : randomUUID(),
    }),
    body: () => ({ dueOn: '2027-04-01' }),
  },
  {
    operationId: 'releaseItem',
    params: groupId,
    body: async (cell) => {
      if (!isShared(cell) || cell.role !== 'chair' || cell.scope !== 'own')
        return {
          itemType: 'learning',
          itemId: randomUUID(),
          audience: 'public',
          decisionId: meetingFixture.decision,
        };
      const entry = await cast.owner.client.post(`/api/v1/groups/${shared.id}/learning`, {
        whatHappened: 'A thing',
        whatWeLearned: 'A lesson',
        whatWeWillChange: 'A change',
        tags: [],
      });
      const item = { itemType: 'learning', itemId: entry.body.id as string };
      const { decisionId } = await agreeToRelease(cast.owner.client, shared.id, {
        items: [item],
      });
      return { ...item, audience: 'public', decisionId };
    },
  },
  { operationId: 'listReleasedItems', params: groupId },

  // The public page from the start, and asking to join from it.
  { operationId: 'getPublicGroupPage', params: groupId },
  {
    operationId: 'updatePublicPage',
    params: groupId,
    body: () => ({ showMeetings: true }),
  },
  {
    // Asked by people not in the group (those in it are told they already are):
    // anyone signed in, including people holding a role only in another group.
    operationId: 'askToJoinGroup',
    onPublicPage: true,
    scopes: ['other'],
    params: groupId,
    body: () => ({ message: 'I would like to help.' }),
  },
  { operationId: 'listJoinRequests', params: groupId },
  {
    operationId: 'acceptJoinRequest',
    fresh: {},
    params: (cell) => openJoinRequest(cell),
    body: () => ({}),
  },
  {
    operationId: 'declineJoinRequest',
    params: (cell) => openJoinRequest(cell),
    body: () => ({ note: 'We are full for now.' }),
  },
  {
    operationId: 'downloadReleasedPaper',
    params: (cell) => ({ groupId: cell.group.id, releaseId: meetingFixture.paperRelease }),
  },
  {
    operationId: 'withdrawRelease',
    params: (cell) => ({ groupId: cell.group.id, releaseId: meetingFixture.releaseToWithdraw }),
    body: () => ({ decisionId: meetingFixture.withdrawDecision }),
  },
  { operationId: 'listGroupLinks', params: groupId },
  {
    operationId: 'proposeGroupLink',
    params: groupId,
    body: () => ({ otherGroupId: randomUUID() }),
  },
  {
    // A request another group (chaired by the owner) made to link with this one.
    operationId: 'acceptGroupLink',
    params: async (cell) => {
      if (!isShared(cell) || cell.role !== 'chair')
        return { groupId: cell.group.id, linkId: randomUUID() };
      const asking = await cast.owner.client.post('/api/v1/groups', { name: 'Neighbours' });
      const asked = await cast.owner.client.post(`/api/v1/groups/${asking.body.group.id}/links`, {
        otherGroupId: shared.id,
      });
      return { groupId: shared.id, linkId: asked.body.id as string };
    },
  },
  {
    operationId: 'removeGroupLink',
    params: async (cell) => {
      if (!isShared(cell) || cell.role !== 'chair')
        return { groupId: cell.group.id, linkId: randomUUID() };
      const asked = await cast.owner.client.post(`/api/v1/groups/${shared.id}/links`, {
        otherGroupId: randomUUID(),
      });
      return { groupId: shared.id, linkId: asked.body.id as string };
    },
  },
  { operationId: 'listReleaseOffers', params: groupId },
  {
    operationId: 'answerReleaseOffer',
    params: (cell) => ({ groupId: cell.group.id, releaseId: meetingFixture.offer }),
    body: () => ({ answer: 'accept' }),
  },
  {
    operationId: 'addLearningEntry',
    params: groupId,
    body: () => ({
      whatHappened: 'The hearing loop failed',
      whatWeLearned: 'Test it first',
      whatWeWillChange: 'A check before each meeting',
      tags: ['access'],
    }),
  },
  { operationId: 'listLearningEntries', params: groupId },
  {
    operationId: 'addSuggestion',
    params: groupId,
    body: () => ({ text: 'Meet in the library' }),
  },
  { operationId: 'listSuggestions', params: groupId },
  {
    operationId: 'recordSuggestionOutcome',
    params: async (cell) => {
      if (!isShared(cell)) return { groupId: cell.group.id, suggestionId: randomUUID() };
      const made = await cast.owner.client.post(`/api/v1/groups/${shared.id}/suggestions`, {
        text: 'Try a walking meeting',
      });
      return { groupId: shared.id, suggestionId: made.body.id as string };
    },
    body: () => ({ meetingId: meetingFixture.past, outcome: 'We tried it in June' }),
  },
  { operationId: 'search', params: groupId, query: 'q=budget' },

  // Calendar feeds and reminder settings: each person's own.
  { operationId: 'listCalendarFeeds' },
  { operationId: 'createCalendarFeed', body: () => ({}) },
  {
    operationId: 'revokeCalendarFeed',
    params: async (cell) => {
      if (!cell.me) return { feedId: randomUUID() };
      const made = await cell.actor.post('/api/v1/calendar-feeds', {});
      return { feedId: made.body.id as string };
    },
  },
  {
    operationId: 'getCalendarFeed',
    params: () => ({ token: meetingFixture.feedToken }),
  },
  { operationId: 'getNotificationSettings' },
  {
    operationId: 'updateNotificationSettings',
    body: () => ({ weekBefore: true, dayBefore: false }),
  },
];

/** Who may call an operation, as the OpenAPI document publishes it (x-access). */
type Access = Action | 'public' | Action[];
type Operation = { operationId: string; method: string; path: string; access: Access | undefined };

async function documentedOperations(): Promise<Operation[]> {
  const answer = await t.client().get('/api/openapi.json');
  expect(answer.status).toBe(200);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(answer.body.paths as Record<string, object>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        access: operation['x-access'],
      });
    }
  }
  return operations;
}

function rowName(row: Row): string {
  return row.variant ? `${row.operationId} (${row.variant})` : row.operationId;
}

function isAboutGroup(row: Row, operation: Operation): boolean {
  return row.aboutGroup === true || operation.path.includes('{groupId}');
}

/**
 * The action a row checks: the one its operation publishes, or the one the row
 * picks from those it publishes. An operation without x-access fails here.
 */
function actionOf(row: Row, operation: Operation): Action | 'public' {
  const { access } = operation;
  if (access === undefined) throw new Error(`${row.operationId} publishes no x-access`);
  if (!Array.isArray(access)) {
    if (row.action && row.action !== access)
      throw new Error(`${rowName(row)} checks ${row.action}, but x-access says ${access}`);
    return access;
  }
  if (!row.action || !access.includes(row.action))
    throw new Error(`${rowName(row)} must pick one of its x-access actions: ${access.join(', ')}`);
  return row.action;
}

function allows(roles: readonly Role[], action: Action): boolean {
  return (ACCESS[action] as readonly Role[]).some((r) => roles.includes(r));
}

function expectedOutcome(row: Row, operation: Operation, role: MatrixRole, scope: Scope): Outcome {
  const action = actionOf(row, operation);
  if (action === 'public') return 'allowed';
  // Open to everyone (a group's public page): not about seeing the group.
  if (allows(HELD.anonymous, action)) return 'allowed';
  const roles = held(role, scope);
  if (role === 'anonymous' && !allows(roles, action)) return 'unauthenticated';
  if (isAboutGroup(row, operation) && !row.onPublicPage && !allows(roles, 'group.view')) {
    return 'hidden';
  }
  if (!allows(roles, action)) return 'forbidden';
  if (row.membersOnly && scope === 'own' && role === 'participant') return 'forbidden';
  if (row.someoneElses && action in ON_ANYONES) {
    const anyones: readonly Role[] = ON_ANYONES[action as keyof typeof ON_ANYONES];
    if (!anyones.some((r) => roles.includes(r))) return 'forbidden';
  }
  return 'allowed';
}

function observedOutcome(status: number): Outcome | `status ${number}` {
  if (status >= 200 && status < 300) return 'allowed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return `status ${status}`;
}

async function send(operation: Operation, row: Row, cell: Cell): Promise<Answer> {
  const params = (await row.params?.(cell)) ?? {};
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${rowName(row)} gives no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const url = row.query ? `${path}?${row.query}` : path;
  if (row.raw) {
    return cell.actor.request(operation.method, url, undefined, {
      raw: row.raw.bytes,
      headers: { 'content-type': row.raw.contentType },
    });
  }
  const body = row.body ? await row.body(cell) : undefined;
  return cell.actor.request(operation.method, url, body);
}

/** The same request about a group that does not exist. */
function aboutNoGroup(cell: Cell): Cell {
  return { ...cell, group: { ...cell.group, id: randomUUID() } };
}

async function cellFor(row: Row, role: MatrixRole, scope: Scope, expected: Outcome): Promise<Cell> {
  const me = role === 'anonymous' ? null : people.get(personKey(role, scope))!;
  const refused = expected === 'hidden' || expected === 'unauthenticated';
  const group =
    row.fresh && !refused ? await populatedGroup(cast, row.fresh, 'Fresh group') : shared;
  // A new group has had no meetings: there the member is simply a participant.
  if (row.fresh && role === 'member' && scope === 'own') {
    await joinAll(cast.owner.client, group.id, [me!]);
  }
  let actor = me?.client ?? t.client();
  if (row.ownSession && me) actor = await signInAgain(t, me);
  return { role, scope, refused, actor, me, group };
}

type Mismatch = {
  endpoint: string;
  role: string;
  expected: Outcome;
  got: string;
  note: string;
};

function table(mismatches: Mismatch[]): string {
  const header = ['endpoint', 'role', 'expected', 'got', 'note'];
  const rows = mismatches.map((m) => [m.endpoint, m.role, m.expected, m.got, m.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

beforeAll(async () => {
  t = await startTestApp();
  // The first account on an installation becomes its administrator.
  const admin = await registerPerson(t, 'Installation Admin');
  expect((await admin.client.get('/api/v1/me')).body.isAdmin).toBe(true);
  const named = async (names: string[]) =>
    Promise.all(names.map((name) => registerPerson(t, name)));
  const [owner, chair, participant, observer, noteTaker, target, member, nonMember] = await named([
    'Group Owner',
    'Co Chair',
    'Pat Participant',
    'Olu Observer',
    'Nia Notetaker',
    'Tam Target',
    'Mo Member',
    'Non Member',
  ]);
  cast = {
    owner: owner!,
    chair: chair!,
    participant: participant!,
    observer: observer!,
    noteTaker: noteTaker!,
    target: target!,
  };
  // The same roles, held in another group only.
  const [oChair, oCoChair, oParticipant, oObserver, oNoteTaker, oMember] = await named([
    'Other Chair',
    'Other Co Chair',
    'Other Participant',
    'Other Observer',
    'Other Notetaker',
    'Other Member',
  ]);
  const elsewhereCast: Cast = {
    owner: oChair!,
    chair: oCoChair!,
    participant: oParticipant!,
    observer: oObserver!,
    noteTaker: oNoteTaker!,
    target: oMember!,
  };
  const own = { participant, observer, noteTaker, chair, member };
  const other = {
    participant: oParticipant,
    observer: oObserver,
    noteTaker: oNoteTaker,
    chair: oChair,
    member: oMember,
  };
  people = new Map<string, Person>([
    ['nonMember', nonMember!],
    ['admin', admin],
    ...Object.entries(own).map(([role, p]) => [role, p!] as const),
    ...Object.entries(other).map(([role, p]) => [`${role}@other`, p!] as const),
  ]);
  [shared, elsewhere] = await Promise.all([
    populatedGroup(cast, { inForce: true, draft: true }),
    populatedGroup(elsewhereCast, { inForce: true }, 'Another group'),
  ]);
  await joinAll(owner!.client, shared.id, [member!]);
  meetingFixture = await meetingsOf(shared.id, [
    owner!,
    chair!,
    observer!,
    noteTaker!,
    target!,
    member!,
  ]);
  await membersByAttendance(elsewhereCast.owner.client, elsewhere.id, [oMember!]);
  // Membership is what the ToR says it is: the member is one, the participant is not.
  const status = async (groupId: string, person: Person) =>
    (await owner!.client.get(`/api/v1/groups/${groupId}/membership/${person.id}`)).body.person
      ?.status;
  expect(await status(shared.id, member!)).toBe('member');
  expect(await status(shared.id, participant!)).toBe('participant');
  expect(
    (await oChair!.client.get(`/api/v1/groups/${elsewhere.id}/membership/${oMember!.id}`)).body
      .person.status,
  ).toBe('member');
}, 120_000);

/** Two past meetings of the group, attended by `attendees`: members by attendance. */
async function membersByAttendance(chair: Client, groupId: string, attendees: readonly Person[]) {
  const meetings: string[] = [];
  for (const date of ['2026-06-09', '2026-07-14']) {
    const made = await chair.post(`/api/v1/groups/${groupId}/meetings`, {
      startsAt: `${date}T17:00:00Z`,
      endsAt: `${date}T19:00:00Z`,
    });
    if (made.status !== 201) throw new Error(`createMeeting failed: ${made.text}`);
    meetings.push(made.body.id as string);
  }
  for (const someone of attendees) {
    for (const meetingId of meetings) {
      const marked = await chair.put(
        `/api/v1/groups/${groupId}/meetings/${meetingId}/attendance/${someone.id}`,
        { mark: 'present_in_person', reason: 'Brought in from the paper register' },
      );
      if (marked.status !== 200) throw new Error(`recordAttendance failed: ${marked.text}`);
    }
  }
  return meetings;
}

async function meetingsOf(
  groupId: string,
  attendees: readonly Person[],
): Promise<typeof meetingFixture> {
  const owner = cast.owner.client;
  const must = (answer: Answer, status: number, what: string) => {
    if (answer.status !== status)
      throw new Error(`${what} failed: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  const start = Date.now() - 5 * 60_000;
  const live = must(
    await owner.post(`/api/v1/groups/${groupId}/meetings`, {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * 3_600_000).toISOString(),
    }),
    201,
    'createMeeting',
  ).id as string;
  const pastDate = '2026-06-09';
  const past = must(
    await owner.post(`/api/v1/groups/${groupId}/meetings`, {
      startsAt: `${pastDate}T17:00:00Z`,
      endsAt: `${pastDate}T19:00:00Z`,
    }),
    201,
    'createMeeting',
  ).id as string;
  // The attendees have been to two meetings: members, who may vote. The
  // participant has not: they have joined but are not a member.
  const earlier = must(
    await owner.post(`/api/v1/groups/${groupId}/meetings`, {
      startsAt: '2026-07-14T17:00:00Z',
      endsAt: '2026-07-14T19:00:00Z',
    }),
    201,
    'createMeeting',
  ).id as string;
  for (const someone of attendees) {
    for (const meetingId of [past, earlier]) {
      must(
        await owner.put(
          `/api/v1/groups/${groupId}/meetings/${meetingId}/attendance/${someone.id}`,
          {
            mark: 'present_in_person',
            reason: 'The paper register',
          },
        ),
        200,
        'recordAttendance',
      );
    }
  }
  const base = `/api/v1/groups/${groupId}/meetings/${live}`;
  const item = must(
    await owner.post(`${base}/agenda`, {
      title: 'Budget',
      purpose: 'To agree',
      remitKey: 'area_a',
    }),
    201,
    'addAgendaItem',
  ).id as string;
  const paper = must(
    await owner.request('POST', `${base}/papers?title=Budget&fileName=budget.pdf`, undefined, {
      raw: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    }),
    201,
    'uploadPaper',
  ).id as string;
  const code = must(await owner.get(`${base}/check-in-link`), 200, 'getCheckInLink').code as string;
  const workingGroup = must(
    await owner.post('/api/v1/groups', { name: 'Repairs working group', parentId: groupId }),
    201,
    'createGroup',
  ).group.id as string;
  const feed = must(
    await owner.post('/api/v1/calendar-feeds', { groupId }),
    201,
    'createCalendarFeed',
  );
  const feedToken = new URL(feed.url).pathname.split('/')[4]!;
  const decided = await proposalAt('decided', groupId);
  // Notes on the live meeting (drafted), and circulated notes on the past one for comments.
  must(
    await owner.put(`${base}/notes`, { content: { summary: 'Plain notes.', items: [] } }),
    200,
    'updateMeetingNotes',
  );
  const commentNotes = `/api/v1/groups/${groupId}/meetings/${past}/notes`;
  must(
    await owner.put(commentNotes, { content: { summary: 'Circulated notes.', items: [] } }),
    200,
    'updateMeetingNotes',
  );
  must(await owner.post(`${commentNotes}/circulate`), 200, 'circulateNotes');
  const action = must(
    await owner.post(`/api/v1/groups/${groupId}/actions`, {
      title: 'Book the room',
      ownerId: cast.participant.id,
      dueOn: '2027-01-10',
    }),
    201,
    'addAction',
  ).id as string;
  const othersAction = must(
    await owner.post(`/api/v1/groups/${groupId}/actions`, {
      title: 'Order the chairs',
      ownerId: cast.target.id,
      dueOn: '2027-01-11',
    }),
    201,
    'addAction',
  ).id as string;
  const releasable = async () =>
    must(
      await owner.post(`/api/v1/groups/${groupId}/learning`, {
        whatHappened: 'It rained',
        whatWeLearned: 'Bring umbrellas',
        whatWeWillChange: 'Umbrellas',
        tags: [],
      }),
      201,
      'addLearningEntry',
    ).id as string;
  const releases: string[] = [];
  for (let i = 0; i < 2; i++) {
    const released = await agreeAndRelease(owner, groupId, {
      itemType: 'learning',
      itemId: await releasable(),
    });
    releases.push(released.releaseId);
  }
  const [toWithdraw] = (await owner.get(`/api/v1/public/groups/${groupId}`)).body.releases.filter(
    (r: { id: string }) => r.id === releases[0],
  );
  const withdrawal = await agreeToRelease(owner, groupId, {
    action: 'withdraw',
    items: [{ itemType: 'learning', itemId: toWithdraw.itemId }],
  });
  // The working group offers what it learned to this group.
  const offered = must(
    await owner.post(`/api/v1/groups/${workingGroup}/learning`, {
      whatHappened: 'The working group met',
      whatWeLearned: 'Meet more often',
      whatWeWillChange: 'Monthly',
      tags: [],
    }),
    201,
    'addLearningEntry',
  ).id as string;
  const offer = await agreeAndRelease(
    owner,
    workingGroup,
    { itemType: 'learning', itemId: offered },
    { audience: 'groups', groupIds: [groupId] },
  );
  return {
    live,
    past,
    pastDate,
    item,
    paper,
    code,
    workingGroup,
    feedToken,
    proposal: decided.proposalId,
    decision: decided.decisionId!,
    commentMeeting: past,
    action,
    othersAction,
    releaseToWithdraw: releases[0]!,
    withdrawDecision: withdrawal.decisionId,
    paperRelease: (await agreeAndRelease(owner, groupId, { itemType: 'paper', itemId: paper }))
      .releaseId,
    offer: offer.releaseId,
  };
}

type Stage = 'draft' | 'consensus' | 'no_consensus' | 'voting' | 'decided';

/** A proposal of the group, made by its owner and taken to `stage`. */
async function proposalAt(
  stage: Stage,
  groupId = shared.id,
): Promise<{ proposalId: string; decisionId?: string }> {
  const owner = cast.owner.client;
  const base = `/api/v1/groups/${groupId}/proposals`;
  const step = async (path: string, body: unknown = {}) => {
    const answer = await owner.post(path, body);
    if (answer.status >= 300) throw new Error(`${path} failed: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  const made = await step(base, {
    title: 'Meet on Thursdays',
    text: 'From March.',
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  const one = `${base}/${made.id}`;
  if (stage === 'draft') return { proposalId: made.id };
  await step(`${one}/consensus`);
  if (stage === 'consensus') return { proposalId: made.id };
  if (stage === 'decided') {
    await step(`${one}/consensus/answers`, { answer: 'agree' });
    const closed = await step(`${one}/consensus/close`, { outcome: 'consensus' });
    return { proposalId: made.id, decisionId: closed.decisionId };
  }
  await step(`${one}/consensus/close`, { outcome: 'no_consensus' });
  if (stage === 'no_consensus') return { proposalId: made.id };
  await step(`${one}/vote`, {});
  return { proposalId: made.id };
}

/** Params for a row that uses up a proposal at `stage`: a new one per cell. */
function freshProposal(stage: Stage) {
  return async (cell: Cell) => ({
    groupId: cell.group.id,
    proposalId: !isShared(cell)
      ? randomUUID()
      : cell.refused
        ? meetingFixture.proposal
        : (await proposalAt(stage)).proposalId,
  });
}
afterAll(async () => t.close());

describe('access matrix', () => {
  it('every operation in the OpenAPI document has a row, and every row an operation', async () => {
    const operations = await documentedOperations();
    const documented = new Set(operations.map((o) => o.operationId));
    const covered = new Set(ROWS.map((r) => r.operationId));
    expect([...documented].filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !documented.has(id))).toEqual([]);
  });

  it('every operation names its access action (x-access), and each row checks one of them', async () => {
    const operations = new Map((await documentedOperations()).map((o) => [o.operationId, o]));
    const problems = ROWS.flatMap((row) => {
      const operation = operations.get(row.operationId);
      if (!operation) return []; // reported by the test above
      try {
        actionOf(row, operation);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(problems).toEqual([]);
  });

  it('every action in the access table is exercised by some endpoint', async () => {
    const operations = new Map((await documentedOperations()).map((o) => [o.operationId, o]));
    const exercised = new Set(
      ROWS.flatMap((row) => {
        const operation = operations.get(row.operationId);
        return operation?.access === undefined ? [] : [actionOf(row, operation)];
      }),
    );
    expect(Object.keys(ACCESS).filter((action) => !exercised.has(action as Action))).toEqual([]);
  });

  it('every endpoint answers every kind of person as the access table says: 0 unexpected allows, 0 unexpected denies', async () => {
    const operations = new Map((await documentedOperations()).map((o) => [o.operationId, o]));
    const mismatches: Mismatch[] = [];
    let cells = 0;
    for (const row of ROWS) {
      const operation = operations.get(row.operationId);
      if (!operation) continue; // reported by the test above
      for (const role of row.roles ?? MATRIX_ROLES) {
        for (const scope of scopesOf(row, operation, role)) {
          cells += 1;
          const expected = expectedOutcome(row, operation, role, scope);
          const cell = await cellFor(row, role, scope, expected);
          const answer = await send(operation, row, cell);
          const got = observedOutcome(answer.status);
          const endpoint = rowName(row);
          const asker = scope === 'own' ? role : `${role} (of another group)`;
          const report = (note: string, gotLabel: string = got) =>
            mismatches.push({ endpoint, role: asker, expected, got: gotLabel, note });
          if (got !== expected) {
            report(`${answer.status} ${answer.text.slice(0, 90)}`);
            continue;
          }
          if (got !== 'allowed') {
            const problems = errorProblems(answer);
            if (problems.length > 0) report(problems.join('; '), `${got}, not in the error shape`);
          }
          if (got === 'hidden' && isAboutGroup(row, operation)) {
            const missing = await send(operation, row, aboutNoGroup(cell));
            const same =
              missing.status === answer.status &&
              missing.text === answer.text &&
              missing.headers.get('content-type') === answer.headers.get('content-type');
            if (!same) {
              report(
                `differs from a missing group: ${missing.status} ${missing.text.slice(0, 80)}`,
                'hidden, but distinguishable',
              );
            }
          }
        }
      }
    }
    const summary = {
      cells,
      unexpectedAllows: mismatches.filter((m) => m.got === 'allowed').length,
      unexpectedDenies: mismatches.filter((m) => m.expected === 'allowed').length,
      otherMismatches: mismatches.filter((m) => m.got !== 'allowed' && m.expected !== 'allowed')
        .length,
    };
    console.log(`access matrix: ${JSON.stringify(summary)}`);
    if (mismatches.length > 0) {
      expect.fail(
        `${mismatches.length} answers differ from the access table:\n${table(mismatches)}`,
      );
    }
    expect(cells).toBeGreaterThanOrEqual(1000);
  }, 240_000);
});
