import type { z } from 'zod';
import type {
  castBallotResult,
  consensusAnswer,
  decision,
  decisionList,
  opinion,
  Proposal,
  proposalList,
} from '../../../contracts/decisions.ts';
import { segment } from '../../lib/api.ts';

export type { Proposal };
export type ProposalList = z.infer<typeof proposalList>;
export type Decision = z.infer<typeof decision>;
export type DecisionList = z.infer<typeof decisionList>;
export type Opinion = z.infer<typeof opinion>;
export type CastBallotResult = z.infer<typeof castBallotResult>;
export type ConsensusAnswer = z.infer<typeof consensusAnswer>;
export type Consensus = NonNullable<Proposal['consensus']>;
export type Vote = NonNullable<Proposal['vote']>;
export type Counts = Consensus['counts'];
export type Reasons = Consensus['reasons'];
export type Tally = NonNullable<Vote['tally']>;

/** A part of the remit a proposal can name. */
export type RemitArea = { key: string; title: string; inScope: boolean };

/** The API path of a group's proposals, or of one proposal and what is under it. */
export function proposalsApi(groupId: string, proposalId?: string, rest = ''): string {
  const base = `/api/v1/groups/${segment(groupId)}/proposals`;
  return proposalId ? `${base}/${segment(proposalId)}${rest}` : `${base}${rest}`;
}

/** The API path of a group's decisions, or of one decision and what is under it. */
export function decisionsApi(groupId: string, decisionId?: string, rest = ''): string {
  const base = `/api/v1/groups/${segment(groupId)}/decisions`;
  return decisionId ? `${base}/${segment(decisionId)}${rest}` : `${base}${rest}`;
}

/** The web page of the decision register, or of one decision. */
export function decisionsPage(groupId: string, decisionId?: string): string {
  const base = `/groups/${segment(groupId)}/decisions`;
  return decisionId ? `${base}/${segment(decisionId)}` : base;
}

/** The web page of a group's proposals between meetings. */
export function proposalsPage(groupId: string): string {
  return `/groups/${segment(groupId)}/proposals`;
}

export const STAGE_LABELS: Record<Proposal['stage'], string> = {
  draft: 'Draft: not tested yet',
  consensus: 'Consensus check open',
  no_consensus: 'No consensus',
  voting: 'Formal vote open',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
};

/** The four consensus answers, in the order they are offered, with what each means. */
export const ANSWERS: { value: ConsensusAnswer; label: string; hint: string }[] = [
  { value: 'agree', label: 'Agree', hint: 'I support it.' },
  { value: 'concerns', label: 'Have concerns', hint: 'I can live with it, but I have concerns.' },
  {
    value: 'stand_aside',
    label: 'Stand aside',
    hint: 'I will not stop the group, but I do not take part in this decision.',
  },
  { value: 'block', label: 'Block', hint: 'I cannot accept it: the group should not go ahead.' },
];

/** The counts and reasons of each answer, by the key the API uses for it. */
export const COUNT_KEYS: { key: keyof Counts; label: string }[] = [
  { key: 'agree', label: 'Agree' },
  { key: 'concerns', label: 'Have concerns' },
  { key: 'standAside', label: 'Stand aside' },
  { key: 'block', label: 'Block' },
];

export const CONSENSUS_OUTCOMES: Record<Consensus['allows']['outcome'], string> = {
  consensus: 'Consensus',
  consensus_with_concerns: 'Consensus, with concerns',
  no_consensus: 'No consensus',
};

export const VOTE_OUTCOMES: Record<NonNullable<Vote['outcome']>, string> = {
  carried: 'Carried',
  not_carried: 'Not carried',
  tied: 'Tied',
  no_quorum: 'Not decided: there was no quorum',
};

export const CHOICE_LABELS: Record<'yes' | 'no' | 'abstain', string> = {
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
};

export const DECISION_OUTCOMES: Record<Decision['outcome'], string> = {
  agreed: 'Agreed',
  not_agreed: 'Not agreed',
  tied: 'Tied, so not agreed',
};

/** The outcome in words, saying where a tie was decided by the chair's casting vote. */
export function decisionOutcome(decision: Pick<Decision, 'outcome' | 'castingVote'>): string {
  if (decision.castingVote)
    return `${DECISION_OUTCOMES[decision.outcome]}: tied; decided by the chair’s casting vote ${decision.castingVote} it`;
  return DECISION_OUTCOMES[decision.outcome];
}

export const METHODS: Record<Decision['method'], string> = {
  consensus: 'By consensus',
  vote: 'By a formal vote',
  correction: 'A correction',
};

export const STANCES: Record<Opinion['stance'], string> = {
  for: 'For',
  concerns: 'For, with concerns',
  stood_aside: 'Stood aside',
  against: 'Against',
};

/** "1 person", "3 people". */
export function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}
