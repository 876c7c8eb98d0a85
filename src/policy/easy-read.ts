/**
 * An easy-read version of a group's Terms of Reference: short sentences, one
 * idea per line, each heading a question a newcomer would ask. It is made
 * from the structured ToR, so it can never say something the ToR does not.
 *
 * No words live here: each line is a message id and its values, and the web
 * page says it in the reader's language from the message catalogue. Text the
 * group wrote itself (its purpose, its remit, its behaviour clauses) is
 * passed through as the group's own words, one sentence per line.
 */
import { surveyWaves } from './surveys.ts';
import type { Terms } from './terms.ts';
import type { CalendarDate } from './time.ts';

/** Every message an easy-read ToR can use; the catalogue has each one in every language. */
export const EASY_READ_MESSAGE_IDS = [
  // The questions (section headings).
  'easyread.question.purpose',
  'easyread.question.membership',
  'easyread.question.meetings',
  'easyread.question.remit',
  'easyread.question.outOfScope',
  'easyread.question.waysOfWorking',
  'easyread.question.behaviour',
  'easyread.question.confidentialityChathamHouse',
  'easyread.question.confidentiality',
  'easyread.question.decisions',
  'easyread.question.roles',
  'easyread.question.requests',
  'easyread.question.involvement',
  'easyread.question.impact',
  'easyread.question.review',
  // The group's own words, one sentence.
  'easyread.line.groupWords',
  'easyread.purpose.started',
  'easyread.purpose.endsOn',
  'easyread.purpose.endsWhen',
  'easyread.purpose.endsNoLaterThan',
  'easyread.membership.participant',
  'easyread.membership.member',
  'easyread.membership.ownMeetingsCount',
  'easyread.membership.workingGroupMeetingsCount',
  'easyread.membership.lapse',
  'easyread.membership.apologiesCountAsAbsence',
  'easyread.membership.apologiesDoNotCount',
  'easyread.membership.comeBack',
  'easyread.membership.doesNotVote',
  'easyread.meetings.everyWeek',
  'easyread.meetings.nthWeekday',
  'easyread.meetings.dayOfMonth',
  'easyread.meetings.startTime',
  'easyread.meetings.length',
  'easyread.meetings.timeZone',
  'easyread.meetings.from',
  'easyread.meetings.papers',
  'easyread.meetings.workingGroupsLater',
  'easyread.meetings.workingGroupsIntro',
  'easyread.meetings.workingGroup',
  'easyread.meetings.workingGroupArea',
  'easyread.remit.intro',
  'easyread.remit.area',
  'easyread.remit.nothingOut',
  'easyread.remit.outIntro',
  'easyread.remit.outArea',
  'easyread.remit.takeInstead',
  'easyread.remit.outsideMeeting',
  'easyread.remit.outsideList',
  'easyread.waysOfWorking.title',
  'easyread.behaviour.intro',
  'easyread.behaviour.clause',
  'easyread.behaviour.reminder',
  'easyread.confidentiality.staysInGroup',
  'easyread.confidentiality.byDecision',
  'easyread.confidentiality.byDecisionOrChair',
  'easyread.confidentiality.mayBeShared',
  'easyread.confidentiality.askToKeep',
  'easyread.confidentiality.sayWhatYouThink',
  'easyread.confidentiality.notAttributed',
  'easyread.confidentiality.notesWithoutNames',
  'easyread.confidentiality.notesWithNames',
  'easyread.decisions.consensus',
  'easyread.decisions.consensusOptions',
  'easyread.decisions.block',
  'easyread.decisions.byVote',
  'easyread.decisions.whoCallsVote',
  'easyread.decisions.whoVotes',
  'easyread.decisions.threshold',
  'easyread.decisions.abstentionsCount',
  'easyread.decisions.abstentionsDoNotCount',
  'easyread.decisions.noQuorum',
  'easyread.decisions.quorumCount',
  'easyread.decisions.quorumFraction',
  'easyread.decisions.quorumCategory',
  'easyread.decisions.onlinePresent',
  'easyread.decisions.onlineQuorum',
  'easyread.decisions.castingVoteChair',
  'easyread.decisions.castingVoteNone',
  'easyread.decisions.secret',
  'easyread.decisions.named',
  'easyread.decisions.mayChange',
  'easyread.decisions.mayNotChange',
  'easyread.decisions.allOpinions',
  'easyread.decisions.opinionsWithoutNames',
  'easyread.roles.chairs',
  'easyread.roles.selection',
  'easyread.roles.term',
  'easyread.roles.termLimit',
  'easyread.roles.otherRole',
  'easyread.roles.declareInterests',
  'easyread.roles.noInterests',
  'easyread.requests.purpose',
  'easyread.requests.time',
  'easyread.requests.perOrganisation',
  'easyread.requests.perPerson',
  'easyread.involvement.paid',
  'easyread.involvement.notPaid',
  'easyread.involvement.expenses',
  'easyread.involvement.noExpenses',
  'easyread.impact.realisticGoal',
  'easyread.impact.measure',
  'easyread.impact.moodGoal',
  'easyread.impact.moodTarget',
  'easyread.impact.surveyWhy',
  'easyread.impact.surveyWave',
  'easyread.impact.anonymous',
  'easyread.impact.minResponses',
  'easyread.review.every',
  'easyread.review.notice',
  'easyread.review.how',
] as const;

