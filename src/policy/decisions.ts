/**
 * "Our way of working intends to form resolutions by consensus. If the chair
 * requires a formal test of that consensus, then a vote of members will
 * include those that have been to more than one meeting."
 *
 * Consensus answers, who may vote, whether a quorum is present, and the
 * outcome of a vote, all from the ToR in force.
 */
import type { MembershipState } from './membership.ts';
import type { Terms } from './terms.ts';
import { pluralWords } from './words.ts';

type DecisionRules = Pick<Terms, 'membership' | 'decisions'>;

export type Presence = 'in_person' | 'online' | 'not_present';

export type Person = {
  id: string;
  /** From `membershipStatus`, as of the moment in question (a vote opening). */
  status: MembershipState;
  /** Role keys held: 'chair', 'note_taker', 'observer' or a ToR's own roles. */
  roles: readonly string[];
  /** At a meeting: whether and how they are there. Omitted between meetings. */
  presence?: Presence;
  /** Categories for quorum minimums, such as 'lived_experience'. */
  categories?: readonly string[];
};

export function mayCallFormalTest(roles: readonly string[], terms: DecisionRules): boolean {
  return roles.some((role) => terms.decisions.formalTestCalledBy.includes(role));
}

/** Whether the ToR's eligibility rule needs people to be present, so a vote needs a meeting. */
export function voteNeedsMeeting(terms: DecisionRules): boolean {
  return terms.decisions.eligibility === 'members_present';
}

function countsAsPresent(person: Person, terms: DecisionRules): boolean {
  return (
    person.presence === 'in_person' ||
    (person.presence === 'online' && terms.decisions.remoteAttendance.countsAsPresent)
  );
}

/**
 * Why someone may not vote, as a stable key with what its wording needs:
 * their role, or how many meetings make a member.
 */
export type Ineligible =
  | { key: 'nonVotingRole'; role: string }
  | { key: 'lapsed' }
  | { key: 'membersOnly'; meetings: number }
  | { key: 'presentInRoom' }
  | { key: 'presentOnly' };

/** Eligible by status and role, leaving presence aside: the group's voting body. */
function inVotingBody(person: Person, terms: DecisionRules): Ineligible | null {
  const nonVoting = person.roles.find((r) => terms.membership.nonVotingRoles.includes(r));
  if (nonVoting) return { key: 'nonVotingRole', role: nonVoting };
  if (person.status === 'member') return null;
  if (person.status === 'participant' && terms.decisions.eligibility === 'members_and_participants')
    return null;
  if (person.status === 'lapsed') return { key: 'lapsed' };
  return { key: 'membersOnly', meetings: terms.membership.memberAfterMoreThan };
}

/** The English of an `Ineligible`, for records and logs; people read it in their language. */
export function ineligibleWords(why: Ineligible): string {
  switch (why.key) {
    case 'nonVotingRole':
      return `people in the role ${why.role} take part but do not vote`;
    case 'lapsed':
      return 'their membership has lapsed';
    case 'membersOnly':
      return `only members vote: people who have been to more than ${pluralWords(why.meetings, 'meeting')}`;
    case 'presentInRoom':
      return 'only members present in the room vote: taking part online does not count as present';
    case 'presentOnly':
      return 'only members present at the meeting vote';
  }
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string; why: Ineligible };

function ineligible(why: Ineligible): Eligibility {
  return { eligible: false, reason: ineligibleWords(why), why };
}

/** Whether one person may vote in a formal test, with the reason if not. */
export function voterEligibility(person: Person, terms: DecisionRules): Eligibility {
  const notInBody = inVotingBody(person, terms);
  if (notInBody) return ineligible(notInBody);
  if (terms.decisions.eligibility === 'members_present' && !countsAsPresent(person, terms)) {
    return ineligible({ key: person.presence === 'online' ? 'presentInRoom' : 'presentOnly' });
  }
  return { eligible: true };
}

/** The ids of everyone who may vote: fix this list when a vote opens. */
export function eligibleVoters(people: readonly Person[], terms: DecisionRules): string[] {
  return people.filter((p) => voterEligibility(p, terms).eligible).map((p) => p.id);
}

export type QuorumStatus = {
  /** People needed; 0 when the ToR sets no quorum. */
  required: number;
  /** People present who count towards the quorum. */
  present: number;
  categories: { category: string; min: number; present: number; met: boolean }[];
  met: boolean;
};

