import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_FOLDER } from '../src/server/db/client.ts';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openDatabase } from '../src/server/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** A data folder migrated once per run, for the tests that start `accord` processes. */
    pgliteFolder: string;
    postgresTemplate: string;
    databaseUrl: string;
  }
}

/**
 * Migrates one template database per run; each test file copies it (a fresh
 * in-memory PGlite loaded from a dump, or CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  project.provide('databaseUrl', databaseUrl);
  if (!databaseUrl) {
    const client = await PGlite.create();
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await client.dumpDataDir('none');
    await client.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    // The same template as a data folder (DATA_DIR/pgdata), as `accord migrate` leaves one.
    const folder = path.join(path.dirname(file), 'data');
    fs.mkdirSync(folder);
    const onDisk = await PGlite.create({ dataDir: path.join(folder, 'pgdata'), loadDataDir: dump });
    await onDisk.close();
    project.provide('pgliteFolder', folder);
    project.provide('postgresTemplate', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const template = `accord_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(databaseUrl, template) });
  await database.migrate();
  await database.close();
  await admin.end();
  project.provide('pgliteTemplate', '');
  project.provide('pgliteFolder', '');
  project.provide('postgresTemplate', template);
  return async () => {
    const cleanup = new pg.Client({ connectionString: databaseUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or starts_with(datname, $1 || '_')`,
      [template],
    );
    for (const row of rows)
      await cleanup.query(`drop database if exists ${row.datname} with (force)`);
    await cleanup.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
