/**
 * The draft editor's sections, and plain words for each field of a ToR. The
 * server names a bad field by its path ("document.cadence.every"); these turn
 * that path into a label, a section to open and an input to focus.
 */

export type SectionKey =
  'purpose' | 'membership' | 'meetings' | 'remit' | 'behaviour' | 'decisions' | 'review';

export const SECTIONS: { key: SectionKey; title: string; help: string }[] = [
  {
    key: 'purpose',
    title: 'Purpose',
    help: 'Say in a sentence or two what the group is working towards. Everything else in these terms serves it.',
  },
  {
    key: 'membership',
    title: 'Membership',
    help: 'Who may join, and when someone who comes along becomes a member who can vote.',
  },
  {
    key: 'meetings',
    title: 'Meetings',
    help: 'How often the group meets, on which day and at what time. Accord works out the meeting dates from this.',
  },
  {
    key: 'remit',
    title: 'Remit',
    help: 'The areas the group covers, and the areas it does not, with where people can take those conversations instead.',
  },
  {
    key: 'behaviour',
    title: 'Behaviour agreement',
    help: 'The numbered promises everyone makes to each other. Anyone can raise a reminder of a clause by its number, without giving a name.',
  },
  {
    key: 'decisions',
    title: 'Decisions',
    help: 'How the group decides: consensus first, and if a formal vote is needed, who votes and what it takes to carry a proposal.',
  },
  {
    key: 'review',
    title: 'Review and surveys',
    help: 'How often the group looks again at these terms, and when it asks everyone how co-production feels.',
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
  'membership.note': 'Anything else about membership',
  cadence: 'Meetings',
  'cadence.unit': 'How often the group meets',
  'cadence.every': 'How often the group meets',
  'cadence.weekday': 'Day of the week',
  'cadence.on': 'Which day of the month',
  'cadence.on.weekday': 'Day of the week',
  'cadence.on.nth': 'Which week of the month',
  'cadence.on.day': 'Day of the month',
  'cadence.from': 'First meeting on or after',
  'cadence.startTime': 'Start time',
  'cadence.durationMinutes': 'Length of a meeting in minutes',
  'cadence.timeZone': 'Time zone',
  'papers.daysBefore': 'Days before a meeting that papers are shared',
  'remit.note': 'A note about the remit',
  'remit.inScope': 'Areas in the remit',
  'remit.outOfScope': 'Areas outside the remit',
  'behaviour.intro': 'Introduction to the behaviour agreement',
  'behaviour.clauses': 'Clauses of the behaviour agreement',
  'decisions.consensusFirst': 'Try for consensus first',
  'decisions.eligibility': 'Who votes',
  'decisions.threshold.proportion': 'What it takes to carry a proposal',
  'decisions.threshold.of': 'Counted out of',
  'decisions.abstentionsCount': 'Abstentions count as votes cast',
  'decisions.quorum': 'Quorum',
  'decisions.quorum.kind': 'Quorum',
  'decisions.quorum.count': 'Quorum: number of people',
  'decisions.quorum.numerator': 'Quorum: fraction of members, top number',
  'decisions.quorum.denominator': 'Quorum: fraction of members, bottom number',
  'decisions.remoteAttendance.countsAsPresent': 'People taking part online count as present',
  'decisions.remoteAttendance.countsTowardsQuorum':
    'People taking part online count towards the quorum',
  'decisions.castingVote': 'Casting vote',
  'decisions.ballot.secret': 'Votes are secret',
  'review.periodMonths': 'Months between reviews',
  'review.noticeDays': 'Days of notice before a review is due',
  'surveys.wavesMonths': 'Surveys, in months after the start',
  'surveys.minResponsesToShow': 'Answers needed before results are shown',
};

/** Plain words for a field's path, such as "Area 2 in the remit: name". */
export function fieldLabel(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  const row = /^remit\.(inScope|outOfScope)\.(\d+)\.(\w+)$/.exec(path);
  if (row) {
    const where = row[1] === 'inScope' ? 'in the remit' : 'outside the remit';
    const what =
      { title: 'name', description: 'what it covers', takeInstead: 'where to take it instead' }[
        row[3] ?? ''
      ] ?? row[3];
    return `Area ${Number(row[2]) + 1} ${where}: ${what}`;
  }
  const clause = /^behaviour\.clauses\.(\d+)$/.exec(path);
  if (clause) return `Clause ${Number(clause[1]) + 1}`;
  const wave = /^surveys\.wavesMonths\.(\d+)$/.exec(path);
  if (wave) return LABELS['surveys.wavesMonths'] ?? path;
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' › ');
}

const SECTION_OF: [RegExp, SectionKey][] = [
  [/^(title|purpose|startsOn|ending)(\.|$)/, 'purpose'],
  [/^membership(\.|$)/, 'membership'],
  [/^(cadence|papers)(\.|$)/, 'meetings'],
  [/^remit(\.|$)/, 'remit'],
  [/^behaviour(\.|$)/, 'behaviour'],
  [/^decisions(\.|$)/, 'decisions'],
  [/^(review|surveys)(\.|$)/, 'review'],
];

export function sectionOf(path: string): SectionKey | null {
  return SECTION_OF.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/** The id of the input for a field. */
export function inputId(path: string): string {
  if (/^surveys\.wavesMonths\.\d+$/.test(path)) return inputId('surveys.wavesMonths');
  return `draft-${path.replace(/\./g, '-')}`;
}

/** A remit key from a title: "Housing repairs" becomes housing_repairs. */
export function keyFrom(title: string, taken: Set<string>): string {
  let base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34);
  if (!/^[a-z]/.test(base)) base = `area_${base}`.replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  taken.add(key);
  return key;
}