export type EasyReadMessageId = (typeof EASY_READ_MESSAGE_IDS)[number];

/** A value in a line: a number, a word or the group's own text, or a date the page formats. */
export type EasyReadValue = string | number | { date: CalendarDate };

export type EasyReadLine = {
  messageId: EasyReadMessageId;
  values: Record<string, EasyReadValue>;
};

export type EasyReadSection = {
  /** The heading, asked as a question. */
  questionId: EasyReadMessageId;
  lines: EasyReadLine[];
};

function line(messageId: EasyReadMessageId, values: Record<string, EasyReadValue> = {}) {
  return { messageId, values };
}

/**
 * The group's own text, one idea per line: it is split after ".", "!", "?",
 * ":" or ";" followed by a space, and at line breaks, and each part starts
 * with a capital. The words themselves are the group's, as they wrote them.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?:;])\s+(?=\S)/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1));
}

function groupWords(text: string): EasyReadLine[] {
  return sentences(text).map((s) => line('easyread.line.groupWords', { text: s }));
}

/**
 * A role as the messages name it: a built-in role by its key (the chair is
 * "co_chair" when a group has more than one), any other by its title.
 */
function role(terms: Terms, key: string): Record<string, string> {
  const defined = terms.roles.otherRoles.find((r) => r.key === key);
  if (defined) return { role: 'other', title: defined.title };
  if (key === 'chair' && terms.roles.chairs.count > 1) return { role: 'co_chair', title: '' };
  if (key === 'chair' || key === 'note_taker' || key === 'observer')
    return { role: key, title: '' };
  return { role: 'other', title: key.replaceAll('_', ' ') };
}

function cadenceLine(cadence: Terms['cadence']): EasyReadLine {
  if (cadence.unit === 'week')
    return line('easyread.meetings.everyWeek', { every: cadence.every, weekday: cadence.weekday });
  if (cadence.on.kind === 'nth_weekday')
    return line('easyread.meetings.nthWeekday', {
      every: cadence.every,
      nth: String(cadence.on.nth),
      weekday: cadence.on.weekday,
    });
  return line('easyread.meetings.dayOfMonth', { every: cadence.every, day: cadence.on.day });
}

function purpose(terms: Terms): EasyReadSection {
  const lines = [
    ...groupWords(terms.purpose),
    line('easyread.purpose.started', { date: { date: terms.startsOn } }),
  ];
  const { endsOn, endsWhen } = terms.ending;
  if (endsWhen) lines.push(line('easyread.purpose.endsWhen', { when: endsWhen }));
  if (endsOn)
    lines.push(
      line(endsWhen ? 'easyread.purpose.endsNoLaterThan' : 'easyread.purpose.endsOn', {
        date: { date: endsOn },
      }),
    );
  return { questionId: 'easyread.question.purpose', lines };
}

