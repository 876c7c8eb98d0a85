import {
  createIntl,
  defineMessage,
  defineMessages,
  type IntlShape,
  type MessageDescriptor,
} from 'react-intl';

/**
 * The draft editor's steps and sections, and plain words for each field of a
 * ToR. The server names a bad field by its path ("document.cadence.every");
 * these turn that path into a label, a step to open and an input to focus.
 */

export type SectionKey =
  | 'purpose'
  | 'membership'
  | 'roles'
  | 'involvement'
  | 'meetings'
  | 'remit'
  | 'workingGroups'
  | 'behaviour'
  | 'furtherClauses'
  | 'confidentiality'
  | 'decisions'
  | 'informationRequests'
  | 'review'
  | 'impact';

export type Section = { key: SectionKey; title: MessageDescriptor; help: MessageDescriptor };

/**
 * The editor goes one step at a time; a step holds one section of the ToR, or
 * a few that belong together, so the steps stay few enough to take in at once.
 */
export const EDIT_STEPS: { title: MessageDescriptor; sections: Section[] }[] = [
  {
    title: defineMessage({ id: 'terms.step.purpose', defaultMessage: 'Purpose' }),
    sections: [
      {
        key: 'purpose',
        title: defineMessage({ id: 'terms.section.purpose.title', defaultMessage: 'Purpose' }),
        help: defineMessage({
          id: 'terms.section.purpose.help',
          defaultMessage:
            'Say in a sentence or two what the group is working towards. Everything else in these terms serves it.',
        }),
      },
    ],
  },
  {
    title: defineMessage({
      id: 'terms.step.membershipAndRoles',
      defaultMessage: 'Membership and roles',
    }),
    sections: [
      {
        key: 'membership',
        title: defineMessage({
          id: 'terms.section.membership.title',
          defaultMessage: 'Membership',
        }),
        help: defineMessage({
          id: 'terms.section.membership.help',
          defaultMessage:
            'Who may join, and when someone who comes along becomes a member who can vote.',
        }),
      },
      {
        key: 'roles',
        title: defineMessage({ id: 'terms.section.roles.title', defaultMessage: 'Roles' }),
        help: defineMessage({
          id: 'terms.section.roles.help',
          defaultMessage:
            'Who chairs the group and how they are chosen, any other roles people hold, and whether people say when they have an interest in what is being discussed.',
        }),
      },
      {
        key: 'involvement',
        title: defineMessage({
          id: 'terms.section.involvement.title',
          defaultMessage: 'Payments and expenses',
        }),
        help: defineMessage({
          id: 'terms.section.involvement.help',
          defaultMessage:
            'Whether people are paid for their time, and whether what it costs them to take part is paid back.',
        }),
      },
    ],
  },
  {
    title: defineMessage({ id: 'terms.step.meetings', defaultMessage: 'Meetings' }),
    sections: [
      {
        key: 'meetings',
        title: defineMessage({ id: 'terms.section.meetings.title', defaultMessage: 'Meetings' }),
        help: defineMessage({
          id: 'terms.section.meetings.help',
          defaultMessage:
            'How often the group meets, on which day and at what time. Accord works out the meeting dates from this.',
        }),
      },
    ],
  },
  {
    title: defineMessage({
      id: 'terms.step.remitAndWorkingGroups',
      defaultMessage: 'Remit and working groups',
    }),
    sections: [
      {
        key: 'remit',
        title: defineMessage({ id: 'terms.section.remit.title', defaultMessage: 'Remit' }),
        help: defineMessage({
          id: 'terms.section.remit.help',
          defaultMessage:
            'The areas the group covers, and the areas it does not, with where people can take those conversations instead.',
        }),
      },
      {
        key: 'workingGroups',
        title: defineMessage({
          id: 'terms.section.workingGroups.title',
          defaultMessage: 'Working groups',
        }),
        help: defineMessage({
          id: 'terms.section.workingGroups.help',
          defaultMessage:
            'Smaller groups that each focus on part of the remit, with their own meetings. Each can then have its own space in Accord.',
        }),
      },
    ],
  },
  {
    title: defineMessage({ id: 'terms.step.workingTogether', defaultMessage: 'Working together' }),
    sections: [
      {
        key: 'behaviour',
        title: defineMessage({
          id: 'terms.section.behaviour.title',
          defaultMessage: 'Behaviour agreement',
        }),
        help: defineMessage({
          id: 'terms.section.behaviour.help',
          defaultMessage:
            'The numbered promises everyone makes to each other. Anyone can raise a reminder of a clause by its number, without giving a name.',
        }),
      },
      {
        key: 'furtherClauses',
        title: defineMessage({
          id: 'terms.section.furtherClauses.title',
          defaultMessage: 'Ways of working',
        }),
        help: defineMessage({
          id: 'terms.section.furtherClauses.help',
          defaultMessage:
            'Other things the group agrees about how it works, each with a short title, such as “Learning”. They follow the remit in the Terms of Reference.',
        }),
      },
      {
        key: 'confidentiality',
        title: defineMessage({
          id: 'terms.section.confidentiality.title',
          defaultMessage: 'Confidentiality',
        }),
        help: defineMessage({
          id: 'terms.section.confidentiality.help',
          defaultMessage:
            'What may be shared outside the group, who agrees to share it, and whether anyone is named as saying something.',
        }),
      },
    ],
  },
  {
    title: defineMessage({
      id: 'terms.step.decisionsAndRequests',
      defaultMessage: 'Decisions and information requests',
    }),
    sections: [
      {
        key: 'decisions',
        title: defineMessage({ id: 'terms.section.decisions.title', defaultMessage: 'Decisions' }),
        help: defineMessage({
          id: 'terms.section.decisions.help',
          defaultMessage:
            'How the group decides: consensus first, and if a formal vote is needed, who votes and what it takes to carry a proposal.',
        }),
      },
      {
        key: 'informationRequests',
        title: defineMessage({
          id: 'terms.section.informationRequests.title',
          defaultMessage: 'Information requests',
        }),
        help: defineMessage({
          id: 'terms.section.informationRequests.help',
          defaultMessage:
            'When the group asks an organisation, such as the council, for information: how long staff get to answer, and how many requests can wait for an answer at once.',
        }),
      },
    ],
  },
  {
    title: defineMessage({ id: 'terms.step.reviewAndImpact', defaultMessage: 'Review and impact' }),
    sections: [
      {
        key: 'review',
        title: defineMessage({
          id: 'terms.section.review.title',
          defaultMessage: 'Review and surveys',
        }),
        help: defineMessage({
          id: 'terms.section.review.help',
          defaultMessage:
            'How often the group looks again at these terms, and when it asks everyone how co-production feels.',
        }),
      },
      {
        key: 'impact',
        title: defineMessage({ id: 'terms.section.impact.title', defaultMessage: 'Impact' }),
        help: defineMessage({
          id: 'terms.section.impact.help',
          defaultMessage:
            'How the group will know co-production has made a difference: what will have been achieved, and how people will feel, measured by the surveys.',
        }),
      },
    ],
  },
];

