/**
 * A release needs the group's agreement to release *that item* to *that
 * audience*: a release proposal names them, and agreeing it (by a recorded
 * decision, or where the ToR allows, at the meeting on whose agenda it was
 * raised) lets a chair do exactly that, once. A decision never authorises
 * its own release unless its proposal said so. Withdrawing goes the same way.
 */
import { phaseOf, type Terms } from '../../../policy/index.ts';
import type { Executor } from '../../deps.ts';
import { conflict, invalid, say } from '../../errors.ts';
import { FIELD } from '../../field-words.ts';
import { m as tm } from '../terms/terms.messages.ts';
import { m } from './releases.messages.ts';
import * as decisionsRepo from '../decisions/decisions.repository.ts';
import type { GroupAccess } from '../groups/group-access.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import { findInForce } from '../terms/terms.repository.ts';
import { notReleasable, readItem, type ItemType } from './items.ts';
import { requireLinked } from './links.service.ts';
import * as repo from './releases.repository.ts';

export type ReleaseRequest = {
  action: 'release' | 'withdraw';
  items: { itemType: ItemType; itemId: string }[];
  thisDecision: boolean;
  audience: 'public' | 'groups';
  groupIds: string[];
};

export type Authority = { decisionId?: string | undefined; agreedAtMeeting?: string | undefined };

/** What a chair asks to do, to be matched with what the group agreed. */
export type Wanted = {
  action: 'release' | 'withdraw';
  itemType: ItemType;
  itemId: string;
  audience: 'public' | 'groups';
  groupIds: readonly string[];
};

/** Checks a release proposal's request and records what agreeing it will authorise. */
export async function recordReleaseRequest(
  tx: Executor,
  groupId: string,
  proposalId: string,
  request: ReleaseRequest,
) {
  if (request.items.length === 0 && !request.thisDecision)
    throw invalid({ 'release.items': m.nameAnItem });
  if (request.action === 'withdraw' && request.thisDecision)
    throw invalid({ 'release.thisDecision': m.thisDecisionOnlyReleases });
  for (const [i, item] of request.items.entries())
    if (!(await readItem(tx, groupId, item.itemType, item.itemId)))
      throw invalid({ [`release.items.${i}.itemId`]: notReleasable(item.itemType) });
  const groupIds = request.audience === 'groups' ? [...new Set(request.groupIds)] : [];
  if (request.audience === 'groups' && groupIds.length === 0)
    throw invalid({ 'release.groupIds': m.nameGroups });
  await requireLinked(tx, groupId, groupIds, 'release.groupIds');
  const unique = new Map(request.items.map((i) => [`${i.itemType}:${i.itemId}`, i]));
  await repo.insertAuthorisations(tx, [
    ...[...unique.values()].map((i) => ({
      proposalId,
      groupId,
      action: request.action,
      itemType: i.itemType,
      itemId: i.itemId,
      audience: request.audience,
      groupIds,
    })),
    ...(request.thisDecision
      ? [
          {
            proposalId,
            groupId,
            action: 'release' as const,
            itemType: 'decision' as const,
            itemId: null,
            audience: request.audience,
            groupIds,
          },
        ]
      : []),
  ]);
}

