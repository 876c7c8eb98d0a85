import { LOCALES } from '../i18n/locales.ts';

/*
 * The closed lists of values Accord stores, each declared once: the database
 * column is typed with it, its CHECK constraint is built from it
 * (src/server/db/schema/domains.ts), and the API's Zod enum is made from it.
 * The order is the constraint's: changing it changes the schema and the API.
 */

/** The languages an account may choose. */
export const LANGUAGES = LOCALES;

/**
 * The role a person holds in a group, one at a time (anyone not given another
 * is a participant). The column, its CHECK (group_people_role) and the Zod
 * enum are all made from this list.
 */
export const GROUP_ROLES = ['participant', 'observer', 'note_taker', 'chair'] as const;

export const TOKEN_PURPOSES = ['sign_in', 'password_reset', 'email_change'] as const;

export const PROPOSAL_STAGES = [
  'draft',
  'consensus',
  'no_consensus',
  'voting',
  'decided',
  'withdrawn',
] as const;

/** Who a consensus check asks: those at the meeting, or the whole group. */
export const CONSENSUS_SCOPES = ['meeting', 'group'] as const;
export const CONSENSUS_OUTCOMES = ['consensus', 'consensus_with_concerns', 'no_consensus'] as const;
export const CONSENSUS_ANSWERS = ['agree', 'concerns', 'stand_aside', 'block'] as const;

export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
/** The chair's casting vote on a tie. */
export const CASTING_VOTES = ['yes', 'no'] as const;
export const VOTE_OUTCOMES = ['carried', 'not_carried', 'tied', 'no_quorum'] as const;

export const DECISION_OUTCOMES = ['agreed', 'not_agreed', 'tied'] as const;
export const DECISION_METHODS = ['consensus', 'vote', 'correction'] as const;

export const JOIN_REQUEST_STATUSES = ['open', 'accepted', 'declined'] as const;

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
/** Made from the group's cadence, or added by a chair. */
export const MEETING_SOURCES = ['cadence', 'extra'] as const;
/** On the agenda, or taken outside the meeting (with a reason). */
export const ITEM_PLACEMENTS = ['agenda', 'outside'] as const;
export const INTENTS = ['attending', 'apologies'] as const;
export const MARKS = ['present_in_person', 'present_online', 'apologies', 'absent'] as const;
export const ATTENDANCE_CORRECTION_KINDS = ['register', 'import'] as const;

export const NOTES_STATUSES = ['draft', 'circulated', 'approved'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

/** What a group may release beyond itself. */
export const ITEM_TYPES = [
  'notes',
  'decision',
  'learning',
  'paper',
  'terms',
  'suggestion',
] as const;
export const AUDIENCES = ['public', 'groups'] as const;
export const AUTHORISATION_ACTIONS = ['release', 'withdraw'] as const;
export const OFFER_STATUSES = ['offered', 'accepted', 'declined'] as const;

export const OUTBOX_STATUSES = ['pending', 'sent', 'logged', 'failed'] as const;

export const TERMS_STATUSES = ['draft', 'in_force', 'superseded'] as const;

/** One value of a list: `Domain<typeof BALLOT_CHOICES>` is 'yes' | 'no' | 'abstain'. */
export type Domain<List extends readonly string[]> = List[number];
