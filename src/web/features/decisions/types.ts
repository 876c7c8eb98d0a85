import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
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

/**
 * A chair's step on a proposal, by what it has done once the proposal's new
 * state has arrived (from the step's own refetch or a live update, whichever
 * comes first): then focus goes to where the new state is said.
 */
export type StepDone = (proposal: Proposal) => boolean;

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

export const STAGE_LABELS = defineMessages({
  draft: { id: 'decisions.stage.draft', defaultMessage: 'Draft: not tested yet' },
  consensus: { id: 'decisions.stage.consensus', defaultMessage: 'Consensus check open' },
  no_consensus: { id: 'decisions.stage.noConsensus', defaultMessage: 'No consensus' },
  voting: { id: 'decisions.stage.voting', defaultMessage: 'Formal vote open' },
  decided: { id: 'decisions.stage.decided', defaultMessage: 'Decided' },
  withdrawn: { id: 'decisions.stage.withdrawn', defaultMessage: 'Withdrawn' },
}) satisfies Record<Proposal['stage'], MessageDescriptor>;

const ANSWER_WORDS = defineMessages({
  agree: { id: 'decisions.answer.agree', defaultMessage: 'Agree' },
  agreeHint: { id: 'decisions.answer.agreeHint', defaultMessage: 'I support it.' },
  concerns: { id: 'decisions.answer.concerns', defaultMessage: 'Have concerns' },
  concernsHint: {
    id: 'decisions.answer.concernsHint',
    defaultMessage: 'I can live with it, but I have concerns.',
  },
  standAside: { id: 'decisions.answer.standAside', defaultMessage: 'Stand aside' },
  standAsideHint: {
    id: 'decisions.answer.standAsideHint',
    defaultMessage: 'I will not stop the group, but I do not take part in this decision.',
  },
  block: { id: 'decisions.answer.block', defaultMessage: 'Block' },
  blockHint: {
    id: 'decisions.answer.blockHint',
    defaultMessage: 'I cannot accept it: the group should not go ahead.',
  },
});

/** The four consensus answers, in the order they are offered, with what each means. */
export const ANSWERS: {
  value: ConsensusAnswer;
  label: MessageDescriptor;
  hint: MessageDescriptor;
}[] = [
  { value: 'agree', label: ANSWER_WORDS.agree, hint: ANSWER_WORDS.agreeHint },
  { value: 'concerns', label: ANSWER_WORDS.concerns, hint: ANSWER_WORDS.concernsHint },
  { value: 'stand_aside', label: ANSWER_WORDS.standAside, hint: ANSWER_WORDS.standAsideHint },
  { value: 'block', label: ANSWER_WORDS.block, hint: ANSWER_WORDS.blockHint },
];

/** The counts and reasons of each answer, by the key the API uses for it. */
export const COUNT_KEYS: { key: keyof Counts; label: MessageDescriptor }[] = [
  { key: 'agree', label: ANSWER_WORDS.agree },
  { key: 'concerns', label: ANSWER_WORDS.concerns },
  { key: 'standAside', label: ANSWER_WORDS.standAside },
  { key: 'block', label: ANSWER_WORDS.block },
];

export const CONSENSUS_OUTCOMES = defineMessages({
  consensus: { id: 'decisions.consensusOutcome.consensus', defaultMessage: 'Consensus' },
  consensus_with_concerns: {
    id: 'decisions.consensusOutcome.withConcerns',
    defaultMessage: 'Consensus, with concerns',
  },
  no_consensus: { id: 'decisions.consensusOutcome.none', defaultMessage: 'No consensus' },
}) satisfies Record<Consensus['allows']['outcome'], MessageDescriptor>;

export const VOTE_OUTCOMES = defineMessages({
  carried: { id: 'decisions.voteOutcome.carried', defaultMessage: 'Carried' },
  not_carried: { id: 'decisions.voteOutcome.notCarried', defaultMessage: 'Not carried' },
  tied: { id: 'decisions.voteOutcome.tied', defaultMessage: 'Tied' },
  no_quorum: {
    id: 'decisions.voteOutcome.noQuorum',
    defaultMessage: 'Not decided: there was no quorum',
  },
}) satisfies Record<NonNullable<Vote['outcome']>, MessageDescriptor>;

export const CHOICE_LABELS = defineMessages({
  yes: { id: 'decisions.choice.yes', defaultMessage: 'Yes' },
  no: { id: 'decisions.choice.no', defaultMessage: 'No' },
  abstain: { id: 'decisions.choice.abstain', defaultMessage: 'Abstain' },
}) satisfies Record<'yes' | 'no' | 'abstain', MessageDescriptor>;

export const DECISION_OUTCOMES = defineMessages({
  agreed: { id: 'decisions.outcome.agreed', defaultMessage: 'Agreed' },
  not_agreed: { id: 'decisions.outcome.notAgreed', defaultMessage: 'Not agreed' },
  tied: { id: 'decisions.outcome.tied', defaultMessage: 'Tied, so not agreed' },
}) satisfies Record<Decision['outcome'], MessageDescriptor>;

/** The outcome in words, saying where a tie was decided by the chair's casting vote. */
export function decisionOutcome(
  intl: IntlShape,
  decision: Pick<Decision, 'outcome' | 'castingVote'>,
): string {
  const outcome = intl.formatMessage(DECISION_OUTCOMES[decision.outcome]);
  if (decision.castingVote)
    return intl.formatMessage(
      {
        id: 'decisions.outcome.casting',
        defaultMessage:
          '{outcome}: tied; decided by the chair’s casting vote {castingVote, select, for {for} other {against}} it',
      },
      { outcome, castingVote: decision.castingVote },
    );
  return outcome;
}

export const METHODS = defineMessages({
  consensus: { id: 'decisions.method.consensus', defaultMessage: 'By consensus' },
  vote: { id: 'decisions.method.vote', defaultMessage: 'By a formal vote' },
  correction: { id: 'decisions.method.correction', defaultMessage: 'A correction' },
}) satisfies Record<Decision['method'], MessageDescriptor>;

export const STANCES = defineMessages({
  for: { id: 'decisions.stance.for', defaultMessage: 'For' },
  concerns: { id: 'decisions.stance.concerns', defaultMessage: 'For, with concerns' },
  stood_aside: { id: 'decisions.stance.stoodAside', defaultMessage: 'Stood aside' },
  against: { id: 'decisions.stance.against', defaultMessage: 'Against' },
}) satisfies Record<Opinion['stance'], MessageDescriptor>;

/** "1 person", "3 people". */
export function people(intl: IntlShape, n: number): string {
  return intl.formatMessage(
    {
      id: 'decisions.people',
      defaultMessage: '{count, plural, one {# person} other {# people}}',
    },
    { count: n },
  );
}