/**
 * Whether a quorum is present. The people who count are the group's voting
 * body (members, or members and participants if they all vote; never the
 * non-voting roles) who are there in person, or online if the ToR counts
 * remote attendance towards the quorum. A fraction is of the whole voting
 * body, rounded up: a third of 10 members is 4.
 */
export function quorumStatus(people: readonly Person[], terms: DecisionRules): QuorumStatus {
  const { quorum, remoteAttendance } = terms.decisions;
  const body = people.filter((p) => inVotingBody(p, terms) === null);
  const here = body.filter(
    (p) =>
      p.presence === 'in_person' ||
      (p.presence === 'online' && remoteAttendance.countsTowardsQuorum),
  );
  if (quorum.kind === 'none')
    return { required: 0, present: here.length, categories: [], met: true };
  const required =
    quorum.kind === 'count'
      ? quorum.count
      : Math.ceil((body.length * quorum.numerator) / quorum.denominator);
  const categories = quorum.categoryMinimums.map(({ category, min }) => {
    const present = here.filter((p) => p.categories?.includes(category)).length;
    return { category, min, present, met: present >= min };
  });
  return {
    required,
    present: here.length,
    categories,
    met: here.length >= required && categories.every((c) => c.met),
  };
}

/** A vote between meetings, once it has been open a while. */
export type BallotsCast = {
  /** The number the quorum needs, fixed when the vote opened. */
  required: number;
  /** Ballots cast so far (yes, no and abstain). */
  cast: number;
  /** Who cast them; how they voted is never known. */
  voterIds: ReadonlySet<string>;
};

/**
 * The quorum of a vote held between meetings, where nobody is present and
 * ballots count instead. When the vote opens (`ballots` null) the number
 * needed is fixed from the whole voting body as if all were there; no ballot
 * is cast yet, so nothing is met. Later, the ballots cast count against that
 * number, and the quorum's categories are counted among those who voted.
 */
export function ballotQuorum(
  people: readonly Person[],
  terms: DecisionRules,
  ballots: BallotsCast | null,
): QuorumStatus {
  const inPerson = (p: Person): Person => ({ ...p, presence: 'in_person' });
  if (!ballots) {
    const everyone = quorumStatus(people.map(inPerson), terms);
    return {
      ...everyone,
      present: 0,
      met: false,
      categories: everyone.categories.map((c) => ({ ...c, present: 0, met: false })),
    };
  }
  const { categories } = quorumStatus(
    people.filter((p) => ballots.voterIds.has(p.id)).map(inPerson),
    terms,
  );
  return {
    required: ballots.required,
    present: ballots.cast,
    met: ballots.cast >= ballots.required && categories.every((c) => c.met),
    categories,
  };
}

/**
 * The quorum's categories in words, to follow a head count: "; carers: 1 of
 * the 2 needed". Empty when the quorum names no categories.
 */
export function categoryShortfall(status: QuorumStatus): string {
  if (status.categories.length === 0) return '';
  const parts = status.categories.map(
    (c) => `${c.category.replaceAll('_', ' ')}: ${c.present} of the ${c.min} needed`,
  );
  return `; ${parts.join(', ')}`;
}

export type ConsensusCounts = {
  agree: number;
  concerns: number;
  standAside: number;
  block: number;
};

export type ConsensusOutcome = {
  outcome: 'consensus' | 'consensus_with_concerns' | 'no_consensus';
  reason: string;
  /** The reason as a stable key, for wording it in a reader's language. */
  why: 'nobodyAnswered' | 'blocked' | 'allStoodAside' | 'concerns' | 'clear';
};

/**
 * Whether the answers allow consensus: someone answered, nobody blocked, and
 * not everyone stood aside (a proposal nobody supports has no consensus).
 * Concerns do not stop consensus, but the outcome says they were raised.
 */
export function consensusOutcome(counts: ConsensusCounts): ConsensusOutcome {
  const { agree, concerns, standAside, block } = counts;
  if (agree + concerns + standAside + block === 0)
    return { outcome: 'no_consensus', reason: 'nobody has answered', why: 'nobodyAnswered' };
  if (block > 0)
    return {
      outcome: 'no_consensus',
      reason: `${block} ${block === 1 ? 'person blocks' : 'people block'} the proposal`,
      why: 'blocked',
    };
  if (agree + concerns === 0)
    return {
      outcome: 'no_consensus',
      reason: 'everyone who answered stood aside',
      why: 'allStoodAside',
    };
  if (concerns > 0)
    return {
      outcome: 'consensus_with_concerns',
      reason: `no blocks; ${concerns} ${concerns === 1 ? 'person has' : 'people have'} concerns`,
      why: 'concerns',
    };
  return { outcome: 'consensus', reason: 'no blocks and no concerns', why: 'clear' };
}

