import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/policy/fixtures/index.ts';
import {
  renderTermsMarkdown,
  seedTemplate,
  type Quorum,
  type Terms,
} from '../../src/policy/index.ts';

/** The Welsh seed: every word of the group's own text is Welsh too. */
const welshSeed = seedTemplate({ startsOn: '2026-01-12', language: 'cy' });

/**
 * English words the document's own sentences use and Welsh never does (as
 * whole words). Any of them in a Welsh document is a sentence left in English.
 */
const ENGLISH_WORDS = [
  'the',
  'of',
  'and',
  'or',
  'is',
  'are',
  'be',
  'with',
  'for',
  'from',
  'on',
  'by',
  'not',
  'no',
  'who',
  'may',
  'can',
  'we',
  'our',
  'it',
  'its',
  'that',
  'this',
  'until',
  'every',
  'least',
  'more',
  'than',
  'group',
  'groups',
  'meeting',
  'meetings',
  'meets',
  'member',
  'members',
  'participant',
  'participants',
  'vote',
  'votes',
  'voting',
  'quorum',
  'chair',
  'chairs',
  'co-chair',
  'co-chairs',
  'observers',
  'note-taker',
  'people',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'hour',
  'hours',
  'minutes',
  'term',
  'terms',
  'time',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'last',
  'half',
  'third',
  'quarters',
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Reference',
  'Remit',
  'Roles',
  'Review',
  'Membership',
  'Decisions',
  'Payments',
  'expenses',
  'survey',
  'goal',
  'Target',
  'proposal',
  'carried',
  'abstentions',
  'secret',
  'named',
  'online',
  'present',
  'papers',
  'shared',
  'information',
  'requests',
  'open',
];
const ENGLISH = new RegExp(`(?<![\\p{L}’'-])(${ENGLISH_WORDS.join('|')})(?![\\p{L}’'-])`, 'iu');

function englishLeftIn(markdown: string): string[] {
  return markdown.split('\n').filter((line) => ENGLISH.test(line));
}

/** The same ToR with no language: English. */
function inEnglish(terms: Terms): Terms {
  const english = { ...terms };
  delete english.language;
  return english;
}

/** The document's shape: its headings' numbers, clause numbers and list items. */
function skeleton(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('## ')
        ? (line.match(/^## \d+\./)?.[0] ?? line)
        : line.startsWith('**') && /^\*\*\d+\.\d+\*\*/.test(line)
          ? (line.match(/^\*\*\d+\.\d+\*\*/)?.[0] ?? line)
          : line.startsWith('- ')
            ? '-'
            : line.startsWith('# ')
              ? '#'
              : '',
    )
    .filter(Boolean);
}

const weekday = fc.constantFrom(
  'monday' as const,
  'tuesday' as const,
  'wednesday' as const,
  'thursday' as const,
  'friday' as const,
  'saturday' as const,
  'sunday' as const,
);
const cadence = fc.oneof(
  fc.record({
    unit: fc.constant('week' as const),
    every: fc.integer({ min: 1, max: 52 }),
    weekday,
  }),
  fc.record({
    unit: fc.constant('month' as const),
    every: fc.integer({ min: 1, max: 12 }),
    on: fc.oneof(
      fc.record({
        kind: fc.constant('nth_weekday' as const),
        nth: fc.constantFrom(
          1 as const,
          2 as const,
          3 as const,
          4 as const,
          5 as const,
          'last' as const,
        ),
        weekday,
      }),
      fc.record({
        kind: fc.constant('day_of_month' as const),
        day: fc.integer({ min: 1, max: 31 }),
      }),
    ),
  }),
);
const meetingTime = fc.record({
  from: fc.constant('2026-01-12'),
  startTime: fc.constantFrom('09:30', '18:00'),
  durationMinutes: fc.integer({ min: 5, max: 720 }),
  timeZone: fc.constantFrom('Europe/London', 'Europe/Dublin'),
});
const quorum: fc.Arbitrary<Quorum> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('count' as const),
    count: fc.integer({ min: 1, max: 500 }),
    categoryMinimums: fc.constant<{ category: string; min: number }[]>([]),
  }),
  fc.record({
    kind: fc.constant('fraction' as const),
    numerator: fc.integer({ min: 1, max: 3 }),
    denominator: fc.integer({ min: 2, max: 10 }),
    categoryMinimums: fc.array(
      fc.record({
        category: fc.constantFrom('profiad_bywyd', 'gofalwyr'),
        min: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 2 },
    ),
  }),
);

