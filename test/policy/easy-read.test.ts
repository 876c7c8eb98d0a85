import { createIntl, type IntlShape } from '@formatjs/intl';
import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  carersPartnershipBoard,
  FIXTURES,
  gpPatientParticipationGroup,
  seedDefault,
} from '../../src/policy/fixtures/index.ts';
import {
  EASY_READ_MESSAGE_IDS,
  easyReadTerms,
  seedTemplate,
  sentences,
  validateTerms,
  type EasyReadLine,
  type EasyReadSection,
  type Terms,
} from '../../src/policy/index.ts';

function catalogue(locale: string): Record<string, string> {
  const url = new URL(`../../src/i18n/${locale}/easyread.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, 'utf8')) as Record<string, string>;
}

function intlIn(locale: 'en-GB' | 'cy'): IntlShape {
  return createIntl({
    locale: locale === 'cy' ? 'cy-GB' : 'en-GB',
    messages: catalogue(locale),
    onError: (error) => {
      throw error;
    },
  });
}

const english = intlIn('en-GB');
const welsh = intlIn('cy');

/** Values that are codes the messages choose words by; any other text is the group's own. */
const CODES = new Set([
  'weekday',
  'nth',
  'role',
  'eligibility',
  'proportion',
  'of',
  'counts',
  'selection',
  'kind',
]);

function say(intl: IntlShape, line: EasyReadLine, groupText?: string): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(line.values)) {
    if (typeof value === 'object') values[name] = value.date;
    else if (typeof value === 'string' && !CODES.has(name) && groupText !== undefined)
      values[name] = groupText;
    else values[name] = value;
  }
  return intl.formatMessage({ id: line.messageId }, values);
}

function text(sections: EasyReadSection[], intl = english): string {
  return sections
    .flatMap((s) => [intl.formatMessage({ id: s.questionId }), ...s.lines.map((l) => say(intl, l))])
    .join('\n');
}

function questions(terms: Terms): string[] {
  return easyReadTerms(terms).map((s) => english.formatMessage({ id: s.questionId }));
}

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/**
 * Every clause the group wrote, as the reader should find it: its prose
 * sentence by sentence, and its names (titles, places) as written.
 */
function groupClauses(terms: Terms): string[] {
  const prose = [
    terms.purpose,
    terms.membership.whoMayJoin,
    terms.membership.note ?? '',
    terms.remit.note ?? '',
    ...terms.remit.inScope.map((a) => a.description),
    terms.behaviour.intro ?? '',
    ...terms.behaviour.clauses,
    ...terms.furtherClauses.map((c) => c.text),
    ...terms.workingGroups.map((g) => g.focus),
    terms.roles.chairs.note ?? '',
    ...terms.roles.otherRoles.map((r) => r.description),
    terms.involvement.clause,
    ...terms.impact.realisticGoals.flatMap((g) => [g.statement, g.measure]),
    ...terms.impact.moodGoals.map((g) => g.statement),
  ];
  const names = [
    ...terms.remit.inScope.map((a) => a.title),
    ...terms.remit.outOfScope.flatMap((a) => [a.title, a.takeInstead]),
    ...terms.furtherClauses.map((c) => c.title),
    ...terms.workingGroups.map((g) => g.title),
    ...terms.roles.otherRoles.map((r) => r.title),
  ];
  return [...prose.flatMap(sentences), ...names];
}

const fixtures = Object.entries(FIXTURES);

/** Terms with every rule the easy-read version speaks of chosen at random. */
const anyTerms: fc.Arbitrary<Terms> = fc
  .record({
    base: fc.constantFrom(...Object.values(FIXTURES)),
    memberAfterMoreThan: fc.integer({ min: 1, max: 50 }),
    meetingsThatCount: fc.constantFrom('own' as const, 'own_and_working_groups' as const),
    lapse: fc.option(
      fc.record({
        afterConsecutiveAbsences: fc.integer({ min: 1, max: 50 }),
        apologiesCountAsAbsence: fc.boolean(),
      }),
    ),
    confidentiality: fc.record({
      chathamHouseRule: fc.boolean(),
      releaseOnlyByGroupDecision: fc.boolean(),
      chairMayRecordAgreement: fc.boolean(),
    }),
    consensusFirst: fc.boolean(),
    eligibility: fc.constantFrom(
      'members' as const,
      'members_present' as const,
      'members_and_participants' as const,
    ),
    proportion: fc.constantFrom(
      'majority' as const,
      'two_thirds' as const,
      'three_quarters' as const,
    ),
    of: fc.constantFrom('votes_cast' as const, 'present' as const, 'eligible' as const),
    quorum: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({
        kind: fc.constant('count' as const),
        count: fc.integer({ min: 1, max: 500 }),
        categoryMinimums: fc.constant<{ category: string; min: number }[]>([]),
      }),
      fc.record({
        kind: fc.constant('fraction' as const),
        numerator: fc.integer({ min: 1, max: 3 }),
        denominator: fc.integer({ min: 4, max: 10 }),
        categoryMinimums: fc.constant<{ category: string; min: number }[]>([
          { category: 'lived_experience', min: 2 },
        ]),
      }),
    ),
    castingVote: fc.constantFrom('chair' as const, 'none' as const),
    secret: fc.boolean(),
    mayChange: fc.boolean(),
    chairs: fc.integer({ min: 1, max: 4 }),
    selection: fc.constantFrom(
      'elected_by_members' as const,
      'agreed_by_consensus' as const,
      'appointed' as const,
      'rotating' as const,
    ),
    termMonths: fc.option(fc.integer({ min: 1, max: 120 })),
    durationMinutes: fc.integer({ min: 5, max: 720 }),
    reviewMonths: fc.integer({ min: 1, max: 60 }),
    paymentsOffered: fc.boolean(),
    expensesPaid: fc.boolean(),
  })
  .map((r) => {
    const terms = structuredClone(r.base);
    terms.membership = {
      ...terms.membership,
      memberAfterMoreThan: r.memberAfterMoreThan,
      meetingsThatCount: r.meetingsThatCount,
      lapse: r.lapse,
    };
    terms.confidentiality = r.confidentiality;
    terms.decisions = {
      ...terms.decisions,
      consensusFirst: r.consensusFirst,
      eligibility: r.eligibility,
      threshold: { proportion: r.proportion, of: r.of },
      quorum: r.quorum,
      castingVote: r.castingVote,
      ballot: { secret: r.secret, mayChangeBeforeClose: r.mayChange },
    };
    terms.roles = {
      ...terms.roles,
      chairs: {
        ...terms.roles.chairs,
        count: r.chairs,
        selection: r.selection,
        termMonths: r.termMonths,
      },
    };
    terms.cadence = { ...terms.cadence, durationMinutes: r.durationMinutes };
    terms.review = { ...terms.review, periodMonths: r.reviewMonths };
    terms.involvement = {
      ...terms.involvement,
      paymentsOffered: r.paymentsOffered,
      expensesPaid: r.expensesPaid,
    };
    return terms;
  });

describe('the easy-read Terms of Reference', () => {
  it('asks its questions in a newcomer’s order, with the Chatham House Rule named when the group keeps it', () => {
    expect(questions(seedDefault)).toEqual([
      'What is this group for?',
      'Who can be a member?',
      'How often do we meet?',
      'What do we work on?',
      'What do we not work on?',
      'How do we decide?',
      'What happens to what we say? (Chatham House Rule)',
      'How do we treat each other?',
      'How do we work?',
      'Who does what?',
      'How do we ask for information?',
      'Do I get paid or get my costs back?',
      'How will we know it is working?',
      'When do we look at these rules again?',
    ]);
    expect(gpPatientParticipationGroup.confidentiality.chathamHouseRule).toBe(false);
    expect(questions(gpPatientParticipationGroup)).toContain('What happens to what we say?');
  });

  it.each(fixtures)('shows every clause %s wrote, sentence by sentence', (_, terms) => {
    const shown = text(easyReadTerms(terms));
    for (const clause of groupClauses(terms)) expect(shown).toContain(clause.replace(/[.]$/, ''));
  });

  it.each(fixtures)('shows every rule %s sets', (_, terms) => {
    const shown = text(easyReadTerms(terms));
    const m = terms.membership;
    expect(shown).toContain(`more than ${m.memberAfterMoreThan} meeting`);
    if (m.lapse) expect(shown).toContain(`misses ${m.lapse.afterConsecutiveAbsences} meeting`);
    expect(shown).toContain(`at least ${terms.papers.daysBefore} day`);
    expect(shown).toContain(`Meetings start at ${terms.cadence.startTime}.`);
    expect(shown).toContain(`at least ${terms.informationRequests.minResponseDays} day`);
    for (const months of terms.surveys.wavesMonths)
      expect(shown).toContain(`A survey ${months} month`);
    for (const goal of terms.impact.moodGoals)
      expect(shown).toContain(`at least ${goal.targetPercent}%`);
    for (const area of terms.remit.outOfScope)
      expect(shown).toContain(`Take this to ${area.takeInstead}.`);
    expect(shown).toContain(
      terms.decisions.ballot.secret
        ? 'Votes are secret.'
        : 'Everyone can see how each person voted.',
    );
    const behaviour = easyReadTerms(terms).find(
      (s) => s.questionId === 'easyread.question.behaviour',
    );
    const numbered = behaviour?.lines.filter((l) => l.messageId === 'easyread.behaviour.clause');
    expect(numbered?.map((l) => l.values.number)).toEqual(
      terms.behaviour.clauses.map((_, i) => i + 1),
    );
  });

  it('keeps each of its own lines short: one idea, at most 20 words in English', () => {
    fc.assert(
      fc.property(anyTerms, (terms) => {
        expect(validateTerms(terms).ok).toBe(true);
        for (const section of easyReadTerms(terms)) {
          expect(section.lines.length).toBeGreaterThan(0);
          for (const line of section.lines) {
            const own = say(english, line, 'X');
            expect(words(own), own).toBeLessThanOrEqual(20);
            // One idea: at most two short sentences.
            expect(own.split(/[.?!](\s|$)/).filter((s) => s.trim()).length).toBeLessThanOrEqual(2);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says each rule as it is set, never its opposite', () => {
    fc.assert(
      fc.property(anyTerms, (terms) => {
        const shown = text(easyReadTerms(terms));
        const d = terms.decisions;
        expect(shown.includes('If the votes are equal, the chair decides.')).toBe(
          d.castingVote === 'chair',
        );
        expect(shown.includes('We can decide with whoever is there.')).toBe(
          d.quorum.kind === 'none',
        );
        expect(shown.includes('This is called consensus.')).toBe(d.consensusFirst);
        expect(shown.includes('No one outside the group is told who said it.')).toBe(
          terms.confidentiality.chathamHouseRule,
        );
        expect(shown.includes('You can change your vote until the vote closes.')).toBe(
          d.ballot.mayChangeBeforeClose,
        );
        expect(shown.includes('You are not paid for your time.')).toBe(
          !terms.involvement.paymentsOffered,
        );
        expect(shown.includes('they stop being a member')).toBe(terms.membership.lapse !== null);
        if (d.quorum.kind === 'count')
          expect(shown).toContain(
            `at least ${d.quorum.count} ${d.quorum.count === 1 ? 'person' : 'people'}`,
          );
      }),
      { numRuns: 200 },
    );
  });

  it('says how long a meeting lasts in hours and minutes', () => {
    const lasts = (durationMinutes: number) => {
      const terms = structuredClone(seedDefault);
      terms.cadence = { ...terms.cadence, durationMinutes };
      const meetings = easyReadTerms(terms).find(
        (s) => s.questionId === 'easyread.question.meetings',
      );
      const line = meetings?.lines.find((l) => l.messageId === 'easyread.meetings.length');
      return line ? say(english, line) : '';
    };
    expect(lasts(120)).toBe('A meeting lasts 2 hours.');
    expect(lasts(60)).toBe('A meeting lasts 1 hour.');
    expect(lasts(90)).toBe('A meeting lasts 1 hour and 30 minutes.');
    expect(lasts(45)).toBe('A meeting lasts 45 minutes.');
  });

  it('names the roles that call a vote or do not vote, built in or the group’s own', () => {
    const shown = text(easyReadTerms(carersPartnershipBoard));
    for (const key of carersPartnershipBoard.decisions.formalTestCalledBy) {
      const own = carersPartnershipBoard.roles.otherRoles.find((r) => r.key === key);
      if (own) expect(shown).toContain(`Someone in the role “${own.title}” can ask for a vote.`);
    }
    expect(text(easyReadTerms(seedDefault))).toContain('The chair can ask for a vote.');
    expect(text(easyReadTerms(seedDefault))).toContain('Observers take part but do not vote.');
  });

  it('uses only messages the catalogue has, in English and in Welsh', () => {
    const en = catalogue('en-GB');
    const cy = catalogue('cy');
    for (const id of EASY_READ_MESSAGE_IDS) {
      expect(en[id], id).toBeTruthy();
      expect(cy[id], id).toBeTruthy();
    }
    fc.assert(
      fc.property(anyTerms, (terms) => {
        const sections = easyReadTerms(terms);
        for (const s of sections) {
          expect(EASY_READ_MESSAGE_IDS).toContain(s.questionId);
          for (const l of s.lines) expect(EASY_READ_MESSAGE_IDS).toContain(l.messageId);
        }
        // Every line formats in Welsh, with nothing left unfilled.
        expect(text(sections, welsh)).not.toMatch(/[{}]/);
      }),
      { numRuns: 100 },
    );
  });

  it('reads a group whose draft began from the Welsh template in the group’s own Welsh words', () => {
    const terms = seedTemplate({ startsOn: '2026-01-12', language: 'cy' });
    const shown = text(easyReadTerms(terms), welsh);
    expect(shown).toContain('Pwy all fod yn aelod?');
    expect(shown).toContain('Rheol Chatham House');
    expect(shown).toContain('Mae’r aelodaeth yn agored i bawb:');
    expect(shown).toContain('Rydym yn cyfarfod bob mis, ar yr ail ddydd Mawrth o’r mis.');
  });
});

describe('splitting a group’s text into one idea per line', () => {
  it('breaks after a full stop, question, colon or semicolon, and at line breaks', () => {
    expect(sentences('One. Two? Three: four; five\n\nsix')).toEqual([
      'One.',
      'Two?',
      'Three:',
      'Four;',
      'Five',
      'Six',
    ]);
  });

  it('keeps times, decimals and initials together', () => {
    expect(sentences('We meet at 18:00 in room 1.5 with Dr.Jones')).toEqual([
      'We meet at 18:00 in room 1.5 with Dr.Jones',
    ]);
  });

  it('never loses or adds a word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const before = input.split(/\s+/).filter(Boolean);
        const after = sentences(input).join(' ').split(/\s+/).filter(Boolean);
        expect(after.map((w) => w.toLowerCase())).toEqual(before.map((w) => w.toLowerCase()));
      }),
    );
  });
});