function membership(terms: Terms): EasyReadSection {
  const m = terms.membership;
  const lines = [
    ...groupWords(m.whoMayJoin),
    line('easyread.membership.participant'),
    line('easyread.membership.member', { count: m.memberAfterMoreThan }),
    line(
      m.meetingsThatCount === 'own'
        ? 'easyread.membership.ownMeetingsCount'
        : 'easyread.membership.workingGroupMeetingsCount',
    ),
  ];
  if (m.lapse) {
    lines.push(
      line('easyread.membership.lapse', { count: m.lapse.afterConsecutiveAbsences }),
      line(
        m.lapse.apologiesCountAsAbsence
          ? 'easyread.membership.apologiesCountAsAbsence'
          : 'easyread.membership.apologiesDoNotCount',
      ),
      line('easyread.membership.comeBack'),
    );
  }
  for (const key of m.nonVotingRoles)
    lines.push(line('easyread.membership.doesNotVote', role(terms, key)));
  if (m.note) lines.push(...groupWords(m.note));
  return { questionId: 'easyread.question.membership', lines };
}

function meetings(terms: Terms): EasyReadSection {
  const c = terms.cadence;
  const lines = [
    cadenceLine(c),
    line('easyread.meetings.startTime', { time: c.startTime }),
    line('easyread.meetings.length', {
      kind: c.durationMinutes % 60 === 0 ? 'hours' : c.durationMinutes < 60 ? 'minutes' : 'both',
      hours: Math.floor(c.durationMinutes / 60),
      minutes: c.durationMinutes % 60,
    }),
  ];
  if (c.timeZone !== 'Europe/London')
    lines.push(line('easyread.meetings.timeZone', { timeZone: c.timeZone }));
  lines.push(
    line('easyread.meetings.from', { date: { date: c.from } }),
    line('easyread.meetings.papers', { days: terms.papers.daysBefore }),
  );
  if (terms.workingGroups.length === 0) {
    lines.push(line('easyread.meetings.workingGroupsLater'));
  } else {
    lines.push(line('easyread.meetings.workingGroupsIntro'));
    for (const g of terms.workingGroups) {
      lines.push(
        line('easyread.meetings.workingGroup', { title: g.title }),
        ...groupWords(g.focus),
      );
      for (const key of g.remitKeys) {
        const area = terms.remit.inScope.find((a) => a.key === key);
        lines.push(line('easyread.meetings.workingGroupArea', { area: area?.title ?? key }));
      }
      lines.push(cadenceLine(g.cadence));
    }
  }
  return { questionId: 'easyread.question.meetings', lines };
}

function remit(terms: Terms): EasyReadSection {
  const { note, inScope } = terms.remit;
  const lines = note ? groupWords(note) : [];
  lines.push(line('easyread.remit.intro'));
  for (const area of inScope) {
    lines.push(line('easyread.remit.area', { title: area.title }), ...groupWords(area.description));
  }
  return { questionId: 'easyread.question.remit', lines };
}

function outOfScope(terms: Terms): EasyReadSection {
  const { outOfScope: areas } = terms.remit;
  const lines: EasyReadLine[] = [];
  if (areas.length === 0) {
    lines.push(line('easyread.remit.nothingOut'));
  } else {
    lines.push(line('easyread.remit.outIntro'));
    for (const area of areas) {
      lines.push(
        line('easyread.remit.outArea', { title: area.title }),
        line('easyread.remit.takeInstead', { place: area.takeInstead }),
      );
    }
  }
  lines.push(line('easyread.remit.outsideMeeting'), line('easyread.remit.outsideList'));
  return { questionId: 'easyread.question.outOfScope', lines };
}

function waysOfWorking(terms: Terms): EasyReadSection | null {
  if (terms.furtherClauses.length === 0) return null;
  return {
    questionId: 'easyread.question.waysOfWorking',
    lines: terms.furtherClauses.flatMap((c) => [
      line('easyread.waysOfWorking.title', { title: c.title }),
      ...groupWords(c.text),
    ]),
  };
}

