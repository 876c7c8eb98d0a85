/**
 * "Information shared for the process should not be shared outside the group
 * unless specifically agreed by the group." Everything is the group's alone
 * until released: to its public page, or to linked groups, only as the group
 * agreed in a release proposal naming the item and the audience (see
 * authorisations.ts), once. Withdrawing goes the same way. A release to a
 * linked group is an offer its chairs accept or decline. The public page
 * shows released items and nothing else.
 */
import type { Actor } from '../../access.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { conflict, invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { m } from './releases.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { findPublicPageSettings } from '../groups/join-requests.repository.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import { requireAuthorisation, useAuthorisation } from './authorisations.ts';
import { notReleasable, readItem, type ItemType } from './items.ts';
import { requireLinked } from './links.service.ts';
import * as repo from './releases.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  publicGroupParams,
  releaseBody,
  releaseParams,
  withdrawBody,
} from '../../../contracts/notes.ts';
import type { answerOfferBody, offerParams } from '../../../contracts/releases.ts';
import type { UseCaseInput } from '../../endpoints.ts';

function presentRelease(r: repo.ReleaseRow) {
  return {
    id: r.id,
    itemType: r.itemType as ItemType,
    itemId: r.itemId,
    audience: r.audience as 'public' | 'groups',
    groupIds: r.groupIds,
    decisionId: r.decisionId,
    agreedAtMeeting: r.agreedAtMeeting,
    releasedAt: r.releasedAt.toISOString(),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  };
}

export async function releaseItem(
  { groupId, ...input }: UseCaseInput<{ params: typeof groupParams; body: typeof releaseBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'release.manage');
    if (!(await readItem(tx, groupId, input.itemType, input.itemId)))
      throw invalid({ itemId: notReleasable(input.itemType) });
    const groupIds = input.audience === 'groups' ? [...new Set(input.groupIds)] : [];
    if (input.audience === 'groups' && groupIds.length === 0)
      throw invalid({ groupIds: m.nameGroups });
    await requireLinked(tx, groupId, groupIds, 'groupIds');
    const authorisation = await requireAuthorisation(tx, access, input, {
      action: 'release',
      itemType: input.itemType,
      itemId: input.itemId,
      audience: input.audience,
      groupIds,
    });
    const row = await repo.insertRelease(tx, {
      groupId,
      itemType: input.itemType,
      itemId: input.itemId,
      audience: input.audience,
      groupIds,
      decisionId: input.decisionId ?? null,
      agreedAtMeeting: input.agreedAtMeeting ?? null,
      recordedBy: access.actor.userId,
    });
    if (!row) throw conflict(m.alreadyReleased);
    await useAuthorisation(tx, authorisation, row.id);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'release.released',
      subjectType: input.itemType,
      subjectId: input.itemId,
      detail: {
        releaseId: row.id,
        audience: input.audience,
        groupIds,
        decisionId: input.decisionId ?? null,
        agreedAtMeeting: input.agreedAtMeeting ?? null,
        proposalId: authorisation.proposalId,
      },
    });
    // To other groups it is an offer: their chairs accept it, or not.
    await repo.insertOffers(tx, row.id, groupIds);
    for (const offeredTo of groupIds)
      await writeAudit(tx, {
        actorId: access.actor.userId,
        groupId,
        action: 'release.offered',
        subjectType: input.itemType,
        subjectId: input.itemId,
        detail: { releaseId: row.id, offeredTo },
      });
    return presentRelease(row);
  });
}

export async function withdrawRelease(
  {
    groupId,
    releaseId,
    ...input
  }: UseCaseInput<{ params: typeof releaseParams; body: typeof withdrawBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'release.manage');
    const row = await repo.findRelease(tx, groupId, releaseId);
    if (!row) throw notFound(NOT_FOUND.release);
    if (row.withdrawnAt) return presentRelease(row);
    const authorisation = await requireAuthorisation(tx, access, input, {
      action: 'withdraw',
      itemType: row.itemType as ItemType,
      itemId: row.itemId,
      audience: row.audience as 'public' | 'groups',
      groupIds: row.groupIds,
    });
    await useAuthorisation(tx, authorisation, row.id);
    const updated = await repo.withdraw(tx, releaseId, {
      withdrawnBy: access.actor.userId,
      withdrawDecisionId: input.decisionId ?? null,
      withdrawAgreedAtMeeting: input.agreedAtMeeting ?? null,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'release.withdrawn',
      subjectType: row.itemType as ItemType,
      subjectId: row.itemId,
      detail: {
        releaseId,
        decisionId: input.decisionId ?? null,
        agreedAtMeeting: input.agreedAtMeeting ?? null,
        proposalId: authorisation.proposalId,
      },
    });
    return presentRelease(updated);
  });
}

/** Public, or offered to a group of this reader's whose chair accepted it. */
function reaches(
  release: repo.ReleaseRow,
  accepted: Map<string, Set<string>>,
  mine: ReadonlySet<string>,
) {
  if (release.audience === 'public') return true;
  const to = accepted.get(release.id);
  return Boolean(to && [...to].some((g) => mine.has(g)));
}

