import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { restore } from '../../src/server/db/backup.ts';
import { backupIfDue, newestBackupAt } from '../../src/server/db/scheduled-backups.ts';
import { createGroup, freshDatabase, startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let folder: string;
beforeAll(async () => {
  t = await startTestApp();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-backups-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const HOUR = 3_600_000;

it('the running server backs itself up when a backup is due, keeps the newest, and each one restores', async () => {
  const chair = t.client();
  await chair.register('Backed Up');
  await createGroup(chair, 'Group in the backup');
  const options = { folder, everyHours: 24, keep: 2 };
  const start = new Date('2026-11-29T06:00:00Z');

  // None yet: one is taken at once. Within the day, none is due.
  const first = await backupIfDue(t.database, options, start);
  expect(first?.file).toMatch(/accord-2026-11-29T06-00-00Z\.jsonl$/);
  fs.utimesSync(first!.file, start, start);
  expect(newestBackupAt(folder)?.toISOString()).toBe(start.toISOString());
  expect(await backupIfDue(t.database, options, new Date(start.getTime() + 23 * HOUR))).toBeNull();

  // Each day another; only the newest two are kept, and nothing half-written is left.
  for (const day of [1, 2, 3]) {
    const at = new Date(start.getTime() + day * 24 * HOUR);
    const taken = await backupIfDue(t.database, options, at);
    expect(taken, `day ${day}`).not.toBeNull();
    fs.utimesSync(taken!.file, at, at);
  }
  expect(fs.readdirSync(folder).sort()).toEqual([
    'accord-2026-12-01T06-00-00Z.jsonl',
    'accord-2026-12-02T06-00-00Z.jsonl',
  ]);

  // The newest restores into an empty database with the same people and groups.
  const target = await freshDatabase();
  try {
    await restore(target, path.join(folder, 'accord-2026-12-02T06-00-00Z.jsonl'));
    for (const table of ['users', 'groups']) {
      const [a] = await t.database.query<{ n: string }>(`select count(*)::text as n from ${table}`);
      const [b] = await target.query<{ n: string }>(`select count(*)::text as n from ${table}`);
      expect(b?.n, table).toBe(a?.n);
    }
    const names = await target.query<{ name: string }>('select name from groups');
    expect(names.map((r) => r.name)).toContain('Group in the backup');
  } finally {
    await target.close();
  }
});