const LABELS: Record<string, MessageDescriptor> = defineMessages({
  title: { id: 'terms.field.title', defaultMessage: 'Title' },
  purpose: { id: 'terms.field.purpose', defaultMessage: 'What the group is working towards' },
  startsOn: { id: 'terms.field.startsOn', defaultMessage: 'Start date of the group' },
  'ending.endsOn': { id: 'terms.field.ending.endsOn', defaultMessage: 'End date' },
  'ending.endsWhen': { id: 'terms.field.ending.endsWhen', defaultMessage: 'The group ends when' },
  'membership.whoMayJoin': {
    id: 'terms.field.membership.whoMayJoin',
    defaultMessage: 'Who may join',
  },
  'membership.memberAfterMoreThan': {
    id: 'terms.field.membership.memberAfterMoreThan',
    defaultMessage: 'Someone becomes a member after more than this many meetings',
  },
  'membership.meetingsThatCount': {
    id: 'terms.field.membership.meetingsThatCount',
    defaultMessage: 'Which meetings count',
  },
  'membership.lapse': {
    id: 'terms.field.membership.lapse',
    defaultMessage: 'Someone stops being a member if they miss meetings in a row',
  },
  'membership.lapse.afterConsecutiveAbsences': {
    id: 'terms.field.membership.lapse.afterConsecutiveAbsences',
    defaultMessage: 'A member who misses this many meetings in a row stops being a member',
  },
  'membership.lapse.apologiesCountAsAbsence': {
    id: 'terms.field.membership.lapse.apologiesCountAsAbsence',
    defaultMessage: 'Sending apologies still counts as missing a meeting',
  },
  'membership.nonVotingRoles': {
    id: 'terms.field.membership.nonVotingRoles',
    defaultMessage: 'Roles that take part but do not vote',
  },
  'membership.note': {
    id: 'terms.field.membership.note',
    defaultMessage: 'Anything else about membership',
  },
  cadence: { id: 'terms.field.cadence', defaultMessage: 'Meetings' },
  'cadence.unit': { id: 'terms.field.cadence.unit', defaultMessage: 'How often the group meets' },
  'cadence.every': { id: 'terms.field.cadence.every', defaultMessage: 'How often the group meets' },
  'cadence.weekday': { id: 'terms.field.cadence.weekday', defaultMessage: 'Day of the week' },
  'cadence.on': { id: 'terms.field.cadence.on', defaultMessage: 'Which day of the month' },
  'cadence.on.kind': {
    id: 'terms.field.cadence.on.kind',
    defaultMessage: 'How often the group meets',
  },
  'cadence.on.weekday': { id: 'terms.field.cadence.on.weekday', defaultMessage: 'Day of the week' },
  'cadence.on.nth': { id: 'terms.field.cadence.on.nth', defaultMessage: 'Which week of the month' },
  'cadence.on.day': { id: 'terms.field.cadence.on.day', defaultMessage: 'Day of the month' },
  'cadence.from': { id: 'terms.field.cadence.from', defaultMessage: 'First meeting on or after' },
  'cadence.startTime': { id: 'terms.field.cadence.startTime', defaultMessage: 'Start time' },
  'cadence.durationMinutes': {
    id: 'terms.field.cadence.durationMinutes',
    defaultMessage: 'Length of a meeting in minutes',
  },
  'cadence.timeZone': { id: 'terms.field.cadence.timeZone', defaultMessage: 'Time zone' },
  'papers.daysBefore': {
    id: 'terms.field.papers.daysBefore',
    defaultMessage: 'Days before a meeting that papers are shared',
  },
  workingGroups: { id: 'terms.field.workingGroups', defaultMessage: 'Working groups' },
  'remit.note': { id: 'terms.field.remit.note', defaultMessage: 'A note about the remit' },
  'remit.inScope': { id: 'terms.field.remit.inScope', defaultMessage: 'Areas in the remit' },
  'remit.outOfScope': {
    id: 'terms.field.remit.outOfScope',
    defaultMessage: 'Areas outside the remit',
  },
  'behaviour.intro': {
    id: 'terms.field.behaviour.intro',
    defaultMessage: 'Introduction to the behaviour agreement',
  },
  'behaviour.clauses': {
    id: 'terms.field.behaviour.clauses',
    defaultMessage: 'Clauses of the behaviour agreement',
  },
  furtherClauses: { id: 'terms.field.furtherClauses', defaultMessage: 'Ways of working' },
  'confidentiality.releaseOnlyByGroupDecision': {
    id: 'terms.field.confidentiality.releaseOnlyByGroupDecision',
    defaultMessage: 'Information stays within the group unless the group agrees to share it',
  },
  'confidentiality.chairMayRecordAgreement': {
    id: 'terms.field.confidentiality.chairMayRecordAgreement',
    defaultMessage:
      'The group can agree at a meeting to share something, and a chair records that agreement',
  },
  'confidentiality.chathamHouseRule': {
    id: 'terms.field.confidentiality.chathamHouseRule',
    defaultMessage: 'No one is named as saying something',
  },
  'decisions.consensusFirst': {
    id: 'terms.field.decisions.consensusFirst',
    defaultMessage: 'Try for consensus first',
  },
  'decisions.formalTestCalledBy': {
    id: 'terms.field.decisions.formalTestCalledBy',
    defaultMessage: 'Who can ask for a formal vote',
  },
  'decisions.eligibility': { id: 'terms.field.decisions.eligibility', defaultMessage: 'Who votes' },
  'decisions.threshold.proportion': {
    id: 'terms.field.decisions.threshold.proportion',
    defaultMessage: 'What it takes to carry a proposal',
  },
  'decisions.threshold.of': {
    id: 'terms.field.decisions.threshold.of',
    defaultMessage: 'Counted out of',
  },
  'decisions.abstentionsCount': {
    id: 'terms.field.decisions.abstentionsCount',
    defaultMessage: 'Abstentions count as votes cast',
  },
  'decisions.quorum': { id: 'terms.field.decisions.quorum', defaultMessage: 'Quorum' },
  'decisions.quorum.kind': { id: 'terms.field.decisions.quorum.kind', defaultMessage: 'Quorum' },
  'decisions.quorum.count': {
    id: 'terms.field.decisions.quorum.count',
    defaultMessage: 'Quorum: number of people',
  },
  'decisions.quorum.numerator': {
    id: 'terms.field.decisions.quorum.numerator',
    defaultMessage: 'Quorum: fraction of members, top number',
  },
  'decisions.quorum.denominator': {
    id: 'terms.field.decisions.quorum.denominator',
    defaultMessage: 'Quorum: fraction of members, bottom number',
  },
  'decisions.quorum.categoryMinimums': {
    id: 'terms.field.decisions.quorum.categoryMinimums',
    defaultMessage: 'People the quorum must include',
  },
  'decisions.remoteAttendance.countsAsPresent': {
    id: 'terms.field.decisions.remoteAttendance.countsAsPresent',
    defaultMessage: 'People taking part online count as present',
  },
  'decisions.remoteAttendance.countsTowardsQuorum': {
    id: 'terms.field.decisions.remoteAttendance.countsTowardsQuorum',
    defaultMessage: 'People taking part online count towards the quorum',
  },
  'decisions.castingVote': {
    id: 'terms.field.decisions.castingVote',
    defaultMessage: 'Casting vote',
  },
  'decisions.ballot.secret': {
    id: 'terms.field.decisions.ballot.secret',
    defaultMessage: 'Votes are secret',
  },
  'decisions.ballot.mayChangeBeforeClose': {
    id: 'terms.field.decisions.ballot.mayChangeBeforeClose',
    defaultMessage: 'People can change their vote until the vote closes',
  },
  'decisions.recordAllOpinions': {
    id: 'terms.field.decisions.recordAllOpinions',
    defaultMessage: 'Every opinion in the group can be reflected in reports',
  },
  'roles.chairs.count': {
    id: 'terms.field.roles.chairs.count',
    defaultMessage: 'Number of chairs',
  },
  'roles.chairs.selection': {
    id: 'terms.field.roles.chairs.selection',
    defaultMessage: 'How chairs are chosen',
  },
  'roles.chairs.termMonths': {
    id: 'terms.field.roles.chairs.termMonths',
    defaultMessage: 'How long a chair serves, in months',
  },
  'roles.chairs.maxConsecutiveTerms': {
    id: 'terms.field.roles.chairs.maxConsecutiveTerms',
    defaultMessage: 'Most terms in a row one person can chair',
  },
  'roles.chairs.note': {
    id: 'terms.field.roles.chairs.note',
    defaultMessage: 'Anything else about chairs',
  },
  'roles.otherRoles': { id: 'terms.field.roles.otherRoles', defaultMessage: 'Other roles' },
  'roles.declareInterests': {
    id: 'terms.field.roles.declareInterests',
    defaultMessage: 'Saying when you have an interest',
  },
  'informationRequests.minResponseDays': {
    id: 'terms.field.informationRequests.minResponseDays',
    defaultMessage: 'Fewest days an organisation gets to answer a request',
  },
  'informationRequests.maxOpenPerOrganisation': {
    id: 'terms.field.informationRequests.maxOpenPerOrganisation',
    defaultMessage: 'Most requests waiting for an answer from one organisation',
  },
  'informationRequests.maxOpenPerPerson': {
    id: 'terms.field.informationRequests.maxOpenPerPerson',
    defaultMessage: 'Most requests one person can have waiting for an answer',
  },
  'involvement.paymentsOffered': {
    id: 'terms.field.involvement.paymentsOffered',
    defaultMessage: 'People are paid for their time',
  },
  'involvement.expensesPaid': {
    id: 'terms.field.involvement.expensesPaid',
    defaultMessage: 'Expenses are paid back',
  },
  'involvement.clause': {
    id: 'terms.field.involvement.clause',
    defaultMessage: 'What the Terms of Reference say about payments and expenses',
  },
  'review.periodMonths': {
    id: 'terms.field.review.periodMonths',
    defaultMessage: 'Months between reviews',
  },
  'review.noticeDays': {
    id: 'terms.field.review.noticeDays',
    defaultMessage: 'Days of notice before a review is due',
  },
  'surveys.wavesMonths': {
    id: 'terms.field.surveys.wavesMonths',
    defaultMessage: 'Surveys, in months after the start',
  },
  'surveys.questions': { id: 'terms.field.surveys.questions', defaultMessage: 'Survey questions' },
  'surveys.minResponsesToShow': {
    id: 'terms.field.surveys.minResponsesToShow',
    defaultMessage: 'Answers needed before results are shown',
  },
  'impact.realisticGoals': {
    id: 'terms.field.impact.realisticGoals',
    defaultMessage: 'Goals for what will have been achieved',
  },
  'impact.moodGoals': {
    id: 'terms.field.impact.moodGoals',
    defaultMessage: 'Goals for how people will feel',
  },
});

