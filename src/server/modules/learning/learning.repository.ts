import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Domain, ITEM_TYPES } from '../../../contracts/domains.ts';
import { learningEntries, releases, suggestions } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export type LearningRow = typeof learningEntries.$inferSelect;
export type SuggestionRow = typeof suggestions.$inferSelect;

export async function insertLearning(db: Executor, values: typeof learningEntries.$inferInsert) {
  const [row] = await db.insert(learningEntries).values(values).returning();
  if (!row) throw new Error('learning insert returned nothing');
  return row;
}

export async function listLearning(db: Executor, groupId: string) {
  return db
    .select()
    .from(learningEntries)
    .where(eq(learningEntries.groupId, groupId))
    .orderBy(desc(learningEntries.recordedOn), desc(learningEntries.id));
}

export async function releasedIds(
  db: Executor,
  groupId: string,
  itemType: Domain<typeof ITEM_TYPES>,
) {
  const rows = await db
    .select({ itemId: releases.itemId })
    .from(releases)
    .where(
      and(
        eq(releases.groupId, groupId),
        eq(releases.itemType, itemType),
        isNull(releases.withdrawnAt),
      ),
    );
  return new Set(rows.map((r) => r.itemId));
}

export async function insertSuggestion(db: Executor, groupId: string, text: string) {
  const [row] = await db.insert(suggestions).values({ groupId, text }).returning();
  if (!row) throw new Error('suggestion insert returned nothing');
  return row;
}

export async function listSuggestions(db: Executor, groupId: string) {
  return db
    .select()
    .from(suggestions)
    .where(eq(suggestions.groupId, groupId))
    .orderBy(desc(suggestions.madeOn), desc(suggestions.id));
}

export async function findSuggestion(db: Executor, groupId: string, id: string) {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), eq(suggestions.groupId, groupId)))
    .for('update');
  return row;
}

export async function recordOutcome(
  db: Executor,
  id: string,
  values: {
    consideredAtMeeting: string;
    consideredOn: string;
    outcome: string;
    decisionId: string | null;
  },
) {
  const [row] = await db.update(suggestions).set(values).where(eq(suggestions.id, id)).returning();
  if (!row) throw new Error('suggestion vanished inside its transaction');
  return row;
}

export async function findLearning(db: Executor, groupId: string, id: string) {
  const [row] = await db
    .select()
    .from(learningEntries)
    .where(and(eq(learningEntries.id, id), eq(learningEntries.groupId, groupId)));
  return row;
}

export async function readSuggestion(db: Executor, groupId: string, id: string) {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), eq(suggestions.groupId, groupId)));
  return row;
}
