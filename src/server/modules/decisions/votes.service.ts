/**
 * "If the chair requires a formal test of that consensus, then a vote of
 * members will include those that have been to more than one meeting."
 *
 * The voter list is fixed when the vote opens, from the policy functions;
 * someone who becomes a member later is not added. One ballot per person on
 * the list: the participation row (primary key, and a foreign key to the
 * list) and the ballot are written by one statement. Ballots carry no
 * person and no time.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  ballotQuorum,
  consensusOutcome,
  eligibleVoters,
  mayCallFormalTest,
  quorumStatus,
  categoryShortfall,
  voteOutcome,
  voteOpeningBlock,
  voterEligibility,
  phaseOf,
  type QuorumStatus,
} from '../../../policy/index.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  NOT_FOUND,
  say,
  type Words,
  wordsIn,
} from '../../errors.ts';
import { m, mayNotVoteWords, voteBlockWords } from './decisions.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, type GroupAccess } from '../groups/group-access.ts';
import { listMembershipStatuses } from '../membership/membership.repository.ts';
import { findGroupFor } from '../groups/groups.repository.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import {
  countsOf,
  decisionRules,
  peopleNow,
  presentProposals,
  type DecisionRules,
  type PeopleNow,
  type QuorumView,
} from './context.ts';
import * as repo from './decisions.repository.ts';
import { announce } from './live.ts';
import { getProposal } from './proposals.service.ts';
import { recordDecision } from './record.ts';
import type {
  callVoteBody,
  castBallotBody,
  closeVoteBody,
  proposalParams,
} from '../../../contracts/decisions.ts';
import type { UseCaseInput } from '../../endpoints.ts';

function quorumView(status: QuorumStatus, counting: 'present' | 'ballots'): QuorumView {
  const what = counting === 'present' ? 'present' : 'voted';
  return {
    required: status.required,
    present: status.present,
    met: status.met,
    explanation:
      status.required === 0
        ? 'Our Terms of Reference set no quorum.'
        : status.met
          ? `Quorate: ${status.present} ${what}, ${status.required} needed${categoryShortfall(status)}.`
          : `Not quorate: ${status.present} ${what}, ${status.required} needed${categoryShortfall(status)}.`,
  };
}

/** Whether the vote is held in a meeting now under way (presence counts) or between meetings. */
async function inMeeting(tx: Executor, groupId: string, meetingId: string | null) {
  if (!meetingId) return null;
  const meeting = await meetingsRepo.findMeeting(tx, groupId, meetingId);
  return meeting && phaseOf(meeting) === 'live' ? meeting.id : null;
}

export async function callFormalVote(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof callVoteBody }>,
  { deps, actor }: UseCaseScope,
) {
  const { proposal, people } = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'vote.call');
    const rules = await decisionRules(tx, access.group);
    if (!mayCallFormalTest([access.role ?? ''], rules.terms))
      throw forbidden(
        say(m.whoCallsVote, { roles: rules.terms.decisions.formalTestCalledBy.join(', ') }),
      );
    const row = await repo.findProposal(tx, groupId, proposalId, 'update');
    if (!row) throw notFound(NOT_FOUND.proposal);
    if (row.stage === 'draft' && rules.terms.decisions.consensusFirst)
      throw conflict(m.consensusFirst);
    if (!['draft', 'consensus', 'no_consensus'].includes(row.stage))
      throw conflict(row.stage === 'voting' ? m.voteAlreadyOpen : m.decidedOrWithdrawn);
    const closesAt = input.closesAt ? new Date(input.closesAt) : row.closesAt;
    if (closesAt && closesAt <= new Date()) throw invalid({ closesAt: m.inTheFuture });

    // An open consensus check closes with what its answers allow.
    const check = await repo.findCheck(tx, proposalId);
    if (check && !check.closedAt) {
      const answers = await repo.answersOf(tx, [proposalId]);
      await repo.closeCheck(tx, proposalId, consensusOutcome(countsOf(answers)).outcome);
    }
    const meetingId = await inMeeting(tx, groupId, row.meetingId);
    const people = await peopleNow(tx, groupId, rules, meetingId);
    const eligible = eligibleVoters(people, rules.terms);
    const voters = people.filter((p) => eligible.includes(p.id));
    const block = voteOpeningBlock(voters, meetingId ? people : voters, rules.terms);
    if (block) {
      const problem = voteBlockWords(block);
      throw invalid(
        { voters: problem },
        say(m.voteCannotOpen, { problem: (locale) => wordsIn(locale, problem) }),
      );
    }
    const quorum = meetingId
      ? quorumView(quorumStatus(people, rules.terms), 'present')
      : quorumView(ballotQuorum(people, rules.terms, null), 'ballots');
    await repo.insertVote(
      tx,
      {
        proposalId,
        meetingId,
        calledBy: access.actor.userId,
        closesAt,
        secret: rules.terms.decisions.ballot.secret,
        mayChange: rules.terms.decisions.ballot.mayChangeBeforeClose,
        eligibleCount: eligible.length,
        quorumAtOpening: quorum,
      },
      eligible,
    );
    await repo.updateProposal(tx, proposalId, { stage: 'voting' });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'vote.called',
      subjectType: 'proposal',
      subjectId: proposalId,
      detail: { eligible: eligible.length, meetingId, closesAt: closesAt?.toISOString() ?? null },
    });
    return { proposal: row, people };
  });
  await announce(deps, { type: 'vote', groupId, meetingId: proposal.meetingId, proposalId });
  return proposalAsSeen({ groupId, proposalId }, { deps, actor }, people);
}

