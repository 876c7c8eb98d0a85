import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import type { Ineligible, VoteOpeningBlock } from '../../../policy/index.ts';
import { say, wordsIn, type Localised, type Words } from '../../errors.ts';

/** What proposals, consensus checks and votes answer when they cannot do what was asked. */
export const m = defineMessages({
  noTerms: {
    id: 'api.decisions.noTerms',
    defaultMessage: 'This group has no Terms of Reference in force, so no way of deciding yet.',
  },
  adoptTermsFirst: {
    id: 'api.decisions.adoptTermsFirst',
    defaultMessage: 'adopt Terms of Reference first: they say how the group decides',
  },
  withdrawn: { id: 'api.decisions.withdrawn', defaultMessage: 'This proposal was withdrawn.' },
  checkAlreadyOpen: {
    id: 'api.decisions.checkAlreadyOpen',
    defaultMessage: 'The consensus check on this proposal has already opened.',
  },
  checkNotOpen: {
    id: 'api.decisions.checkNotOpen',
    defaultMessage: 'The consensus check on this proposal has not opened yet.',
  },
  checkClosed: {
    id: 'api.decisions.checkClosed',
    defaultMessage: 'The consensus check on this proposal has closed.',
  },
  answersClosed: {
    id: 'api.decisions.answersClosed',
    defaultMessage: 'The time for answers on this proposal has passed.',
  },
  checkInFirst: {
    id: 'api.decisions.checkInFirst',
    defaultMessage: 'In a meeting, the people present answer: check in to the meeting first.',
  },
  alreadyAnswered: {
    id: 'api.decisions.alreadyAnswered',
    defaultMessage: 'You have already answered this consensus check.',
  },
  noConsensus: {
    id: 'api.decisions.noConsensus',
    defaultMessage:
      'The answers do not allow consensus: {why, select, blocked {{blocks, plural, one {# person blocks} other {# people block}} the proposal} allStoodAside {everyone who answered stood aside} other {nobody has answered}}.',
  },
  cannotBeConsensus: {
    id: 'api.decisions.cannotBeConsensus',
    defaultMessage:
      'cannot be consensus: {why, select, blocked {{blocks, plural, one {# person blocks} other {# people block}} the proposal} allStoodAside {everyone who answered stood aside} other {nobody has answered}}',
  },
  alreadyCorrected: {
    id: 'api.decisions.alreadyCorrected',
    defaultMessage: 'This record has already been corrected: correct the newer record instead.',
  },
  notInScope: {
    id: 'api.decisions.notInScope',
    defaultMessage: 'is not an in-scope area of our remit',
  },
  inTheFuture: { id: 'api.decisions.inTheFuture', defaultMessage: 'must be in the future' },
  meetingCancelled: {
    id: 'api.decisions.meetingCancelled',
    defaultMessage: 'that meeting is cancelled',
  },
  needsClosingTime: {
    id: 'api.decisions.needsClosingTime',
    defaultMessage: 'a proposal between meetings needs a closing time for answers and ballots',
  },
  raiserOrChair: {
    id: 'api.decisions.raiserOrChair',
    defaultMessage: 'Only the person who raised this proposal, or a chair, can change it.',
  },
  cannotWithdraw: {
    id: 'api.decisions.cannotWithdraw',
    defaultMessage: 'A proposal being voted on or decided cannot be withdrawn.',
  },
  noLongerEditable: {
    id: 'api.decisions.noLongerEditable',
    defaultMessage: 'The consensus check has opened: the proposal can no longer be edited.',
  },
  whoCallsVote: {
    id: 'api.decisions.whoCallsVote',
    defaultMessage: 'Our Terms of Reference let only these roles call a formal test: {roles}.',
  },
  consensusFirst: {
    id: 'api.decisions.consensusFirst',
    defaultMessage: 'Our Terms of Reference seek consensus first: open the consensus check.',
  },
  voteAlreadyOpen: {
    id: 'api.decisions.voteAlreadyOpen',
    defaultMessage: 'A formal vote on this proposal is already open.',
  },
  decidedOrWithdrawn: {
    id: 'api.decisions.decidedOrWithdrawn',
    defaultMessage: 'This proposal is decided or withdrawn.',
  },
  voteCannotOpen: {
    id: 'api.decisions.voteCannotOpen',
    defaultMessage: 'A formal vote cannot open: it could not decide anything. {problem}',
  },
  noVoters: {
    id: 'api.decisions.noVoters',
    defaultMessage:
      'No one may vote: {eligibility, select, members {only members vote (people who have been to more than {meetings, plural, =0 {no meetings} =1 {one meeting} =2 {two meetings} =3 {three meetings} =4 {four meetings} =5 {five meetings} =6 {six meetings} =7 {seven meetings} =8 {eight meetings} =9 {nine meetings} =10 {ten meetings} other {# meetings}}), and the group has none} members_and_participants {nobody in the group is in a role that votes} other {only members present at the meeting vote (people who have been to more than {meetings, plural, =0 {no meetings} =1 {one meeting} =2 {two meetings} =3 {three meetings} =4 {four meetings} =5 {five meetings} =6 {six meetings} =7 {seven meetings} =8 {eight meetings} =9 {nine meetings} =10 {ten meetings} other {# meetings}}), and none is marked present}}.',
  },
  noQuorum: {
    id: 'api.decisions.noQuorum',
    defaultMessage:
      'The quorum could not be met even if everyone who counts took part: {present} could, {required} needed{shortfall}.',
  },
  categoryShortfall: {
    id: 'api.decisions.categoryShortfall',
    defaultMessage: '{category}: {present} of the {min} needed',
  },
  noVote: {
    id: 'api.decisions.noVote',
    defaultMessage: 'No formal vote has been called on this proposal.',
  },
  voteClosed: { id: 'api.decisions.voteClosed', defaultMessage: 'This vote has closed.' },
  ballotFixed: {
    id: 'api.decisions.ballotFixed',
    defaultMessage: 'Our Terms of Reference do not let a ballot change once cast.',
  },
  receiptUnknown: {
    id: 'api.decisions.receiptUnknown',
    defaultMessage: 'does not match a ballot in this vote',
  },
  alreadyVoted: {
    id: 'api.decisions.alreadyVoted',
    defaultMessage:
      'You have already voted. To change your ballot, use the receipt you were given.',
  },
  alreadyVotedForGood: {
    id: 'api.decisions.alreadyVotedForGood',
    defaultMessage: 'You have already voted, and a ballot cannot be changed once cast.',
  },
  noCastingVote: {
    id: 'api.decisions.noCastingVote',
    defaultMessage: 'Our Terms of Reference give no casting vote: a tie stands as a tie.',
  },
  noCastingVoteField: {
    id: 'api.decisions.noCastingVoteField',
    defaultMessage: 'our Terms of Reference give no casting vote',
  },
  voterListFixed: {
    id: 'api.decisions.mayNotVote.voterListFixed',
    defaultMessage:
      'You may not vote in this one: the voter list was fixed when it opened on {opened}, and you were not on it then.',
  },
});