/** The lists of a ToR whose rows the editor numbers: what a row is called, and its fields. */
const ROWS: { list: string; row: MessageDescriptor; fields: Record<string, MessageDescriptor> }[] =
  [
    {
      list: 'remit.inScope',
      row: defineMessage({ id: 'terms.row.inScope', defaultMessage: 'Area {n} in the remit' }),
      fields: defineMessages({
        title: { id: 'terms.row.inScope.title', defaultMessage: 'name' },
        description: { id: 'terms.row.inScope.description', defaultMessage: 'what it covers' },
      }),
    },
    {
      list: 'remit.outOfScope',
      row: defineMessage({
        id: 'terms.row.outOfScope',
        defaultMessage: 'Area {n} outside the remit',
      }),
      fields: defineMessages({
        title: { id: 'terms.row.outOfScope.title', defaultMessage: 'name' },
        takeInstead: {
          id: 'terms.row.outOfScope.takeInstead',
          defaultMessage: 'where to take it instead',
        },
      }),
    },
    {
      list: 'workingGroups',
      row: defineMessage({ id: 'terms.row.workingGroup', defaultMessage: 'Working group {n}' }),
      fields: {
        ...defineMessages({
          key: { id: 'terms.row.workingGroup.key', defaultMessage: 'short name' },
          title: { id: 'terms.row.workingGroup.title', defaultMessage: 'name' },
          focus: { id: 'terms.row.workingGroup.focus', defaultMessage: 'what it works on' },
          remitKeys: {
            id: 'terms.row.workingGroup.remitKeys',
            defaultMessage: 'areas of the remit it covers',
          },
        }),
        ...Object.fromEntries(
          ['cadence', 'cadence.unit', 'cadence.every', 'cadence.on.kind'].map((field) => [
            field,
            defineMessage({
              id: 'terms.row.workingGroup.cadence',
              defaultMessage: 'how often it meets',
            }),
          ]),
        ),
      },
    },
    {
      list: 'roles.otherRoles',
      row: defineMessage({ id: 'terms.row.role', defaultMessage: 'Role {n}' }),
      fields: defineMessages({
        key: { id: 'terms.row.role.key', defaultMessage: 'short name' },
        title: { id: 'terms.row.role.title', defaultMessage: 'name' },
        description: { id: 'terms.row.role.description', defaultMessage: 'what the role does' },
      }),
    },
    {
      list: 'impact.realisticGoals',
      row: defineMessage({ id: 'terms.row.realisticGoal', defaultMessage: 'Goal {n}' }),
      fields: defineMessages({
        statement: {
          id: 'terms.row.realisticGoal.statement',
          defaultMessage: 'what will have been achieved',
        },
        measure: { id: 'terms.row.realisticGoal.measure', defaultMessage: 'how we will know' },
      }),
    },
    {
      list: 'impact.moodGoals',
      row: defineMessage({ id: 'terms.row.moodGoal', defaultMessage: 'Feelings goal {n}' }),
      fields: defineMessages({
        statement: { id: 'terms.row.moodGoal.statement', defaultMessage: 'how people will feel' },
        questionKey: {
          id: 'terms.row.moodGoal.questionKey',
          defaultMessage: 'survey question that measures it',
        },
        targetPercent: {
          id: 'terms.row.moodGoal.targetPercent',
          defaultMessage: 'per cent of people who agree',
        },
      }),
    },
    {
      list: 'decisions.quorum.categoryMinimums',
      row: defineMessage({ id: 'terms.row.quorumCategory', defaultMessage: 'Quorum category {n}' }),
      fields: defineMessages({
        category: { id: 'terms.row.quorumCategory.category', defaultMessage: 'who they are' },
        min: { id: 'terms.row.quorumCategory.min', defaultMessage: 'how many must be there' },
      }),
    },
    {
      list: 'surveys.questions',
      row: defineMessage({ id: 'terms.row.surveyQuestion', defaultMessage: 'Survey question {n}' }),
      fields: defineMessages({
        text: { id: 'terms.row.surveyQuestion.text', defaultMessage: 'what people are asked' },
      }),
    },
    {
      list: 'furtherClauses',
      row: defineMessage({ id: 'terms.row.furtherClause', defaultMessage: 'Way of working {n}' }),
      fields: defineMessages({
        title: { id: 'terms.row.furtherClause.title', defaultMessage: 'title' },
        text: { id: 'terms.row.furtherClause.text', defaultMessage: 'what the group agrees' },
      }),
    },
  ];

