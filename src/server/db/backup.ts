import fs from 'node:fs';
import readline from 'node:readline';
import type { Database, QueryFn } from './client.ts';

/**
 * A logical backup: every application table as JSON, one line per table,
 * readable by either engine. A backup taken on the embedded database restores
 * onto a PostgreSQL server and back.
 */
type Header = { format: 'accord-backup'; version: 1; createdAt: string; migrations: number };

/** The application's tables, each after every table it refers to. */
async function applicationTables(query: QueryFn): Promise<string[]> {
  const tables = (
    await query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    )
  ).map((r) => r.name);
  const references = await query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table)) return;
    if (path.has(table)) throw new Error(`foreign keys form a cycle through ${table}`);
    path.add(table);
    for (const r of references) if (r.child === table) visit(r.parent, path);
    path.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function migrationCount(query: QueryFn): Promise<number> {
  const [row] = await query<{ n: string | number }>(
    'select count(*) as n from drizzle.__drizzle_migrations',
  );
  return Number(row?.n ?? 0);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
}

export async function backup(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  return database.transaction(async (query) => {
    // One repeatable-read transaction: every table from the same moment.
    await query('set transaction isolation level repeatable read');
    return writeBackup(query, file);
  });
}

async function writeBackup(
  query: QueryFn,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const header: Header = {
    format: 'accord-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: await migrationCount(query),
  };
  const tmp = `${file}.partial`;
  const out = fs.createWriteStream(tmp, { encoding: 'utf8' });
  const write = (line: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(`${line}\n`, (e) => (e ? reject(e) : resolve())),
    );
  let rowCount = 0;
  const tables = await applicationTables(query);
  try {
    await write(JSON.stringify(header));
    for (const table of tables) {
      const [row] = await query<{ rows: unknown[] | null }>(
        `select coalesce(json_agg(t order by t::text), '[]'::json) as rows from ${quoteIdent(table)} t`,
      );
      const rows = row?.rows ?? [];
      rowCount += rows.length;
      await write(JSON.stringify({ table, rows }));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    fs.renameSync(tmp, file);
  } catch (error) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return { tables: tables.length, rows: rowCount };
}

export class RestoreError extends Error {}

/**
 * Restores into a migrated database, all or nothing. Refuses a database that
 * already holds data unless `replace` is set, in which case it is emptied first
 * (in the same transaction).
 */
export async function restore(
  database: Database,
  file: string,
  options: { replace?: boolean } = {},
): Promise<{ tables: number; rows: number }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Header;
  try {
    header = JSON.parse(String(first.value ?? '')) as Header;
  } catch {
    throw new RestoreError(`${file} is not an Accord backup.`);
  }
  if (header.format !== 'accord-backup' || header.version !== 1) {
    throw new RestoreError(`${file} is not an Accord backup.`);
  }
  return database.transaction(async (query) => {
    const migrations = await migrationCount(query);
    if (header.migrations !== migrations) {
      throw new RestoreError(
        `This backup was made at schema version ${header.migrations}; this database is at ${migrations}. ` +
          'Restore with the Accord version that made it, then upgrade.',
      );
    }
    const tables = await applicationTables(query);
    const known = new Set(tables);
    let rowCount = 0;
    let tableCount = 0;
    const [counts] = await query<{ n: string | number }>(
      `select (${tables.map((t) => `(select count(*) from ${quoteIdent(t)})`).join(' + ') || '0'}) as n`,
    );
    if (Number(counts?.n ?? 0) > 0) {
      if (!options.replace) {
        throw new RestoreError(
          'This database already holds data. Restore into an empty one, or pass --replace.',
        );
      }
      await query(`truncate ${tables.map(quoteIdent).join(', ')} cascade`);
    }
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const { table, rows } = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!known.has(table))
        throw new RestoreError(`The backup has a table this version does not know: ${table}`);
      tableCount++;
      if (rows.length === 0) continue;
      // One statement per table: foreign keys within the table (working groups) are checked at its end.
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await query(
          `insert into ${quoteIdent(table)} select * from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
          [JSON.stringify(chunk)],
        );
      }
      rowCount += rows.length;
    }
    return { tables: tableCount, rows: rowCount };
  });
}
