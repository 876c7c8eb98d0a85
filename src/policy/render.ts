/**
 * A ToR as a readable, printable document with numbered clauses, in Markdown.
 * Every sentence comes from a field; nothing here is a rule of its own. The
 * document's own sentences are in the ToR's language (document-words.ts).
 */
import { DOCUMENT_WORDS, type DocumentWords } from './document-words.ts';
import { surveyWaves } from './surveys.ts';
import type { Terms } from './terms.ts';

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

/** The words of the document's own sentences, in the ToR's language. */
function wordsFor(terms: Terms): DocumentWords {
  return DOCUMENT_WORDS[terms.language ?? 'en-GB'];
}

function roleTitle(terms: Terms, key: string, w: DocumentWords): string {
  const defined = terms.roles.otherRoles.find((r) => r.key === key);
  // "Practice staff" reads "practice staff" mid-sentence; "GP partners" keeps its capitals.
  if (defined) return u(defined.title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()));
  return w.builtInRole(key, terms.roles.chairs.count) ?? u(key);
}

function purposeSection(terms: Terms, w: DocumentWords): Section {
  const clauses: Clause[] = [{ text: prose(terms.purpose) }];
  clauses.push({ text: w.startedOn(w.date(terms.startsOn)) });
  const { endsOn, endsWhen } = terms.ending;
  if (endsOn && endsWhen) clauses.push({ text: w.endsWhenAndOn(u(endsWhen), w.date(endsOn)) });
  else if (endsOn) clauses.push({ text: w.endsOn(w.date(endsOn)) });
  else if (endsWhen) clauses.push({ text: w.endsWhen(u(endsWhen)) });
  return { title: w.sections.purpose, clauses };
}

function membershipSection(terms: Terms, w: DocumentWords): Section {
  const m = terms.membership;
  const clauses: Clause[] = [
    { text: prose(m.whoMayJoin) },
    { text: w.memberRule(m.memberAfterMoreThan, m.meetingsThatCount) },
  ];
  if (m.lapse) {
    clauses.push({
      text: w.lapse(
        m.lapse.afterConsecutiveAbsences,
        m.lapse.apologiesCountAsAbsence,
        m.memberAfterMoreThan,
      ),
    });
  }
  if (m.nonVotingRoles.length) {
    const titles = m.nonVotingRoles.map((r) => roleTitle(terms, r, w));
    clauses.push({ text: w.nonVoting(w.list(titles)) });
  }
  if (m.note) clauses.push({ text: prose(m.note) });
  return { title: w.sections.membership, clauses };
}

function meetingsSection(terms: Terms, w: DocumentWords): Section {
  const clauses: Clause[] = [
    { text: w.meets(w.cadence(terms.cadence), w.date(terms.cadence.from)) },
  ];
  if (terms.workingGroups.length) {
    clauses.push({
      text: w.workingGroupsIntro,
      list: terms.workingGroups.map((g) => {
        const areas = g.remitKeys.map(
          (k) => terms.remit.inScope.find((a) => a.key === k)?.title ?? k,
        );
        return w.workingGroup(u(g.title), u(g.focus), areas.map(u), w.cadence(g.cadence));
      }),
    });
  } else {
    clauses.push({ text: w.noWorkingGroups });
  }
  clauses.push({ text: w.papers(terms.papers.daysBefore) });
  return { title: w.sections.meetings, clauses };
}

function remitSection(terms: Terms, w: DocumentWords): Section {
  const { note, inScope, outOfScope } = terms.remit;
  const clauses: Clause[] = [
    {
      text: w.inScopeIntro,
      list: inScope.map((a) => `**${u(a.title)}**: ${u(a.description)}`),
    },
    outOfScope.length
      ? {
          text: w.outOfScopeIntro,
          list: outOfScope.map((a) => w.outOfScopeItem(u(a.title), u(a.takeInstead))),
        }
      : { text: w.nothingOutOfScope },
    { text: w.beyondRemit },
  ];
  return { title: w.sections.remit, intro: note ? prose(note) : undefined, clauses };
}

function behaviourSection(terms: Terms, w: DocumentWords): Section {
  const { intro, clauses } = terms.behaviour;
  return {
    title: w.sections.behaviour,
    intro: intro ? prose(intro) : undefined,
    clauses: clauses.map((text) => ({ text: prose(text) })),
  };
}

function confidentialitySection(terms: Terms, w: DocumentWords): Section {
  const c = terms.confidentiality;
  return {
    title: w.sections.confidentiality,
    clauses: [
      { text: w.release(c.releaseOnlyByGroupDecision, c.chairMayRecordAgreement) },
      { text: w.attribution(c.chathamHouseRule) },
    ],
  };
}