const WORDS: Record<'rowField' | 'clause', MessageDescriptor> = defineMessages({
  rowField: { id: 'terms.field.rowAndField', defaultMessage: '{row}: {field}' },
  clause: { id: 'terms.field.behaviourClause', defaultMessage: 'Clause {n}' },
});

/**
 * English, for code that runs with no language chosen (the checks of these
 * labels); the pages pass the reader's own.
 */
const english: IntlShape = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB' });

/**
 * Lists of plain values that the editor shows as one input (numbers typed in
 * one box, roles ticked in one set of boxes): one entry reads as the list.
 */
const WHOLE_LISTS = new Set([
  'surveys.wavesMonths',
  'membership.nonVotingRoles',
  'decisions.formalTestCalledBy',
]);

/** The list a path is one entry of, if that list is shown as one input. */
function wholeListOf(path: string): string | undefined {
  const list = /^(.+)\.\d+$/.exec(path)?.[1];
  return list && WHOLE_LISTS.has(list) ? list : undefined;
}

/** "Working group 2" as it reads mid-sentence: "working group 2". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What a numbered row of a list is called, such as "Working group 2". */
export function rowLabel(list: string, index: number, intl: IntlShape = english): string {
  const row = ROWS.find((r) => r.list === list)?.row;
  return row ? intl.formatMessage(row, { n: index + 1 }) : `${list} ${index + 1}`;
}

