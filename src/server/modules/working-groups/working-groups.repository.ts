import { and, asc, eq, isNull } from 'drizzle-orm';
import { groupPeople, groups, users, workingGroupCommitments } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export async function findGroup(db: Executor, groupId: string) {
  const [row] = await db.select().from(groups).where(eq(groups.id, groupId));
  return row;
}

export async function currentCommitments(db: Executor, groupId: string) {
  return db
    .select({
      userId: workingGroupCommitments.userId,
      name: users.name,
      hoursPerMonth: workingGroupCommitments.hoursPerMonth,
      committedAt: workingGroupCommitments.committedAt,
    })
    .from(workingGroupCommitments)
    .innerJoin(users, eq(users.id, workingGroupCommitments.userId))
    .where(
      and(
        eq(workingGroupCommitments.groupId, groupId),
        isNull(workingGroupCommitments.steppedBackAt),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

export async function commit(
  db: Executor,
  groupId: string,
  userId: string,
  hoursPerMonth: number | null,
) {
  // One statement, so that two commitments sent at once update one row.
  const [row] = await db
    .insert(workingGroupCommitments)
    .values({ groupId, userId, hoursPerMonth })
    .onConflictDoUpdate({
      target: [workingGroupCommitments.groupId, workingGroupCommitments.userId],
      targetWhere: isNull(workingGroupCommitments.steppedBackAt),
      set: { hoursPerMonth },
    })
    .returning();
  if (!row) throw new Error('commitment insert returned nothing');
  return row;
}

export async function stepBack(db: Executor, groupId: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(workingGroupCommitments)
    .set({ steppedBackAt: new Date() })
    .where(
      and(
        eq(workingGroupCommitments.groupId, groupId),
        eq(workingGroupCommitments.userId, userId),
        isNull(workingGroupCommitments.steppedBackAt),
      ),
    )
    .returning({ id: workingGroupCommitments.id });
  return rows.length > 0;
}

export async function roleIn(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select({ role: groupPeople.role })
    .from(groupPeople)
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
  return row?.role ?? null;
}
