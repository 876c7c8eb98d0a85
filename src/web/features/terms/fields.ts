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

export type Section = { key: SectionKey; title: string; help: string };

/**
 * The editor goes one step at a time; a step holds one section of the ToR, or
 * a few that belong together, so the steps stay few enough to take in at once.
 */
export const EDIT_STEPS: { title: string; sections: Section[] }[] = [
  {
    title: 'Purpose',
    sections: [
      {
        key: 'purpose',
        title: 'Purpose',
        help: 'Say in a sentence or two what the group is working towards. Everything else in these terms serves it.',
      },
    ],
  },
  {
    title: 'Membership and roles',
    sections: [
      {
        key: 'membership',
        title: 'Membership',
        help: 'Who may join, and when someone who comes along becomes a member who can vote.',
      },
      {
        key: 'roles',
        title: 'Roles',
        help: 'Who chairs the group and how they are chosen, any other roles people hold, and whether people say when they have an interest in what is being discussed.',
      },
      {
        key: 'involvement',
        title: 'Payments and expenses',
        help: 'Whether people are paid for their time, and whether what it costs them to take part is paid back.',
      },
    ],
  },
  {
    title: 'Meetings',
    sections: [
      {
        key: 'meetings',
        title: 'Meetings',
        help: 'How often the group meets, on which day and at what time. Accord works out the meeting dates from this.',
      },
    ],
  },
  {
    title: 'Remit and working groups',
    sections: [
      {
        key: 'remit',
        title: 'Remit',
        help: 'The areas the group covers, and the areas it does not, with where people can take those conversations instead.',
      },
      {
        key: 'workingGroups',
        title: 'Working groups',
        help: 'Smaller groups that each focus on part of the remit, with their own meetings. Each can then have its own space in Accord.',
      },
    ],
  },
  {
    title: 'Working together',
    sections: [
      {
        key: 'behaviour',
        title: 'Behaviour agreement',
        help: 'The numbered promises everyone makes to each other. Anyone can raise a reminder of a clause by its number, without giving a name.',
      },
      {
        key: 'furtherClauses',
        title: 'Ways of working',
        help: 'Other things the group agrees about how it works, each with a short title, such as “Learning”. They follow the remit in the Terms of Reference.',
      },
      {
        key: 'confidentiality',
        title: 'Confidentiality',
        help: 'What may be shared outside the group, who agrees to share it, and whether anyone is named as saying something.',
      },
    ],
  },
  {
    title: 'Decisions and information requests',
    sections: [
      {
        key: 'decisions',
        title: 'Decisions',
        help: 'How the group decides: consensus first, and if a formal vote is needed, who votes and what it takes to carry a proposal.',
      },
      {
        key: 'informationRequests',
        title: 'Information requests',
        help: 'When the group asks an organisation, such as the council, for information: how long staff get to answer, and how many requests can wait for an answer at once.',
      },
    ],
  },
  {
    title: 'Review and impact',
    sections: [
      {
        key: 'review',
        title: 'Review and surveys',
        help: 'How often the group looks again at these terms, and when it asks everyone how co-production feels.',
      },
      {
        key: 'impact',
        title: 'Impact',
        help: 'How the group will know co-production has made a difference: what will have been achieved, and how people will feel, measured by the surveys.',
      },
    ],
  },
];

