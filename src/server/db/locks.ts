import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../deps.ts';

/**
 * Every advisory lock the application takes, one key per kind of work that
 * must queue up. A kind that is taken per group adds the group id as its
 * second key; the keys appear as literals in the committed SQL.
 */
export const ADVISORY_LOCKS = {
  /** Creating the first account, so that only one becomes administrator. */
  installation: 7216001,
  /** Migrating at start-up (held for a session by openDatabase, not by a transaction). */
  migrations: 7216002,
  /** Adopting a group's Terms of Reference, so version numbers never collide. */
  groupTerms: 7216003,
  /** Running a group's meeting schedule, so one occurrence is not inserted twice. */
  groupSchedule: 7216004,
  /** Numbering a group's decisions. */
  decisionNumbers: 7216005,
} as const;

export type AdvisoryLock = Exclude<keyof typeof ADVISORY_LOCKS, 'migrations'>;

/**
 * Takes an advisory lock until the transaction ends: the whole installation's,
 * or one subject's (a group id) when given.
 */
export async function takeLock(db: Executor, lock: AdvisoryLock, subject?: string): Promise<void> {
  const key = sql.raw(String(ADVISORY_LOCKS[lock]));
  await db.execute(
    subject === undefined
      ? sql`select pg_advisory_xact_lock(${key})`
      : sql`select pg_advisory_xact_lock(${key}, hashtext(${subject}))`,
  );
}

/**
 * How a repository read locks the rows it finds until the transaction ends:
 * 'update' to change them, 'share' to keep them from changing; no lock when
 * absent. Reads that take it have it as their last argument, `lock?: RowLock`.
 */
export type RowLock = 'update' | 'share';

/** Locks one row by its id until the transaction ends (its changes, and anything it guards, queue up). */
export async function lockRow(
  db: Executor,
  table: PgTable & { id: PgColumn },
  id: string,
): Promise<void> {
  await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update');
}