/** A Welsh ToR with every rule the document speaks of chosen at random. */
const welshTerms: fc.Arbitrary<Terms> = fc
  .record({
    memberAfterMoreThan: fc.integer({ min: 1, max: 50 }),
    meetingsThatCount: fc.constantFrom('own' as const, 'own_and_working_groups' as const),
    lapse: fc.option(
      fc.record({
        afterConsecutiveAbsences: fc.integer({ min: 1, max: 50 }),
        apologiesCountAsAbsence: fc.boolean(),
      }),
    ),
    nonVotingRoles: fc.subarray(['observer', 'note_taker']),
    cadence: fc.tuple(cadence, meetingTime).map(([c, t]) => ({ ...c, ...t })),
    workingGroup: fc.option(fc.tuple(cadence, meetingTime).map(([c, t]) => ({ ...c, ...t }))),
    ending: fc.record({
      endsOn: fc.option(fc.constant('2028-08-31')),
      endsWhen: fc.option(fc.constant('pan fydd y penderfyniadau wedi’u rhoi ar waith')),
    }),
    papersDays: fc.integer({ min: 1, max: 60 }),
    noOutOfScope: fc.boolean(),
    confidentiality: fc.record({
      chathamHouseRule: fc.boolean(),
      releaseOnlyByGroupDecision: fc.boolean(),
      chairMayRecordAgreement: fc.boolean(),
    }),
    consensusFirst: fc.boolean(),
    callers: fc.constantFrom<string[]>(
      ['chair'],
      ['chair', 'note_taker'],
      ['note_taker', 'observer', 'chair'],
    ),
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
    abstentionsCount: fc.boolean(),
    quorum,
    remote: fc.record({ countsAsPresent: fc.boolean(), countsTowardsQuorum: fc.boolean() }),
    castingVote: fc.constantFrom('chair' as const, 'none' as const),
    ballot: fc.record({ secret: fc.boolean(), mayChangeBeforeClose: fc.boolean() }),
    recordAllOpinions: fc.boolean(),
    chairs: fc.record({
      count: fc.integer({ min: 1, max: 4 }),
      selection: fc.constantFrom(
        'elected_by_members' as const,
        'agreed_by_consensus' as const,
        'appointed' as const,
        'rotating' as const,
      ),
      termMonths: fc.option(fc.integer({ min: 1, max: 120 })),
      maxConsecutiveTerms: fc.option(fc.integer({ min: 1, max: 20 })),
      note: fc.constant(null),
    }),
    declareInterests: fc.constantFrom('each_agenda_item' as const, 'not_required' as const),
    requests: fc.record({
      minResponseDays: fc.integer({ min: 1, max: 365 }),
      maxOpenPerOrganisation: fc.integer({ min: 1, max: 100 }),
      maxOpenPerPerson: fc.integer({ min: 1, max: 100 }),
    }),
    payments: fc.record({ paymentsOffered: fc.boolean(), expensesPaid: fc.boolean() }),
    review: fc.record({
      periodMonths: fc.integer({ min: 1, max: 60 }),
      noticeDays: fc.integer({ min: 1, max: 180 }),
    }),
    wavesMonths: fc.constantFrom<number[]>([], [3], [3, 6, 12], [1, 8, 11, 18]),
    minResponsesToShow: fc.integer({ min: 1, max: 100 }),
  })
  .map((r) => {
    const terms = structuredClone(welshSeed);
    terms.ending = r.ending;
    terms.membership = {
      ...terms.membership,
      memberAfterMoreThan: r.memberAfterMoreThan,
      meetingsThatCount: r.meetingsThatCount,
      lapse: r.lapse,
      nonVotingRoles: r.nonVotingRoles,
    };
    terms.cadence = r.cadence;
    terms.workingGroups = r.workingGroup
      ? [
          {
            key: 'tai',
            title: 'Gweithgor tai',
            focus: 'Atgyweirio cartrefi.',
            remitKeys: terms.remit.inScope.slice(0, 2).map((a) => a.key),
            cadence: r.workingGroup,
          },
        ]
      : [];
    terms.papers = { daysBefore: r.papersDays };
    if (r.noOutOfScope) terms.remit = { ...terms.remit, outOfScope: [] };
    terms.confidentiality = r.confidentiality;
    terms.decisions = {
      ...terms.decisions,
      consensusFirst: r.consensusFirst,
      formalTestCalledBy: r.callers,
      eligibility: r.eligibility,
      threshold: { proportion: r.proportion, of: r.of },
      abstentionsCount: r.abstentionsCount,
      quorum: r.quorum,
      remoteAttendance: r.remote,
      castingVote: r.castingVote,
      ballot: r.ballot,
      recordAllOpinions: r.recordAllOpinions,
    };
    terms.roles = { ...terms.roles, chairs: r.chairs, declareInterests: r.declareInterests };
    terms.informationRequests = r.requests;
    terms.involvement = { ...terms.involvement, ...r.payments };
    terms.review = r.review;
    terms.surveys = {
      ...terms.surveys,
      wavesMonths: r.wavesMonths,
      minResponsesToShow: r.minResponsesToShow,
    };
    return terms;
  });

