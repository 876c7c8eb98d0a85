/**
 * A group's Terms of Reference as data: every rule the software keeps is a
 * field here, never a constant in code. Messages say, in plain words, what to
 * fix; cross-field rules (a remit key in and out of scope, a quorum the group
 * could never reach...) are checked by `validateTerms` in validate.ts.
 */
import { z } from 'zod';
import { isTimeZone } from './time.ts';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Roles every group has in Accord; a ToR may define more in `roles.otherRoles`. */
export const BUILT_IN_ROLES = ['chair', 'note_taker', 'observer'] as const;

const missingOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : message;

function text(max: number) {
  return z
    .string({ error: missingOr('must be text') })
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'contains a hidden NUL character: retype this text')
    .refine((s) => s.isWellFormed(), 'contains a broken character: retype this text')
    .refine((s) => s.trim().length > 0, 'must not be empty');
}

function whole(min: number, max: number, unit = '') {
  const message = `must be a whole number${unit} from ${min} to ${max}`;
  return z
    .number({ error: missingOr(message) })
    .int(message)
    .min(min, message)
    .max(max, message);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: missingOr(`must be one of: ${values.join(', ')}`) });
}

function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(item, { error: missingOr(`must be a list of ${what}`) })
    .max(max, `must have at most ${max} ${what}`);
}

/** A strict object: a misspelt or unknown field is refused, not silently kept. */
function fields<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, { error: missingOr('must be a set of fields') });
}

const yesNo = z.boolean({ error: missingOr('must be true or false') });

export const key = z
  .string({ error: missingOr('must be a short key') })
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'must be a short key of lowercase letters, digits and underscores starting with a letter, such as housing_repairs',
  );

export const calendarDate = z.iso.date({
  error: missingOr('must be a real date written YYYY-MM-DD, such as 2026-03-10'),
});

