import { and, asc, desc, eq, lt, ne, or, isNull, sql } from 'drizzle-orm';
import type { ACTION_STATUSES, Domain } from '../../../contracts/domains.ts';
import {
  actions,
  groupPeople,
  groups,
  meetingNotes,
  noteComments,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export type NotesRow = typeof meetingNotes.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

export async function versionsOf(db: Executor, meetingId: string) {
  return db
    .select()
    .from(meetingNotes)
    .where(eq(meetingNotes.meetingId, meetingId))
    .orderBy(desc(meetingNotes.version));
}

export async function latestForUpdate(db: Executor, meetingId: string) {
  const [row] = await db
    .select()
    .from(meetingNotes)
    .where(eq(meetingNotes.meetingId, meetingId))
    .orderBy(desc(meetingNotes.version))
    .limit(1)
    .for('update');
  return row;
}

export async function insertVersion(db: Executor, values: typeof meetingNotes.$inferInsert) {
  const [row] = await db.insert(meetingNotes).values(values).returning();
  if (!row) throw new Error('notes insert returned nothing');
  return row;
}

export async function updateVersion(
  db: Executor,
  id: string,
  changes: Partial<typeof meetingNotes.$inferInsert>,
) {
  const [row] = await db
    .update(meetingNotes)
    // The database's clock, as for comments: whether a comment came after a change compares the two.
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(meetingNotes.id, id))
    .returning();
  if (!row) throw new Error('notes vanished inside their transaction');
  return row;
}

export async function commentsOf(db: Executor, notesIds: readonly string[]) {
  if (notesIds.length === 0) return [];
  return db
    .select({
      id: noteComments.id,
      notesId: noteComments.notesId,
      name: sql<string>`coalesce(${users.name}, 'Someone who has left')`,
      body: noteComments.body,
      createdAt: noteComments.createdAt,
    })
    .from(noteComments)
    .leftJoin(users, eq(users.id, noteComments.userId))
    .where(sql`${noteComments.notesId} = any(${sql.param([...notesIds])}::uuid[])`)
    .orderBy(asc(noteComments.createdAt));
}

export async function insertComment(db: Executor, notesId: string, userId: string, body: string) {
  await db.insert(noteComments).values({ notesId, userId, body });
}

/**
 * The group's people as the attribution check needs them: names and the
 * names they go by, their role in the group, job title and organisation.
 */
export async function peopleNames(db: Executor, groupId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      knownAs: users.knownAs,
      role: groupPeople.role,
      jobTitle: users.jobTitle,
      organisation: users.organisation,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(eq(groupPeople.groupId, groupId));
}

/**
 * Who chairs each of the group's working groups, and its name: "the lead of
 * the damp and mould working group" points to them. One row per chair and
 * working group, in one query whatever the size of the group.
 */
export async function workingGroupChairs(db: Executor, groupId: string) {
  return db
    .select({ userId: groupPeople.userId, name: groups.name })
    .from(groups)
    .innerJoin(groupPeople, eq(groupPeople.groupId, groups.id))
    .where(and(eq(groups.parentId, groupId), eq(groupPeople.role, 'chair')))
    .orderBy(asc(groups.name));
}

// Actions

export async function insertAction(db: Executor, values: typeof actions.$inferInsert) {
  const [row] = await db.insert(actions).values(values).returning();
  if (!row) throw new Error('action insert returned nothing');
  return row;
}

export async function findAction(db: Executor, groupId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.groupId, groupId)))
    .for('update');
  return row;
}

export async function updateAction(
  db: Executor,
  actionId: string,
  changes: Partial<typeof actions.$inferInsert>,
) {
  const [row] = await db
    .update(actions)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(actions.id, actionId))
    .returning();
  if (!row) throw new Error('action vanished inside its transaction');
  return row;
}

export async function listActions(
  db: Executor,
  groupId: string,
  filter: { ownerId?: string; status?: Domain<typeof ACTION_STATUSES>; meetingId?: string },
) {
  return db
    .select({ action: actions, ownerName: users.name })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(
      and(
        eq(actions.groupId, groupId),
        filter.ownerId ? eq(actions.ownerId, filter.ownerId) : undefined,
        filter.status ? eq(actions.status, filter.status) : undefined,
        filter.meetingId ? eq(actions.meetingId, filter.meetingId) : undefined,
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.createdAt))
    .limit(1000);
}

/** Open actions past due whose owner has not been reminded in the last week. */
export async function overdueActions(db: Executor, today: string) {
  return db
    .select({
      action: actions,
      email: users.email,
      ownerName: users.name,
      language: users.language,
    })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(
      and(
        eq(actions.status, 'open'),
        lt(actions.dueOn, today),
        or(
          isNull(actions.overdueRemindedOn),
          lt(actions.overdueRemindedOn, sql`(${today}::date - 7)`),
        ),
      ),
    )
    .limit(500);
}

export async function claimOverdueReminder(db: Executor, actionId: string, today: string) {
  const rows = await db
    .update(actions)
    .set({ overdueRemindedOn: today })
    .where(
      and(
        eq(actions.id, actionId),
        or(isNull(actions.overdueRemindedOn), ne(actions.overdueRemindedOn, today)),
      ),
    )
    .returning({ id: actions.id });
  return rows.length === 1;
}
