import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, ROOT, startServer, tempFolder } from './processes.ts';

afterAll(cleanUp);

type Summary = {
  admin: { email: string; password: string };
  groups: number;
  people: number;
  attendanceRows: number;
  largestGroup: { id: string; people: number; chairEmail: string; memberEmail: string };
  password: string;
  searchWord: string;
};

/** The test run's environment without Accord's settings: the command gets only its arguments. */
function ownEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(BASE_URL|DATABASE_|DATA_DIR|SMTP_|MAIL_|SECRET_KEY|LOG_LEVEL|SESSION_)/.test(name))
      delete env[name];
  return env;
}

/** `npm run seed:scale` as an operator runs it; its output and exit code. */
function seedScale(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'seed-scale.ts'), ...args],
      { cwd: ROOT, env: ownEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run seed:scale', () => {
  it('makes an installation whose people sign in with the password, and says so in its last line', async () => {
    const dataDir = tempFolder('accord-seed-');
    const password = 'seeded password 42';
    const run = await seedScale([
      ...['--groups', '2', '--people', '6', '--meetings', '4', '--large', '9'],
      ...['--engine', 'pglite', '--data-dir', dataDir, '--password', password],
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('3/3 groups');
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Summary;
    expect(summary.groups).toBe(3);
    expect(summary.people).toBe(6 + 6 + 9);
    expect(summary.attendanceRows).toBeGreaterThan(0);
    expect(summary.admin.password).toBe(password);
    expect(summary.largestGroup.people).toBe(9);

    const server = await startServer({ DATA_DIR: dataDir });
    const member = server.client();
    await member.callOk('signIn', { email: summary.largestGroup.memberEmail, password });
    const group = await member.callOk('getGroup', { groupId: summary.largestGroup.id });
    expect(group.myRole).toBe('participant');
    expect(group.peopleCount).toBe(9);
    // The member named went to every meeting: the rule in force makes them a member.
    const me = await member.callOk('getMe', {});
    const list = await member.callOk('listMembershipStatuses', {
      groupId: summary.largestGroup.id,
    });
    expect(list.people.find((p) => p.userId === me.id)?.status).toBe('member');
    // Notes are written with the word, and a member can find them.
    const found = await member.callOk('search', {
      groupId: summary.largestGroup.id,
      q: summary.searchWord,
    });
    expect(found.results.some((r) => r.kind === 'notes')).toBe(true);

    const chair = server.client();
    await chair.callOk('signIn', { email: summary.largestGroup.chairEmail, password });
    expect((await chair.callOk('getGroup', { groupId: summary.largestGroup.id })).myRole).toBe(
      'chair',
    );
    const admin = server.client();
    await admin.callOk('signIn', { email: summary.admin.email, password });
    expect((await admin.callOk('getMe', {})).isAdmin).toBe(true);
    await server.stop();
  }, 180_000);
});
