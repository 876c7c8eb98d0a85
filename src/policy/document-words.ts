/**
 * The printed ToR's own sentences, one table per language. The group's text
 * (purpose, clauses, titles) is passed in already made safe for Markdown;
 * each function here only puts it into a sentence. English is the original
 * wording of render.ts; Welsh is in document-words-cy.ts.
 */
import type { CalendarDate } from './time.ts';
import type { Cadence, Decisions, Quorum, Terms, TermsLanguage } from './terms.ts';
import { WELSH_DOCUMENT } from './document-words-cy.ts';
import {
  cadenceWords,
  capitalise,
  listWords,
  longDate,
  numberWord,
  plural,
  pluralWords,
  quorumWords,
  thresholdWords,
} from './words.ts';

type Chairs = Terms['roles']['chairs'];

export type DocumentWords = {
  title: (title: string) => string;
  sections: {
    purpose: string;
    membership: string;
    meetings: string;
    remit: string;
    waysOfWorking: string;
    behaviour: string;
    confidentiality: string;
    decisions: string;
    roles: string;
    requests: string;
    involvement: string;
    impact: string;
    review: string;
  };
  /** A built-in role as it reads mid-sentence. */
  builtInRole: (key: string, chairCount: number) => string | undefined;
  list: (items: readonly string[], last?: 'and' | 'or') => string;
  date: (date: CalendarDate) => string;
  cadence: (cadence: Cadence) => string;

  startedOn: (date: string) => string;
  endsWhenAndOn: (when: string, date: string) => string;
  endsOn: (date: string) => string;
  endsWhen: (when: string) => string;

  memberRule: (
    memberAfterMoreThan: number,
    meetingsThatCount: 'own' | 'own_and_working_groups',
  ) => string;
  lapse: (
    absences: number,
    apologiesCountAsAbsence: boolean,
    memberAfterMoreThan: number,
  ) => string;
  nonVoting: (roles: string) => string;

  meets: (cadence: string, from: string) => string;
  workingGroupsIntro: string;
  workingGroup: (title: string, focus: string, areas: string[], cadence: string) => string;
  noWorkingGroups: string;
  papers: (days: number) => string;

  inScopeIntro: string;
  outOfScopeIntro: string;
  outOfScopeItem: (title: string, takeInstead: string) => string;
  nothingOutOfScope: string;
  beyondRemit: string;

  release: (releaseOnlyByGroupDecision: boolean, chairMayRecordAgreement: boolean) => string;
  attribution: (chathamHouseRule: boolean) => string;

  consensus: (consensusFirst: boolean) => string;
  formalTest: (
    callers: string,
    eligibility: Decisions['eligibility'],
    memberAfterMoreThan: number,
    hasNonVotingRoles: boolean,
  ) => string;
  carried: (decisions: Decisions) => string;
  quorum: (quorum: Quorum) => string;
  remote: (countsAsPresent: boolean, countsTowardsQuorum: boolean) => string;
  casting: (castingVote: Decisions['castingVote']) => string;
  ballot: (secret: boolean, mayChangeBeforeClose: boolean) => string;
  opinions: (chathamHouseRule: boolean) => string;

  chairs: (chairs: Chairs) => string;
  otherRolesIntro: string;
  interests: (declareInterests: Terms['roles']['declareInterests']) => string;

  requests: (r: Terms['informationRequests']) => string;
  involvement: (paymentsOffered: boolean, expensesPaid: boolean) => string;

  realisticIntro: string;
  realisticGoal: (statement: string, measure: string) => string;
  moodIntro: string;
  moodGoal: (statement: string, targetPercent: number, question: string) => string;
  survey: (
    firstMonths: number,
    laterMonths: number[],
    dates: string[],
    minResponses: number,
  ) => string;

  review: (periodMonths: number, noticeDays: number) => string;
};

