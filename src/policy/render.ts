/**
 * A ToR as a readable, printable document with numbered clauses, in Markdown.
 * Every sentence comes from a field; nothing here is a rule of its own.
 */
import { surveyWaves } from './surveys.ts';
import type { Terms } from './terms.ts';
import {
  cadenceWords,
  capitalise,
  plural,
  pluralWords,
  listWords,
  longDate,
  numberWord,
  quorumWords,
  thresholdWords,
} from './words.ts';

export type Clause = { text: string; list?: string[] };
export type Section = { title: string; intro?: string; clauses: Clause[] };

/** User text inside a line: whitespace collapsed, Markdown characters escaped. */
function u(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** User text of one or more paragraphs, safe to place at the start of a line. */
function prose(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(u)
    .filter(Boolean)
    .map((p) => p.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#>+=-])/, '\\$1'))
    .join('\n\n');
}

function roleTitle(terms: Terms, key: string): string {
  const defined = terms.roles.otherRoles.find((r) => r.key === key);
  // "Practice staff" reads "practice staff" mid-sentence; "GP partners" keeps its capitals.
  if (defined) return u(defined.title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()));
  const chair = terms.roles.chairs.count === 1 ? 'the chair' : 'a co-chair';
  return { chair, note_taker: 'the note-taker', observer: 'observers' }[key] ?? u(key);
}

function purposeSection(terms: Terms): Section {
  const clauses: Clause[] = [{ text: prose(terms.purpose) }];
  clauses.push({ text: `The group started on ${longDate(terms.startsOn)}.` });
  const { endsOn, endsWhen } = terms.ending;
  if (endsOn && endsWhen)
    clauses.push({ text: `The group ends ${u(endsWhen)}, and no later than ${longDate(endsOn)}.` });
  else if (endsOn) clauses.push({ text: `The group ends on ${longDate(endsOn)}.` });
  else if (endsWhen) clauses.push({ text: `The group ends ${u(endsWhen)}.` });
  return { title: 'What we are working towards', clauses };
}

function membershipSection(terms: Terms): Section {
  const m = terms.membership;
  const which =
    m.meetingsThatCount === 'own' ? 'of the group' : 'of the group or its working groups';
  const meetings = pluralWords(m.memberAfterMoreThan, 'meeting');
  const clauses: Clause[] = [
    { text: prose(m.whoMayJoin) },
    {
      text: `A member is someone who has been to more than ${meetings} ${which}. Until then, people take part as participants.`,
    },
  ];
  if (m.lapse) {
    const absences = pluralWords(m.lapse.afterConsecutiveAbsences, 'meeting');
    const apologies = m.lapse.apologiesCountAsAbsence
      ? 'sending apologies still counts as missing a meeting'
      : 'a meeting they sent apologies for does not count';
    clauses.push({
      text: `A member who misses ${absences} in a row is no longer a member (${apologies}). If they come back, they take part as a participant and become a member again after more than ${meetings}.`,
    });
  }
  if (m.nonVotingRoles.length) {
    const titles = m.nonVotingRoles.map((r) => roleTitle(terms, r));
    clauses.push({ text: `${capitalise(listWords(titles))} take part but never vote.` });
  }
  if (m.note) clauses.push({ text: prose(m.note) });
  return { title: 'Membership', clauses };
}

function meetingsSection(terms: Terms): Section {
  const clauses: Clause[] = [
    {
      text: `The group meets ${cadenceWords(terms.cadence)}, from ${longDate(terms.cadence.from)}.`,
    },
  ];
  if (terms.workingGroups.length) {
    clauses.push({
      text: 'Smaller working groups focus on specific areas of work:',
      list: terms.workingGroups.map((g) => {
        const areas = g.remitKeys.map(
          (k) => terms.remit.inScope.find((a) => a.key === k)?.title ?? k,
        );
        const covers = areas.length ? ` It covers ${listWords(areas.map(u))}.` : '';
        return `**${u(g.title)}**: ${u(g.focus)}${covers} It meets ${cadenceWords(g.cadence)}.`;
      }),
    });
  } else {
    clauses.push({
      text: 'Smaller working groups focus on specific areas of work; the group sets them up as the work needs them, each with its own people and meetings.',
    });
  }
  clauses.push({
    text: `Papers are shared at least ${pluralWords(terms.papers.daysBefore, 'day')} before each meeting.`,
  });
  return { title: 'Meetings', clauses };
}

function remitSection(terms: Terms): Section {
  const { note, inScope, outOfScope } = terms.remit;
  const clauses: Clause[] = [
    {
      text: "The group's remit is specifically:",
      list: inScope.map((a) => `**${u(a.title)}**: ${u(a.description)}`),
    },
    outOfScope.length
      ? {
          text: 'It will not cover:',
          list: outOfScope.map((a) => `**${u(a.title)}**: take this to ${u(a.takeInstead)}`),
        }
      : { text: 'The group has not listed anything it will not cover.' },
    {
      text: 'Conversations that go beyond the remit are held outside this meeting: an agenda item outside the remit moves to a list of things to take elsewhere, with a note of where.',
    },
  ];
  return { title: 'Remit', intro: note ? prose(note) : undefined, clauses };
}

function behaviourSection(terms: Terms): Section {
  const { intro, clauses } = terms.behaviour;
  return {
    title: 'Behaviour agreement',
    intro: intro ? prose(intro) : undefined,
    clauses: clauses.map((text) => ({ text: prose(text) })),
  };
}

function confidentialitySection(terms: Terms): Section {
  const c = terms.confidentiality;
  const clauses: Clause[] = [];
  if (c.releaseOnlyByGroupDecision) {
    const how = c.chairMayRecordAgreement
      ? 'by a decision of the group, or an agreement of the group that the chair records'
      : 'by a recorded decision of the group';
    clauses.push({
      text: `Information shared for the process is not shared outside the group unless specifically agreed by the group, ${how}.`,
    });
  } else {
    clauses.push({
      text: 'Information shared for the process may be shared outside the group, unless the group asks for something to stay within it.',
    });
  }
  clauses.push({
    text: c.chathamHouseRule
      ? 'We work to an ethos of trust, under the Chatham House Rule: the freedom to express views within this process without having those views attributed to a particular individual outside of the process. Notes of meetings reflect the discussion, not who said what.'
      : 'Notes of meetings may record who said what.',
  });
  return { title: 'Confidentiality', clauses };
}

function decisionsSection(terms: Terms): Section {
  const d = terms.decisions;
  const m = terms.membership;
  const callers = listWords(
    d.formalTestCalledBy.map((r) => roleTitle(terms, r)),
    'or',
  );
  const members = `members (people who have been to more than ${pluralWords(m.memberAfterMoreThan, 'meeting')})`;
  const voters = {
    members: members,
    members_present: `${members} who are present`,
    members_and_participants: 'everyone taking part, members and participants alike',
  }[d.eligibility];
  const clauses: Clause[] = [
    d.consensusFirst
      ? {
          text: 'Our way of working is to form resolutions by consensus. Each person may agree, agree with concerns, stand aside or block; one block means there is no consensus.',
        }
      : { text: 'The group makes its decisions by a vote.' },
    {
      text: `If ${callers} requires a formal test of that consensus, there is a vote of ${voters}.${m.nonVotingRoles.length ? ' People in non-voting roles do not vote.' : ''}`,
    },
    {
      text: `A proposal is carried by ${thresholdWords(d)}${d.threshold.of === 'votes_cast' ? (d.abstentionsCount ? '; abstentions count as votes cast' : '; abstentions are not counted') : ''}.`,
    },
    {
      text:
        d.quorum.kind === 'none'
          ? 'There is no quorum: the group can decide with whoever is there.'
          : `A vote needs a quorum of ${quorumWords(d.quorum)}.`,
    },
    {
      text: `People taking part online ${d.remoteAttendance.countsAsPresent ? 'count as present' : 'do not count as present'} and ${d.remoteAttendance.countsTowardsQuorum ? 'count towards' : 'do not count towards'} the quorum.`,
    },
    {
      text:
        d.castingVote === 'chair'
          ? 'If the votes are tied, the chair has a casting vote.'
          : 'If the votes are tied, the proposal is not carried.',
    },
    {
      text: d.ballot.secret
        ? `Votes are secret. ${d.ballot.mayChangeBeforeClose ? 'A vote can be changed until the vote closes.' : 'Once cast, a vote cannot be changed.'}`
        : `Votes are named: the record shows how each person voted. ${d.ballot.mayChangeBeforeClose ? 'A vote can be changed until the vote closes.' : 'Once cast, a vote cannot be changed.'}`,
    },
  ];
  if (d.recordAllOpinions) {
    clauses.push({
      text: `The group may hold a variety of opinions, all of which may be reflected in any report that follows${terms.confidentiality.chathamHouseRule ? ', without saying who held them' : ''}.`,
    });
  }
  return { title: 'Decisions', clauses };
}

function rolesSection(terms: Terms): Section {
  const { chairs, otherRoles, declareInterests } = terms.roles;
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
  const clauses: Clause[] = [{ text: `The group has ${who}, ${how}${term}${limit}.` }];
  if (chairs.note) clauses.push({ text: prose(chairs.note) });
  if (otherRoles.length) {
    clauses.push({
      text: 'Other roles:',
      list: otherRoles.map((r) => `**${u(r.title)}**: ${u(r.description)}`),
    });
  }
  clauses.push({
    text:
      declareInterests === 'each_agenda_item'
        ? 'At each agenda item, anyone with an interest in it says so before the discussion.'
        : 'People are not asked to declare interests item by item.',
  });
  return { title: 'Roles', clauses };
}

function requestsSection(terms: Terms): Section {
  const r = terms.informationRequests;
  return {
    title: 'Information requests',
    clauses: [
      {
        text: `Respecting the significant pressure already on public sector staff, we make reasonable requests for further information: each request says what it is for and gives at least ${pluralWords(r.minResponseDays, 'day')} to answer; no organisation has more than ${numberWord(r.maxOpenPerOrganisation)} of our requests open at a time; and no one person has more than ${numberWord(r.maxOpenPerPerson)} open.`,
      },
    ],
  };
}

function involvementSection(terms: Terms): Section {
  const i = terms.involvement;
  return {
    title: 'Payments and expenses',
    clauses: [
      {
        text: `${i.paymentsOffered ? 'Payment for involvement is offered.' : 'Payment for involvement is not offered.'} ${i.expensesPaid ? 'Expenses are paid.' : 'Expenses are not paid.'}`,
      },
      { text: prose(i.clause) },
    ],
  };
}

function impactSection(terms: Terms): Section {
  const { realisticGoals, moodGoals } = terms.impact;
  const question = (key: string) => terms.surveys.questions.find((q) => q.key === key)?.text ?? key;
  const clauses: Clause[] = [];
  if (realisticGoals.length) {
    clauses.push({
      text: 'We set a realistic goal: what will have been achieved.',
      list: realisticGoals.map((g) => `${u(g.statement)} How we will know: ${u(g.measure)}`),
    });
  }
  if (moodGoals.length) {
    clauses.push({
      text: 'We set a mood goal: how people will feel.',
      list: moodGoals.map(
        (g) =>
          `${u(g.statement)} Target: at least ${g.targetPercent}% agree with “${u(question(g.questionKey)).replace(/[.!]$/, '')}”.`,
      ),
    });
  }
  const waves = surveyWaves(terms);
  const [first, ...later] = waves;
  if (first) {
    const repeated = later.length
      ? `, repeated ${listWords(later.map((w) => String(w.monthsAfterStart)))} months on`
      : '';
    const dates = listWords(waves.map((w) => longDate(w.opensOn)));
    clauses.push({
      text: `To measure how people feel, we do a survey ${first.monthsAfterStart} months in${repeated} (${dates}). Answers are anonymous, and results are shown only when at least ${pluralWords(terms.surveys.minResponsesToShow, 'person', 'people')} have answered.`,
    });
  }
  return { title: 'How we will know co-production has had an impact', clauses };
}

function reviewSection(terms: Terms): Section {
  const months = terms.review.periodMonths;
  return {
    title: 'Review',
    clauses: [
      {
        text: `These terms of reference are reviewed every ${plural(months, 'month')}${months === 12 ? ' (an annual review)' : ''}, through the group's own decision process. The group is told ${pluralWords(terms.review.noticeDays, 'day')} before a review is due.`,
      },
    ],
  };
}

/** The document's sections in order; clause numbers are section.clause. */
export function termsSections(terms: Terms): Section[] {
  const sections = [
    purposeSection(terms),
    membershipSection(terms),
    meetingsSection(terms),
    remitSection(terms),
  ];
  if (terms.furtherClauses.length) {
    sections.push({
      title: 'Ways of working',
      clauses: terms.furtherClauses.map((c) => ({ text: `**${u(c.title)}.** ${prose(c.text)}` })),
    });
  }
  sections.push(
    behaviourSection(terms),
    confidentialitySection(terms),
    decisionsSection(terms),
    rolesSection(terms),
    requestsSection(terms),
    involvementSection(terms),
    impactSection(terms),
    reviewSection(terms),
  );
  return sections;
}

export function renderTermsMarkdown(terms: Terms): string {
  const lines = [`# Terms of Reference: ${u(terms.title)}`, ''];
  termsSections(terms).forEach((section, s) => {
    lines.push(`## ${s + 1}. ${section.title}`, '');
    if (section.intro) lines.push(section.intro, '');
    section.clauses.forEach((clause, c) => {
      lines.push(`**${s + 1}.${c + 1}** ${clause.text}`, '');
      if (clause.list?.length) lines.push(...clause.list.map((item) => `- ${item}`), '');
    });
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