export type Tally = {
  yes: number;
  no: number;
  abstain: number;
  /** Size of the voter list fixed when the vote opened. */
  eligible: number;
  /** Eligible voters present when it closed; defaults to `eligible` (a vote between meetings). */
  present?: number;
};

export type VoteOutcome = {
  /** 'tied': as many yes as needed-but-one, and no casting vote (yet) to decide it. */
  outcome: 'carried' | 'not_carried' | 'tied';
  /** Whether the vote was evenly split, decided by a casting vote or not. */
  tied: boolean;
  /** A tie the chair has a casting vote for, not yet given. */
  castingVoteDue: boolean;
  /** The number the threshold is a proportion of. */
  base: number;
  /** Yes votes needed to carry it without a casting vote. */
  yesNeeded: number;
  decidedByCastingVote: boolean;
  reason: string;
};

const PROPORTION = {
  majority: { above: true, n: 1, d: 2, words: 'more than half' },
  two_thirds: { above: false, n: 2, d: 3, words: 'at least two thirds' },
  three_quarters: { above: false, n: 3, d: 4, words: 'at least three quarters' },
} as const;

/**
 * The outcome of a formal vote.
 *
 * A tie is a simple-majority vote in which exactly half the base voted yes:
 * one more yes would carry it. A tie is recorded as a tie, never as a
 * majority against: the outcome is 'tied'. If the ToR gives the chair a
 * casting vote, the chair may then give it (`castingVote`), which decides,
 * and the outcome says it was decided that way. Without one, the tie stands
 * and the proposal is not agreed: things stay as they are. Thresholds of two
 * thirds or three quarters have no ties in this sense.
 */
export function voteOutcome(
  tally: Tally,
  terms: DecisionRules,
  castingVote?: 'yes' | 'no',
): VoteOutcome {
  const { yes, no, abstain, eligible } = tally;
  const present = tally.present ?? eligible;
  const counts = [yes, no, abstain, eligible, present];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || yes + no + abstain > eligible)
    throw new RangeError('a tally needs whole numbers, and no more votes than voters');
  const { threshold, abstentionsCount, castingVote: casting } = terms.decisions;
  const base =
    threshold.of === 'votes_cast'
      ? yes + no + (abstentionsCount ? abstain : 0)
      : threshold.of === 'present'
        ? present
        : eligible;
  const rule = PROPORTION[threshold.proportion];
  const yesNeeded = rule.above
    ? Math.floor((base * rule.n) / rule.d) + 1
    : Math.ceil((base * rule.n) / rule.d);
  const ofWhat = {
    votes_cast: 'the votes cast',
    present: 'those present',
    eligible: 'all who may vote',
  }[threshold.of];
  const result = (
    outcome: VoteOutcome['outcome'],
    reason: string,
    extra: { tied?: boolean; byCasting?: boolean; due?: boolean } = {},
  ): VoteOutcome => ({
    outcome,
    tied: extra.tied ?? false,
    castingVoteDue: extra.due ?? false,
    base,
    yesNeeded,
    decidedByCastingVote: extra.byCasting ?? false,
    reason,
  });

  if (base === 0) return result('not_carried', 'no votes were cast');
  if (yes >= yesNeeded) return result('carried', `${yes} of ${base} is ${rule.words} of ${ofWhat}`);
  const tie = threshold.proportion === 'majority' && yes * 2 === base;
  if (!tie) return result('not_carried', `${yes} of ${base} is not ${rule.words} of ${ofWhat}`);
  const split = `${yes} of ${base} for: exactly half`;
  if (casting === 'none')
    return result(
      'tied',
      `the vote is tied (${split}) and there is no casting vote, so it is not agreed`,
      { tied: true },
    );
  if (castingVote === undefined)
    return result('tied', `the vote is tied (${split}): the chair has a casting vote to give`, {
      tied: true,
      due: true,
    });
  return castingVote === 'yes'
    ? result('carried', `tied (${split}); decided by the chair's casting vote for it`, {
        tied: true,
        byCasting: true,
      })
    : result('not_carried', `tied (${split}); decided by the chair's casting vote against it`, {
        tied: true,
        byCasting: true,
      });
}

