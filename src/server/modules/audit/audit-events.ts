/**
 * Every kind of audit row: its action, the type of its subject, and the shape
 * of its details. `writeAudit` accepts only these, so a reader of the audit
 * log can rely on each action's details.
 *
 * Details hold what a reader needs to follow a change: ids, the names of the
 * fields that changed, counts, states before and after, and the reasons the
 * product asks for as part of the record (why attendance was corrected, why a
 * meeting was cancelled). Titles that name the subject are kept. Never a
 * request body as it came, nor text a person typed for the group (notes,
 * comments, a proposal's text, a message to a chair), nor secrets.
 */
import type { GroupRole } from '../../access.ts';
import type { ItemType } from '../releases/items.ts';
import type { ReleaseRequest } from '../releases/authorisations.ts';

type Id = string;
/** A calendar date, YYYY-MM-DD. */
type Day = string;
/** An instant, ISO 8601. */
type Instant = string;
type Mark = 'present_in_person' | 'present_online' | 'apologies' | 'absent';

/** An event with a subject and no details. */
type Bare<S extends string> = { subject: S };
/** An event with a subject and details of shape D. */
type With<S extends string, D> = { subject: S; detail: D };

/** The names of the fields a change touched (never their new text). */
type Changed = { changed: string[] };

type NotesVersion = {
  meetingId: Id;
  version: number;
  /** Who marked a flagged passage "not a view", and why: the passage itself stays in the notes. */
  markedNotAView: { reason: string; markedBy: Id }[];
};
type AgendaChange = {
  meetingId: Id;
  changed?: string[];
  reason?: string | null;
  takeInstead?: string | null;
};
type Attendance = { userId: Id; from: Mark | null; to: Mark; reason: string | null };
type VoteClosing = {
  tally: { yes: number; no: number; abstain: number; eligible: number; present?: number };
  outcome: 'carried' | 'not_carried' | 'tied' | 'no_quorum';
  tied: boolean;
  castingVote: 'yes' | 'no' | null;
};

