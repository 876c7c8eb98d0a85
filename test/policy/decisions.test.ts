import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consensusOutcome,
  eligibleVoters,
  opinionWeights,
  quorumStatus,
  seedTemplate,
  tallySides,
  voteOpeningProblem,
  voteOutcome,
  voterEligibility,
  type Decisions,
  type Person,
  type Stance,
  type Terms,
} from '../../src/policy/index.ts';

function withDecisions(overrides: Partial<Decisions>, nonVotingRoles = ['observer']): Terms {
  const terms = seedTemplate({ startsOn: '2026-01-12' });
  return {
    ...terms,
    membership: { ...terms.membership, nonVotingRoles },
    decisions: { ...terms.decisions, ...overrides },
  };
}

const seed = withDecisions({});
const member = (id: string, presence?: Person['presence'], roles: string[] = []): Person => ({
  id,
  status: 'member',
  roles,
  presence,
});

describe('consensus', () => {
  it('is reached when nobody blocks, and notes concerns', () => {
    expect(consensusOutcome({ agree: 5, concerns: 0, standAside: 1, block: 0 }).outcome).toBe(
      'consensus',
    );
    expect(consensusOutcome({ agree: 5, concerns: 2, standAside: 0, block: 0 })).toEqual({
      outcome: 'consensus_with_concerns',
      reason: 'no blocks; 2 people have concerns',
      why: 'concerns',
    });
  });

  it('is not reached with a single block, or when everyone stands aside, or nobody answers', () => {
    expect(consensusOutcome({ agree: 9, concerns: 0, standAside: 0, block: 1 })).toEqual({
      outcome: 'no_consensus',
      reason: '1 person blocks the proposal',
      why: 'blocked',
    });
    expect(consensusOutcome({ agree: 0, concerns: 0, standAside: 3, block: 0 }).outcome).toBe(
      'no_consensus',
    );
    expect(consensusOutcome({ agree: 0, concerns: 0, standAside: 0, block: 0 }).reason).toBe(
      'nobody has answered',
    );
  });
});

describe('who may vote', () => {
  it('only members vote under the seed rule, never participants, lapsed people or observers', () => {
    const people: Person[] = [
      member('a'),
      { id: 'b', status: 'participant', roles: [] },
      { id: 'c', status: 'lapsed', roles: [] },
      member('d', undefined, ['observer']),
      member('e', undefined, ['chair']),
    ];
    expect(eligibleVoters(people, seed)).toEqual(['a', 'e']);
    expect(voterEligibility(people[1]!, seed)).toEqual({
      eligible: false,
      reason: 'only members vote: people who have been to more than one meeting',
      why: { key: 'membersOnly', meetings: 1 },
    });
    expect(voterEligibility(people[3]!, seed)).toEqual({
      eligible: false,
      reason: 'people in the role observer take part but do not vote',
      why: { key: 'nonVotingRole', role: 'observer' },
    });
  });

  it('members present: online counts only if the ToR says remote attendance is presence', () => {
    const online = member('o', 'online');
    const inRoom = withDecisions({
      eligibility: 'members_present',
      remoteAttendance: { countsAsPresent: false, countsTowardsQuorum: false },
    });
    expect(voterEligibility(online, inRoom).eligible).toBe(false);
    expect(voterEligibility(member('x', 'not_present'), inRoom).eligible).toBe(false);
    const remoteOk = withDecisions({ eligibility: 'members_present' });
    expect(voterEligibility(online, remoteOk).eligible).toBe(true);
  });

  it('members and participants: everyone taking part votes, except lapsed people', () => {
    const open = withDecisions({ eligibility: 'members_and_participants' });
    const people: Person[] = [
      member('a'),
      { id: 'b', status: 'participant', roles: [] },
      { id: 'c', status: 'lapsed', roles: [] },
    ];
    expect(eligibleVoters(people, open)).toEqual(['a', 'b']);
  });
});