/**
 * Why a formal vote may not open, or null if it may. A vote nobody may take
 * part in could only ever record "not agreed", and one whose quorum could not
 * be met even if everyone who counts took part could only record "not
 * quorate": either would be a record of something that did not happen.
 *
 * `voters` is the list the vote would fix; `counted` is everyone who could
 * count towards its quorum (between meetings, the voters themselves, whose
 * ballots are counted; in a meeting, the whole voting body, since people
 * present count whether or not they vote).
 */
export function voteOpeningProblem(
  voters: readonly Person[],
  counted: readonly Person[],
  terms: DecisionRules,
): string | null {
  const block = voteOpeningBlock(voters, counted, terms);
  if (!block) return null;
  if (block.key === 'noVoters') {
    const meetings = pluralWords(block.meetings, 'meeting');
    const who = {
      members: `only members vote (people who have been to more than ${meetings}), and the group has none`,
      members_and_participants: 'nobody in the group is in a role that votes',
      members_present: `only members present at the meeting vote (people who have been to more than ${meetings}), and none is marked present`,
    }[block.eligibility];
    return `No one may vote: ${who}.`;
  }
  return `The quorum could not be met even if everyone who counts took part: ${block.quorum.present} could, ${block.quorum.required} needed${categoryShortfall(block.quorum)}.`;
}

/** Why a vote cannot open, as a stable key with what its wording needs. */
export type VoteOpeningBlock =
  | {
      key: 'noVoters';
      eligibility: DecisionRules['decisions']['eligibility'];
      /** Meetings a person must have been to more than, to be a member. */
      meetings: number;
    }
  | { key: 'noQuorum'; quorum: QuorumStatus };

/** `voteOpeningProblem` as a stable key, for wording it in a reader's language. */
export function voteOpeningBlock(
  voters: readonly Person[],
  counted: readonly Person[],
  terms: DecisionRules,
): VoteOpeningBlock | null {
  if (voters.length === 0) {
    return {
      key: 'noVoters',
      eligibility: terms.decisions.eligibility,
      meetings: terms.membership.memberAfterMoreThan,
    };
  }
  const best = quorumStatus(
    counted.map((p) => ({ ...p, presence: 'in_person' as const })),
    terms,
  );
  return best.met ? null : { key: 'noQuorum', quorum: best };
}

/**
 * How a view is weighed in a record: held by more people than the other
 * side ('majority' or 'minority'), or by as many ('even'). A tie is never a
 * majority and a minority.
 */
export type Weight = 'majority' | 'minority' | 'even';

/** The two sides of a formal vote: more yes than no is a majority for it; as many, even. */
export function tallySides(tally: { yes: number; no: number }): { for: Weight; against: Weight } {
  if (tally.yes === tally.no) return { for: 'even', against: 'even' };
  return tally.yes > tally.no
    ? { for: 'majority', against: 'minority' }
    : { for: 'minority', against: 'majority' };
}

export type Stance = 'for' | 'concerns' | 'stood_aside' | 'against';

/**
 * The weight of each stance taken (a count above 0), for the opinions kept
 * in a decision record. The majority is the side the decision went with
 * (for, if agreed; against, or else the stance most people took, if not).
 * But a view is called the majority only if more people held it than each
 * view called a minority, and only one view is: otherwise the labels come
 * from the counts alone, and views held by as many people as the largest
 * are 'even'. Where a formal vote was tied (whether or not a casting vote
 * then decided it), the group was evenly divided and every view is 'even'.
 */
export function opinionWeights(
  counts: Readonly<Record<Stance, number>>,
  agreed: boolean | null,
  tied: boolean,
): Partial<Record<Stance, Weight>> {
  const taken = (Object.keys(counts) as Stance[]).filter((s) => counts[s] > 0);
  const weights: Partial<Record<Stance, Weight>> = {};
  if (tied) {
    for (const s of taken) weights[s] = 'even';
    return weights;
  }
  const most = Math.max(0, ...taken.map((s) => counts[s]));
  for (const s of taken) {
    const majority =
      agreed === true
        ? s === 'for'
        : agreed === false
          ? s === 'against' || (counts.against === 0 && counts[s] === most)
          : counts[s] === most;
    weights[s] = majority ? 'majority' : 'minority';
  }
  const majorities = taken.filter((s) => weights[s] === 'majority');
  const minorities = taken.filter((s) => weights[s] === 'minority');
  const clear =
    majorities.length <= 1 &&
    majorities.every((m) => minorities.every((n) => counts[m] > counts[n]));
  if (clear) return weights;
  const atMost = taken.filter((s) => counts[s] === most);
  for (const s of taken)
    weights[s] = counts[s] < most ? 'minority' : atMost.length === 1 ? 'majority' : 'even';
  return weights;
}