export const timeOfDay = z
  .string({ error: missingOr('must be a time written HH:MM, such as 18:00') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time on the 24-hour clock, such as 18:00');

export const timeZone = z
  .string({ error: missingOr('must be a time zone name such as Europe/London') })
  .refine(isTimeZone, 'is not a time zone we know: use a name such as Europe/London');

export const weekday = oneOf(WEEKDAYS);

const meetingTime = {
  /** The series starts on the first matching day on or after this date. */
  from: calendarDate,
  /** Local wall time, kept across clock changes. */
  startTime: timeOfDay,
  durationMinutes: whole(5, 720, ' of minutes'),
  timeZone,
};

export const monthDay = z.discriminatedUnion(
  'kind',
  [
    fields({
      kind: z.literal('nth_weekday'),
      /** 5 means the fifth, in months that have one (others are skipped); 'last' is every month. */
      nth: z.literal([1, 2, 3, 4, 5, 'last'], {
        error: missingOr('must be 1, 2, 3, 4, 5 or last'),
      }),
      weekday,
    }),
    fields({
      kind: z.literal('day_of_month'),
      /** A day a month does not have (the 31st in April) is that month's last day. */
      day: whole(1, 31),
    }),
  ],
  { error: missingOr('must be nth_weekday (such as the 2nd Tuesday) or day_of_month') },
);

export const cadence = z.discriminatedUnion(
  'unit',
  [
    fields({ unit: z.literal('week'), every: whole(1, 52), weekday, ...meetingTime }),
    fields({ unit: z.literal('month'), every: whole(1, 12), on: monthDay, ...meetingTime }),
  ],
  { error: missingOr('must have unit week or month') },
);
export type Cadence = z.infer<typeof cadence>;

export const membership = fields({
  whoMayJoin: text(1000),
  /** Seed: a member has "been to more than one meeting", so 1. */
  memberAfterMoreThan: whole(1, 50, ' of meetings'),
  meetingsThatCount: oneOf(['own', 'own_and_working_groups']),
  lapse: fields({
    afterConsecutiveAbsences: whole(1, 50, ' of meetings'),
    apologiesCountAsAbsence: yesNo,
  }).nullable(),
  /** Role keys whose holders take part but never vote (advisers, staff in attendance...). */
  nonVotingRoles: list(key, 20, 'roles'),
  note: text(2000).nullable(),
});

export const remit = fields({
  note: text(2000).nullable(),
  inScope: list(fields({ key, title: text(120), description: text(2000) }), 40, 'areas').min(
    1,
    'must list at least one area the group covers',
  ),
  outOfScope: list(fields({ key, title: text(120), takeInstead: text(1000) }), 40, 'areas'),
});

export const behaviour = fields({
  intro: text(2000).nullable(),
  /** Numbered from 1 in this order: "a reminder of clause N" refers to these. */
  clauses: list(text(2000), 50, 'clauses').min(1, 'must have at least one clause'),
});

export const confidentiality = fields({
  chathamHouseRule: yesNo,
  releaseOnlyByGroupDecision: yesNo,
  /** The group agrees (say, in a meeting) and a chair records it, instead of a formal decision. */
  chairMayRecordAgreement: yesNo,
});

const categoryMinimums = list(fields({ category: key, min: whole(1, 500) }), 10, 'categories');

export const quorum = z.discriminatedUnion(
  'kind',
  [
    fields({ kind: z.literal('none') }),
    fields({ kind: z.literal('count'), count: whole(1, 500), categoryMinimums }),
    fields({
      kind: z.literal('fraction'),
      numerator: whole(1, 99),
      denominator: whole(1, 100),
      categoryMinimums,
    }),
  ],
  { error: missingOr('must have kind none, count or fraction') },
);
export type Quorum = z.infer<typeof quorum>;

export const decisions = fields({
  consensusFirst: yesNo,
  /** Role keys that may call a formal test (a vote). */
  formalTestCalledBy: list(key, 10, 'roles').min(1, 'must name at least one role'),
  eligibility: oneOf(['members', 'members_present', 'members_and_participants']),
  threshold: fields({
    proportion: oneOf(['majority', 'two_thirds', 'three_quarters']),
    of: oneOf(['votes_cast', 'present', 'eligible']),
  }),
  /** Only matters for a threshold "of votes cast": whether abstentions are votes cast. */
  abstentionsCount: yesNo,
  quorum,
  remoteAttendance: fields({ countsAsPresent: yesNo, countsTowardsQuorum: yesNo }),
  castingVote: oneOf(['chair', 'none']),
  ballot: fields({ secret: yesNo, mayChangeBeforeClose: yesNo }),
  /** "All of which may be reflected in any consequent report." */
  recordAllOpinions: yesNo,
});

export const roles = fields({
  chairs: fields({
    count: whole(1, 4),
    selection: oneOf(['elected_by_members', 'agreed_by_consensus', 'appointed', 'rotating']),
    termMonths: whole(1, 120, ' of months').nullable(),
    maxConsecutiveTerms: whole(1, 20).nullable(),
    note: text(1000).nullable(),
  }),
  otherRoles: list(fields({ key, title: text(120), description: text(1000) }), 20, 'roles'),
  declareInterests: oneOf(['each_agenda_item', 'not_required']),
});

export const impact = fields({
  realisticGoals: list(fields({ key, statement: text(1000), measure: text(1000) }), 20, 'goals'),
  moodGoals: list(
    fields({ key, statement: text(1000), questionKey: key, targetPercent: whole(1, 100) }),
    20,
    'goals',
  ),
});

export const surveys = fields({
  /** Months after `startsOn`, strictly increasing: seed 3, 6, 12. */
  wavesMonths: list(whole(1, 240, ' of months'), 24, 'waves'),
  questions: list(fields({ key, text: text(500) }), 40, 'questions'),
  /** Results stay hidden until this many people have answered, so no one can be identified. */
  minResponsesToShow: whole(1, 100),
});

export const workingGroup = fields({
  key,
  title: text(120),
  focus: text(2000),
  /** A part of the parent group's in-scope remit. */
  remitKeys: list(key, 40, 'areas'),
  cadence,
});

/** The languages a ToR document can be written and printed in. */
export const TERMS_LANGUAGES = ['en-GB', 'cy'] as const;
export type TermsLanguage = (typeof TERMS_LANGUAGES)[number];

export const termsSchema = fields({
  /**
   * The language the group writes its ToR in: the printed document's own
   * sentences follow it. Absent means English, as every ToR was before.
   */
  language: oneOf(TERMS_LANGUAGES).optional(),
  title: text(200),
  purpose: text(4000),
  startsOn: calendarDate,
  ending: fields({ endsOn: calendarDate.nullable(), endsWhen: text(1000).nullable() }),
  membership,
  cadence,
  workingGroups: list(workingGroup, 30, 'working groups'),
  papers: fields({ daysBefore: whole(1, 60, ' of days') }),
  remit,
  behaviour,
  confidentiality,
  decisions,
  roles,
  informationRequests: fields({
    /** Calendar days from sending a request to the date an answer is asked for. */
    minResponseDays: whole(1, 365, ' of days'),
    maxOpenPerOrganisation: whole(1, 100),
    maxOpenPerPerson: whole(1, 100),
  }),
  review: fields({
    periodMonths: whole(1, 60, ' of months'),
    noticeDays: whole(1, 180, ' of days'),
  }),
  impact,
  surveys,
  involvement: fields({ paymentsOffered: yesNo, expensesPaid: yesNo, clause: text(4000) }),
  furtherClauses: list(fields({ title: text(120), text: text(4000) }), 50, 'clauses'),
});

export type Terms = z.infer<typeof termsSchema>;
export type Membership = Terms['membership'];
export type Decisions = Terms['decisions'];
export type RemitArea = Terms['remit']['inScope'][number];
export type OutOfScopeArea = Terms['remit']['outOfScope'][number];
export type WorkingGroup = Terms['workingGroups'][number];
