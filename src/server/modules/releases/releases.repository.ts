import { and, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import {
  groupLinks,
  groupPeople,
  groups,
  releaseAuthorisations,
  releaseOffers,
  releases,
} from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export type ReleaseRow = typeof releases.$inferSelect;

export async function insertRelease(db: Executor, values: typeof releases.$inferInsert) {
  const [row] = await db.insert(releases).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRelease(db: Executor, groupId: string, releaseId: string) {
  const [row] = await db
    .select()
    .from(releases)
    .where(and(eq(releases.id, releaseId), eq(releases.groupId, groupId)))
    .for('update');
  return row;
}

export async function withdraw(
  db: Executor,
  releaseId: string,
  values: {
    withdrawnBy: string;
    withdrawDecisionId: string | null;
    withdrawAgreedAtMeeting: string | null;
  },
) {
  const [row] = await db
    .update(releases)
    .set({ ...values, withdrawnAt: new Date() })
    .where(eq(releases.id, releaseId))
    .returning();
  if (!row) throw new Error('release vanished inside its transaction');
  return row;
}

export async function currentReleases(db: Executor, groupId: string) {
  return db
    .select()
    .from(releases)
    .where(and(eq(releases.groupId, groupId), isNull(releases.withdrawnAt)))
    .orderBy(desc(releases.releasedAt));
}

export async function allReleases(db: Executor, groupId: string) {
  return db
    .select()
    .from(releases)
    .where(eq(releases.groupId, groupId))
    .orderBy(desc(releases.releasedAt));
}

export async function groupRow(db: Executor, groupId: string) {
  const [row] = await db.select().from(groups).where(eq(groups.id, groupId));
  return row;
}

/** A release that has not been withdrawn, read without locking (for readers outside the group). */
export async function findCurrentRelease(db: Executor, groupId: string, releaseId: string) {
  const [row] = await db
    .select()
    .from(releases)
    .where(
      and(eq(releases.id, releaseId), eq(releases.groupId, groupId), isNull(releases.withdrawnAt)),
    );
  return row;
}

export async function groupsOf(db: Executor, userId: string) {
  const rows = await db
    .select({ groupId: groupPeople.groupId })
    .from(groupPeople)
    .where(eq(groupPeople.userId, userId));
  return new Set(rows.map((r) => r.groupId));
}

export type AuthorisationRow = typeof releaseAuthorisations.$inferSelect;

export async function insertAuthorisations(
  db: Executor,
  rows: (typeof releaseAuthorisations.$inferInsert)[],
) {
  if (rows.length > 0) await db.insert(releaseAuthorisations).values(rows);
}

export async function authorisationsOf(db: Executor, proposalIds: readonly string[]) {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(releaseAuthorisations)
    .where(inArray(releaseAuthorisations.proposalId, [...proposalIds]));
}

/** Uses an authorisation up; undefined if it was already used (by a concurrent request). */
export async function consumeAuthorisation(db: Executor, id: string, releaseId: string) {
  const [row] = await db
    .update(releaseAuthorisations)
    .set({ usedAt: new Date(), releaseId })
    .where(and(eq(releaseAuthorisations.id, id), isNull(releaseAuthorisations.usedAt)))
    .returning();
  return row;
}

export type LinkRow = typeof groupLinks.$inferSelect;

export async function insertLink(db: Executor, values: typeof groupLinks.$inferInsert) {
  const [row] = await db.insert(groupLinks).values(values).returning();
  return row!;
}

/** The links and requests a group is part of, either side. */
export async function linksOf(db: Executor, groupId: string) {
  return db
    .select()
    .from(groupLinks)
    .where(or(eq(groupLinks.groupId, groupId), eq(groupLinks.otherGroupId, groupId)))
    .orderBy(desc(groupLinks.proposedAt));
}

export async function findLink(db: Executor, groupId: string, linkId: string) {
  const [row] = await db
    .select()
    .from(groupLinks)
    .where(
      and(
        eq(groupLinks.id, linkId),
        or(eq(groupLinks.groupId, groupId), eq(groupLinks.otherGroupId, groupId)),
      ),
    )
    .for('update');
  return row;
}

export async function acceptLink(db: Executor, linkId: string, userId: string) {
  const [row] = await db
    .update(groupLinks)
    .set({ acceptedBy: userId, acceptedAt: new Date() })
    .where(eq(groupLinks.id, linkId))
    .returning();
  return row!;
}

export async function deleteLink(db: Executor, linkId: string) {
  await db.delete(groupLinks).where(eq(groupLinks.id, linkId));
}

export async function agreedLinkBetween(db: Executor, a: string, b: string) {
  const [row] = await db
    .select({ id: groupLinks.id })
    .from(groupLinks)
    .where(
      and(
        isNotNull(groupLinks.acceptedAt),
        or(
          and(eq(groupLinks.groupId, a), eq(groupLinks.otherGroupId, b)),
          and(eq(groupLinks.groupId, b), eq(groupLinks.otherGroupId, a)),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function groupsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(groups)
    .where(inArray(groups.id, [...ids]));
}

export async function childrenOf(db: Executor, parentId: string) {
  return db.select().from(groups).where(eq(groups.parentId, parentId));
}

export type OfferRow = typeof releaseOffers.$inferSelect;

export async function insertOffers(db: Executor, releaseId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return;
  await db
    .insert(releaseOffers)
    .values(groupIds.map((groupId) => ({ releaseId, groupId })))
    .onConflictDoNothing();
}

/** Offers made to a group by releases that are still current. */
export async function offersTo(db: Executor, groupId: string) {
  return db
    .select({ offer: releaseOffers, release: releases })
    .from(releaseOffers)
    .innerJoin(releases, eq(releases.id, releaseOffers.releaseId))
    .where(and(eq(releaseOffers.groupId, groupId), isNull(releases.withdrawnAt)))
    .orderBy(desc(releaseOffers.offeredAt));
}

export async function findOffer(db: Executor, groupId: string, releaseId: string) {
  const [row] = await db
    .select({ offer: releaseOffers, release: releases })
    .from(releaseOffers)
    .innerJoin(releases, eq(releases.id, releaseOffers.releaseId))
    .where(
      and(
        eq(releaseOffers.groupId, groupId),
        eq(releaseOffers.releaseId, releaseId),
        isNull(releases.withdrawnAt),
      ),
    )
    .for('update', { of: releaseOffers });
  return row;
}

export async function answerOffer(
  db: Executor,
  groupId: string,
  releaseId: string,
  values: { status: 'accepted' | 'declined'; answeredBy: string },
) {
  const [row] = await db
    .update(releaseOffers)
    .set({ ...values, answeredAt: new Date() })
    .where(and(eq(releaseOffers.groupId, groupId), eq(releaseOffers.releaseId, releaseId)))
    .returning();
  return row!;
}

/** For each release, the groups whose chairs accepted it. */
export async function acceptedOffers(db: Executor, releaseIds: readonly string[]) {
  const by = new Map<string, Set<string>>();
  if (releaseIds.length === 0) return by;
  const rows = await db
    .select({ releaseId: releaseOffers.releaseId, groupId: releaseOffers.groupId })
    .from(releaseOffers)
    .where(
      and(inArray(releaseOffers.releaseId, [...releaseIds]), eq(releaseOffers.status, 'accepted')),
    );
  for (const r of rows) by.set(r.releaseId, (by.get(r.releaseId) ?? new Set()).add(r.groupId));
  return by;
}
