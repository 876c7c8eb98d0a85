import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ballotQuorum,
  quorumStatus,
  seedTemplate,
  type Decisions,
  type Person,
  type Quorum,
  type Terms,
} from '../../src/policy/index.ts';

const CATEGORIES = ['carers', 'lived_experience'] as const;

function withDecisions(overrides: Partial<Decisions>): Terms {
  const terms = seedTemplate({ startsOn: '2026-01-12' });
  return {
    ...terms,
    membership: { ...terms.membership, nonVotingRoles: ['observer'] },
    decisions: { ...terms.decisions, ...overrides },
  };
}

const minimumsArb = fc.uniqueArray(
  fc.record({ category: fc.constantFrom(...CATEGORIES), min: fc.integer({ min: 1, max: 3 }) }),
  { selector: (c) => c.category, maxLength: 2 },
);

const quorumArb: fc.Arbitrary<Quorum> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('count' as const),
    count: fc.integer({ min: 1, max: 10 }),
    categoryMinimums: minimumsArb,
  }),
  fc
    .record({
      kind: fc.constant('fraction' as const),
      numerator: fc.integer({ min: 1, max: 4 }),
      denominator: fc.integer({ min: 1, max: 4 }),
      categoryMinimums: minimumsArb,
    })
    .filter((q) => q.numerator <= q.denominator),
);

const termsArb = fc
  .record({
    quorum: quorumArb,
    eligibility: fc.constantFrom('members', 'members_present', 'members_and_participants'),
    countsTowardsQuorum: fc.boolean(),
  })
  .map(({ quorum, eligibility, countsTowardsQuorum }) =>
    withDecisions({
      quorum,
      eligibility,
      remoteAttendance: { countsAsPresent: countsTowardsQuorum, countsTowardsQuorum },
    }),
  );

