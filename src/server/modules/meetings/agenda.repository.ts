import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  agendaItems,
  interestDeclarations,
  meetings,
  papers,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

// A meeting's agenda: its items, the interests people declare in them, and its papers.

export type ItemRow = typeof agendaItems.$inferSelect;
export type PaperInfo = Omit<typeof papers.$inferSelect, 'content'>;

export async function listItems(db: Executor, meetingId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
}

export async function findItem(db: Executor, meetingId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  return row;
}

export async function insertItem(db: Executor, row: typeof agendaItems.$inferInsert) {
  const [created] = await db.insert(agendaItems).values(row).returning();
  if (!created) throw new Error('agenda item insert returned nothing');
  return created;
}

export async function updateItem(
  db: Executor,
  itemId: string,
  changes: Partial<typeof agendaItems.$inferInsert>,
) {
  const [row] = await db
    .update(agendaItems)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(agendaItems.id, itemId))
    .returning();
  if (!row) throw new Error(`agenda item ${itemId} vanished inside its transaction`);
  return row;
}

export async function setItemPositions(db: Executor, orderedIds: readonly string[]) {
  for (const [index, itemId] of orderedIds.entries()) {
    await db
      .update(agendaItems)
      .set({ position: index + 1 })
      .where(eq(agendaItems.id, itemId));
  }
}

export async function listDeclarations(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: interestDeclarations.itemId,
      userId: interestDeclarations.userId,
      name: users.name,
      interest: interestDeclarations.interest,
    })
    .from(interestDeclarations)
    .innerJoin(users, eq(users.id, interestDeclarations.userId))
    .where(inArray(interestDeclarations.itemId, [...itemIds]))
    .orderBy(asc(users.name));
}

export async function upsertDeclaration(
  db: Executor,
  itemId: string,
  userId: string,
  interest: string | null,
) {
  await db
    .insert(interestDeclarations)
    .values({ itemId, userId, interest })
    .onConflictDoUpdate({
      target: [interestDeclarations.itemId, interestDeclarations.userId],
      set: { interest, declaredAt: new Date() },
    });
}

const paperColumns = {
  id: papers.id,
  meetingId: papers.meetingId,
  itemId: papers.itemId,
  title: papers.title,
  fileName: papers.fileName,
  mediaType: papers.mediaType,
  sizeBytes: papers.sizeBytes,
  sha256: papers.sha256,
  late: papers.late,
  uploadedBy: papers.uploadedBy,
  uploadedAt: papers.uploadedAt,
};

export async function listPapers(db: Executor, meetingId: string) {
  return db
    .select({ ...paperColumns, uploaderName: users.name })
    .from(papers)
    .leftJoin(users, eq(users.id, papers.uploadedBy))
    .where(eq(papers.meetingId, meetingId))
    .orderBy(asc(papers.uploadedAt), asc(papers.id));
}

export async function insertPaper(db: Executor, row: typeof papers.$inferInsert) {
  const [created] = await db.insert(papers).values(row).returning(paperColumns);
  if (!created) throw new Error('paper insert returned nothing');
  return created;
}

export async function findPaperContent(db: Executor, meetingId: string, paperId: string) {
  const [row] = await db
    .select({ ...paperColumns, content: papers.content })
    .from(papers)
    .where(and(eq(papers.id, paperId), eq(papers.meetingId, meetingId)));
  return row;
}

/** A paper of the group's, with its file, by id alone. */
export async function findPaperFile(db: Executor, groupId: string, paperId: string) {
  const [row] = await db
    .select({ fileName: papers.fileName, mediaType: papers.mediaType, content: papers.content })
    .from(papers)
    .innerJoin(meetings, eq(meetings.id, papers.meetingId))
    .where(and(eq(papers.id, paperId), eq(meetings.groupId, groupId)));
  return row;
}

export async function findPaperById(db: Executor, groupId: string, paperId: string) {
  const [row] = await db
    .select({
      id: papers.id,
      title: papers.title,
      fileName: papers.fileName,
      mediaType: papers.mediaType,
      uploadedAt: papers.uploadedAt,
    })
    .from(papers)
    .innerJoin(meetings, eq(meetings.id, papers.meetingId))
    .where(and(eq(papers.id, paperId), eq(meetings.groupId, groupId)));
  return row;
}
