/**
 * The seed template: a new group's first draft of its ToR, every clause of the
 * seed document in plain words. The seed's placeholders are choices:
 * "monthly / 6 weekly / bi-monthly / weekly" is `frequency`, "A, B and C" is
 * `inScope`, "D, E and F" is `outOfScope`. Anything not chosen gets a
 * sensible default that the group can change before adopting it.
 */
import type { OutOfScopeArea, RemitArea, Terms, Weekday } from './terms.ts';
import { WELSH } from './template-cy.ts';
import type { CalendarDate } from './time.ts';

/**
 * The seed's four frequencies. "Bi-monthly" can mean twice a month or every
 * two months; the seed lists it between "6 weekly" and "weekly", so we read
 * it as every 2 months, and always say so in those words.
 */
export const FREQUENCY_CHOICES = {
  weekly: { unit: 'week', every: 1, seedWording: 'weekly' },
  every_6_weeks: { unit: 'week', every: 6, seedWording: '6 weekly' },
  monthly: { unit: 'month', every: 1, seedWording: 'monthly' },
  every_2_months: { unit: 'month', every: 2, seedWording: 'bi-monthly' },
} as const;
export type Frequency = keyof typeof FREQUENCY_CHOICES;

export type SeedChoices = {
  /** The day the group starts: survey waves count from it. */
  startsOn: CalendarDate;
  title?: string;
  purpose?: string;
  /** Default: monthly. */
  frequency?: Frequency;
  /** Default: Tuesday. */
  weekday?: Weekday;
  /** Which weekday of the month, for monthly frequencies. Default: the 2nd. */
  nth?: 1 | 2 | 3 | 4 | 5 | 'last';
  /** Default 18:00 for 2 hours, Europe/London. */
  startTime?: string;
  durationMinutes?: number;
  timeZone?: string;
  /** Default: the start date. */
  firstMeetingFrom?: CalendarDate;
  /** "A, B and C": default three areas still to be named. */
  inScope?: RemitArea[];
  /** "D, E and F": default three areas still to be named. */
  outOfScope?: OutOfScopeArea[];
  /** Default: only the group's own meetings count towards membership. */
  meetingsThatCount?: 'own' | 'own_and_working_groups';
  /** The language the group's draft is written in. Default: English. */
  language?: TemplateLanguage;
};