/**
 * The proposal as the caller now sees it (what getProposal answers), with the
 * group's people as the use case already computed them rather than again.
 */
async function proposalAsSeen(
  { groupId, proposalId }: { groupId: string; proposalId: string },
  { deps, actor }: UseCaseScope,
  people: PeopleNow,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'proposal.view');
  const row = await repo.findProposal(deps.db, groupId, proposalId);
  if (!row) throw notFound(NOT_FOUND.proposal);
  const [presented] = await presentProposals(deps.db, access, [row], people);
  return presented!;
}

const hashReceipt = (receipt: string) => createHash('sha256').update(receipt).digest('hex');

async function ineligibleReason(
  tx: Executor,
  access: GroupAccess,
  rules: DecisionRules,
  openedAt: Date,
): Promise<Words> {
  const userId = access.actor.userId;
  const [status] = await listMembershipStatuses(
    tx,
    access.group.id,
    rules.membership,
    new Date(),
    userId,
  );
  const now = voterEligibility(
    { id: userId, status: status?.status ?? 'participant', roles: [access.role ?? 'participant'] },
    rules.terms,
  );
  const opened = openedAt.toISOString().slice(0, 10);
  if (!now.eligible) return mayNotVoteWords(now.why);
  return say(m.voterListFixed, { opened });
}

/**
 * A ballot is one statement (`repo.castBallot`, or `repo.changeBallot` with a
 * receipt) after the access check: no transaction waits on the server between
 * statements. Only a refusal for not being on the voter list reads more, to
 * say why.
 */
export async function castBallot(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof castBallotBody }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'vote.cast');
  const userId = access.actor.userId;
  const receipt = input.receipt ?? randomBytes(24).toString('base64url');
  const ballot = {
    groupId,
    proposalId,
    userId,
    choice: input.choice,
    receiptHash: hashReceipt(receipt),
    now: new Date(),
  };
  const answer = input.receipt
    ? await repo.changeBallot(deps.db, ballot)
    : await repo.castBallot(deps.db, ballot);
  if (!answer) throw notFound(NOT_FOUND.proposal);
  if (!answer.hasVote) throw conflict(m.noVote);
  if (!answer.open) throw conflict(m.voteClosed);
  if (input.receipt) {
    if (!answer.mayChange) throw conflict(m.ballotFixed);
    if (!answer.done) throw invalid({ receipt: m.receiptUnknown });
  } else {
    if (!answer.eligible) {
      const rules = await decisionRules(deps.db, access.group);
      throw forbidden(
        await ineligibleReason(deps.db, access, rules, answer.openedAt ?? new Date()),
      );
    }
    if (!answer.done) throw conflict(answer.mayChange ? m.alreadyVoted : m.alreadyVotedForGood);
  }
  await announce(deps, { type: 'vote', groupId, meetingId: answer.meetingId, proposalId });
  return {
    choice: input.choice,
    receipt: answer.mayChange ? receipt : null,
    changed: Boolean(input.receipt),
  };
}

/**
 * Closes a vote (a chair, or its closing time) and records the decision.
 * Closing twice changes nothing. A tie is recorded as a tie. Where the ToR
 * gives the chair a casting vote, the chair may give it with the close (used
 * only if the vote turns out tied), or else the tie waits, undecided, until
 * the chair closes it again with one; the record then says it was tied and
 * decided by the chair's casting vote.
 */
export async function closeVote(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof closeVoteBody }>,
  { deps, actor }: UseCaseScope,
) {
  const { proposal, people } = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'vote.close');
    return finishVote(tx, access.actor.userId, access.group, proposalId, input.castingVote);
  });
  await announce(deps, {
    type: 'decision',
    groupId,
    meetingId: proposal.meetingId,
    proposalId,
  });
  return people
    ? proposalAsSeen({ groupId, proposalId }, { deps, actor }, people)
    : getProposal({ groupId, proposalId }, { deps, actor });
}

/**
 * Closes the vote and records the decision; answers the proposal and, when it
 * worked them out, the group's people now.
 */
