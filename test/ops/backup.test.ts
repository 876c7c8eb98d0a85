import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createGroup, ENGINE, joinGroup } from '../harness.ts';
import { addMeeting, adoptTerms, mark } from '../support/meetings.ts';
import {
  cleanUp,
  freshDataDir,
  freshEngineEnv,
  runCli,
  startServer,
  type Server,
  tempFolder,
} from './processes.ts';

afterAll(cleanUp);

type Made = { email: string; password: string; apiToken: string; groupNames: string[] };

/** Accounts, groups and a working group, roles, invitations, tokens, mail: through the API. */
async function makeVariedData(server: Server): Promise<Made> {
  const chair = server.client();
  const me = await chair.register('Backup Chair');
  const second = server.client();
  const secondMe = await second.register('Second Person');
  const third = server.client();
  const observer = await third.register('Zoë “Observer” O’Neill');

  const purpose = 'Quotes “like these”, a \\ backslash, émoji 🌱,\nand a second line';
  const steering = await chair.post('/api/v1/groups', { name: 'Steering group', purpose });
  expect(steering.status).toBe(201);
  const groupId: string = steering.body.group.id;
  await createGroup(chair, 'Housing working group', groupId);
  await joinGroup(chair, second, groupId);
  await joinGroup(chair, third, groupId);
  const role = await chair.put(`/api/v1/groups/${groupId}/people/${observer.id}/role`, {
    role: 'observer',
  });
  expect(role.status).toBe(200);

  const emailed = await chair.post(`/api/v1/groups/${groupId}/invitations`, {
    email: 'invitee@example.org',
  });
  expect(emailed.status).toBe(201);
  const withdrawn = await chair.post(`/api/v1/groups/${groupId}/invitations`, {});
  const revoke = await chair.delete(
    `/api/v1/groups/${groupId}/invitations/${withdrawn.body.invitation.id}`,
  );
  expect(revoke.status).toBe(200);

  const token = await chair.post('/api/v1/me/tokens', { name: 'Minutes script' });
  expect(token.status).toBe(201);
  const old = await chair.post('/api/v1/me/tokens', { name: 'Old laptop' });
  expect((await chair.delete(`/api/v1/me/tokens/${old.body.token.id}`)).status).toBe(200);

  // Meetings: a schedule, an agenda, a paper (binary), answers, a register and a feed.
  await adoptTerms(chair, groupId);
  expect((await chair.post(`/api/v1/groups/${groupId}/meetings/schedule`, {})).status).toBe(200);
  const past = await addMeeting(chair, groupId, new Date('2026-10-13T17:00:00Z'));
  await mark(chair, groupId, past, secondMe.id, 'present_in_person');
  const next = (await chair.get(`/api/v1/groups/${groupId}/meetings`)).body.meetings[0].id;
  const item = await chair.post(`/api/v1/groups/${groupId}/meetings/${next}/agenda`, {
    title: 'Budget',
    purpose: 'To agree it',
    remitKey: 'housing',
  });
  expect(item.status).toBe(201);
  // A whole 1×1 PNG: papers are typed by their content, and its bytes run from 0 to 255.
  const png = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    ),
  );
  const paper = await chair.request(
    'POST',
    `/api/v1/groups/${groupId}/meetings/${next}/papers?title=Map&fileName=map.png`,
    undefined,
    { raw: png, headers: { 'content-type': 'application/octet-stream' } },
  );
  expect(paper.status, paper.text).toBe(201);
  await second.put(`/api/v1/groups/${groupId}/meetings/${next}/rsvp`, {
    response: 'apologies',
    reason: 'Away',
  });
  expect((await chair.post('/api/v1/calendar-feeds', {})).status).toBe(201);

  const anonymous = new Client(server.url);
  await anonymous.post('/api/v1/session/link-requests', { email: me.email });
  await anonymous.post('/api/v1/session', { email: me.email, password: 'not the password' });
  return {
    email: me.email,
    password: me.password,
    apiToken: token.body.secret,
    groupNames: ['Housing working group', 'Steering group'],
  };
}

/** A backup's table lines, without the header (which records when it was made). */
function tablesOf(file: string): { table: string; rows: unknown[] }[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = JSON.parse(lines[0]!) as { format: string };
  expect(header.format).toBe('accord-backup');
  return lines.slice(1).map((line) => JSON.parse(line) as { table: string; rows: unknown[] });
}

function rowCounts(file: string): Record<string, number> {
  return Object.fromEntries(tablesOf(file).map((t) => [t.table, t.rows.length]));
}