describe('the ToR document in Welsh', () => {
  it('a draft from the Welsh template reads wholly in Welsh, with Welsh dates', () => {
    const markdown = renderTermsMarkdown(welshSeed);
    expect(englishLeftIn(markdown)).toEqual([]);
    // The same draft in English is caught on every line of the document's own.
    const caught = englishLeftIn(renderTermsMarkdown(inEnglish(welshSeed)));
    expect(caught.length).toBeGreaterThan(20);
    expect(markdown).toMatch(/^# Cylch Gorchwyl: /);
    expect(markdown).toContain('## 2. Aelodaeth');
    expect(markdown).toContain('Dechreuodd y grŵp ar 12 Ionawr 2026.');
    expect(markdown).toContain('bob mis ar yr ail ddydd Mawrth, am 18:00');
    expect(markdown).toContain('mwy nag un cyfarfod');
    expect(markdown).toContain('o leiaf saith diwrnod');
    expect(markdown).toContain('12 Ebrill 2026, 12 Gorffennaf 2026 a 12 Ionawr 2027');
  });

  it('has every clause the English has, in the same numbers, for every generated ToR', () => {
    fc.assert(
      fc.property(welshTerms, (terms) => {
        const welsh = renderTermsMarkdown(terms);
        expect(skeleton(welsh)).toEqual(skeleton(renderTermsMarkdown(inEnglish(terms))));
        expect(englishLeftIn(welsh)).toEqual([]);
        for (const clause of terms.behaviour.clauses) expect(welsh).toContain(clause);
      }),
      { numRuns: 300 },
    );
  });

  it('names numbers as Welsh does, with the mutation the noun takes', () => {
    const render = (change: (t: Terms) => void) => {
      const terms = structuredClone(welshSeed);
      change(terms);
      return renderTermsMarkdown(terms);
    };
    expect(render((t) => (t.membership.memberAfterMoreThan = 2))).toContain('mwy na dau gyfarfod');
    expect(render((t) => (t.membership.memberAfterMoreThan = 3))).toContain(
      'mwy na thri chyfarfod',
    );
    expect(render((t) => (t.membership.memberAfterMoreThan = 8))).toContain(
      'mwy nag wyth cyfarfod',
    );
    expect(render((t) => (t.membership.memberAfterMoreThan = 14))).toContain('mwy na 14 cyfarfod');
    expect(render((t) => (t.roles.chairs.count = 2))).toContain(
      'Mae gan y grŵp ddau gyd-gadeirydd.',
    );
    expect(render((t) => (t.roles.chairs.count = 3))).toContain(
      'Mae gan y grŵp dri chyd-gadeirydd.',
    );
    expect(
      render((t) => (t.cadence = { ...t.cadence, unit: 'week', every: 2, weekday: 'friday' })),
    ).toContain('bob dwy wythnos ar ddydd Gwener');
    expect(render((t) => (t.cadence.durationMinutes = 90))).toContain(
      'ac yn para 1 awr a 30 munud',
    );
  });

  it('keeps the group’s own words as they wrote them: a ToR written in English but marked Welsh changes only the linking sentences', () => {
    for (const [name, terms] of Object.entries(FIXTURES)) {
      const welsh = renderTermsMarkdown({ ...terms, language: 'cy' });
      expect(skeleton(welsh), name).toEqual(skeleton(renderTermsMarkdown(terms)));
      expect(welsh, name).toContain(terms.behaviour.clauses[0]?.replace(/\s+/g, ' ').slice(0, 30));
      expect(welsh, name).not.toContain('The group started on');
    }
  });
});
