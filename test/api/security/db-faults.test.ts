import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/client.ts';
import { databaseFault } from '../../../src/server/db/faults.ts';
import { Client, ENGINE, freshPostgresUrl, startTestApp, type TestApp } from '../../harness.ts';
import { cleanUp, startServer } from '../../ops/processes.ts';
import { faultyLink, type FaultyLink } from '../../support/tcp-proxy.ts';

afterAll(cleanUp);

/** Ends every session of the app's database but the caller's, as a failover or an operator would. */
async function terminateBackends(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const rows = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    return rows.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.runIf(ENGINE === 'postgres')('losing the PostgreSQL connection', () => {
  it('terminating the backends of checked-out transactions does not kill the process', async () => {
    const databaseUrl = await freshPostgresUrl();
    const server = await startServer({ DATABASE_URL: databaseUrl });
    let exited = false;
    void server.exited.then(() => (exited = true));
    const client = new Client(server.url);
    await client.register('Steady Chair');
    const statuses: number[] = [];
    const failures: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop && !exited; i++) {
        const answer = await client
          .post('/api/v1/groups', { name: `Writer ${w} group ${i}`, purpose: 'faults' })
          .catch(() => ({ status: 0, headers: new Headers(), text: 'no answer' }));
        statuses.push(answer.status);
        if (
          answer.status !== 201 &&
          !(answer.status === 503 && answer.headers.get('retry-after'))
        ) {
          failures.push(`${answer.status} ${answer.text}`);
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    for (let round = 0; round < 8 && !exited; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await terminateBackends(databaseUrl);
    }
    stop = true;
    await Promise.all(writers);
    expect(exited, server.stderr()).toBe(false);
    expect(failures).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    const after = await client.get('/api/v1/groups');
    expect(after.status).toBe(200);
  });

  describe('through a link the test can break', () => {
    let link: FaultyLink;
    let t: TestApp;
    let client: Client;

    beforeEach(async () => {
      link = await faultyLink(await freshPostgresUrl());
      t = await startTestApp({}, { database: await openDatabase({ databaseUrl: link.url }) });
      client = t.client();
      await client.register('Patient Chair');
    });

    afterEach(async () => {
      await link.restore();
      await t.close();
      await link.close();
    });

    /** A request, timed. */
    async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
      const started = performance.now();
      const answer = await request();
      return { answer, ms: performance.now() - started };
    }

    async function readyAgain(): Promise<void> {
      for (let i = 0; i < 100; i++) {
        if ((await client.get('/readyz')).status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('/readyz never came back');
    }

    it('a request while the database is down answers 503 with Retry-After, and health says degraded until it is back', async () => {
      await link.cut();
      const write = await timed(() =>
        client.post('/api/v1/groups', { name: 'While down', purpose: 'faults' }),
      );
      expect(write.answer.status).toBe(503);
      expect(write.answer.headers.get('retry-after')).toBe('5');
      expect(write.answer.body.error.code).toBe('unavailable');
      expect(write.ms).toBeLessThan(5000);
      const read = await client.get('/api/v1/groups');
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('5');

      const ready = await client.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(ready.body).toMatchObject({ status: 'degraded', database: 'unreachable' });
      const healthy = await client.get('/healthz');
      expect(healthy.status).toBe(200);
      expect(healthy.body).toEqual({ status: 'degraded', database: 'unreachable' });
      // Background work meets the same fault: it is logged and tried again on the next tick.
      await expect(t.app.mail.drain()).resolves.toBeUndefined();

      await link.restore();
      await readyAgain();
      expect((await client.get('/healthz')).body).toEqual({ status: 'ok', database: 'ok' });
      const after = await client.post('/api/v1/groups', { name: 'After', purpose: 'faults' });
      expect(after.status).toBe(201);
      const listed = await client.get('/api/v1/groups');
      expect(listed.body.groups.map((g: { name: string }) => g.name)).toEqual(['After']);
    });

    it(
      'a database that stops answering fails the request within 5 seconds, with 503',
      { timeout: 30_000 },
      async () => {
        // Warm connections in the pool go silent too, not only new ones.
        await client.get('/api/v1/groups');
        link.silence();
        const answers = await Promise.all([
          timed(() => client.post('/api/v1/groups', { name: 'Into silence', purpose: 'faults' })),
          timed(() => client.get('/api/v1/groups')),
        ]);
        for (const { answer, ms } of answers) {
          expect(answer.status).toBe(503);
          expect(answer.headers.get('retry-after')).toBe('5');
          expect(ms).toBeLessThan(5000);
        }
        await link.restore();
        await readyAgain();
        const listed = await client.get('/api/v1/groups');
        expect(listed.status).toBe(200);
        expect(listed.body.groups).toEqual([]);
      },
    );
  });
});

describe.runIf(ENGINE === 'pglite')('the embedded database failing', () => {
  it('a request after the embedded database has failed answers 503 with Retry-After, not 500', async () => {
    const t = await startTestApp();
    try {
      const client = t.client();
      await client.register('Embedded Chair');
      await t.database.pglite?.close();
      const write = await client.post('/api/v1/groups', { name: 'Lost', purpose: 'faults' });
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      expect(write.body.error.code).toBe('unavailable');
      const ready = await client.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'degraded', database: 'unreachable' });
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});

describe('which database errors mean "try again"', () => {
  it('a full disk, on either engine, is a fault that saved nothing', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    expect(databaseFault(enospc)).toBe('full');
    expect(
      databaseFault(Object.assign(new Error('could not extend file'), { code: '53100' })),
    ).toBe('full');
  });

  it('lost connections and timeouts are faults, seen through query wrappers', () => {
    const wrapped = (cause: unknown) =>
      Object.assign(new Error('Failed query: insert ...'), { cause });
    expect(databaseFault(wrapped({ code: '57P01', message: 'terminating connection' }))).toBe(
      'unreachable',
    );
    expect(databaseFault(wrapped(new Error('Connection terminated unexpectedly')))).toBe(
      'unreachable',
    );
    expect(databaseFault({ code: '08006', message: 'connection failure' })).toBe('unreachable');
    expect(
      databaseFault({ code: '57014', message: 'canceling statement due to statement timeout' }),
    ).toBe('timeout');
    expect(databaseFault(new Error('timeout exceeded when trying to connect'))).toBe('timeout');
    expect(databaseFault(new WebAssembly.RuntimeError('Aborted()'))).toBe('unreachable');
  });

  it('a transaction PostgreSQL ended for another (deadlock, serialization) is a fault to send again', () => {
    const wrapped = (cause: unknown) =>
      Object.assign(new Error('Failed query: update ...'), { cause });
    expect(databaseFault(wrapped({ code: '40P01', message: 'deadlock detected' }))).toBe(
      'contention',
    );
    expect(
      databaseFault({
        code: '40001',
        message: 'could not serialize access due to concurrent update',
      }),
    ).toBe('contention');
  });

  it.runIf(ENGINE === 'postgres')(
    'a real deadlock between two transactions is that fault, and the survivor commits',
    async () => {
      const url = await freshPostgresUrl();
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try {
        await pool.query('create table pair (id int primary key, n int not null)');
        await pool.query('insert into pair values (1, 0), (2, 0)');
        const [a, b] = [await pool.connect(), await pool.connect()];
        try {
          await a.query('begin');
          await b.query('begin');
          await a.query('update pair set n = n + 1 where id = 1');
          await b.query('update pair set n = n + 1 where id = 2');
          // Each now waits for the row the other holds: PostgreSQL ends one of them.
          const outcomes = await Promise.allSettled([
            a.query('update pair set n = n + 1 where id = 2'),
            b.query('update pair set n = n + 1 where id = 1'),
          ]);
          const failed = outcomes.filter((o) => o.status === 'rejected');
          expect(failed).toHaveLength(1);
          expect(databaseFault((failed[0] as PromiseRejectedResult).reason)).toBe('contention');
          const survivor = outcomes[0]!.status === 'fulfilled' ? a : b;
          const victim = survivor === a ? b : a;
          await victim.query('rollback');
          await survivor.query('commit');
        } finally {
          a.release();
          b.release();
        }
        const { rows } = await pool.query('select sum(n)::int as total from pair');
        expect(rows).toEqual([{ total: 2 }]);
      } finally {
        await pool.end();
      }
    },
  );

  it('errors of the request or of our code are not faults', () => {
    expect(databaseFault({ code: '23505', message: 'duplicate key' })).toBe(null);
    expect(databaseFault(new TypeError('x is undefined'))).toBe(null);
  });
});
