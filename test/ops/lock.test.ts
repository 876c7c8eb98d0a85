import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, createGroup, ENGINE } from '../harness.ts';
import {
  cleanUp,
  freshDataDir,
  ROOT,
  runCli,
  spawnAccord,
  startServer,
  tempFolder,
} from './processes.ts';

/** A pid that certainly belonged to a process which has since exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe.runIf(ENGINE === 'pglite')('one process at a time on an embedded data folder', () => {
  afterAll(cleanUp);

  it('a second start on the same data folder exits non-zero, naming the lock file and the pid holding it', async () => {
    const dataDir = await freshDataDir();
    const first = await startServer({ DATA_DIR: dataDir });
    const lockFile = path.join(dataDir, 'pgdata.lock');

    const second = await runCli(['serve'], { DATA_DIR: dataDir });

    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(lockFile);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stdout).not.toContain('Accord is ready');
    // The first is untouched: still serving, still holding the lock.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));
    await first.stop();
  });

  it('a lock left behind by a process that no longer runs is taken over', async () => {
    const dataDir = await freshDataDir();
    const lockFile = path.join(dataDir, 'pgdata.lock');
    fs.writeFileSync(lockFile, String(await deadPid()));

    const server = await startServer({ DATA_DIR: dataDir });

    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(server.pid));
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('of several starts racing for a folder with a stale lock, exactly one runs', async () => {
    const dataDir = await freshDataDir();
    const lockFile = path.join(dataDir, 'pgdata.lock');
    fs.writeFileSync(lockFile, String(await deadPid()));

    const runs = [1, 2, 3].map(() => spawnAccord(['serve'], { DATA_DIR: dataDir }));
    const isReady = (run: (typeof runs)[number]) => run.stdout().includes('Accord is ready');
    // Each either becomes ready or exits; the losers exit on their own.
    await Promise.all(
      runs.map(
        (run) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (isReady(run)) resolve();
            };
            run.child.stdout?.on('data', check);
            void run.exited.then(() => resolve());
          }),
      ),
    );

    const winners = runs.filter(isReady);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const loser of runs.filter((run) => run !== winner)) {
      expect((await loser.exited).code).toBe(1);
      expect(loser.stderr()).toContain(`pid ${winner.pid}`);
    }
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(winner.pid));
    winner.child.kill('SIGTERM');
    expect(await winner.exited).toEqual({ code: 0, signal: null });
  });

  it('of several processes taking over a stale lock at the same instant, exactly one gets it', async () => {
    const contender = path.join(ROOT, 'test', 'ops', 'lock-contender.ts');
    for (let round = 0; round < 5; round++) {
      const dataFolder = path.join(tempFolder(), 'pgdata');
      fs.writeFileSync(`${dataFolder}.lock`, String(await deadPid()));
      const at = String(Date.now() + 1500);
      const runs = [1, 2, 3, 4].map(() => {
        const child = spawn(process.execPath, ['--import', 'tsx', contender, dataFolder, at], {
          cwd: ROOT,
        });
        const answer = new Promise<string>((resolve) => {
          let out = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            out += chunk;
            if (out.includes('\n')) resolve(out.trim());
          });
          child.once('exit', () => resolve(out.trim()));
        });
        return { child, answer };
      });
      try {
        const answers = await Promise.all(runs.map((r) => r.answer));
        const winners = runs.filter((_, i) => answers[i] === 'won');
        expect(winners).toHaveLength(1);
        const winnerPid = winners[0]!.child.pid;
        for (const answer of answers.filter((a) => a !== 'won')) {
          expect(answer).toContain(`in use by another Accord process (pid ${winnerPid})`);
        }
        expect(fs.readFileSync(`${dataFolder}.lock`, 'utf8').trim()).toBe(String(winnerPid));
      } finally {
        for (const { child } of runs) child.stdin.end();
        await Promise.all(
          runs.map(({ child }) =>
            child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
          ),
        );
      }
    }
  });

  it('a first start on an empty folder makes the database, and its data survives a restart', async () => {
    const dataDir = tempFolder();
    const before = await startServer({ DATA_DIR: dataDir });
    const client = new Client(before.url);
    const person = await client.register('Returning Person');
    const groupId = await createGroup(client);
    expect(await before.stop()).toEqual({ code: 0, signal: null });

    const after = await startServer({ DATA_DIR: dataDir });
    const again = new Client(after.url);
    const signedIn = await again.post('/api/v1/session', {
      email: person.email,
      password: person.password,
    });
    expect(signedIn.status).toBe(200);
    const groups = await again.get('/api/v1/groups');
    expect(groups.body.groups.map((g: { id: string }) => g.id)).toEqual([groupId]);
    await after.stop();
  });
});