/** Plain words for a field's path, such as "Area 2 in the remit: name". */
export function fieldLabel(path: string, intl: IntlShape = english): string {
  const known = LABELS[wholeListOf(path) ?? path];
  if (known) return intl.formatMessage(known);
  for (const { list, fields } of ROWS) {
    if (!path.startsWith(`${list}.`)) continue;
    const match = /^(\d+)(?:\.(.+))?$/.exec(path.slice(list.length + 1));
    if (!match) continue;
    const row = rowLabel(list, Number(match[1]), intl);
    const rest = match[2];
    if (rest === undefined) return row;
    // One entry of a list field (an area a working group covers) reads as the whole field.
    const field = rest.replace(/\.\d+$/, '');
    const words = fields[field];
    if (words) return intl.formatMessage(WORDS.rowField, { row, field: intl.formatMessage(words) });
    // A key the editor makes from the row's own words is known by the row.
    if (field === 'key') return row;
    // A working group's meetings read as the group's, mid-sentence.
    const label = LABELS[field];
    return intl.formatMessage(WORDS.rowField, {
      row,
      field: label ? lowerFirst(intl.formatMessage(label)) : field,
    });
  }
  const clause = /^behaviour\.clauses\.(\d+)$/.exec(path);
  if (clause) return intl.formatMessage(WORDS.clause, { n: Number(clause[1]) + 1 });
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' › ');
}

