import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import {
  behaviourReminders,
  groupPeople,
  termsAcceptances,
  termsVersions,
  users,
} from '../../db/schema/index.ts';
import { takeLock } from '../../db/locks.ts';
import type { Executor } from '../../deps.ts';

export type TermsRow = typeof termsVersions.$inferSelect;

export async function findInForce(db: Executor, groupId: string): Promise<TermsRow | undefined> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.groupId, groupId), eq(termsVersions.status, 'in_force')));
  return row;
}

/**
 * The version that was in force on a calendar date: the latest adopted on or
 * before it. None before the group's first adoption.
 */
export async function findInForceOn(
  db: Executor,
  groupId: string,
  on: string,
): Promise<TermsRow | undefined> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(
      and(
        eq(termsVersions.groupId, groupId),
        isNotNull(termsVersions.number),
        sql`${termsVersions.adoptedOn} <= ${on}::date`,
      ),
    )
    .orderBy(desc(termsVersions.adoptedOn), desc(termsVersions.number))
    .limit(1);
  return row;
}

/** An adopted (in force or superseded) version of the group's, by id. */
export async function findAdoptedVersionById(
  db: Executor,
  groupId: string,
  id: string,
): Promise<TermsRow | undefined> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(
      and(
        eq(termsVersions.groupId, groupId),
        eq(termsVersions.id, id),
        isNotNull(termsVersions.number),
      ),
    );
  return row;
}

export async function findDraft(db: Executor, groupId: string): Promise<TermsRow | undefined> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.groupId, groupId), eq(termsVersions.status, 'draft')));
  return row;
}

export async function findVersion(
  db: Executor,
  groupId: string,
  number: number,
): Promise<TermsRow | undefined> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.groupId, groupId), eq(termsVersions.number, number)));
  return row;
}

export async function listVersions(db: Executor, groupId: string): Promise<TermsRow[]> {
  return db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.groupId, groupId), isNotNull(termsVersions.number)))
    .orderBy(desc(termsVersions.number));
}

export async function insertDraft(
  db: Executor,
  values: { groupId: string; document: unknown; createdBy: string },
): Promise<TermsRow> {
  const [row] = await db
    .insert(termsVersions)
    .values({ ...values, status: 'draft' })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateDraft(db: Executor, id: string, document: unknown): Promise<TermsRow> {
  const [row] = await db
    .update(termsVersions)
    .set({ document, updatedAt: sql`now()` })
    .where(and(eq(termsVersions.id, id), eq(termsVersions.status, 'draft')))
    .returning();
  if (!row) throw new Error('draft vanished');
  return row;
}

/** Serialises adoption per group, so version numbers never collide. */
export async function lockGroupTerms(db: Executor, groupId: string): Promise<void> {
  await takeLock(db, 'groupTerms', groupId);
}

export async function nextNumber(db: Executor, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(max(${termsVersions.number}), 0) + 1` })
    .from(termsVersions)
    .where(eq(termsVersions.groupId, groupId));
  return Number(row?.n ?? 1);
}

export async function supersede(db: Executor, groupId: string): Promise<void> {
  await db
    .update(termsVersions)
    .set({ status: 'superseded' })
    .where(and(eq(termsVersions.groupId, groupId), eq(termsVersions.status, 'in_force')));
}

export async function adopt(
  db: Executor,
  id: string,
  values: {
    number: number;
    adoptedOn: string;
    adoptedBy: string;
    adoptionNote: string;
    decisionId: string | null;
  },
): Promise<TermsRow> {
  const [row] = await db
    .update(termsVersions)
    .set({ ...values, status: 'in_force', updatedAt: sql`now()` })
    .where(and(eq(termsVersions.id, id), eq(termsVersions.status, 'draft')))
    .returning();
  if (!row) throw new Error('draft vanished');
  return row;
}

export async function insertAcceptance(db: Executor, versionId: string, userId: string) {
  await db.insert(termsAcceptances).values({ versionId, userId }).onConflictDoNothing();
}

/** Everyone in the group (observers aside) and whether they accepted the version. */
export async function listAcceptances(db: Executor, groupId: string, versionId: string) {
  return db
    .select({
      userId: groupPeople.userId,
      name: users.name,
      acceptedAt: termsAcceptances.acceptedAt,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .leftJoin(
      termsAcceptances,
      and(
        eq(termsAcceptances.userId, groupPeople.userId),
        eq(termsAcceptances.versionId, versionId),
      ),
    )
    .where(and(eq(groupPeople.groupId, groupId), sql`${groupPeople.role} <> 'observer'`))
    .orderBy(asc(users.name), asc(groupPeople.userId));
}

export async function findAcceptance(db: Executor, versionId: string, userId: string) {
  const [row] = await db
    .select()
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.versionId, versionId), eq(termsAcceptances.userId, userId)));
  return row;
}

export async function insertReminder(
  db: Executor,
  values: { groupId: string; meetingId: string | null; clause: number },
) {
  const [row] = await db.insert(behaviourReminders).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function countReminders(db: Executor, groupId: string) {
  return db
    .select({ clause: behaviourReminders.clause, count: sql<string>`count(*)` })
    .from(behaviourReminders)
    .where(eq(behaviourReminders.groupId, groupId))
    .groupBy(behaviourReminders.clause)
    .orderBy(asc(behaviourReminders.clause));
}

/** Versions in force whose review is near and whose chairs have not been told yet. */
export async function claimReviewNotices(db: Executor, dueBefore: (row: TermsRow) => boolean) {
  const rows = await db
    .select()
    .from(termsVersions)
    .where(
      and(eq(termsVersions.status, 'in_force'), sql`${termsVersions.reviewNoticeSentAt} is null`),
    );
  return rows.filter(dueBefore);
}

export async function markReviewNoticeSent(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(termsVersions)
    .set({ reviewNoticeSentAt: sql`now()` })
    .where(and(eq(termsVersions.id, id), sql`${termsVersions.reviewNoticeSentAt} is null`))
    .returning({ id: termsVersions.id });
  return rows.length > 0;
}

export async function listChairEmails(db: Executor, groupId: string) {
  return db
    .select({ email: users.email, name: users.name, language: users.language })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.role, 'chair')));
}
