import { and, desc, eq, isNull } from 'drizzle-orm';
import { groupPeople, groups, releases } from '../../db/schema/index.ts';
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