describe('quorum', () => {
  it('a fraction of the voting body is rounded up: a third of 10 is 4', () => {
    const terms = withDecisions({
      quorum: { kind: 'fraction', numerator: 1, denominator: 3, categoryMinimums: [] },
    });
    const people = Array.from({ length: 10 }, (_, i) =>
      member(`p${i}`, i < 3 ? 'in_person' : 'not_present'),
    );
    expect(quorumStatus(people, terms)).toMatchObject({ required: 4, present: 3, met: false });
    people[3]!.presence = 'in_person';
    expect(quorumStatus(people, terms).met).toBe(true);
  });

  it('checks each category minimum among those present', () => {
    const terms = withDecisions({
      quorum: {
        kind: 'count',
        count: 2,
        categoryMinimums: [{ category: 'lived_experience', min: 2 }],
      },
    });
    const people: Person[] = [
      { ...member('a', 'in_person'), categories: ['lived_experience'] },
      member('b', 'in_person'),
      { ...member('c', 'not_present'), categories: ['lived_experience'] },
    ];
    expect(quorumStatus(people, terms)).toEqual({
      required: 2,
      present: 2,
      categories: [{ category: 'lived_experience', min: 2, present: 1, met: false }],
      met: false,
    });
  });

  it('with no quorum, any meeting can decide', () => {
    expect(quorumStatus([], seed)).toEqual({ required: 0, present: 0, categories: [], met: true });
  });
});