const SECTION_OF: [RegExp, SectionKey][] = [
  [/^(title|purpose|startsOn|ending)(\.|$)/, 'purpose'],
  [/^membership(\.|$)/, 'membership'],
  [/^roles(\.|$)/, 'roles'],
  [/^involvement(\.|$)/, 'involvement'],
  [/^(cadence|papers)(\.|$)/, 'meetings'],
  [/^remit(\.|$)/, 'remit'],
  [/^workingGroups(\.|$)/, 'workingGroups'],
  [/^behaviour(\.|$)/, 'behaviour'],
  [/^furtherClauses(\.|$)/, 'furtherClauses'],
  [/^confidentiality(\.|$)/, 'confidentiality'],
  [/^decisions(\.|$)/, 'decisions'],
  [/^informationRequests(\.|$)/, 'informationRequests'],
  [/^(review|surveys)(\.|$)/, 'review'],
  [/^impact(\.|$)/, 'impact'],
];

/** The index in EDIT_STEPS of the step that shows a field, or null for the document as a whole. */
export function stepOf(path: string): number | null {
  const section = SECTION_OF.find(([pattern]) => pattern.test(path))?.[1];
  if (!section) return null;
  const step = EDIT_STEPS.findIndex((s) => s.sections.some((x) => x.key === section));
  return step === -1 ? null : step;
}

