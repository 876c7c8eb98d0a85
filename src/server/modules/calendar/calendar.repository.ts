import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { calendarFeeds, groupPeople, groups, meetings } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export async function insertFeed(
  db: Executor,
  values: { userId: string; groupId: string | null; tokenHash: string },
) {
  const [row] = await db.insert(calendarFeeds).values(values).returning();
  if (!row) throw new Error('feed insert returned nothing');
  return row;
}

export async function listFeeds(db: Executor, userId: string) {
  return db
    .select({
      id: calendarFeeds.id,
      createdAt: calendarFeeds.createdAt,
      groupId: calendarFeeds.groupId,
      groupName: groups.name,
    })
    .from(calendarFeeds)
    .leftJoin(groups, eq(groups.id, calendarFeeds.groupId))
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt), asc(calendarFeeds.id));
}

export async function revokeFeed(db: Executor, userId: string, feedId: string): Promise<boolean> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.id, feedId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

export async function findFeedByToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row;
}

/** The groups whose meetings a feed shows: the feed's group, if the person is still in it, or all theirs. */
export async function feedGroups(db: Executor, userId: string, groupId: string | null) {
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groupPeople)
    .innerJoin(groups, eq(groups.id, groupPeople.groupId))
    .where(
      and(eq(groupPeople.userId, userId), groupId ? eq(groupPeople.groupId, groupId) : undefined),
    );
}

export async function meetingsForFeed(
  db: Executor,
  groupIds: readonly string[],
  from: Date,
  until: Date,
) {
  if (groupIds.length === 0) return [];
  return db
    .select()
    .from(meetings)
    .where(
      and(
        inArray(meetings.groupId, [...groupIds]),
        gte(meetings.startsAt, from),
        lte(meetings.startsAt, until),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(2000);
}