async function cli(args: string[], env: Record<string, string>) {
  const result = await runCli(args, env);
  if (result.code !== 0) {
    throw new Error(`accord ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Makes data on a fresh database of `engine` and backs it up with the CLI. */
async function backedUpData(env: Record<string, string>) {
  const server = await startServer(env);
  let made: Made;
  try {
    made = await makeVariedData(server);
  } finally {
    await server.stop();
  }
  const file = path.join(tempFolder(), 'accord.backup');
  await cli(['backup', file], env);
  return { made, file };
}

describe(`backup and restore (${ENGINE})`, () => {
  let source: Record<string, string>;
  let made: Made;
  let file: string;

  beforeAll(async () => {
    source = await freshEngineEnv();
    ({ made, file } = await backedUpData(source));
  });

  it('the backup holds every kind of data that was made', () => {
    const counts = rowCounts(file);
    for (const table of [
      'users',
      'sessions',
      'one_time_tokens',
      'auth_attempts',
      'api_tokens',
      'groups',
      'group_people',
      'invitations',
      'outbox',
      'audit_log',
      'terms_versions',
      'meetings',
      'agenda_items',
      'papers',
      'attendance',
      'calendar_feeds',
    ]) {
      expect({ table, rows: counts[table] ?? 0 }).not.toEqual({ table, rows: 0 });
    }
  });

  it('a backup restored into an empty database holds exactly what was backed up, and Accord runs on it', async () => {
    const target = await freshEngineEnv();
    const restored = await cli(['restore', file], target);
    expect(restored.stdout).toMatch(/^Restored \d+ rows into \d+ tables/);
    const again = path.join(tempFolder(), 'again.backup');
    await cli(['backup', again], target);

    expect(tablesOf(again)).toEqual(tablesOf(file));

    const server = await startServer(target);
    const person = new Client(server.url);
    const signedIn = await person.post('/api/v1/session', {
      email: made.email,
      password: made.password,
    });
    expect(signedIn.status).toBe(200);
    const groups = await person.get('/api/v1/groups');
    expect(groups.body.groups.map((g: { name: string }) => g.name).sort()).toEqual(made.groupNames);
    const script = new Client(server.url);
    script.bearer = made.apiToken;
    expect((await script.get('/api/v1/me')).body).toMatchObject({ email: made.email });
    expect((await script.post('/api/v1/groups', { name: 'Made after the restore' })).status).toBe(
      201,
    );
    await server.stop();
  });

  // Eight processes in a row (restore, serve, backup, restore, backup, ...): a longer timeout.
  it('restore refuses a database that already holds data, and --replace replaces it', async () => {
    const target = await freshEngineEnv();
    await cli(['restore', file], target);
    const server = await startServer(target);
    await server.client().register('Newcomer After Restore');
    await server.stop();
    const before = path.join(tempFolder(), 'before.backup');
    await cli(['backup', before], target);

    const refused = await runCli(['restore', file], target);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds data');
    const after = path.join(tempFolder(), 'after.backup');
    await cli(['backup', after], target);
    expect(tablesOf(after)).toEqual(tablesOf(before));

    await cli(['restore', file, '--replace'], target);
    const replaced = path.join(tempFolder(), 'replaced.backup');
    await cli(['backup', replaced], target);
    expect(tablesOf(replaced)).toEqual(tablesOf(file));
  }, 120_000);

  it('a backup cut short restores nothing', async () => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const last = lines.findLastIndex((line) => line.length > 0);
    const cut = path.join(tempFolder(), 'cut.backup');
    fs.writeFileSync(
      cut,
      [...lines.slice(0, last), lines[last]!.slice(0, lines[last]!.length / 2)].join('\n'),
    );
    const target = await freshEngineEnv();

    const failed = await runCli(['restore', cut], target);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${cut} is damaged at line`);
    const check = path.join(tempFolder(), 'check.backup');
    await cli(['backup', check], target);
    expect(Object.values(rowCounts(check)).every((n) => n === 0)).toBe(true);
  });

  it('a backup with a row the database rejects restores nothing', async () => {
    const tables = tablesOf(file);
    const groups = tables.find((t) => t.table === 'groups')!;
    const broken = tables.map((t) =>
      t.table === 'groups' ? { ...t, rows: [...groups.rows, groups.rows[0]] } : t,
    );
    const header = fs.readFileSync(file, 'utf8').split('\n')[0]!;
    const duplicate = path.join(tempFolder(), 'duplicate.backup');
    fs.writeFileSync(duplicate, [header, ...broken.map((t) => JSON.stringify(t))].join('\n'));
    const target = await freshEngineEnv();

    const failed = await runCli(['restore', duplicate], target);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('The rows of groups could not be restored');
    expect(failed.stderr).not.toContain('password_hash');
    const check = path.join(tempFolder(), 'check.backup');
    await cli(['backup', check], target);
    expect(Object.values(rowCounts(check)).every((n) => n === 0)).toBe(true);
  });

  it.runIf(ENGINE === 'pglite')(
    'backup refuses a data folder a running Accord holds, naming the lock',
    async () => {
      const server = await startServer(source);
      const refused = await runCli(['backup', path.join(tempFolder(), 'x.backup')], source);
      await server.stop();

      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(path.join(source.DATA_DIR!, 'pgdata.lock'));
      expect(refused.stderr).toContain(`pid ${server.pid}`);
    },
  );

  it.runIf(ENGINE === 'postgres')(
    'a backup from the embedded database restores onto PostgreSQL',
    async () => {
      const embedded = await backedUpData({ DATA_DIR: await freshDataDir() });
      const target = await freshEngineEnv();

      await cli(['restore', embedded.file], target);

      const again = path.join(tempFolder(), 'again.backup');
      await cli(['backup', again], target);
      expect(tablesOf(again)).toEqual(tablesOf(embedded.file));
    },
  );
});
