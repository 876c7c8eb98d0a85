/**
 * Proposals: raised on a meeting's agenda or between meetings with a closing
 * time, and editable until the consensus check opens.
 */
import type { UseCaseScope } from '../../deps.ts';
import { conflict, invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { m } from './decisions.messages.ts';
import { FIELD } from '../../field-words.ts';
import { changedFields } from '../audit/audit-events.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess, requireOwnOrAnyones } from '../groups/group-access.ts';
import { rulesFor } from '../meetings/group-terms.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import { recordReleaseRequest } from '../releases/authorisations.ts';
import { presentProposals } from './context.ts';
import * as repo from './decisions.repository.ts';
import { announce } from './live.ts';
import type {
  createProposalBody,
  listProposalsQuery,
  proposalParams,
  updateProposalBody,
} from '../../../contracts/decisions.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type { UseCaseInput } from '../../endpoints.ts';

export async function listProposals(
  {
    groupId,
    meetingId,
  }: UseCaseInput<{ params: typeof groupParams; query: typeof listProposalsQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'proposal.view');
  const rows = await repo.listProposals(deps.db, groupId, meetingId);
  return { proposals: await presentProposals(deps.db, access, rows) };
}

export async function getProposal(
  { groupId, proposalId }: UseCaseInput<{ params: typeof proposalParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'proposal.view');
  const row = await repo.findProposal(deps.db, groupId, proposalId);
  if (!row) throw notFound(NOT_FOUND.proposal);
  const [presented] = await presentProposals(deps.db, access, [row]);
  return presented!;
}

function checkRemit(
  remitKey: string | null | undefined,
  areas: readonly { key: string }[] | undefined,
) {
  if (remitKey && areas && !areas.some((a) => a.key === remitKey))
    throw invalid({ remitKey: m.notInScope });
}

export async function createProposal(
  {
    groupId,
    ...input
  }: UseCaseInput<{ params: typeof groupParams; body: typeof createProposalBody }>,
  { deps, actor }: UseCaseScope,
) {
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (closesAt && closesAt <= new Date()) throw invalid({ closesAt: m.inTheFuture });
  const created = await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'proposal.create');
    const rules = await rulesFor(tx, access.group);
    checkRemit(input.remitKey, rules.terms?.remit.inScope);
    if (input.meetingId) {
      const meeting = await meetingsRepo.findMeeting(tx, groupId, input.meetingId);
      if (!meeting) throw invalid({ meetingId: FIELD.notMeetingOfGroup });
      if (meeting.status === 'cancelled') throw invalid({ meetingId: m.meetingCancelled });
    } else if (!closesAt) {
      throw invalid({ closesAt: m.needsClosingTime });
    }
    const row = await repo.insertProposal(tx, {
      groupId,
      meetingId: input.meetingId ?? null,
      title: input.title,
      text: input.text,
      remitKey: input.remitKey ?? null,
      closesAt,
      createdBy: access.actor.userId,
    });
    if (input.release) await recordReleaseRequest(tx, groupId, row.id, input.release);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'proposal.created',
      subjectType: 'proposal',
      subjectId: row.id,
      detail: { title: row.title, meetingId: row.meetingId, release: input.release ?? null },
    });
    return row;
  });
  await announce(deps, {
    type: 'consensus',
    groupId,
    meetingId: created.meetingId,
    proposalId: created.id,
  });
  return getProposal({ groupId, proposalId: created.id }, { deps, actor });
}

export async function updateProposal(
  {
    groupId,
    proposalId,
    ...input
  }: UseCaseInput<{ params: typeof proposalParams; body: typeof updateProposalBody }>,
  { deps, actor }: UseCaseScope,
) {
  await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'proposal.edit');
    const row = await repo.findProposal(tx, groupId, proposalId, 'update');
    if (!row) throw notFound(NOT_FOUND.proposal);
    requireOwnOrAnyones(access, 'proposal.edit', row.createdBy, m.raiserOrChair);
    if (input.withdrawn) {
      if (row.stage === 'decided' || row.stage === 'voting') throw conflict(m.cannotWithdraw);
    } else if (row.stage !== 'draft') {
      throw conflict(m.noLongerEditable);
    }
    const rules = await rulesFor(tx, access.group);
    checkRemit(input.remitKey, rules.terms?.remit.inScope);
    if (input.closesAt && new Date(input.closesAt) <= new Date())
      throw invalid({ closesAt: m.inTheFuture });
    await repo.updateProposal(tx, proposalId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.remitKey !== undefined ? { remitKey: input.remitKey } : {}),
      ...(input.closesAt !== undefined
        ? { closesAt: input.closesAt ? new Date(input.closesAt) : null }
        : {}),
      ...(input.withdrawn ? { stage: 'withdrawn' } : {}),
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: input.withdrawn ? 'proposal.withdrawn' : 'proposal.updated',
      subjectType: 'proposal',
      subjectId: proposalId,
      detail: { changed: changedFields(input) },
    });
  });
  await announce(deps, { type: 'consensus', groupId, proposalId });
  return getProposal({ groupId, proposalId }, { deps, actor });
}