const peopleArb: fc.Arbitrary<Person[]> = fc
  .array(
    fc.record({
      status: fc.constantFrom('member', 'participant', 'lapsed'),
      observer: fc.boolean(),
      presence: fc.constantFrom('in_person', 'online', 'not_present'),
      categories: fc.subarray([...CATEGORIES]),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows.map(({ status, observer, presence, categories }, i) => ({
      id: `p${i}`,
      status,
      roles: observer ? ['observer'] : [],
      presence,
      categories,
    })),
  );

/** A group, its rules, and someone who is not there (if anyone). */
const scene = fc.record({ terms: termsArb, people: peopleArb, pick: fc.nat() });

describe('the quorum at a meeting', () => {
  it('is never lost when someone more arrives', () => {
    fc.assert(
      fc.property(scene, fc.constantFrom('in_person', 'online'), ({ terms, people, pick }, how) => {
        const away = people.filter((p) => p.presence === 'not_present');
        fc.pre(away.length > 0);
        const arriving = away[pick % away.length]!.id;
        const before = quorumStatus(people, terms);
        const after = quorumStatus(
          people.map((p) => (p.id === arriving ? { ...p, presence: how } : p)),
          terms,
        );
        expect(after.required).toBe(before.required);
        expect(after.present).toBeGreaterThanOrEqual(before.present);
        after.categories.forEach((c, i) =>
          expect(c.present).toBeGreaterThanOrEqual(before.categories[i]!.present),
        );
        if (before.met) expect(after.met).toBe(true);
      }),
    );
  });

  it('needs the same number whoever is there: it is set by the voting body', () => {
    fc.assert(
      fc.property(scene, ({ terms, people }) => {
        const nobody = people.map((p) => ({ ...p, presence: 'not_present' as const }));
        expect(quorumStatus(people, terms).required).toBe(quorumStatus(nobody, terms).required);
      }),
    );
  });
});

describe('the quorum of a vote between meetings', () => {
  const carersTerms = withDecisions({
    quorum: { kind: 'count', count: 2, categoryMinimums: [{ category: 'carers', min: 1 }] },
  });
  const body: Person[] = [
    { id: 'a', status: 'member', roles: [], categories: ['carers'] },
    { id: 'b', status: 'member', roles: [] },
    { id: 'c', status: 'member', roles: [] },
  ];

  it('counts ballots cast, and the quorum’s categories among those who voted', () => {
    const twoWithoutCarers = ballotQuorum(body, carersTerms, {
      required: 2,
      cast: 2,
      voterIds: new Set(['b', 'c']),
    });
    expect(twoWithoutCarers).toEqual({
      required: 2,
      present: 2,
      met: false,
      categories: [{ category: 'carers', min: 1, present: 0, met: false }],
    });
    expect(
      ballotQuorum(body, carersTerms, { required: 2, cast: 2, voterIds: new Set(['a', 'b']) }).met,
    ).toBe(true);
  });

  it('when it opens, needs its number from the whole voting body, with no ballot cast and nothing met', () => {
    fc.assert(
      fc.property(scene, ({ terms, people }) => {
        const opening = ballotQuorum(people, terms, null);
        const everyoneThere = quorumStatus(
          people.map((p) => ({ ...p, presence: 'in_person' as const })),
          terms,
        );
        expect(opening.required).toBe(everyoneThere.required);
        expect(opening.present).toBe(0);
        expect(opening.met).toBe(false);
        expect(opening.categories.map((c) => [c.category, c.min, c.present, c.met])).toEqual(
          everyoneThere.categories.map((c) => [c.category, c.min, 0, false]),
        );
      }),
    );
  });

  it('does not care where anyone is: presence plays no part', () => {
    fc.assert(
      fc.property(scene, fc.nat(20), fc.nat(20), ({ terms, people }, cast, required) => {
        const voterIds = new Set(people.filter((_, i) => i % 2 === 0).map((p) => p.id));
        const nobody = people.map((p) => ({ ...p, presence: 'not_present' as const }));
        expect(ballotQuorum(people, terms, null)).toEqual(ballotQuorum(nobody, terms, null));
        const ballots = { required, cast, voterIds };
        expect(ballotQuorum(people, terms, ballots)).toEqual(ballotQuorum(nobody, terms, ballots));
      }),
    );
  });

  it('is never lost by one more ballot', () => {
    fc.assert(
      fc.property(scene, fc.nat(20), fc.nat(20), ({ terms, people, pick }, cast, required) => {
        const voted = people.filter((_, i) => i % 3 !== pick % 3).map((p) => p.id);
        const newcomer = people.find((p) => !voted.includes(p.id));
        const before = ballotQuorum(people, terms, {
          required,
          cast,
          voterIds: new Set(voted),
        });
        const after = ballotQuorum(people, terms, {
          required,
          cast: cast + 1,
          voterIds: new Set(newcomer ? [...voted, newcomer.id] : voted),
        });
        expect(after.present).toBe(before.present + 1);
        if (before.met) expect(after.met).toBe(true);
      }),
    );
  });

  it('is met once enough ballots are cast when the ToR names no categories', () => {
    fc.assert(
      fc.property(peopleArb, fc.nat(20), fc.nat(20), (people, cast, required) => {
        const terms = withDecisions({ quorum: { kind: 'count', count: 1, categoryMinimums: [] } });
        const status = ballotQuorum(people, terms, { required, cast, voterIds: new Set() });
        expect(status.met).toBe(cast >= required);
      }),
    );
  });

  it('with no quorum set, is met by any ballots at all, even none', () => {
    fc.assert(
      fc.property(peopleArb, fc.nat(20), (people, cast) => {
        const terms = withDecisions({ quorum: { kind: 'none' } });
        const opening = ballotQuorum(people, terms, null);
        expect(opening.required).toBe(0);
        const closing = ballotQuorum(people, terms, {
          required: opening.required,
          cast,
          voterIds: new Set(people.map((p) => p.id)),
        });
        expect(closing.met).toBe(true);
      }),
    );
  });
});
