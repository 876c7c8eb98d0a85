import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import { freshDatabase } from '../harness.ts';

/**
 * Each domain list (src/contracts/domains.ts) is declared once: a column typed
 * with one has a CHECK in the migrated database allowing exactly its values,
 * so the column type, the constraint and the Zod enum cannot drift apart.
 */
let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});

afterAll(async () => {
  await database.close();
});

type Check = { table: string; definition: string };

describe('domain lists in the database', () => {
  it('every column typed with a domain list has a CHECK allowing exactly that list', async () => {
    const checks = await database.query<Check>(
      `select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
         from pg_constraint c
        where c.contype = 'c' and c.connamespace = 'public'::regnamespace`,
    );
    const columns: { table: string; column: string; values: readonly string[] }[] = [];
    for (const value of Object.values(schema)) {
      if (!is(value, PgTableClass)) continue;
      const config = getTableConfig(value as PgTable);
      for (const column of config.columns) {
        const values = (column as { enumValues?: readonly string[] }).enumValues;
        if (values && values.length > 0)
          columns.push({ table: config.name, column: column.name, values });
      }
    }
    expect(columns.length).toBeGreaterThan(10);
    const mismatches: string[] = [];
    for (const { table, column, values } of columns) {
      const found = checks.filter(
        (c) =>
          c.table.replaceAll('"', '') === table &&
          new RegExp(`\\(\\(?${column}\\b`).test(c.definition.replaceAll('"', '')),
      );
      const allowed = found.map((c) =>
        [...c.definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]).sort(),
      );
      if (!allowed.some((list) => JSON.stringify(list) === JSON.stringify([...values].sort())))
        mismatches.push(`${table}.${column}: ${JSON.stringify(allowed)} for ${values.join(', ')}`);
    }
    expect(mismatches).toEqual([]);
  });
});