/** "You may not vote", with why: one message (and one reason) for each way of being ineligible. */
const mayNotVote: Record<Ineligible['key'], MessageDescriptor> = defineMessages({
  nonVotingRole: {
    id: 'api.decisions.mayNotVote.nonVotingRole',
    defaultMessage: 'You may not vote: people in the role {role} take part but do not vote.',
  },
  lapsed: {
    id: 'api.decisions.mayNotVote.lapsed',
    defaultMessage: 'You may not vote: their membership has lapsed.',
  },
  membersOnly: {
    id: 'api.decisions.mayNotVote.membersOnly',
    defaultMessage:
      'You may not vote: only members vote: people who have been to more than {meetings, plural, =0 {no meetings} =1 {one meeting} =2 {two meetings} =3 {three meetings} =4 {four meetings} =5 {five meetings} =6 {six meetings} =7 {seven meetings} =8 {eight meetings} =9 {nine meetings} =10 {ten meetings} other {# meetings}}.',
  },
  presentInRoom: {
    id: 'api.decisions.mayNotVote.presentInRoom',
    defaultMessage:
      'You may not vote: only members present in the room vote: taking part online does not count as present.',
  },
  presentOnly: {
    id: 'api.decisions.mayNotVote.presentOnly',
    defaultMessage: 'You may not vote: only members present at the meeting vote.',
  },
});

/** Why a vote cannot open, in the reader's words. */
export function voteBlockWords(block: VoteOpeningBlock): Words {
  if (block.key === 'noVoters')
    return say(m.noVoters, { eligibility: block.eligibility, meetings: block.meetings });
  const { present, required, categories } = block.quorum;
  const shortfall: Localised = (locale) =>
    categories.length === 0
      ? ''
      : `; ${categories
          .map((c) =>
            wordsIn(
              locale,
              say(m.categoryShortfall, {
                category: c.category.replaceAll('_', ' '),
                present: c.present,
                min: c.min,
              }),
            ),
          )
          .join(', ')}`;
  return say(m.noQuorum, { present, required, shortfall });
}

export function mayNotVoteWords(why: Ineligible): Words {
  const message = mayNotVote[why.key];
  if (why.key === 'nonVotingRole') return say(message, { role: why.role });
  if (why.key === 'membersOnly') return say(message, { meetings: why.meetings });
  return message;
}
