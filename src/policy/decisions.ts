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

/** Eligible by status and role, leaving presence aside: the group's voting body. */
function inVotingBody(person: Person, terms: DecisionRules): string | null {
  const nonVoting = person.roles.find((r) => terms.membership.nonVotingRoles.includes(r));
  if (nonVoting) return `people in the role ${nonVoting} take part but do not vote`;
  if (person.status === 'member') return null;
  if (person.status === 'participant' && terms.decisions.eligibility === 'members_and_participants')
    return null;
  if (person.status === 'lapsed') return 'their membership has lapsed';
  const meetings = pluralWords(terms.membership.memberAfterMoreThan, 'meeting');
  return `only members vote: people who have been to more than ${meetings}`;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/** Whether one person may vote in a formal test, with the reason if not. */
export function voterEligibility(person: Person, terms: DecisionRules): Eligibility {
  const notInBody = inVotingBody(person, terms);
  if (notInBody) return { eligible: false, reason: notInBody };
  if (terms.decisions.eligibility === 'members_present' && !countsAsPresent(person, terms)) {
    return {
      eligible: false,
      reason:
        person.presence === 'online'
          ? 'only members present in the room vote: taking part online does not count as present'
          : 'only members present at the meeting vote',
    };
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
};

/**
 * Whether the answers allow consensus: someone answered, nobody blocked, and
 * not everyone stood aside (a proposal nobody supports has no consensus).
 * Concerns do not stop consensus, but the outcome says they were raised.
 */
export function consensusOutcome(counts: ConsensusCounts): ConsensusOutcome {
  const { agree, concerns, standAside, block } = counts;
  if (agree + concerns + standAside + block === 0)
    return { outcome: 'no_consensus', reason: 'nobody has answered' };
  if (block > 0)
    return {
      outcome: 'no_consensus',
      reason: `${block} ${block === 1 ? 'person blocks' : 'people block'} the proposal`,
    };
  if (agree + concerns === 0)
    return { outcome: 'no_consensus', reason: 'everyone who answered stood aside' };
  if (concerns > 0)
    return {
      outcome: 'consensus_with_concerns',
      reason: `no blocks; ${concerns} ${concerns === 1 ? 'person has' : 'people have'} concerns`,
    };
  return { outcome: 'consensus', reason: 'no blocks and no concerns' };
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
  outcome: 'carried' | 'not_carried' | 'tied';
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
 * one more yes would carry it. If the ToR gives the chair a casting vote, the
 * outcome is 'tied' until the chair gives it (`castingVote`), which then
 * decides. Without a casting vote a tie is not carried: the proposal fails
 * and things stay as they are. Thresholds of two thirds or three quarters
 * have no ties in this sense.
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
  const result = (outcome: VoteOutcome['outcome'], reason: string, byCasting = false) => ({
    outcome,
    base,
    yesNeeded,
    decidedByCastingVote: byCasting,
    reason,
  });

  if (base === 0) return result('not_carried', 'no votes were cast');
  if (yes >= yesNeeded) return result('carried', `${yes} of ${base} is ${rule.words} of ${ofWhat}`);
  const tie = threshold.proportion === 'majority' && yes * 2 === base;
  if (!tie) return result('not_carried', `${yes} of ${base} is not ${rule.words} of ${ofWhat}`);
  if (casting === 'none')
    return result(
      'not_carried',
      'the vote is tied and there is no casting vote, so it is not carried',
    );
  if (castingVote === undefined)
    return result('tied', 'the vote is tied: the chair has a casting vote to give');
  return castingVote === 'yes'
    ? result('carried', 'the vote was tied; the chair gave a casting vote for it', true)
    : result('not_carried', 'the vote was tied; the chair gave a casting vote against it', true);
}