describe('the outcome of a vote', () => {
  it('a simple majority of votes cast, abstentions not counted', () => {
    expect(voteOutcome({ yes: 3, no: 2, abstain: 5, eligible: 10 }, seed)).toMatchObject({
      outcome: 'carried',
      base: 5,
      yesNeeded: 3,
    });
  });

  it('counting abstentions, an abstention can stop a proposal', () => {
    const terms = withDecisions({ abstentionsCount: true });
    expect(voteOutcome({ yes: 3, no: 2, abstain: 2, eligible: 10 }, terms).outcome).toBe(
      'not_carried',
    );
  });

  it('two thirds is met exactly at two thirds', () => {
    const terms = withDecisions({ threshold: { proportion: 'two_thirds', of: 'votes_cast' } });
    expect(voteOutcome({ yes: 4, no: 2, abstain: 0, eligible: 6 }, terms).outcome).toBe('carried');
    expect(voteOutcome({ yes: 3, no: 2, abstain: 0, eligible: 6 }, terms).outcome).toBe(
      'not_carried',
    );
  });

  it('a majority of everyone who may vote counts those who did not vote against it', () => {
    const terms = withDecisions({ threshold: { proportion: 'majority', of: 'eligible' } });
    expect(voteOutcome({ yes: 5, no: 1, abstain: 0, eligible: 11 }, terms)).toMatchObject({
      outcome: 'not_carried',
      yesNeeded: 6,
    });
  });

  it('a tie stands as a tie without a casting vote, and is decided by the chair’s if there is one', () => {
    const tally = { yes: 3, no: 3, abstain: 1, eligible: 8 };
    expect(voteOutcome(tally, seed)).toMatchObject({
      outcome: 'tied',
      tied: true,
      castingVoteDue: false,
    });
    const casting = withDecisions({ castingVote: 'chair' });
    expect(voteOutcome(tally, casting)).toMatchObject({ outcome: 'tied', castingVoteDue: true });
    expect(voteOutcome(tally, casting, 'yes')).toMatchObject({
      outcome: 'carried',
      decidedByCastingVote: true,
    });
    expect(voteOutcome(tally, casting, 'no').outcome).toBe('not_carried');
  });

  it('no votes cast carries nothing', () => {
    expect(voteOutcome({ yes: 0, no: 0, abstain: 4, eligible: 4 }, seed).reason).toBe(
      'no votes were cast',
    );
  });

  it('refuses a tally with more votes than voters', () => {
    expect(() => voteOutcome({ yes: 3, no: 3, abstain: 0, eligible: 5 }, seed)).toThrow(RangeError);
  });

  it('under a simple majority of votes cast, carries exactly when yes beats no', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (yes, no, abstain) => {
        const outcome = voteOutcome(
          { yes, no, abstain, eligible: yes + no + abstain },
          seed,
        ).outcome;
        expect(outcome === 'carried').toBe(yes > no);
      }),
      { numRuns: 500 },
    );
  });

  it('turning a no into a yes never turns a carried vote into a lost one', () => {
    const thresholds = fc.record({
      proportion: fc.constantFrom('majority', 'two_thirds', 'three_quarters' as const),
      of: fc.constantFrom('votes_cast', 'present', 'eligible' as const),
    });
    fc.assert(
      fc.property(
        thresholds,
        fc.boolean(),
        fc.nat(30),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(30),
        (threshold, abstentionsCount, yes, no, abstain) => {
          const terms = withDecisions({ threshold, abstentionsCount } as Partial<Decisions>);
          const eligible = yes + no + abstain + 3;
          const before = voteOutcome({ yes, no, abstain, eligible }, terms).outcome;
          const after = voteOutcome({ yes: yes + 1, no: no - 1, abstain, eligible }, terms).outcome;
          if (before === 'carried') expect(after).toBe('carried');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('opening a formal vote', () => {
  it('needs someone who may vote', () => {
    expect(voteOpeningProblem([], [], seed)).toMatch(/^No one may vote: only members vote/);
    const present = withDecisions({ eligibility: 'members_present' });
    expect(voteOpeningProblem([], [member('a', 'not_present')], present)).toMatch(
      /none is marked present/,
    );
  });

  it('is refused when the quorum could not be met even if everyone who counts took part', () => {
    const terms = withDecisions({ quorum: { kind: 'count', count: 3, categoryMinimums: [] } });
    const two = [member('a'), member('b')];
    expect(voteOpeningProblem(two, two, terms)).toMatch(/2 could, 3 needed/);
    const three = [...two, member('c')];
    expect(voteOpeningProblem(three, three, terms)).toBeNull();
  });

  it('counts the quorum’s categories among everyone who could take part', () => {
    const terms = withDecisions({
      quorum: { kind: 'count', count: 1, categoryMinimums: [{ category: 'carers', min: 2 }] },
    });
    const people = [{ ...member('a'), categories: ['carers'] }, member('b')];
    expect(voteOpeningProblem(people, people, terms)).toMatch(/carers: 1 of the 2 needed/);
  });
});

describe('majority and minority', () => {
  const stances: Stance[] = ['for', 'concerns', 'stood_aside', 'against'];
  const counts = fc.record({
    for: fc.nat(6),
    concerns: fc.nat(6),
    stood_aside: fc.nat(6),
    against: fc.nat(6),
  });

  it('a tied vote never has a majority or a minority side', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (yes, no) => {
        const sides = tallySides({ yes, no });
        if (yes === no) expect(sides).toEqual({ for: 'even', against: 'even' });
        else {
          expect([sides.for, sides.against].sort()).toEqual(['majority', 'minority']);
          expect(sides.for === 'majority').toBe(yes > no);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('where a vote was tied, no view is called a majority or a minority', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(true, false, null), (c, agreed) => {
        const weights = opinionWeights(c, agreed, true);
        expect(Object.values(weights).every((w) => w === 'even')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a view called the majority was held by more people than every view called a minority, and only one is', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(true, false, null), (c, agreed) => {
        const weights = opinionWeights(c, agreed, false);
        const majority = stances.filter((s) => weights[s] === 'majority');
        const minority = stances.filter((s) => weights[s] === 'minority');
        expect(majority.length).toBeLessThanOrEqual(1);
        for (const m of majority) for (const n of minority) expect(c[m]).toBeGreaterThan(c[n]);
        for (const s of stances) expect(weights[s] !== undefined).toBe(c[s] > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('views held by as many people are even, never a majority and a minority', () => {
    expect(
      opinionWeights({ for: 2, concerns: 0, stood_aside: 0, against: 2 }, false, false),
    ).toEqual({ for: 'even', against: 'even' });
    expect(
      opinionWeights({ for: 3, concerns: 0, stood_aside: 1, against: 0 }, true, false),
    ).toEqual({ for: 'majority', stood_aside: 'minority' });
    expect(
      opinionWeights({ for: 0, concerns: 0, stood_aside: 0, against: 1 }, true, false),
    ).toEqual({ against: 'minority' });
  });
});
