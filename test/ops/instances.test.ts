import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/server/db/client.ts';
import { ENGINE, freshPostgresUrl, startTestApp, type TestApp } from '../harness.ts';
import { Mailbox } from '../support/mailbox.ts';

/** Several stateless instances over one PostgreSQL database, as behind a load balancer. */
describe.runIf(ENGINE === 'postgres')('several instances on one PostgreSQL database', () => {
  let url: string;
  let a: TestApp;
  let b: TestApp;
  let mailbox: Mailbox;

  beforeAll(async () => {
    url = await freshPostgresUrl();
    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url }),
      openDatabase({ databaseUrl: url }),
    ]);
    // One relay and one server key for both, as behind a load balancer.
    mailbox = await Mailbox.start();
    const shared = { SECRET_KEY: 'the-same-key-in-every-instance-0123456789' };
    a = await startTestApp(shared, { database: first, mailbox });
    b = await startTestApp(shared, { database: second, mailbox });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mailbox?.close();
  });

  it('instances starting together apply each migration once', async () => {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url })));
    await Promise.all(instances.map((d) => d.migrate()));
    await Promise.all(instances.map((d) => d.close()));
    const [row] = await a.database.query<{ n: string; d: string }>(
      'select count(*) as n, count(distinct hash) as d from drizzle.__drizzle_migrations',
    );
    expect(Number(row?.n)).toBe(journal.entries.length);
    expect(Number(row?.d)).toBe(journal.entries.length);
  });

  it('a session started on one instance is recognised by another', async () => {
    const onA = a.client();
    const me = await onA.register('Roaming');
    const onB = b.client();
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    expect((await onB.get('/api/v1/me')).body).toMatchObject({ id: me.id });
    expect((await onB.post('/api/v1/groups', { name: 'Made on B' })).status).toBe(201);
    expect((await onA.delete('/api/v1/session')).status).toBe(200);
    expect((await onB.get('/api/v1/me')).status).toBe(401);
  });

  it('the sign-in attempt limit holds across instances', async () => {
    const me = await a.client().register('Targeted');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const client = (i % 2 === 0 ? a : b).client();
      client.address = '203.0.113.50';
      const answer = await client.post('/api/v1/session', {
        email: me.email,
        password: 'wrong password',
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('mail queued on one instance is delivered once, whichever instance sends', async () => {
    const me = await a.client().register('Mailed', { overHttp: true });
    await a.client().post('/api/v1/session/link-requests', { email: me.email });
    await Promise.all([a.app.mail.drain(), b.app.mail.drain()]);
    const rows = await a.database.query<{ status: string; attempts: number }>(
      'select status, attempts from outbox where to_address = $1',
      [me.email],
    );
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // The registration link and the sign-in link, each delivered once.
    expect(mailbox.to(me.email).map((m) => m.subject)).toEqual([
      'Finish creating your Accord account',
      'Your Accord sign-in link',
    ]);
  });
});
