import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, ENGINE, freshPostgresUrl } from '../harness.ts';
import { cleanUp, startServer, type Exit } from './processes.ts';

/**
 * The database misbehaving under a running server, as a failover or an
 * operator would make it: while clients write, every backend of the app is
 * terminated five times, then PostgreSQL is stopped and started again. This
 * stops the server every other test uses, so it runs on its own
 * (`npm run test:faults`, with DATABASE_URL), never in `npm test`.
 *
 * ACCORD_FAULTS_PGCTL is the command that stops and starts that server, with
 * `stop` or `start` appended; by default the first cluster of the machine's
 * PostgreSQL, through pg_ctlcluster.
 */
const PGCTL =
  process.env.ACCORD_FAULTS_PGCTL ??
  'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main';

const run = promisify(exec);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(cleanUp);

type Sent = {
  status: number;
  ms: number;
  retryAfter: string | null;
  text: string;
  phase: string;
};

/** Ends every session of the app's database but the caller's. */
async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const result = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [new URL(url).pathname.slice(1)],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function databaseAnswers(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

async function until(what: string, condition: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

describe.runIf(ENGINE === 'postgres')('PostgreSQL faults while clients write', () => {
  it(
    'the process never exits, no request takes 5 s, errors are 503 with Retry-After, every acknowledged write stays, and readiness follows the database',
    { timeout: 300_000 },
    async () => {
      const databaseUrl = await freshPostgresUrl();
      const server = await startServer({ DATABASE_URL: databaseUrl });
      let exit: Exit | null = null;
      void server.exited.then((e) => (exit = e));
      const client = new Client(server.url);
      await client.register('Fault Chair');

      let phase = 'warm-up';
      let stop = false;
      const sent: Sent[] = [];
      const acknowledged = new Map<string, string>();
      const send = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
        const started = performance.now();
        const answer = await client
          .request(method, path, body)
          .catch((error: Error) => ({ status: 0, headers: new Headers(), text: error.message }));
        const record: Sent = {
          status: answer.status,
          ms: performance.now() - started,
          retryAfter: answer.headers.get('retry-after'),
          text: answer.status === 201 ? '' : answer.text.slice(0, 300),
          phase,
        };
        sent.push(record);
        return { record, answer };
      };

      let written = 0;
      const writer = async (w: number) => {
        for (let i = 0; !stop && !exit; i++) {
          const name = `Writer ${w} group ${i}`;
          const { answer } = await send('POST', '/api/v1/groups', { name, purpose: 'faults' });
          if (answer.status === 201 && 'body' in answer) {
            acknowledged.set((answer.body as { group: { id: string } }).group.id, name);
            written++;
          } else await sleep(20);
          if (i % 5 === 4) await send('GET', '/api/v1/groups');
        }
      };

      const readiness: { status: number; state: string | undefined; phase: string }[] = [];
      const monitor = async () => {
        while (!stop && !exit) {
          const answer = await client.get('/readyz').catch(() => null);
          readiness.push({
            status: answer?.status ?? 0,
            state: (answer?.body as { status?: string } | undefined)?.status,
            phase,
          });
          await sleep(100);
        }
      };

      const wait = (what: string, condition: () => Promise<boolean>, ms?: number) =>
        until(
          what,
          async () => {
            if (exit) throw new Error(`the server exited:\n${server.stderr().slice(-3000)}`);
            return condition();
          },
          ms,
        );

      const clients = [writer(1), writer(2), writer(3), writer(4), monitor()];
      await wait('first writes', async () => written >= 10);

      const terminated: number[] = [];
      for (let round = 1; round <= 5; round++) {
        phase = `terminate ${round}`;
        await sleep(300);
        terminated.push(await terminateBackends(databaseUrl));
      }
      phase = 'after terminations';
      await wait('writes after the terminations', async () => {
        const before = written;
        await sleep(300);
        return written > before;
      });

      phase = 'stopped';
      await run(`${PGCTL} stop`);
      await wait('readiness says degraded', async () =>
        readiness.some((r) => r.phase === 'stopped' && r.status === 503),
      );
      await sleep(1000);
      phase = 'starting';
      await run(`${PGCTL} start`);
      await until('PostgreSQL answers', () => databaseAnswers(databaseUrl));
      phase = 'restarted';
      const restartedWrites = written;
      await wait('writes after the restart', async () => written >= restartedWrites + 10);
      stop = true;
      await Promise.all(clients);

      // The process never exits.
      expect(exit, server.stderr()).toBe(null);
      // Every app backend was there to be terminated.
      expect(terminated.every((n) => n > 0)).toBe(true);
      // No request takes over 5 s.
      const slow = sent.filter((s) => s.ms >= 5000);
      expect(slow).toEqual([]);
      // Every failure is a 503 with Retry-After, never a 500 nor a dropped connection.
      const wrong = sent.filter(
        (s) => s.status !== 200 && s.status !== 201 && !(s.status === 503 && s.retryAfter),
      );
      expect(wrong).toEqual([]);
      // The faults did reach the requests (the test proves something).
      expect(sent.filter((s) => s.status === 503).length).toBeGreaterThan(0);
      // Readiness: degraded while PostgreSQL was stopped, ok at the end.
      expect(
        readiness.some((r) => r.phase === 'stopped' && r.status === 503 && r.state === 'degraded'),
      ).toBe(true);
      await wait(
        'readiness says ok again',
        async () => (await client.get('/readyz')).status === 200,
        10_000,
      );
      const ready = await client.get('/readyz');
      expect(ready.body).toEqual({ status: 'ok', database: 'ok' });
      // Every acknowledged write is there.
      const listed = await client.get('/api/v1/groups');
      expect(listed.status).toBe(200);
      const present = new Map(
        (listed.body.groups as { id: string; name: string }[]).map((g) => [g.id, g.name]),
      );
      const missing = [...acknowledged].filter(([id, name]) => present.get(id) !== name);
      expect(missing).toEqual([]);
      expect(acknowledged.size).toBeGreaterThan(20);
      const worst = Math.max(...sent.map((s) => s.ms));
      console.log(
        `pg faults: ${sent.length} requests, ${acknowledged.size} acknowledged writes, ` +
          `${sent.filter((s) => s.status === 503).length} answered 503, slowest ${Math.round(worst)} ms, ` +
          `backends terminated ${terminated.join('/')}`,
      );
    },
  );
});

describe.runIf(ENGINE !== 'postgres')('PostgreSQL faults', () => {
  it('need a PostgreSQL server: run with DATABASE_URL set', () => {
    throw new Error('npm run test:faults needs DATABASE_URL (a PostgreSQL server it may restart)');
  });
});