const ENGLISH_DOCUMENT: DocumentWords = {
  title: (title) => `Terms of Reference: ${title}`,
  sections: {
    purpose: 'What we are working towards',
    membership: 'Membership',
    meetings: 'Meetings',
    remit: 'Remit',
    waysOfWorking: 'Ways of working',
    behaviour: 'Behaviour agreement',
    confidentiality: 'Confidentiality',
    decisions: 'Decisions',
    roles: 'Roles',
    requests: 'Information requests',
    involvement: 'Payments and expenses',
    impact: 'How we will know co-production has had an impact',
    review: 'Review',
  },
  builtInRole: (key, chairCount) => {
    const chair = chairCount === 1 ? 'the chair' : 'a co-chair';
    return (
      { chair, note_taker: 'the note-taker', observer: 'observers' } as Record<string, string>
    )[key];
  },
  list: (items, last = 'and') => listWords(items, last),
  date: longDate,
  cadence: cadenceWords,

  startedOn: (date) => `The group started on ${date}.`,
  endsWhenAndOn: (when, date) => `The group ends ${when}, and no later than ${date}.`,
  endsOn: (date) => `The group ends on ${date}.`,
  endsWhen: (when) => `The group ends ${when}.`,

  memberRule: (n, count) => {
    const which = count === 'own' ? 'of the group' : 'of the group or its working groups';
    return `A member is someone who has been to more than ${pluralWords(n, 'meeting')} ${which}. Until then, people take part as participants.`;
  },
  lapse: (absences, apologiesCount, n) => {
    const apologies = apologiesCount
      ? 'sending apologies still counts as missing a meeting'
      : 'a meeting they sent apologies for does not count';
    return `A member who misses ${pluralWords(absences, 'meeting')} in a row is no longer a member (${apologies}). If they come back, they take part as a participant and become a member again after more than ${pluralWords(n, 'meeting')}.`;
  },
  nonVoting: (roles) => `${capitalise(roles)} take part but never vote.`,

  meets: (cadence, from) => `The group meets ${cadence}, from ${from}.`,
  workingGroupsIntro: 'Smaller working groups focus on specific areas of work:',
  workingGroup: (title, focus, areas, cadence) => {
    const covers = areas.length ? ` It covers ${listWords(areas)}.` : '';
    return `**${title}**: ${focus}${covers} It meets ${cadence}.`;
  },
  noWorkingGroups:
    'Smaller working groups focus on specific areas of work; the group sets them up as the work needs them, each with its own people and meetings.',
  papers: (days) => `Papers are shared at least ${pluralWords(days, 'day')} before each meeting.`,

  inScopeIntro: "The group's remit is specifically:",
  outOfScopeIntro: 'It will not cover:',
  outOfScopeItem: (title, takeInstead) => `**${title}**: take this to ${takeInstead}`,
  nothingOutOfScope: 'The group has not listed anything it will not cover.',
  beyondRemit:
    'Conversations that go beyond the remit are held outside this meeting: an agenda item outside the remit moves to a list of things to take elsewhere, with a note of where.',

  release: (onlyByDecision, chairMayRecord) => {
    if (!onlyByDecision)
      return 'Information shared for the process may be shared outside the group, unless the group asks for something to stay within it.';
    const how = chairMayRecord
      ? 'by a decision of the group, or an agreement of the group that the chair records'
      : 'by a recorded decision of the group';
    return `Information shared for the process is not shared outside the group unless specifically agreed by the group, ${how}.`;
  },
  attribution: (chatham) =>
    chatham
      ? 'We work to an ethos of trust, under the Chatham House Rule: the freedom to express views within this process without having those views attributed to a particular individual outside of the process. Notes of meetings reflect the discussion, not who said what.'
      : 'Notes of meetings may record who said what.',

  consensus: (consensusFirst) =>
    consensusFirst
      ? 'Our way of working is to form resolutions by consensus. Each person may agree, agree with concerns, stand aside or block; one block means there is no consensus.'
      : 'The group makes its decisions by a vote.',
  formalTest: (callers, eligibility, n, nonVoting) => {
    const members = `members (people who have been to more than ${pluralWords(n, 'meeting')})`;
    const voters = {
      members,
      members_present: `${members} who are present`,
      members_and_participants: 'everyone taking part, members and participants alike',
    }[eligibility];
    return `If ${callers} requires a formal test of that consensus, there is a vote of ${voters}.${nonVoting ? ' People in non-voting roles do not vote.' : ''}`;
  },
  carried: (d) =>
    `A proposal is carried by ${thresholdWords(d)}${d.threshold.of === 'votes_cast' ? (d.abstentionsCount ? '; abstentions count as votes cast' : '; abstentions are not counted') : ''}.`,
  quorum: (q) =>
    q.kind === 'none'
      ? 'There is no quorum: the group can decide with whoever is there.'
      : `A vote needs a quorum of ${quorumWords(q)}.`,
  remote: (present, quorum) =>
    `People taking part online ${present ? 'count as present' : 'do not count as present'} and ${quorum ? 'count towards' : 'do not count towards'} the quorum.`,
  casting: (castingVote) =>
    castingVote === 'chair'
      ? 'If the votes are tied, the chair has a casting vote.'
      : 'If the votes are tied, the proposal is not carried.',
  ballot: (secret, mayChange) => {
    const change = mayChange
      ? 'A vote can be changed until the vote closes.'
      : 'Once cast, a vote cannot be changed.';
    return secret
      ? `Votes are secret. ${change}`
      : `Votes are named: the record shows how each person voted. ${change}`;
  },
  opinions: (chatham) =>
    `The group may hold a variety of opinions, all of which may be reflected in any report that follows${chatham ? ', without saying who held them' : ''}.`,

  chairs: (chairs) => {
    const who = chairs.count === 1 ? 'one chair' : `${numberWord(chairs.count)} co-chairs`;
    const how = {
      elected_by_members: 'elected by the members',
      agreed_by_consensus: 'agreed by the group by consensus',
      appointed: 'appointed rather than elected',
      rotating: 'taking the role in turn',
    }[chairs.selection];
    const term = chairs.termMonths ? `, for a term of ${plural(chairs.termMonths, 'month')}` : '';
    const limit = chairs.maxConsecutiveTerms
      ? `, and at most ${pluralWords(chairs.maxConsecutiveTerms, 'term')} in a row`
      : '';
    return `The group has ${who}, ${how}${term}${limit}.`;
  },
  otherRolesIntro: 'Other roles:',
  interests: (declare) =>
    declare === 'each_agenda_item'
      ? 'At each agenda item, anyone with an interest in it says so before the discussion.'
      : 'People are not asked to declare interests item by item.',

  requests: (r) =>
    `Respecting the significant pressure already on public sector staff, we make reasonable requests for further information: each request says what it is for and gives at least ${pluralWords(r.minResponseDays, 'day')} to answer; no organisation has more than ${numberWord(r.maxOpenPerOrganisation)} of our requests open at a time; and no one person has more than ${numberWord(r.maxOpenPerPerson)} open.`,
  involvement: (payments, expenses) =>
    `${payments ? 'Payment for involvement is offered.' : 'Payment for involvement is not offered.'} ${expenses ? 'Expenses are paid.' : 'Expenses are not paid.'}`,

  realisticIntro: 'We set a realistic goal: what will have been achieved.',
  realisticGoal: (statement, measure) => `${statement} How we will know: ${measure}`,
  moodIntro: 'We set a mood goal: how people will feel.',
  moodGoal: (statement, pct, question) =>
    `${statement} Target: at least ${pct}% agree with “${question}”.`,
  survey: (first, later, dates, min) => {
    const repeated = later.length ? `, repeated ${listWords(later.map(String))} months on` : '';
    return `To measure how people feel, we do a survey ${first} months in${repeated} (${listWords(dates)}). Answers are anonymous, and results are shown only when at least ${pluralWords(min, 'person', 'people')} have answered.`;
  },

  review: (months, notice) =>
    `These terms of reference are reviewed every ${plural(months, 'month')}${months === 12 ? ' (an annual review)' : ''}, through the group's own decision process. The group is told ${pluralWords(notice, 'day')} before a review is due.`,
};

export const DOCUMENT_WORDS: Record<TermsLanguage, DocumentWords> = {
  'en-GB': ENGLISH_DOCUMENT,
  cy: WELSH_DOCUMENT,
};