/** The languages the template is written in; English is the original. */
export const TEMPLATE_LANGUAGES = ['en-GB', 'cy'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/**
 * Every sentence of the template that a group reads. The rules (numbers,
 * choices, roles) are the same in every language; only these words change.
 */
export type SeedText = {
  title: string;
  /** The document's title for a group: "<name>: Terms of Reference". */
  titleFor: (groupName: string) => string;
  purpose: string;
  whoMayJoin: string;
  membershipNote: string;
  /** "Area A", "Area B"...: the seed's placeholders until the group names them. */
  area: (letter: string) => string;
  toBeNamed: string;
  takeInstead: string;
  remitNote: string;
  behaviourIntro: string;
  behaviourClauses: readonly string[];
  waysOfWorking: readonly { title: string; text: string }[];
  realisticGoal: { statement: string; measure: string };
  moodGoal: string;
  surveyQuestions: { listened_to: string; made_my_point: string; worth_my_time: string };
  involvement: string;
};

export const SEED_BEHAVIOUR_CLAUSES = [
  'To share everything early, and to learn as much as possible about the current state, current improvements and actions, and current risks.',
  'To expect to be able to make your point.',
  'To expect, and to role-model, co-operation.',
  'For all suggestions to be considered and discussed: ideas should not be ridiculed.',
  'To respect people’s professional roles and responsibilities.',
  'To respect the time and energy committed by volunteers.',
  'To respect confidentiality: information shared for the process should not be shared outside the group unless specifically agreed by the group.',
  'To work to an ethos of trust, the ‘Chatham House Rule’: the freedom to express views within this process without having those views attributed to a particular individual outside of the process. This means notes of meetings will reflect the discussion.',
  'We acknowledge that trust needs to be built.',
  'Members should feel safe to challenge behaviours seen as not in line with this agreement, during meetings and with each other, and should always respond positively to constructive criticism; but should never criticise each other’s behaviour outside of the group.',
  'This is a new way of working and we expect there will be times when things go wrong. Everyone is committed to learning when things go wrong, not to attributing blame.',
];

export const SEED_WAYS_OF_WORKING = [
  {
    title: 'Working with other groups',
    text: 'We are respectful of any other external process: we know we do not work in isolation. Any impact should be communicated between groups.',
  },
  {
    title: 'Learning',
    text: 'We will generate learning and new ideas for co-production, and we should share them.',
  },
  {
    title: 'Using what is already known',
    text: 'We make use of existing information from local reviews by independent experts before asking for more.',
  },
  {
    title: 'Keeping each other in the loop',
    text: 'We do not need to ask permission to do things, but we keep members of the group in the loop and do not go off on ‘solo missions’.',
  },
];

const ENGLISH: SeedText = {
  title: 'Steering group',
  titleFor: (groupName) => `${groupName}: Terms of Reference`,
  purpose:
    'We are working towards the implementation of the consultation decisions. Everything the group does serves this.',
  whoMayJoin: 'Membership is open to all: anyone may join the group and take part.',
  membershipNote:
    'We acknowledge that the membership of the group may change as people commit time to working groups.',
  area: (letter) => `Area ${letter}`,
  toBeNamed: 'To be named by the group.',
  takeInstead: 'the place the group names for it',
  remitNote:
    'In discussions with all groups, clarity about what is in scope and what is not came back as vital: people do not want to spend their time on things they cannot influence.',
  behaviourIntro:
    'Our groups focused on the importance of a shared agreement about behaviour: it lets people in the group challenge each other in a way that is not personal. For example: you agreed to behave in these ways, and your behaviour now does not reflect that. We agree:',
  behaviourClauses: SEED_BEHAVIOUR_CLAUSES,
  waysOfWorking: SEED_WAYS_OF_WORKING,
  realisticGoal: {
    statement: 'The consultation decisions we are working on have been implemented.',
    measure: 'progress on each decision, reported at every meeting.',
  },
  moodGoal: 'People taking part will feel listened to.',
  surveyQuestions: {
    listened_to: 'I feel listened to in this group.',
    made_my_point: 'I am able to make my point.',
    worth_my_time: 'Taking part is a good use of my time.',
  },
  involvement:
    'Reasonable out-of-pocket expenses for taking part, such as travel and care costs, are paid back. Whether people are paid for their time is for the group and its host organisation to agree.',
};

export const SEED_TEXT: Record<TemplateLanguage, SeedText> = { 'en-GB': ENGLISH, cy: WELSH };

function placeholderInScope(words: SeedText): RemitArea[] {
  return ['a', 'b', 'c'].map((letter) => ({
    key: `area_${letter}`,
    title: words.area(letter.toUpperCase()),
    description: words.toBeNamed,
  }));
}

function placeholderOutOfScope(words: SeedText): OutOfScopeArea[] {
  return ['d', 'e', 'f'].map((letter) => ({
    key: `area_${letter}`,
    title: words.area(letter.toUpperCase()),
    takeInstead: words.takeInstead,
  }));
}

export function seedTemplate(choices: SeedChoices): Terms {
  const words = SEED_TEXT[choices.language ?? 'en-GB'];
  const frequency = FREQUENCY_CHOICES[choices.frequency ?? 'monthly'];
  const weekday = choices.weekday ?? 'tuesday';
  const time = {
    from: choices.firstMeetingFrom ?? choices.startsOn,
    startTime: choices.startTime ?? '18:00',
    durationMinutes: choices.durationMinutes ?? 120,
    timeZone: choices.timeZone ?? 'Europe/London',
  };
  return {
    title: choices.title ?? words.title,
    purpose: choices.purpose ?? words.purpose,
    startsOn: choices.startsOn,
    ending: { endsOn: null, endsWhen: null },
    membership: {
      whoMayJoin: words.whoMayJoin,
      memberAfterMoreThan: 1,
      meetingsThatCount: choices.meetingsThatCount ?? 'own',
      lapse: null,
      nonVotingRoles: ['observer'],
      note: words.membershipNote,
    },
    cadence:
      frequency.unit === 'week'
        ? { unit: 'week', every: frequency.every, weekday, ...time }
        : {
            unit: 'month',
            every: frequency.every,
            on: { kind: 'nth_weekday', nth: choices.nth ?? 2, weekday },
            ...time,
          },
    workingGroups: [],
    papers: { daysBefore: 7 },
    remit: {
      note: words.remitNote,
      inScope: choices.inScope ?? placeholderInScope(words),
      outOfScope: choices.outOfScope ?? placeholderOutOfScope(words),
    },
    behaviour: {
      intro: words.behaviourIntro,
      clauses: [...words.behaviourClauses],
    },
    confidentiality: {
      chathamHouseRule: true,
      releaseOnlyByGroupDecision: true,
      chairMayRecordAgreement: false,
    },
    decisions: {
      consensusFirst: true,
      formalTestCalledBy: ['chair'],
      eligibility: 'members',
      threshold: { proportion: 'majority', of: 'votes_cast' },
      abstentionsCount: false,
      quorum: { kind: 'none' },
      remoteAttendance: { countsAsPresent: true, countsTowardsQuorum: true },
      castingVote: 'none',
      ballot: { secret: true, mayChangeBeforeClose: false },
      recordAllOpinions: true,
    },
    roles: {
      chairs: {
        count: 1,
        selection: 'elected_by_members',
        termMonths: 12,
        maxConsecutiveTerms: null,
        note: null,
      },
      otherRoles: [],
      declareInterests: 'each_agenda_item',
    },
    informationRequests: { minResponseDays: 14, maxOpenPerOrganisation: 3, maxOpenPerPerson: 2 },
    review: { periodMonths: 12, noticeDays: 30 },
    impact: {
      realisticGoals: [
        {
          key: 'decisions_implemented',
          ...words.realisticGoal,
        },
      ],
      moodGoals: [
        {
          key: 'feel_listened_to',
          statement: words.moodGoal,
          questionKey: 'listened_to',
          targetPercent: 80,
        },
      ],
    },
    surveys: {
      wavesMonths: [3, 6, 12],
      questions: [
        { key: 'listened_to', text: words.surveyQuestions.listened_to },
        { key: 'made_my_point', text: words.surveyQuestions.made_my_point },
        { key: 'worth_my_time', text: words.surveyQuestions.worth_my_time },
      ],
      minResponsesToShow: 5,
    },
    involvement: {
      paymentsOffered: false,
      expensesPaid: true,
      clause: words.involvement,
    },
    furtherClauses: words.waysOfWorking.map((c) => ({ ...c })),
  };
}
