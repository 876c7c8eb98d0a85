import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, restore, RestoreError } from '../../src/server/db/backup.ts';
import { ENGINE, freshDatabase } from '../harness.ts';
import { cleanUp, tempFolder } from './processes.ts';

afterAll(cleanUp);

const CHAIR = '00000000-0000-4000-8000-000000000001';

describe(`backup files (${ENGINE})`, () => {
  it('working groups restore however many groups there are (each after its parent)', async () => {
    const source = await freshDatabase();
    const file = path.join(tempFolder(), 'many.backup');
    try {
      await source.query(`insert into users (id, email, name) values ($1, 'c@example.org', 'C')`, [
        CHAIR,
      ]);
      // More rows than one insert statement takes, in an order where children often come first.
      await source.query(
        `insert into groups (name, created_by) select 'Group ' || i, $1 from generate_series(1, 3000) i`,
        [CHAIR],
      );
      await source.query(
        `insert into groups (name, parent_id) select 'Working group of ' || name, id from groups`,
      );
      await backup(source, file);
    } finally {
      await source.close();
    }
    const target = await freshDatabase();
    try {
      expect(await restore(target, file)).toMatchObject({ rows: 6001 });
      const [row] = await target.query<{ n: string }>(
        'select count(*) as n from groups where parent_id is not null',
      );
      expect(Number(row?.n)).toBe(3000);
    } finally {
      await target.close();
    }
  });

  it('a backup missing whole tables (cut at a line end) restores nothing', async () => {
    const source = await freshDatabase();
    const file = path.join(tempFolder(), 'whole.backup');
    try {
      await source.query(`insert into users (id, email, name) values ($1, 'c@example.org', 'C')`, [
        CHAIR,
      ]);
      await backup(source, file);
    } finally {
      await source.close();
    }
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const usersLine = lines.findIndex((line) => line.startsWith('{"table":"users"'));
    const cut = path.join(tempFolder(), 'cut.backup');
    fs.writeFileSync(cut, `${lines.slice(0, usersLine + 1).join('\n')}\n`);

    const target = await freshDatabase();
    try {
      await expect(restore(target, cut)).rejects.toThrow(RestoreError);
      await expect(restore(target, cut)).rejects.toThrow(/incomplete: it has no/);
      expect(await target.query('select * from users')).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