const LABELS: Record<string, string> = {
  title: 'Title',
  purpose: 'What the group is working towards',
  startsOn: 'Start date of the group',
  'ending.endsOn': 'End date',
  'ending.endsWhen': 'The group ends when',
  'membership.whoMayJoin': 'Who may join',
  'membership.memberAfterMoreThan': 'Someone becomes a member after more than this many meetings',
  'membership.meetingsThatCount': 'Which meetings count',
  'membership.lapse': 'Someone stops being a member if they miss meetings in a row',
  'membership.lapse.afterConsecutiveAbsences':
    'A member who misses this many meetings in a row stops being a member',
  'membership.lapse.apologiesCountAsAbsence': 'Sending apologies still counts as missing a meeting',
  'membership.nonVotingRoles': 'Roles that take part but do not vote',
  'membership.note': 'Anything else about membership',
  cadence: 'Meetings',
  'cadence.unit': 'How often the group meets',
  'cadence.every': 'How often the group meets',
  'cadence.weekday': 'Day of the week',
  'cadence.on': 'Which day of the month',
  'cadence.on.kind': 'How often the group meets',
  'cadence.on.weekday': 'Day of the week',
  'cadence.on.nth': 'Which week of the month',
  'cadence.on.day': 'Day of the month',
  'cadence.from': 'First meeting on or after',
  'cadence.startTime': 'Start time',
  'cadence.durationMinutes': 'Length of a meeting in minutes',
  'cadence.timeZone': 'Time zone',
  'papers.daysBefore': 'Days before a meeting that papers are shared',
  workingGroups: 'Working groups',
  'remit.note': 'A note about the remit',
  'remit.inScope': 'Areas in the remit',
  'remit.outOfScope': 'Areas outside the remit',
  'behaviour.intro': 'Introduction to the behaviour agreement',
  'behaviour.clauses': 'Clauses of the behaviour agreement',
  furtherClauses: 'Ways of working',
  'confidentiality.releaseOnlyByGroupDecision':
    'Information stays within the group unless the group agrees to share it',
  'confidentiality.chairMayRecordAgreement':
    'The group can agree at a meeting to share something, and a chair records that agreement',
  'confidentiality.chathamHouseRule': 'No one is named as saying something',
  'decisions.consensusFirst': 'Try for consensus first',
  'decisions.formalTestCalledBy': 'Who can ask for a formal vote',
  'decisions.eligibility': 'Who votes',
  'decisions.threshold.proportion': 'What it takes to carry a proposal',
  'decisions.threshold.of': 'Counted out of',
  'decisions.abstentionsCount': 'Abstentions count as votes cast',
  'decisions.quorum': 'Quorum',
  'decisions.quorum.kind': 'Quorum',
  'decisions.quorum.count': 'Quorum: number of people',
  'decisions.quorum.numerator': 'Quorum: fraction of members, top number',
  'decisions.quorum.denominator': 'Quorum: fraction of members, bottom number',
  'decisions.quorum.categoryMinimums': 'People the quorum must include',
  'decisions.remoteAttendance.countsAsPresent': 'People taking part online count as present',
  'decisions.remoteAttendance.countsTowardsQuorum':
    'People taking part online count towards the quorum',
  'decisions.castingVote': 'Casting vote',
  'decisions.ballot.secret': 'Votes are secret',
  'decisions.ballot.mayChangeBeforeClose': 'People can change their vote until the vote closes',
  'decisions.recordAllOpinions': 'Every opinion in the group can be reflected in reports',
  'roles.chairs.count': 'Number of chairs',
  'roles.chairs.selection': 'How chairs are chosen',
  'roles.chairs.termMonths': 'How long a chair serves, in months',
  'roles.chairs.maxConsecutiveTerms': 'Most terms in a row one person can chair',
  'roles.chairs.note': 'Anything else about chairs',
  'roles.otherRoles': 'Other roles',
  'roles.declareInterests': 'Saying when you have an interest',
  'informationRequests.minResponseDays': 'Fewest days an organisation gets to answer a request',
  'informationRequests.maxOpenPerOrganisation':
    'Most requests waiting for an answer from one organisation',
  'informationRequests.maxOpenPerPerson': 'Most requests one person can have waiting for an answer',
  'involvement.paymentsOffered': 'People are paid for their time',
  'involvement.expensesPaid': 'Expenses are paid back',
  'involvement.clause': 'What the Terms of Reference say about payments and expenses',
  'review.periodMonths': 'Months between reviews',
  'review.noticeDays': 'Days of notice before a review is due',
  'surveys.wavesMonths': 'Surveys, in months after the start',
  'surveys.questions': 'Survey questions',
  'surveys.minResponsesToShow': 'Answers needed before results are shown',
  'impact.realisticGoals': 'Goals for what will have been achieved',
  'impact.moodGoals': 'Goals for how people will feel',
};

/** The lists of a ToR whose rows the editor numbers: what a row is called, and its fields. */
const ROWS: { list: string; row: string; fields: Record<string, string> }[] = [
  {
    list: 'remit.inScope',
    row: 'Area {n} in the remit',
    fields: { title: 'name', description: 'what it covers' },
  },
  {
    list: 'remit.outOfScope',
    row: 'Area {n} outside the remit',
    fields: { title: 'name', takeInstead: 'where to take it instead' },
  },
  {
    list: 'workingGroups',
    row: 'Working group {n}',
    fields: {
      key: 'short name',
      title: 'name',
      focus: 'what it works on',
      remitKeys: 'areas of the remit it covers',
      cadence: 'how often it meets',
      'cadence.unit': 'how often it meets',
      'cadence.every': 'how often it meets',
      'cadence.on.kind': 'how often it meets',
    },
  },
  {
    list: 'roles.otherRoles',
    row: 'Role {n}',
    fields: { key: 'short name', title: 'name', description: 'what the role does' },
  },
  {
    list: 'impact.realisticGoals',
    row: 'Goal {n}',
    fields: { statement: 'what will have been achieved', measure: 'how we will know' },
  },
  {
    list: 'impact.moodGoals',
    row: 'Feelings goal {n}',
    fields: {
      statement: 'how people will feel',
      questionKey: 'survey question that measures it',
      targetPercent: 'per cent of people who agree',
    },
  },
  {
    list: 'decisions.quorum.categoryMinimums',
    row: 'Quorum category {n}',
    fields: { category: 'who they are', min: 'how many must be there' },
  },
  {
    list: 'surveys.questions',
    row: 'Survey question {n}',
    fields: { text: 'what people are asked' },
  },
  {
    list: 'furtherClauses',
    row: 'Way of working {n}',
    fields: { title: 'title', text: 'what the group agrees' },
  },
];

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
export function rowLabel(list: string, index: number): string {
  const row = ROWS.find((r) => r.list === list)?.row ?? `${list} {n}`;
  return row.replace('{n}', String(index + 1));
}

/** Plain words for a field's path, such as "Area 2 in the remit: name". */
export function fieldLabel(path: string): string {
  const known = LABELS[wholeListOf(path) ?? path];
  if (known) return known;
  for (const { list, fields } of ROWS) {
    if (!path.startsWith(`${list}.`)) continue;
    const match = /^(\d+)(?:\.(.+))?$/.exec(path.slice(list.length + 1));
    if (!match) continue;
    const row = rowLabel(list, Number(match[1]));
    const rest = match[2];
    if (rest === undefined) return row;
    // One entry of a list field (an area a working group covers) reads as the whole field.
    const field = rest.replace(/\.\d+$/, '');
    if (fields[field]) return `${row}: ${fields[field]}`;
    // A key the editor makes from the row's own words is known by the row.
    if (field === 'key') return row;
    // A working group's meetings read as the group's, mid-sentence.
    const words = LABELS[field];
    return `${row}: ${words ? lowerFirst(words) : field}`;
  }
  const clause = /^behaviour\.clauses\.(\d+)$/.exec(path);
  if (clause) return `Clause ${Number(clause[1]) + 1}`;
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
