/**
 * Links between groups. A group may release to a group it is linked to: its
 * steering group or working groups, sibling working groups of one steering
 * group, or a group linked by both chairs (a chair of one asks, a chair of the
 * other accepts; either can remove the link). Asking to link with a group
 * that does not exist is kept exactly like asking one that does, so a chair
 * learns nothing about groups they are not in until the other side accepts.
 */
import type { Executor, UseCaseScope } from '../../deps.ts';
import { invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { m } from './releases.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import * as repo from './releases.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type { linkParams, proposeLinkBody } from '../../../contracts/releases.ts';
import type { UseCaseInput } from '../../endpoints.ts';

type Via = 'steering' | 'sibling' | 'link';

/** How `groupId` is linked to `otherId`, or null: missing groups are simply not linked. */
export async function linkBetween(
  db: Executor,
  groupId: string,
  otherId: string,
): Promise<Via | null> {
  if (groupId === otherId) return null;
  const [a, b] = await Promise.all([repo.groupRow(db, groupId), repo.groupRow(db, otherId)]);
  if (!a || !b) return null;
  if (a.parentId === b.id || b.parentId === a.id) return 'steering';
  if (a.parentId && a.parentId === b.parentId) return 'sibling';
  return (await repo.agreedLinkBetween(db, groupId, otherId)) ? 'link' : null;
}

/**
 * Checks each named group is linked to this one. An unlinked group and a
 * group that does not exist get the same answer, word for word.
 */
export async function requireLinked(
  db: Executor,
  groupId: string,
  groupIds: readonly string[],
  field: string,
) {
  for (const [i, other] of groupIds.entries())
    if (!(await linkBetween(db, groupId, other)))
      throw invalid({ [`${field}.${i}`]: m.notLinked }, m.linkedOnly);
}

async function presentLinks(db: Executor, groupId: string, rows: repo.LinkRow[]) {
  const others = rows.map((r) => (r.groupId === groupId ? r.otherGroupId : r.groupId));
  const names = new Map((await repo.groupsByIds(db, others)).map((g) => [g.id, g.name]));
  return rows.map((r) => {
    const outgoing = r.groupId === groupId;
    const otherGroupId = outgoing ? r.otherGroupId : r.groupId;
    const linked = r.acceptedAt !== null;
    return {
      id: r.id,
      direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
      otherGroupId,
      // A request this group made names no one until it is accepted: it may
      // name a group that does not exist.
      otherGroupName: linked || !outgoing ? (names.get(otherGroupId) ?? null) : null,
      status: linked ? ('linked' as const) : ('requested' as const),
      proposedAt: r.proposedAt.toISOString(),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
    };
  });
}

export async function listGroupLinks(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'groupLink.manage');
  const group = access.group;
  const family = [
    ...(group.parentId ? await repo.groupsByIds(deps.db, [group.parentId]) : []).map((g) => ({
      g,
      via: 'steering' as const,
    })),
    ...(await repo.childrenOf(deps.db, groupId)).map((g) => ({ g, via: 'steering' as const })),
    ...(group.parentId ? await repo.childrenOf(deps.db, group.parentId) : [])
      .filter((g) => g.id !== groupId)
      .map((g) => ({ g, via: 'sibling' as const })),
  ];
  const rows = await repo.linksOf(deps.db, groupId);
  const links = await presentLinks(deps.db, groupId, rows);
  const seen = new Set(family.map((f) => f.g.id));
  const linked = family.map((f) => ({ groupId: f.g.id, name: f.g.name, via: f.via as Via }));
  for (const l of links)
    if (l.status === 'linked' && l.otherGroupName !== null && !seen.has(l.otherGroupId)) {
      seen.add(l.otherGroupId);
      linked.push({ groupId: l.otherGroupId, name: l.otherGroupName, via: 'link' });
    }
  return { linked, links };
}

export async function proposeGroupLink(
  {
    groupId,
    otherGroupId,
  }: UseCaseInput<{ params: typeof groupParams; body: typeof proposeLinkBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'groupLink.manage');
    if (otherGroupId === groupId) throw invalid({ otherGroupId: m.itself });
    const existing = (await repo.linksOf(tx, groupId)).find(
      (r) => r.groupId === groupId && r.otherGroupId === otherGroupId,
    );
    const row =
      existing ??
      (await repo.insertLink(tx, { groupId, otherGroupId, proposedBy: access.actor.userId }));
    if (!existing)
      await writeAudit(tx, {
        actorId: access.actor.userId,
        groupId,
        action: 'groupLink.requested',
        subjectType: 'group_link',
        subjectId: row.id,
        detail: { otherGroupId },
      });
    const [presented] = await presentLinks(tx, groupId, [row]);
    return presented!;
  });
}

export async function acceptGroupLink(
  { groupId, linkId }: UseCaseInput<{ params: typeof linkParams }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'groupLink.manage');
    const row = await repo.findLink(tx, groupId, linkId);
    // Only the group that was asked accepts.
    if (!row || row.otherGroupId !== groupId) throw notFound(NOT_FOUND.linkRequest);
    const accepted = row.acceptedAt ? row : await repo.acceptLink(tx, linkId, access.actor.userId);
    if (!row.acceptedAt)
      await writeAudit(tx, {
        actorId: access.actor.userId,
        groupId,
        action: 'groupLink.accepted',
        subjectType: 'group_link',
        subjectId: linkId,
        detail: { otherGroupId: row.groupId, proposedBy: row.proposedBy },
      });
    const [presented] = await presentLinks(tx, groupId, [accepted]);
    return presented!;
  });
}

/** Either side removes a link, or declines or takes back a request. */
export async function removeGroupLink(
  { groupId, linkId }: UseCaseInput<{ params: typeof linkParams }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'groupLink.manage');
    const row = await repo.findLink(tx, groupId, linkId);
    if (!row) throw notFound(NOT_FOUND.link);
    await repo.deleteLink(tx, linkId);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'groupLink.removed',
      subjectType: 'group_link',
      subjectId: linkId,
      detail: {
        otherGroupId: row.groupId === groupId ? row.otherGroupId : row.groupId,
        wasAgreed: row.acceptedAt !== null,
      },
    });
    return { ok: true as const };
  });
}
