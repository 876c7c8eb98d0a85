import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Domain, LANGUAGES } from '../../../contracts/domains.ts';
import {
  apiTokens,
  authAttempts,
  oneTimeTokens,
  registrations,
  sessions,
  users,
} from '../../db/schema/index.ts';
import { takeLock } from '../../db/locks.ts';
import { rowsOf, type Executor, type Reader } from '../../deps.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Serialises first-account creation so only one first account becomes administrator. */
export async function lockInstallation(db: Executor): Promise<void> {
  await takeLock(db, 'installation');
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<string>`count(*)` }).from(users);
  return Number(row?.n ?? 0);
}

export async function insertUser(
  db: Executor,
  values: {
    email: string;
    name: string;
    passwordHash: string | null;
    isAdmin: boolean;
    language?: Domain<typeof LANGUAGES> | null;
  },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Many accounts in one statement per thousand (generated installations); in the order given. */
export async function insertUsers(
  db: Executor,
  rows: readonly {
    email: string;
    name: string;
    passwordHash: string | null;
    isAdmin: boolean;
    language?: Domain<typeof LANGUAGES> | null;
  }[],
): Promise<UserRow[]> {
  const saved: UserRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const part = await db
      .insert(users)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r })))
      .returning();
    const byEmail = new Map(part.map((u) => [u.email.toLowerCase(), u]));
    for (const r of rows.slice(i, i + 1000)) {
      const user = byEmail.get(r.email.toLowerCase());
      if (!user) throw new Error('insert returned another account');
      saved.push(user);
    }
  }
  return saved;
}

export type ProfileChanges = {
  name?: string;
  knownAs?: string[];
  jobTitle?: string | null;
  organisation?: string | null;
  language?: Domain<typeof LANGUAGES>;
};

export async function updateProfile(
  db: Executor,
  userId: string,
  values: ProfileChanges,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(values).where(eq(users.id, userId)).returning();
  return row;
}

export async function setEmail(db: Executor, userId: string, email: string) {
  const [row] = await db.update(users).set({ email }).where(eq(users.id, userId)).returning();
  return row;
}

export async function setPassword(db: Executor, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function setAdmin(db: Executor, userId: string) {
  await db.update(users).set({ isAdmin: true }).where(eq(users.id, userId));
}

export async function insertSession(
  db: Executor,
  values: { idHash: string; userId: string; expiresAt: Date },
) {
  await db.insert(sessions).values(values);
}

/** Runs on every signed-in request: the planned function accord_session_actor (migration 0002). */
export async function findSessionUser(db: Reader, idHash: string) {
  type Row = { id: string; is_admin: boolean };
  const [row] = await rowsOf<Row>(
    db,
    sql`select id, is_admin from accord_session_actor(${idHash})`,
  );
  return row ? { id: row.id, isAdmin: row.is_admin } : undefined;
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOf(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function insertOneTimeToken(
  db: Executor,
  values: {
    tokenHash: string;
    userId: string;
    purpose: 'sign_in' | 'password_reset' | 'email_change';
    expiresAt: Date;
    newEmail?: string;
  },
) {
  await db.insert(oneTimeTokens).values(values);
}

/**
 * Uses a token atomically: a second use, or a use after expiry, finds nothing.
 * Gives whose it is and, for an email change, the new address.
 */
export async function consumeOneTimeToken(
  db: Executor,
  tokenHash: string,
  purpose: 'sign_in' | 'password_reset' | 'email_change',
): Promise<{ userId: string; newEmail: string | null } | undefined> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: oneTimeTokens.userId, newEmail: oneTimeTokens.newEmail });
  return row;
}

export async function recordAttempt(db: Executor, key: string) {
  await db.insert(authAttempts).values({ key });
}

export type AttemptStats = { count: number; firstAt: Date | null; lastAt: Date | null; now: Date };

/** How many attempts a key has in the window, the first and last of them, and the database's now. */
export async function attemptStats(
  db: Executor,
  key: string,
  windowSeconds: number,
): Promise<AttemptStats> {
  const [row] = await db
    .select({
      n: sql<string>`count(*)`,
      first: sql<string | null>`min(${authAttempts.attemptedAt})`,
      last: sql<string | null>`max(${authAttempts.attemptedAt})`,
      now: sql<string>`now()`,
    })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.key, key),
        gt(authAttempts.attemptedAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
  const date = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  return {
    count: Number(row?.n ?? 0),
    firstAt: date(row?.first),
    lastAt: date(row?.last),
    now: date(row?.now) ?? new Date(),
  };
}

/** An unused link of this purpose made for the account within the last `seconds` (a recent mail). */
export async function hasRecentToken(
  db: Executor,
  userId: string,
  purpose: 'sign_in' | 'password_reset' | 'email_change',
  seconds: number,
  newEmail?: string,
): Promise<boolean> {
  const rows = await db
    .select({ tokenHash: oneTimeTokens.tokenHash })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
        gt(oneTimeTokens.createdAt, sql`now() - make_interval(secs => ${seconds})`),
        ...(newEmail ? [eq(oneTimeTokens.newEmail, newEmail)] : []),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertRegistration(
  db: Executor,
  values: {
    tokenHash: string;
    email: string;
    name: string;
    passwordHash: string;
    language: Domain<typeof LANGUAGES> | null;
    expiresAt: Date;
  },
) {
  await db.insert(registrations).values(values);
}

export type RegistrationRow = typeof registrations.$inferSelect;

export async function findUsableRegistration(
  db: Executor,
  tokenHash: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.tokenHash, tokenHash),
        isNull(registrations.usedAt),
        gt(registrations.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Uses a registration link once: a second use finds nothing. */
export async function consumeRegistration(db: Executor, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(registrations)
    .set({ usedAt: sql`now()` })
    .where(and(eq(registrations.tokenHash, tokenHash), isNull(registrations.usedAt)))
    .returning({ tokenHash: registrations.tokenHash });
  return rows.length > 0;
}

/** Forgets a key's attempts, or (byPrefix) every key that starts with it. */
export async function clearAttempts(db: Executor, key: string, byPrefix = false) {
  await db
    .delete(authAttempts)
    .where(byPrefix ? sql`starts_with(${authAttempts.key}, ${key})` : eq(authAttempts.key, key));
}

export async function pruneExpired(db: Executor, windowSeconds: number) {
  await db
    .delete(authAttempts)
    .where(sql`${authAttempts.attemptedAt} < now() - make_interval(secs => ${windowSeconds})`);
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
  await db.delete(oneTimeTokens).where(sql`${oneTimeTokens.expiresAt} < now() - interval '1 day'`);
  await db.delete(registrations).where(sql`${registrations.expiresAt} < now() - interval '1 day'`);
}

export async function insertApiToken(
  db: Executor,
  values: { userId: string; name: string; tokenHash: string; prefix: string },
) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listApiTokens(db: Executor, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Executor, userId: string, tokenId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findApiTokenUser(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: users.id,
      isAdmin: users.isAdmin,
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function languageOf(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row?.language ?? null;
}

export async function touchApiToken(db: Executor, tokenId: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiTokens.id, tokenId));
}