function behaviour(terms: Terms): EasyReadSection {
  const { intro, clauses } = terms.behaviour;
  const lines = intro ? groupWords(intro) : [];
  lines.push(line('easyread.behaviour.intro'));
  clauses.forEach((clause, index) => {
    const [first = '', ...rest] = sentences(clause);
    lines.push(
      line('easyread.behaviour.clause', { number: index + 1, text: first }),
      ...rest.map((s) => line('easyread.line.groupWords', { text: s })),
    );
  });
  lines.push(line('easyread.behaviour.reminder'));
  return { questionId: 'easyread.question.behaviour', lines };
}

function confidentiality(terms: Terms): EasyReadSection {
  const c = terms.confidentiality;
  const lines: EasyReadLine[] = [];
  if (c.releaseOnlyByGroupDecision) {
    lines.push(
      line('easyread.confidentiality.staysInGroup'),
      line(
        c.chairMayRecordAgreement
          ? 'easyread.confidentiality.byDecisionOrChair'
          : 'easyread.confidentiality.byDecision',
      ),
    );
  } else {
    lines.push(
      line('easyread.confidentiality.mayBeShared'),
      line('easyread.confidentiality.askToKeep'),
    );
  }
  if (c.chathamHouseRule) {
    lines.push(
      line('easyread.confidentiality.sayWhatYouThink'),
      line('easyread.confidentiality.notAttributed'),
      line('easyread.confidentiality.notesWithoutNames'),
    );
  } else {
    lines.push(line('easyread.confidentiality.notesWithNames'));
  }
  return {
    questionId: c.chathamHouseRule
      ? 'easyread.question.confidentialityChathamHouse'
      : 'easyread.question.confidentiality',
    lines,
  };
}

function decisions(terms: Terms): EasyReadSection {
  const d = terms.decisions;
  const lines: EasyReadLine[] = d.consensusFirst
    ? [
        line('easyread.decisions.consensus'),
        line('easyread.decisions.consensusOptions'),
        line('easyread.decisions.block'),
      ]
    : [line('easyread.decisions.byVote')];
  for (const key of d.formalTestCalledBy)
    lines.push(line('easyread.decisions.whoCallsVote', role(terms, key)));
  lines.push(
    line('easyread.decisions.whoVotes', {
      eligibility: d.eligibility,
      count: terms.membership.memberAfterMoreThan,
    }),
    line('easyread.decisions.threshold', {
      proportion: d.threshold.proportion,
      of: d.threshold.of,
    }),
  );
  if (d.threshold.of === 'votes_cast')
    lines.push(
      line(
        d.abstentionsCount
          ? 'easyread.decisions.abstentionsCount'
          : 'easyread.decisions.abstentionsDoNotCount',
      ),
    );
  const q = d.quorum;
  if (q.kind === 'none') lines.push(line('easyread.decisions.noQuorum'));
  else {
    lines.push(
      q.kind === 'count'
        ? line('easyread.decisions.quorumCount', { count: q.count })
        : line('easyread.decisions.quorumFraction', {
            numerator: q.numerator,
            denominator: q.denominator,
          }),
      ...q.categoryMinimums.map((m) =>
        line('easyread.decisions.quorumCategory', {
          count: m.min,
          category: m.category.replaceAll('_', ' '),
        }),
      ),
    );
  }
  lines.push(
    line('easyread.decisions.onlinePresent', {
      counts: d.remoteAttendance.countsAsPresent ? 'yes' : 'no',
    }),
  );
  if (q.kind !== 'none')
    lines.push(
      line('easyread.decisions.onlineQuorum', {
        counts: d.remoteAttendance.countsTowardsQuorum ? 'yes' : 'no',
      }),
    );
  lines.push(
    line(
      d.castingVote === 'chair'
        ? 'easyread.decisions.castingVoteChair'
        : 'easyread.decisions.castingVoteNone',
    ),
    line(d.ballot.secret ? 'easyread.decisions.secret' : 'easyread.decisions.named'),
    line(
      d.ballot.mayChangeBeforeClose
        ? 'easyread.decisions.mayChange'
        : 'easyread.decisions.mayNotChange',
    ),
  );
  if (d.recordAllOpinions) {
    lines.push(line('easyread.decisions.allOpinions'));
    if (terms.confidentiality.chathamHouseRule)
      lines.push(line('easyread.decisions.opinionsWithoutNames'));
  }
  return { questionId: 'easyread.question.decisions', lines };
}

