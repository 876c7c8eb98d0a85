import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { groupPeople, groups, invitations, users } from '../../db/schema/index.ts';
import type { GroupRole } from '../../access.ts';
import { lockRow } from '../../db/locks.ts';
import { rowsOf, type Executor, type Reader } from '../../deps.ts';

export type GroupRow = typeof groups.$inferSelect;

type GroupJson = {
  group: {
    id: string;
    name: string;
    purpose: string;
    parent_id: string | null;
    terms_key: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  parentName: string | null;
  role: string | null;
  peopleCount: number;
  workingGroups: { id: string; name: string; purpose: string }[];
};

/**
 * The group, its parent's name, the caller's role, its working groups and how
 * many people it has: every group request starts here, so it is one call to
 * the planned function accord_group_for (migration 0002).
 */
export async function findGroupFor(db: Reader, groupId: string, userId: string | null) {
  type Row = { found: GroupJson | string | null };
  const rows = await rowsOf<Row>(
    db,
    sql`select accord_group_for(${groupId}::uuid, ${userId}::uuid) as found`,
  );
  const raw = rows[0]?.found;
  if (!raw) return undefined;
  const found = typeof raw === 'string' ? (JSON.parse(raw) as GroupJson) : raw;
  const g = found.group;
  const group: GroupRow = {
    id: g.id,
    name: g.name,
    purpose: g.purpose,
    parentId: g.parent_id,
    termsKey: g.terms_key,
    createdBy: g.created_by,
    createdAt: new Date(g.created_at),
    updatedAt: new Date(g.updated_at),
  };
  return {
    group,
    parentName: found.parentName,
    role: (found.role as GroupRole | null) ?? null,
    peopleCount: Number(found.peopleCount),
    workingGroups: found.workingGroups,
  };
}

export async function countPeople(db: Executor, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(groupPeople)
    .where(eq(groupPeople.groupId, groupId));
  return Number(row?.n ?? 0);
}

export async function insertGroup(
  db: Executor,
  values: {
    name: string;
    purpose: string;
    parentId: string | null;
    termsKey?: string | null;
    createdBy: string;
  },
): Promise<GroupRow> {
  const [row] = await db.insert(groups).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateGroup(
  db: Executor,
  groupId: string,
  values: {
    name?: string | undefined;
    purpose?: string | undefined;
    termsKey?: string | null | undefined;
  },
) {
  await db
    .update(groups)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(groups.id, groupId));
}

export async function listGroupsOf(db: Executor, userId: string) {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      purpose: groups.purpose,
      parentId: groups.parentId,
      myRole: groupPeople.role,
    })
    .from(groupPeople)
    .innerJoin(groups, eq(groups.id, groupPeople.groupId))
    .where(eq(groupPeople.userId, userId))
    .orderBy(asc(groups.name));
}

export async function findRole(db: Executor, groupId: string, userId: string) {
  const [row] = await db
    .select({ role: groupPeople.role })
    .from(groupPeople)
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
  return (row?.role as GroupRole | undefined) ?? null;
}

/** Adds a person; someone already there keeps the role they have. */
export async function addPerson(db: Executor, groupId: string, userId: string, role: GroupRole) {
  const rows = await db
    .insert(groupPeople)
    .values({ groupId, userId, role })
    .onConflictDoNothing()
    .returning({ userId: groupPeople.userId });
  return rows.length > 0;
}

/**
 * Many people into a group in one statement per thousand, each with their role
 * and when they joined (generated installations, where people joined over the
 * months); someone already in the group is left as they are. Returns how many
 * were added.
 */
export async function addPeople(
  db: Executor,
  groupId: string,
  people: readonly { userId: string; role: GroupRole; joinedAt: Date }[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < people.length; i += 1000) {
    const rows = await db
      .insert(groupPeople)
      .values(people.slice(i, i + 1000).map((p) => ({ groupId, ...p })))
      .onConflictDoNothing()
      .returning({ userId: groupPeople.userId });
    added += rows.length;
  }
  return added;
}

export async function setRole(db: Executor, groupId: string, userId: string, role: GroupRole) {
  await db
    .update(groupPeople)
    .set({ role })
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
}

export async function removePerson(db: Executor, groupId: string, userId: string) {
  await db
    .delete(groupPeople)
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.userId, userId)));
}

/** Locks the group's people so that "keep at least one chair" holds under concurrency. */
export async function lockPeople(db: Executor, groupId: string) {
  await lockRow(db, groups, groupId);
}

export async function countChairs(db: Executor, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(groupPeople)
    .where(and(eq(groupPeople.groupId, groupId), eq(groupPeople.role, 'chair')));
  return Number(row?.n ?? 0);
}

export async function listPeople(db: Executor, groupId: string) {
  return db
    .select({
      userId: groupPeople.userId,
      name: users.name,
      role: groupPeople.role,
      joinedAt: groupPeople.joinedAt,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .where(eq(groupPeople.groupId, groupId))
    .orderBy(asc(users.name), asc(groupPeople.userId));
}

export async function insertInvitation(
  db: Executor,
  values: {
    groupId: string;
    tokenHash: string;
    email: string | null;
    createdBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listInvitations(db: Executor, groupId: string) {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.groupId, groupId))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Executor, groupId: string, invitationId: string) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`coalesce(${invitations.revokedAt}, now())` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.groupId, groupId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** A usable invitation: not revoked and not expired. */
export async function findUsableInvitation(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, group: groups })
    .from(invitations)
    .innerJoin(groups, eq(groups.id, invitations.groupId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.revokedAt),
        or(isNull(invitations.expiresAt), gt(invitations.expiresAt, sql`now()`)),
      ),
    );
  return row;
}

export async function termsKeyTaken(
  db: Executor,
  parentId: string,
  key: string,
  exceptGroupId: string | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.parentId, parentId), eq(groups.termsKey, key)));
  return rows.some((r) => r.id !== exceptGroupId);
}