/**
 * The path of the input that shows a field's problem. Most fields have their
 * own; a list of numbers is one box, a cadence's frequency is one set of
 * choices, a working group's areas or a list of roles one set of boxes, and
 * a key the editor makes from a title (or a survey question's words) is
 * fixed through those words.
 */
export function inputPath(path: string): string {
  const list = wholeListOf(path);
  if (list) return list;
  const frequency = /^(.*?)(^|\.)cadence(\.unit|\.on|\.on\.kind)?$/.exec(path);
  if (frequency) return `${frequency[1]}${frequency[2]}cadence.every`;
  const areas = /^(workingGroups\.\d+\.remitKeys)\.\d+$/.exec(path);
  if (areas?.[1]) return areas[1];
  const made = /^(remit\.(inScope|outOfScope)\.\d+)\.key$/.exec(path);
  if (made?.[1]) return `${made[1]}.title`;
  const goal = /^(impact\.(realisticGoals|moodGoals)\.\d+)\.key$/.exec(path);
  if (goal?.[1]) return `${goal[1]}.statement`;
  const question = /^(surveys\.questions\.\d+)\.key$/.exec(path);
  if (question?.[1]) return `${question[1]}.text`;
  // A category named twice is reported at its row's "key": the category is the row's key.
  const category = /^(decisions\.quorum\.categoryMinimums\.\d+)\.key$/.exec(path);
  if (category?.[1]) return `${category[1]}.category`;
  return path;
}

/** The id of the input for a field. */
export function inputId(path: string): string {
  return `draft-${inputPath(path).replace(/\./g, '-')}`;
}
