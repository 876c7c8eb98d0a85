import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { databaseFault } from '../../src/server/db/faults.ts';
import { RemotePglite } from '../../src/server/db/pglite-remote.ts';
import { ENGINE } from '../harness.ts';
import { cleanUp, ROOT, tempFolder } from './processes.ts';

/**
 * The embedded database runs in a worker thread (src/server/db/pglite-remote.ts):
 * what the server relies on from it, seen from the server's side.
 */
describe.runIf(ENGINE === 'pglite')('the embedded database in its own thread', () => {
  const TEMPLATE = inject('pgliteTemplate');
  const opened: RemotePglite[] = [];
  const open = async () => {
    // The run's migrated template, as the tests' databases are made (a fresh one takes seconds).
    const db = await RemotePglite.open({ loadDataDir: new Blob([fs.readFileSync(TEMPLATE)]) });
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });
  afterAll(cleanUp);

  it('a long query leaves the event loop free: timers keep firing while it runs', async () => {
    const db = await open();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const started = performance.now();
    delay.enable();
    await db.query(
      'select count(*) from generate_series(1, 3000000) a join generate_series(1, 3) b on true',
    );
    delay.disable();
    const took = performance.now() - started;
    // Run in this thread, the query held the loop for all of `took` (several hundred ms).
    expect(took).toBeGreaterThan(200);
    expect(delay.max / 1e6).toBeLessThan(took / 2);
  });

  it('PostgreSQL keeps a 32 MB cache of its own, not PGlite’s 128 (the server’s memory)', async () => {
    const db = await open();
    expect((await db.query('show shared_buffers')).rows).toEqual([{ shared_buffers: '32MB' }]);
  });

  it('errors keep PostgreSQL’s fields, so the server can tell a conflict from a fault', async () => {
    const db = await open();
    await db.exec('create table t (id int primary key, note text not null)');
    await db.query('insert into t values (1, $1)', ['first']);
    const conflict = await db.query('insert into t values (1, $1)', ['again']).catch((e) => e);
    expect(conflict).toBeInstanceOf(Error);
    expect(conflict).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't' });
    expect(String(conflict.message)).toMatch(/duplicate key/);
    expect(databaseFault(conflict)).toBeNull();
  });

  it('a transaction commits what its function did, or nothing if it threw; others wait for it', async () => {
    const db = await open();
    await db.exec('create table t (id int primary key)');
    const failure = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t values (1)');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await db.query('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }]);

    let inside: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (inside = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.query('insert into t values (2)');
      inside();
      await gate;
      await tx.query('insert into t values (3)');
      return 'done';
    });
    await held;
    // Sent while the transaction is open: it runs after the commit, never inside it.
    const reading = db.query<{ n: number }>('select count(*)::int as n from t');
    release();
    expect(await writing).toBe('done');
    expect((await reading).rows).toEqual([{ n: 2 }]);
  });

  it('rows come back typed as PGlite types them, and as text where Drizzle asks for text', async () => {
    const db = await open();
    const sql = `select timestamptz '2026-03-01 10:00:00+00' as at, 2::int4 as n, '{"a":1}'::jsonb as j`;
    const typed = await db.query<{ at: Date; n: number; j: unknown }>(sql);
    expect(typed.rows[0]!.at).toBeInstanceOf(Date);
    expect(typed.rows[0]!.at.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(typed.rows[0]).toMatchObject({ n: 2, j: { a: 1 } });
    const text = await db.query<unknown[]>(sql, [], {
      rowMode: 'array',
      parsers: { 1184: (value: string) => value },
    });
    expect(text.rows[0]).toEqual(['2026-03-01 10:00:00+00', 2, { a: 1 }]);
  });

  it('once its thread has stopped, every request fails as the database being unreachable', async () => {
    const db = await open();
    const pending = db.query('select count(*) from generate_series(1, 5000000)');
    await db.close();
    const during = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    const after = await db.query('select 1').catch((e: unknown) => e);
    // The query in flight either finished before the close or failed with it; never hangs.
    if (during) expect(databaseFault(during)).toBe('unreachable');
    expect(databaseFault(after)).toBe('unreachable');
    expect(db.closed).toBe(true);
  });

  it('a script that awaits a query gets its answer, then exits without closing', async () => {
    const folder = await tempFolder();
    const script = path.join(folder, 'script.mts');
    const remote = path.join(ROOT, 'src/server/db/pglite-remote.ts');
    fs.writeFileSync(
      script,
      `import { RemotePglite } from ${JSON.stringify(remote)};\n` +
        `import fs from 'node:fs';\n` +
        `const dump = new Blob([fs.readFileSync(${JSON.stringify(TEMPLATE)})]);\n` +
        `const db = await RemotePglite.open({ loadDataDir: dump });\n` +
        `const { rows } = await db.query('select 41 + 1 as answer');\n` +
        `console.log(JSON.stringify(rows));\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ out: out.trim(), err }).toEqual({ out: '[{"answer":42}]', err: '' });
    expect(code).toBe(0);
  });
});
