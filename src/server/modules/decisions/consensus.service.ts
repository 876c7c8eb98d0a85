/**
 * "Our way of working intends to form resolutions by consensus": a consensus
 * check on a proposal. In a meeting those present answer; between meetings,
 * everyone taking part. Who answered is kept apart from what was answered:
 * the answer rows carry no person and no time.
 */
import type { UseCaseScope } from '../../deps.ts';
import { conflict, forbidden, notFound, NOT_FOUND, say } from '../../errors.ts';
import { m } from './decisions.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import { consensusOutcome } from '../../../policy/index.ts';
import { countsOf, decisionRules, scopeFor } from './context.ts';
import * as repo from './decisions.repository.ts';
import { announce } from './live.ts';
import { getProposal } from './proposals.service.ts';
import { recordDecision } from './record.ts';
import type {
  answerBody,
  closeConsensusBody,
  proposalParams,
} from '../../../contracts/decisions.ts';
import type { UseCaseInput } from '../../endpoints.ts';

export async function openConsensusCheck(
  { groupId, proposalId }: UseCaseInput<{ params: typeof proposalParams }>,
  { deps, actor }: UseCaseScope,
) {
  const proposal = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'consensus.run');
    await decisionRules(tx, access.group);
    const row = await repo.findProposal(tx, groupId, proposalId, 'update');
    if (!row) throw notFound(NOT_FOUND.proposal);
    if (row.stage !== 'draft')
      throw conflict(row.stage === 'withdrawn' ? m.withdrawn : m.checkAlreadyOpen);
    const scope = await scopeFor(tx, groupId, row);
    await repo.insertCheck(tx, { proposalId, scope, openedBy: access.actor.userId });
    await repo.updateProposal(tx, proposalId, { stage: 'consensus' });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'consensus.opened',
      subjectType: 'proposal',
      subjectId: proposalId,
      detail: { scope },
    });
    return row;
  });
  await announce(deps, {
    type: 'consensus',
    groupId,
    meetingId: proposal.meetingId,
    proposalId,
  });
  return getProposal({ groupId, proposalId }, { deps, actor });
}

export async function answerConsensusCheck(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof answerBody }>,
  { deps, actor }: UseCaseScope,
) {
  const proposal = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'consensus.answer');
    const row = await repo.findProposal(tx, groupId, proposalId);
    if (!row) throw notFound(NOT_FOUND.proposal);
    const check = await repo.findCheck(tx, proposalId);
    if (!check) throw conflict(m.checkNotOpen);
    if (check.closedAt) throw conflict(m.checkClosed);
    if (row.closesAt && row.closesAt <= new Date()) throw conflict(m.answersClosed);
    if (check.scope === 'meeting' && row.meetingId) {
      const mine = await meetingsRepo.findAttendance(tx, row.meetingId, access.actor.userId);
      if (mine?.mark !== 'present_in_person' && mine?.mark !== 'present_online')
        throw forbidden(m.checkInFirst);
    }
    if (!(await repo.markAnswered(tx, proposalId, access.actor.userId)))
      throw conflict(m.alreadyAnswered);
    await repo.insertAnswer(tx, proposalId, input.answer, input.reason || null);
    return row;
  });
  await announce(deps, {
    type: 'consensus',
    groupId,
    meetingId: proposal.meetingId,
    proposalId,
  });
  return getProposal({ groupId, proposalId }, { deps, actor });
}

export async function closeConsensusCheck(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof closeConsensusBody }>,
  { deps, actor }: UseCaseScope,
) {
  const proposal = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'consensus.run');
    const rules = await decisionRules(tx, access.group);
    const row = await repo.findProposal(tx, groupId, proposalId, 'update');
    if (!row) throw notFound(NOT_FOUND.proposal);
    const check = await repo.findCheck(tx, proposalId);
    if (!check) throw conflict(m.checkNotOpen);
    if (check.closedAt) return row;
    const answers = await repo.answersOf(tx, [proposalId]);
    const allows = consensusOutcome(countsOf(answers));
    if (input.outcome === 'consensus' && allows.outcome === 'no_consensus') {
      const why = { why: allows.why, blocks: countsOf(answers).block };
      throw conflict(say(m.noConsensus, why), { outcome: say(m.cannotBeConsensus, why) });
    }
    const outcome = input.outcome === 'consensus' ? allows.outcome : 'no_consensus';
    await repo.closeCheck(tx, proposalId, outcome);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'consensus.closed',
      subjectType: 'proposal',
      subjectId: proposalId,
      detail: { outcome },
    });
    if (outcome === 'no_consensus') {
      await repo.updateProposal(tx, proposalId, { stage: 'no_consensus' });
      return row;
    }
    await recordDecision(tx, {
      proposal: row,
      rules,
      actorId: access.actor.userId,
      finalText: input.finalText ?? row.text,
      agreed: true,
      method: 'consensus',
      summary:
        outcome === 'consensus_with_concerns'
          ? `Agreed by consensus (${allows.reason}).`
          : 'Agreed by consensus.',
      tally: null,
    });
    return row;
  });
  await announce(deps, {
    type: 'decision',
    groupId,
    meetingId: proposal.meetingId,
    proposalId,
  });
  return getProposal({ groupId, proposalId }, { deps, actor });
}
