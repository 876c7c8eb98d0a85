import { and, asc, eq, gt, gte, sql } from 'drizzle-orm';
import {
  groupPeople,
  groupPublicPages,
  groups,
  joinRequests,
  meetings,
  users,
} from '../../db/schema/index.ts';
import { lockRow } from '../../db/locks.ts';
import type { Executor } from '../../deps.ts';

export type JoinRequestRow = typeof joinRequests.$inferSelect;

export const DEFAULT_PUBLIC_PAGE = { listed: true, showMeetings: false } as const;

export async function findGroup(db: Executor, groupId: string) {
  const [row] = await db
    .select({
      id: groups.id,
      name: groups.name,
      purpose: groups.purpose,
      parentId: groups.parentId,
    })
    .from(groups)
    .where(eq(groups.id, groupId));
  return row;
}

/** What the group's public page shows; the defaults when a chair never changed them. */
export async function findPublicPageSettings(db: Executor, groupId: string) {
  const [row] = await db
    .select({ listed: groupPublicPages.listed, showMeetings: groupPublicPages.showMeetings })
    .from(groupPublicPages)
    .where(eq(groupPublicPages.groupId, groupId));
  return row ?? { ...DEFAULT_PUBLIC_PAGE };
}

export async function savePublicPageSettings(
  db: Executor,
  groupId: string,
  settings: { listed: boolean; showMeetings: boolean },
) {
  await db
    .insert(groupPublicPages)
    .values({ groupId, ...settings })
    .onConflictDoUpdate({
      target: groupPublicPages.groupId,
      set: { ...settings, updatedAt: sql`now()` },
    });
}

/** The dates and times of the group's next meetings that are going ahead. */
export async function upcomingMeetingTimes(
  db: Executor,
  groupId: string,
  now: Date,
  limit: number,
) {
  return db
    .select({ startsAt: meetings.startsAt, endsAt: meetings.endsAt, timeZone: meetings.timeZone })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, now),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
}

/** Serialises one person's requests, so that the limit per day holds under concurrency. */
export async function lockPerson(db: Executor, userId: string) {
  await lockRow(db, users, userId);
}

export async function countRequestsSince(db: Executor, userId: string, since: Date) {
  const [row] = await db
    .select({
      n: sql<string>`count(*)`,
      oldest: sql<string | null>`min(${joinRequests.createdAt})`,
    })
    .from(joinRequests)
    .where(and(eq(joinRequests.userId, userId), gte(joinRequests.createdAt, since)));
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Inserts an open request; null when the person already has one open for this group. */
export async function insertRequest(
  db: Executor,
  values: { groupId: string; userId: string; message: string },
): Promise<JoinRequestRow | null> {
  const [row] = await db.insert(joinRequests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findOpenRequestOf(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select()
    .from(joinRequests)
    .where(
      and(
        eq(joinRequests.groupId, groupId),
        eq(joinRequests.userId, userId),
        eq(joinRequests.status, 'open'),
      ),
    );
  return row;
}

export async function listOpenRequests(db: Executor, groupId: string) {
  return db
    .select({ request: joinRequests, name: users.name })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.groupId, groupId), eq(joinRequests.status, 'open')))
    .orderBy(asc(joinRequests.createdAt), asc(joinRequests.id));
}

/** A request of this group, locked until the transaction ends, with its person's name, email and language. */
export async function findRequestForUpdate(db: Executor, groupId: string, requestId: string) {
  const [row] = await db
    .select({
      request: joinRequests,
      name: users.name,
      email: users.email,
      language: users.language,
    })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.groupId, groupId)))
    .for('update', { of: joinRequests });
  return row;
}

export async function decideRequest(
  db: Executor,
  requestId: string,
  status: 'accepted' | 'declined',
  decidedBy: string,
): Promise<JoinRequestRow> {
  const [row] = await db
    .update(joinRequests)
    .set({ status, decidedBy, decidedAt: sql`now()` })
    .where(eq(joinRequests.id, requestId))
    .returning();
  if (!row) throw new Error('update returned nothing');
  return row;
}

export async function isInGroup(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select({ userId: groupPeople.userId })
    .from(groupPeople)
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
  return row !== undefined;
}

export async function personName(db: Executor, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error('no such person');
  return row.name;
}