/** Release proposals as shown on the proposal. */
export async function releaseRequestViews(db: Executor, proposalIds: readonly string[]) {
  const by = new Map<
    string,
    {
      action: 'release' | 'withdraw';
      audience: 'public' | 'groups';
      groupIds: string[];
      items: { itemType: ItemType; itemId: string | null; used: boolean }[];
    }
  >();
  for (const a of await repo.authorisationsOf(db, proposalIds)) {
    const view = by.get(a.proposalId) ?? {
      action: a.action as 'release' | 'withdraw',
      audience: a.audience as 'public' | 'groups',
      groupIds: a.groupIds,
      items: [],
    };
    view.items.push({
      itemType: a.itemType as ItemType,
      itemId: a.itemId,
      used: a.usedAt !== null,
    });
    by.set(a.proposalId, view);
  }
  return by;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** The proposals whose agreement the authority stands for. */
async function agreedProposals(
  tx: Executor,
  access: GroupAccess,
  input: Authority,
): Promise<{ proposalIds: string[]; field: 'decisionId' | 'agreedAtMeeting' }> {
  if (Boolean(input.decisionId) === Boolean(input.agreedAtMeeting))
    throw invalid({ decisionId: m.nameDecision }, m.needsAgreement);
  const groupId = access.group.id;
  if (input.decisionId) {
    const decision = await decisionsRepo.findDecision(tx, groupId, input.decisionId);
    if (!decision) throw invalid({ decisionId: FIELD.notDecisionOfGroup });
    if (decision.outcome !== 'agreed') throw invalid({ decisionId: tm.notAgreed });
    return { proposalIds: decision.proposalId ? [decision.proposalId] : [], field: 'decisionId' };
  }
  const inForce = await findInForce(tx, groupId);
  const terms = inForce?.document as Terms | undefined;
  if (!terms?.confidentiality.chairMayRecordAgreement)
    throw invalid({ agreedAtMeeting: m.decisionOnly });
  const meeting = await meetingsRepo.findMeeting(tx, groupId, input.agreedAtMeeting!);
  if (!meeting || meeting.status === 'cancelled' || phaseOf(meeting) === 'upcoming')
    throw invalid({ agreedAtMeeting: FIELD.pastMeetingOfGroup });
  // On that meeting's agenda: raised on the meeting before it ended, and not
  // since withdrawn, or tested and not agreed.
  const raised = await decisionsRepo.listProposals(tx, groupId, meeting.id);
  const notAgreed = new Set(
    (await decisionsRepo.listDecisions(tx, groupId))
      .filter((d) => d.outcome !== 'agreed' && d.proposalId)
      .map((d) => d.proposalId!),
  );
  const proposalIds = raised
    .filter(
      (p) =>
        p.createdAt <= meeting.endsAt &&
        !['withdrawn', 'no_consensus', 'voting'].includes(p.stage) &&
        !notAgreed.has(p.id),
    )
    .map((p) => p.id);
  return { proposalIds, field: 'agreedAtMeeting' };
}

/**
 * The unused authorisation that lets this chair do what they ask, under the
 * authority they name; refused with the field at fault otherwise.
 */
export async function requireAuthorisation(
  tx: Executor,
  access: GroupAccess,
  input: Authority,
  wanted: Wanted,
): Promise<repo.AuthorisationRow> {
  const { proposalIds, field } = await agreedProposals(tx, access, input);
  const candidates = (await repo.authorisationsOf(tx, proposalIds)).filter(
    (a) => a.action === wanted.action && a.itemType === wanted.itemType,
  );
  // "This decision" is the decision recording that same proposal (or its correction).
  const releasedDecision =
    wanted.itemType === 'decision' && candidates.some((a) => a.itemId === null)
      ? await decisionsRepo.findDecision(tx, access.group.id, wanted.itemId)
      : undefined;
  const matching = candidates.filter(
    (a) =>
      (a.itemId === wanted.itemId ||
        (a.itemId === null && releasedDecision?.proposalId === a.proposalId)) &&
      a.audience === wanted.audience &&
      (wanted.action === 'withdraw' || sameSet(a.groupIds, wanted.groupIds)),
  );
  const unused = matching.find((a) => a.usedAt === null);
  if (unused) return unused;
  const action = { action: wanted.action };
  if (matching.length > 0)
    throw conflict(say(m.agreementUsed, action), {
      [field]: say(m.agreementUsedField, action),
    });
  throw invalid(
    {
      [field]: field === 'decisionId' ? say(m.decisionDidNotAgree, action) : m.notOnAgenda,
    },
    say(m.groupAgreesEach, action),
  );
}

/** Uses the authorisation up, inside the release's transaction. */
export async function useAuthorisation(tx: Executor, a: repo.AuthorisationRow, releaseId: string) {
  if (!(await repo.consumeAuthorisation(tx, a.id, releaseId))) throw conflict(m.justUsed);
}
