import type { CallInput, Client, TestApp } from '../harness.ts';

/** Someone with an account, signed in through their own client. */
export type Person = {
  client: Client;
  id: string;
  name: string;
  email: string;
  password: string;
};

/**
 * A new account, signed in through its own client: the one helper for the
 * people of a test. `language` is the language they chose for what Accord
 * writes to them (English when not chosen).
 */
export async function registerPerson(
  t: TestApp,
  name: string,
  options: { language?: CallInput<'updateMe'>['language'] } = {},
): Promise<Person> {
  const client = t.client();
  const me = await client.register(name);
  if (options.language) await client.callOk('updateMe', { language: options.language });
  return { client, id: me.id, name: me.name, email: me.email, password: me.password };
}

/** A second, independent session for the same person (signing in again). */
export async function signInAgain(t: TestApp, person: Person): Promise<Client> {
  const client = t.client();
  await client.callOk('signIn', { email: person.email, password: person.password });
  return client;
}

/**
 * The token in the newest email with a link delivered to `email` (sign-in,
 * reset, invitation or registration link), read where the mail arrived: the
 * outbox keeps copies with the links removed.
 */
export async function tokenFromLatestMail(
  t: TestApp,
  email: string,
  path?: string,
): Promise<string> {
  return t.client().tokenFromMail(email, path);
}

/** The newest message delivered to `email` (subject and text, links intact). */
export async function latestMail(t: TestApp, email: string) {
  if (!t.mailbox) throw new Error('this app has no mailbox');
  await t.app.mail.drain();
  return t.mailbox.waitFor(email);
}

/** Row counts of tables, to show that a refused request wrote nothing. */
export async function rowCounts(t: TestApp, tables: readonly string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.database.query<{ n: string | number }>(
      `select count(*) as n from ${table}`,
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