function roles(terms: Terms): EasyReadSection {
  const { chairs, otherRoles, declareInterests } = terms.roles;
  const lines = [
    line('easyread.roles.chairs', { count: chairs.count }),
    line('easyread.roles.selection', { selection: chairs.selection, count: chairs.count }),
  ];
  if (chairs.termMonths) lines.push(line('easyread.roles.term', { months: chairs.termMonths }));
  if (chairs.maxConsecutiveTerms)
    lines.push(line('easyread.roles.termLimit', { count: chairs.maxConsecutiveTerms }));
  if (chairs.note) lines.push(...groupWords(chairs.note));
  for (const r of otherRoles)
    lines.push(line('easyread.roles.otherRole', { title: r.title }), ...groupWords(r.description));
  lines.push(
    line(
      declareInterests === 'each_agenda_item'
        ? 'easyread.roles.declareInterests'
        : 'easyread.roles.noInterests',
    ),
  );
  return { questionId: 'easyread.question.roles', lines };
}

function requests(terms: Terms): EasyReadSection {
  const r = terms.informationRequests;
  return {
    questionId: 'easyread.question.requests',
    lines: [
      line('easyread.requests.purpose'),
      line('easyread.requests.time', { days: r.minResponseDays }),
      line('easyread.requests.perOrganisation', { count: r.maxOpenPerOrganisation }),
      line('easyread.requests.perPerson', { count: r.maxOpenPerPerson }),
    ],
  };
}

function involvement(terms: Terms): EasyReadSection {
  const i = terms.involvement;
  return {
    questionId: 'easyread.question.involvement',
    lines: [
      line(i.paymentsOffered ? 'easyread.involvement.paid' : 'easyread.involvement.notPaid'),
      line(i.expensesPaid ? 'easyread.involvement.expenses' : 'easyread.involvement.noExpenses'),
      ...groupWords(i.clause),
    ],
  };
}

function impact(terms: Terms): EasyReadSection {
  const { realisticGoals, moodGoals } = terms.impact;
  const lines: EasyReadLine[] = [];
  for (const g of realisticGoals) {
    lines.push(
      line('easyread.impact.realisticGoal'),
      ...groupWords(g.statement),
      line('easyread.impact.measure'),
      ...groupWords(g.measure),
    );
  }
  for (const g of moodGoals) {
    const question = terms.surveys.questions.find((q) => q.key === g.questionKey);
    lines.push(
      line('easyread.impact.moodGoal'),
      ...groupWords(g.statement),
      line('easyread.impact.moodTarget', {
        percent: g.targetPercent,
        question: (question?.text ?? g.questionKey).replace(/[.!]$/, ''),
      }),
    );
  }
  const waves = surveyWaves(terms);
  if (waves.length) {
    lines.push(line('easyread.impact.surveyWhy'));
    for (const w of waves)
      lines.push(
        line('easyread.impact.surveyWave', {
          months: w.monthsAfterStart,
          date: { date: w.opensOn },
        }),
      );
    lines.push(
      line('easyread.impact.anonymous'),
      line('easyread.impact.minResponses', { count: terms.surveys.minResponsesToShow }),
    );
  }
  return { questionId: 'easyread.question.impact', lines };
}

function review(terms: Terms): EasyReadSection {
  return {
    questionId: 'easyread.question.review',
    lines: [
      line('easyread.review.every', { months: terms.review.periodMonths }),
      line('easyread.review.notice', { days: terms.review.noticeDays }),
      line('easyread.review.how'),
    ],
  };
}

/** The easy-read ToR: its questions in the order a newcomer asks them. */
export function easyReadTerms(terms: Terms): EasyReadSection[] {
  const sections = [
    purpose(terms),
    membership(terms),
    meetings(terms),
    remit(terms),
    outOfScope(terms),
    decisions(terms),
    confidentiality(terms),
    behaviour(terms),
    waysOfWorking(terms),
    roles(terms),
    requests(terms),
    involvement(terms),
    impact(terms),
    review(terms),
  ];
  return sections.filter((s): s is EasyReadSection => s !== null);
}
