import type { Client, TestApp } from '../harness.ts';

/** Someone with an account, signed in through their own client. */
export type Person = {
  client: Client;
  id: string;
  name: string;
  email: string;
  password: string;
};

export async function registerPerson(t: TestApp, name: string): Promise<Person> {
  const client = t.client();
  const me = await client.register(name);
  return { client, id: me.id, name: me.name, email: me.email, password: me.password };
}

/** A second, independent session for the same person (signing in again). */
export async function signInAgain(t: TestApp, person: Person): Promise<Client> {
  const client = t.client();
  const answer = await client.post('/api/v1/session', {
    email: person.email,
    password: person.password,
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
  return client;
}

/** The token in the newest email to `email` (sign-in, reset or invitation link). */
export async function tokenFromLatestMail(t: TestApp, email: string): Promise<string> {
  const [mail] = await t.database.query<{ body_text: string }>(
    'select body_text from outbox where to_address = $1 order by created_at desc limit 1',
    [email],
  );
  const match = /#(?:token=)?([A-Za-z0-9_-]{20,})/.exec(mail?.body_text ?? '');
  if (!match?.[1]) throw new Error(`no link in the mail to ${email}`);
  return match[1];
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