async function finishVote(
  tx: Executor,
  actorId: string | null,
  group: GroupAccess['group'],
  proposalId: string,
  castingVote: 'yes' | 'no' | undefined,
) {
  const groupId = group.id;
  const rules = await decisionRules(tx, group);
  const proposal = await repo.findProposal(tx, groupId, proposalId, 'update');
  if (!proposal) throw notFound(NOT_FOUND.proposal);
  const vote = await repo.findVote(tx, proposalId, 'update');
  if (!vote) throw conflict(m.noVote);
  if (castingVote && rules.terms.decisions.castingVote === 'none')
    throw invalid({ castingVote: m.noCastingVoteField }, m.noCastingVote);
  if (proposal.stage === 'decided') return { proposal, people: null };
  if (vote.closedAt && (vote.outcome !== 'tied' || !castingVote)) return { proposal, people: null };

  const ballots = await repo.countBallots(tx, proposalId);
  const voted = ballots.yes + ballots.no + ballots.abstain;
  // Membership is worked out once: with presence at the vote's meeting, or without.
  const people = vote.meetingId ? await peopleNow(tx, groupId, rules, vote.meetingId) : null;
  const everyone = people ?? (await peopleNow(tx, groupId, rules, null));
  const quorum = people
    ? quorumView(quorumStatus(people, rules.terms), 'present')
    : quorumView(
        ballotQuorum(everyone, rules.terms, {
          required: (vote.quorumAtOpening as QuorumView).required,
          cast: voted,
          voterIds: new Set(await repo.participantIds(tx, proposalId)),
        }),
        'ballots',
      );
  const presentEligible = people
    ? people.filter((p) => p.presence === 'in_person' || p.presence === 'online').length
    : vote.eligibleCount;
  const tally = {
    ...ballots,
    eligible: vote.eligibleCount,
    present: Math.min(presentEligible, vote.eligibleCount),
  };
  const closing = !vote.closedAt;
  if (!quorum.met) {
    await repo.closeVote(tx, proposalId, {
      outcome: 'no_quorum',
      quorumAtClosing: quorum,
      castingVote: null,
    });
    await recordDecision(tx, {
      proposal,
      rules,
      actorId,
      finalText: proposal.text,
      agreed: false,
      method: 'vote',
      summary: `Not decided: the vote was not quorate (${quorum.explanation})`,
      tally: { ...ballots, eligible: vote.eligibleCount, voted },
    });
    return { proposal, people: everyone };
  }
  const result = voteOutcome(tally, rules.terms, castingVote);
  // A casting vote given at the close is used only if the vote is tied.
  const cast = result.decidedByCastingVote ? (castingVote ?? null) : null;
  if (closing) {
    await repo.closeVote(tx, proposalId, {
      outcome: result.outcome,
      quorumAtClosing: quorum,
      castingVote: cast,
    });
  } else {
    await repo.setVoteOutcome(tx, proposalId, result.outcome, cast);
  }
  await writeAudit(tx, {
    actorId,
    groupId,
    action: closing ? 'vote.closed' : 'vote.casting_vote',
    subjectType: 'proposal',
    subjectId: proposalId,
    detail: { tally, outcome: result.outcome, tied: result.tied, castingVote: cast },
  });
  if (result.castingVoteDue) return { proposal, people: everyone };
  await recordDecision(tx, {
    proposal,
    rules,
    actorId,
    finalText: proposal.text,
    agreed: result.outcome === 'carried',
    tied: result.tied,
    castingVote: cast === 'yes' ? 'for' : cast === 'no' ? 'against' : null,
    method: 'vote',
    summary: voteSummary(result),
    tally: { ...ballots, eligible: vote.eligibleCount, voted },
  });
  return { proposal, people: everyone };
}

/** The decision record's summary of a vote: a tie says it was tied, and how it was then decided. */
function voteSummary(result: ReturnType<typeof voteOutcome>): string {
  if (result.decidedByCastingVote)
    return `Tied; decided by the chair's casting vote: ${result.outcome === 'carried' ? 'carried' : 'not carried'} (${result.reason}).`;
  if (result.outcome === 'tied') return `Tied, so not agreed: ${result.reason}.`;
  return `${result.outcome === 'carried' ? 'Carried' : 'Not carried'} by a formal vote: ${result.reason}.`;
}

/** Closes votes whose closing time has passed. Safe in every instance. */
export async function closeDueVotes(deps: Deps, now = new Date()): Promise<number> {
  let closed = 0;
  for (const due of await repo.votesPastClosing(deps.db, now)) {
    const proposal = await deps.db.transaction(async (tx) => {
      const found = await findGroupFor(tx, due.groupId, null);
      if (!found) return null;
      return (await finishVote(tx, null, found.group, due.proposalId, undefined)).proposal;
    });
    if (proposal) {
      closed++;
      await announce(deps, {
        type: 'decision',
        groupId: due.groupId,
        meetingId: proposal.meetingId,
        proposalId: due.proposalId,
      });
    }
  }
  return closed;
}