/**
 * What the group released that reaches this reader: to everyone, and to a
 * signed-in reader, what it released to a linked group they are in. Null when
 * there is no such group.
 */
export async function releasedTo(deps: Deps, actor: Actor, groupId: string) {
  const group = await repo.groupRow(deps.db, groupId);
  if (!group) return null;
  const mine = actor ? await repo.groupsOf(deps.db, actor.userId) : new Set<string>();
  const current = await repo.currentReleases(deps.db, groupId);
  const accepted = await repo.acceptedOffers(
    deps.db,
    current.filter((r) => r.audience === 'groups').map((r) => r.id),
  );
  const visible = current.filter((r) => reaches(r, accepted, mine));
  const items = [];
  for (const r of visible) {
    const item = await readItem(deps.db, groupId, r.itemType as ItemType, r.itemId);
    if (item)
      items.push({
        releaseId: r.id,
        itemType: r.itemType as ItemType,
        ...item,
        fileUrl:
          r.itemType === 'paper' ? `/api/v1/public/groups/${groupId}/releases/${r.id}/file` : null,
      });
  }
  return { group, items, member: mine.has(groupId) };
}

/**
 * The group's public page: what it released to this reader (see releasedTo).
 * Every group has one from the start, unless its chairs unlisted it: then,
 * to anyone outside the group with nothing released to them, it answers
 * exactly like a group that does not exist. The group's own people also see
 * the list of releases.
 */
export async function listReleasedItems(
  { groupId }: UseCaseInput<{ params: typeof publicGroupParams }>,
  { deps, actor }: UseCaseScope,
) {
  const found = await releasedTo(deps, actor, groupId);
  const listed = found ? (await findPublicPageSettings(deps.db, groupId)).listed : false;
  if (!found || (!listed && found.items.length === 0 && !found.member)) {
    throw notFound(NOT_FOUND.group);
  }
  const { group, items, member } = found;
  return {
    group: { id: group.id, name: group.name, purpose: group.purpose },
    items,
    ...(member ? { releases: (await repo.allReleases(deps.db, groupId)).map(presentRelease) } : {}),
  };
}

/**
 * A released paper's file, for whoever the release reaches: everyone for a
 * public release, people in the named linked groups otherwise. A withdrawn
 * release, or one this reader is not given, answers like one that does not exist.
 */
export async function downloadReleasedPaper(
  deps: Deps,
  actor: Actor,
  groupId: string,
  releaseId: string,
) {
  const release = await repo.findCurrentRelease(deps.db, groupId, releaseId);
  const mine = actor ? await repo.groupsOf(deps.db, actor.userId) : new Set<string>();
  const accepted = release ? await repo.acceptedOffers(deps.db, [release.id]) : new Map();
  const paper =
    release?.itemType === 'paper' && reaches(release, accepted, mine)
      ? await meetingsRepo.findPaperFile(deps.db, groupId, release.itemId)
      : undefined;
  if (!paper) throw notFound(NOT_FOUND.file);
  return paper;
}

/** Offers of items released to this group by linked groups, for its chairs to accept or decline. */
export async function listReleaseOffers(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'releaseOffer.manage');
  const rows = await repo.offersTo(deps.db, groupId);
  const names = new Map(
    (await repo.groupsByIds(deps.db, [...new Set(rows.map((r) => r.release.groupId))])).map((g) => [
      g.id,
      g.name,
    ]),
  );
  const offers = [];
  for (const { offer, release } of rows) {
    const item = await readItem(
      deps.db,
      release.groupId,
      release.itemType as ItemType,
      release.itemId,
    );
    if (!item) continue;
    offers.push({
      releaseId: release.id,
      fromGroup: { id: release.groupId, name: names.get(release.groupId) ?? '' },
      itemType: release.itemType as ItemType,
      title: item.title,
      body: item.body,
      status: offer.status as 'offered' | 'accepted' | 'declined',
      offeredAt: offer.offeredAt.toISOString(),
    });
  }
  return { offers };
}

/** A chair of the receiving group accepts an offer (its people then see the item) or declines it. */
export async function answerReleaseOffer(
  {
    groupId,
    releaseId,
    answer,
  }: UseCaseInput<{ params: typeof offerParams; body: typeof answerOfferBody }>,
  { deps, actor }: UseCaseScope,
) {
  await deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'releaseOffer.manage');
    const found = await repo.findOffer(tx, groupId, releaseId);
    if (!found) throw notFound(NOT_FOUND.offer);
    const status = answer === 'accept' ? 'accepted' : 'declined';
    await repo.answerOffer(tx, groupId, releaseId, { status, answeredBy: access.actor.userId });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: answer === 'accept' ? 'releaseOffer.accepted' : 'releaseOffer.declined',
      subjectType: found.release.itemType as ItemType,
      subjectId: found.release.itemId,
      detail: { releaseId, fromGroupId: found.release.groupId },
    });
  });
  const { offers } = await listReleaseOffers({ groupId }, { deps, actor });
  const offer = offers.find((o) => o.releaseId === releaseId);
  if (!offer) throw notFound(NOT_FOUND.offer);
  return offer;
}