function decisionsSection(terms: Terms, w: DocumentWords): Section {
  const d = terms.decisions;
  const m = terms.membership;
  const callers = w.list(
    d.formalTestCalledBy.map((r) => roleTitle(terms, r, w)),
    'or',
  );
  const clauses: Clause[] = [
    { text: w.consensus(d.consensusFirst) },
    {
      text: w.formalTest(
        callers,
        d.eligibility,
        m.memberAfterMoreThan,
        m.nonVotingRoles.length > 0,
      ),
    },
    { text: w.carried(d) },
    { text: w.quorum(d.quorum) },
    {
      text: w.remote(d.remoteAttendance.countsAsPresent, d.remoteAttendance.countsTowardsQuorum),
    },
    { text: w.casting(d.castingVote) },
    { text: w.ballot(d.ballot.secret, d.ballot.mayChangeBeforeClose) },
  ];
  if (d.recordAllOpinions) {
    clauses.push({ text: w.opinions(terms.confidentiality.chathamHouseRule) });
  }
  return { title: w.sections.decisions, clauses };
}

function rolesSection(terms: Terms, w: DocumentWords): Section {
  const { chairs, otherRoles, declareInterests } = terms.roles;
  const clauses: Clause[] = [{ text: w.chairs(chairs) }];
  if (chairs.note) clauses.push({ text: prose(chairs.note) });
  if (otherRoles.length) {
    clauses.push({
      text: w.otherRolesIntro,
      list: otherRoles.map((r) => `**${u(r.title)}**: ${u(r.description)}`),
    });
  }
  clauses.push({ text: w.interests(declareInterests) });
  return { title: w.sections.roles, clauses };
}

function requestsSection(terms: Terms, w: DocumentWords): Section {
  return {
    title: w.sections.requests,
    clauses: [{ text: w.requests(terms.informationRequests) }],
  };
}

function involvementSection(terms: Terms, w: DocumentWords): Section {
  const i = terms.involvement;
  return {
    title: w.sections.involvement,
    clauses: [
      { text: w.involvement(i.paymentsOffered, i.expensesPaid) },
      { text: prose(i.clause) },
    ],
  };
}

function impactSection(terms: Terms, w: DocumentWords): Section {
  const { realisticGoals, moodGoals } = terms.impact;
  const question = (key: string) => terms.surveys.questions.find((q) => q.key === key)?.text ?? key;
  const clauses: Clause[] = [];
  if (realisticGoals.length) {
    clauses.push({
      text: w.realisticIntro,
      list: realisticGoals.map((g) => w.realisticGoal(u(g.statement), u(g.measure))),
    });
  }
  if (moodGoals.length) {
    clauses.push({
      text: w.moodIntro,
      list: moodGoals.map((g) =>
        w.moodGoal(
          u(g.statement),
          g.targetPercent,
          u(question(g.questionKey)).replace(/[.!]$/, ''),
        ),
      ),
    });
  }
  const waves = surveyWaves(terms);
  const [first, ...later] = waves;
  if (first) {
    clauses.push({
      text: w.survey(
        first.monthsAfterStart,
        later.map((wave) => wave.monthsAfterStart),
        waves.map((wave) => w.date(wave.opensOn)),
        terms.surveys.minResponsesToShow,
      ),
    });
  }
  return { title: w.sections.impact, clauses };
}

function reviewSection(terms: Terms, w: DocumentWords): Section {
  return {
    title: w.sections.review,
    clauses: [{ text: w.review(terms.review.periodMonths, terms.review.noticeDays) }],
  };
}

/** The document's sections in order; clause numbers are section.clause. */
export function termsSections(terms: Terms): Section[] {
  const w = wordsFor(terms);
  const sections = [
    purposeSection(terms, w),
    membershipSection(terms, w),
    meetingsSection(terms, w),
    remitSection(terms, w),
  ];
  if (terms.furtherClauses.length) {
    sections.push({
      title: w.sections.waysOfWorking,
      clauses: terms.furtherClauses.map((c) => ({ text: `**${u(c.title)}.** ${prose(c.text)}` })),
    });
  }
  sections.push(
    behaviourSection(terms, w),
    confidentialitySection(terms, w),
    decisionsSection(terms, w),
    rolesSection(terms, w),
    requestsSection(terms, w),
    involvementSection(terms, w),
    impactSection(terms, w),
    reviewSection(terms, w),
  );
  return sections;
}

export function renderTermsMarkdown(terms: Terms): string {
  const lines = [`# ${wordsFor(terms).title(u(terms.title))}`, ''];
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
