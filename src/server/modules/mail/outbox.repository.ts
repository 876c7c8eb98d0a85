import { desc, eq, inArray, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf, type Executor } from '../../deps.ts';
import { redactLinks } from './redact.ts';

export type Mail = { to: string; subject: string; text: string };
export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Queues a message. The stored copy anyone may read has its links redacted;
 * the deliverable body is kept apart only until the message leaves.
 */
export async function enqueue(db: Executor, mail: Mail): Promise<void> {
  await db.insert(outbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    bodyText: redactLinks(mail.text),
    deliverableText: mail.text,
  });
}

/**
 * Queues many messages (one to each person of a group) in one statement per
 * thousand, each as `enqueue` queues one.
 */
export async function enqueueMany(db: Executor, mails: readonly Mail[]): Promise<void> {
  for (let i = 0; i < mails.length; i += 1000) {
    await db.insert(outbox).values(
      mails.slice(i, i + 1000).map((mail) => ({
        toAddress: mail.to,
        subject: mail.subject,
        bodyText: redactLinks(mail.text),
        deliverableText: mail.text,
      })),
    );
  }
}

/**
 * Claims due mail for this instance. SKIP LOCKED plus a lease (locked_until)
 * lets several instances send from one outbox without sending twice.
 */
export async function claimDue(db: Db, limit: number): Promise<OutboxRow[]> {
  const claimed = await rowsOf<{ id: string }>(
    db,
    sql`
    update ${outbox} set locked_until = now() + interval '2 minutes'
    where ${outbox.id} in (
      select id from ${outbox}
      where status = 'pending' and next_attempt_at <= now()
        and (locked_until is null or locked_until < now())
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id`,
  );
  const ids = claimed.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(
      sql`${outbox.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .orderBy(outbox.createdAt);
}

/** What a delivered message keeps: when it went, and no longer its deliverable body. */
function delivered(status: 'sent' | 'logged') {
  return {
    status,
    sentAt: sql`now()`,
    lockedUntil: null,
    attempts: sql`${outbox.attempts} + 1`,
    deliverableText: null,
  };
}

export async function markDelivered(db: Db, id: string, status: 'sent' | 'logged'): Promise<void> {
  await db.update(outbox).set(delivered(status)).where(eq(outbox.id, id));
}

/** Many claimed messages delivered at once (as `markDelivered` marks each). */
export async function markDeliveredMany(
  db: Db,
  ids: readonly string[],
  status: 'sent' | 'logged',
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set(delivered(status))
    .where(inArray(outbox.id, [...ids]));
}

export async function markFailed(
  db: Db,
  id: string,
  error: string,
  retryInSeconds: number | null,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: retryInSeconds === null ? 'failed' : 'pending',
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 500),
      lockedUntil: null,
      // Given up: nothing is left to deliver, so the links go too.
      ...(retryInSeconds === null ? { deliverableText: null } : {}),
      nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds ?? 0})`,
    })
    .where(eq(outbox.id, id));
}

export async function listRecent(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
}