export type AuditEvents = {
  // Accounts
  'account.registered': Bare<'user'>;
  'account.registered_as_administrator': Bare<'user'>;
  'account.made_administrator': Bare<'user'>;
  'account.password_reset': Bare<'user'>;
  'account.profile_updated': With<'user', Changed>;
  'account.email_changed': Bare<'user'>;
  'api_token.created': Bare<'api_token'>;
  'api_token.revoked': Bare<'api_token'>;
  'calendar_feed.created': Bare<'calendar_feed'>;
  'calendar_feed.revoked': Bare<'calendar_feed'>;
  'notifications.updated': With<'user', { weekBefore: boolean; dayBefore: boolean }>;

  // Groups
  'group.created': With<'group', { name: string; parentId: Id | null }>;
  'group.working_group_created': With<'group', { name: string; parentId: Id | null }>;
  'group.updated': With<'group', Changed>;
  'group.role_set': With<'user', { from: GroupRole; to: GroupRole }>;
  'group.left': Bare<'user'>;
  'group.person_removed': Bare<'user'>;
  'group.invitation_created': With<'invitation', { emailed: boolean }>;
  'group.invitation_revoked': Bare<'invitation'>;
  'group.joined': With<
    'user',
    { invitationId?: Id; joinRequestId?: Id; viaWorkingGroup?: Id | null }
  >;
  'group.public_page_updated': With<
    'group',
    {
      before: { listed: boolean; showMeetings: boolean };
      after: { listed: boolean; showMeetings: boolean };
    }
  >;
  'group.join_requested': Bare<'join_request'>;
  'group.join_request_accepted': With<'join_request', { userId: Id }>;
  'group.join_request_declined': With<'join_request', { userId: Id }>;
  'membership.categories_set': With<'user', { categories: string[] }>;
  'working_group.committed': With<'group', { hoursPerMonth: number | null; joinedGroup: boolean }>;
  'working_group.stepped_back': Bare<'group'>;

  // Terms of Reference
  'terms.draft_created': With<
    'terms_version',
    | { from: 'in_force'; basedOn: number | null }
    | { from: 'template'; basedOn: null; language: string }
  >;
  'terms.draft_updated': With<'terms_version', Changed>;
  'terms.adopted': With<
    'terms_version',
    { number: number; adoptedOn: Day; note: string; supersedes: number | null }
  >;
  'terms.accepted': With<'terms_version', { number: number }>;

  // Meetings
  'meetings.scheduled': With<
    'group',
    { months: number; created: number; kept: number; removed: number; cancelled: number }
  >;
  'meeting.created': With<'meeting', { startsAt: Instant; endsAt: Instant }>;
  'meeting.updated': With<'meeting', Changed>;
  'meeting.moved': With<'meeting', Changed & { from: Instant; to: Instant; reason: string | null }>;
  'meeting.cancelled': With<'meeting', { reason: string }>;
  'meeting.current_item_set': With<'meeting', { itemId: Id | null; previous: Id | null }>;
  'meeting.current_item_cleared': With<'meeting', { itemId: Id | null; previous: Id | null }>;
  'meeting.reminder_day': With<'meeting', { recipients: number }>;
  'meeting.reminder_week': With<'meeting', { recipients: number }>;
  'agenda.item_added': With<
    'agenda_item',
    { meetingId: Id; title: string; remitKey: string | null }
  >;
  'agenda.item_added_outside': With<
    'agenda_item',
    { meetingId: Id; title: string; remitKey: string | null }
  >;
  'agenda.item_updated': With<'agenda_item', AgendaChange>;
  'agenda.item_moved_outside': With<'agenda_item', AgendaChange>;
  'agenda.item_moved_back': With<'agenda_item', AgendaChange>;
  'agenda.interest_declared': With<'agenda_item', { meetingId: Id; declared: boolean }>;
  'paper.uploaded': With<
    'paper',
    { meetingId: Id; title: string; late: boolean; sizeBytes: number }
  >;
  'attendance.responded': With<
    'meeting',
    { response: 'attending' | 'apologies'; withReason: boolean }
  >;
  'attendance.checked_in': With<'meeting', { userId: Id; mark: Mark; from: Mark | null }>;
  'attendance.recorded': With<'meeting', Attendance>;
  'attendance.corrected': With<'meeting', Attendance>;
  'attendance.imported': With<
    'group',
    {
      rows: number;
      meetings: number;
      reason: string;
      changes: { meetingId: Id; userId: Id; mark: Mark }[];
      membershipChanged: number;
    }
  >;

  // Decisions
  'proposal.created': With<
    'proposal',
    { title: string; meetingId: Id | null; release: ReleaseRequest | null }
  >;
  'proposal.updated': With<'proposal', Changed>;
  'proposal.withdrawn': With<'proposal', Changed>;
  'consensus.opened': With<'proposal', { scope: 'meeting' | 'group' }>;
  'consensus.closed': With<
    'proposal',
    { outcome: 'consensus' | 'consensus_with_concerns' | 'no_consensus' }
  >;
  'vote.called': With<
    'proposal',
    { eligible: number; meetingId: Id | null; closesAt: Instant | null }
  >;
  'vote.closed': With<'proposal', VoteClosing>;
  'vote.casting_vote': With<'proposal', VoteClosing>;
  'decision.recorded': With<
    'decision',
    { number: number; proposalId: Id; outcome: string; method: string }
  >;
  'decision.corrected': With<'decision', { corrects: Id; reason: string }>;

  // Notes, actions, learning
  'notes.drafted': With<'meeting_notes', NotesVersion>;
  'notes.updated': With<'meeting_notes', NotesVersion>;
  'notes.correction_drafted': With<'meeting_notes', NotesVersion>;
  'notes.circulated': With<
    'meeting_notes',
    {
      meetingId: Id;
      version: number;
      /** Why each view the check found was kept as written, and who kept it: never the words. */
      keptWithReason: { reason: string; markedBy: Id }[];
    }
  >;
  'notes.approved': With<
    'meeting_notes',
    { meetingId: Id; version: number; atMeeting: Id; unresolvedComments: Id[] }
  >;
  'action.added': With<'action', { ownerId: Id; dueOn: Day }>;
  'action.updated': With<
    'action',
    Changed & { ownerId?: Id; dueOn?: Day; status?: 'open' | 'done' | 'dropped' }
  >;
  'learning.added': Bare<'learning_entry'>;
  'suggestion.added': Bare<'suggestion'>;
  'suggestion.considered': With<'suggestion', { meetingId: Id; decisionId: Id | null }>;

  // Releases and links between groups
  'release.released': With<
    ItemType,
    {
      releaseId: Id;
      audience: 'public' | 'groups';
      groupIds: Id[];
      decisionId: Id | null;
      agreedAtMeeting: Id | null;
      proposalId: Id | null;
    }
  >;
  'release.offered': With<ItemType, { releaseId: Id; offeredTo: Id }>;
  'release.withdrawn': With<
    ItemType,
    { releaseId: Id; decisionId: Id | null; agreedAtMeeting: Id | null; proposalId: Id | null }
  >;
  'releaseOffer.accepted': With<ItemType, { releaseId: Id; fromGroupId: Id }>;
  'releaseOffer.declined': With<ItemType, { releaseId: Id; fromGroupId: Id }>;
  'groupLink.requested': With<'group_link', { otherGroupId: Id }>;
  'groupLink.accepted': With<'group_link', { otherGroupId: Id; proposedBy: Id | null }>;
  'groupLink.removed': With<'group_link', { otherGroupId: Id; wasAgreed: boolean }>;
};

export type AuditAction = keyof AuditEvents;

/** The names of the defined fields of a change, for `Changed` details. */
export function changedFields(change: Record<string, unknown>): string[] {
  return Object.keys(change).filter((key) => change[key] !== undefined);
}

type Detail<E> = E extends { detail: infer D } ? { detail: D } : { detail?: never };

/** One audit row as a service writes it: a known action, its subject type and its details. */
export type AuditEntry = {
  [A in AuditAction]: {
    actorId: string | null;
    groupId?: string | null;
    action: A;
    subjectType: AuditEvents[A]['subject'];
    subjectId?: string | null;
  } & Detail<AuditEvents[A]>;
}[AuditAction];
