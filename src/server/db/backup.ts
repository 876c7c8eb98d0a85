import fs from 'node:fs';
import readline from 'node:readline';
import type { Database, QueryFn } from './client.ts';

/**
 * A logical backup: every application table as JSON, one line per table,
 * readable by either engine. A backup taken on the embedded database restores
 * onto a PostgreSQL server and back.
 */
type Header = { format: 'accord-backup'; version: 1; createdAt: string; migrations: number };

/**
 * Tables that hold nothing but what the database works out from the others
 * (migration 0020): not backed up, emptied with the tables they refer to on a
 * restore, and worked out again when next read.
 */
const DERIVED_TABLES = new Set(['membership_cache', 'membership_versions']);

/** The application's tables, each after every table it refers to. */
async function applicationTables(query: QueryFn): Promise<string[]> {
  const tables = (
    await query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !DERIVED_TABLES.has(name));
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

/**
 * Each table's columns the database computes itself (stored, generated
 * columns such as the search vectors): a backup leaves them out and a restore
 * lets the database compute them again.
 */
async function generatedColumns(query: QueryFn): Promise<Map<string, string[]>> {
  const rows = await query<{ table: string; column: string }>(
    `select c.relname as "table", a.attname as "column"
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0
       and not a.attisdropped and a.attgenerated <> ''
     order by c.relname, a.attnum`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of rows) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return byTable;
}

/** A table's columns that a restore writes: all but the generated ones, in their order. */
async function writableColumns(query: QueryFn, table: string): Promise<string[]> {
  const rows = await query<{ column: string }>(
    `select a.attname as "column" from pg_attribute a
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
       and a.attgenerated = ''
     order by a.attnum`,
    [quoteIdent(table)],
  );
  return rows.map((r) => r.column);
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

type SelfReference = { column: string; references: string };

/** Columns that refer to another row of their own table (a working group's parent). */
async function selfReferences(query: QueryFn): Promise<Map<string, SelfReference[]>> {
  const rows = await query<{ table: string } & SelfReference>(
    `select c.relname as "table", a.attname as "column", r.attname as "references"
     from pg_constraint k
     join pg_class c on c.oid = k.conrelid
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     join pg_attribute r on r.attrelid = k.confrelid and r.attnum = k.confkey[1]
     where k.contype = 'f' and n.nspname = 'public' and k.conrelid = k.confrelid
       and array_length(k.conkey, 1) = 1`,
  );
  const byTable = new Map<string, SelfReference[]>();
  for (const { table, ...reference } of rows) {
    byTable.set(table, [...(byTable.get(table) ?? []), reference]);
  }
  return byTable;
}

/**
 * Orders rows so that each comes after the rows of its own table it refers to:
 * the insert is split into chunks, and a foreign key is checked at the end of
 * each chunk's statement. Rows whose referent is missing come last (and fail).
 */
function referencedFirst(rows: unknown[], references: SelfReference[]): unknown[] {
  if (references.length === 0) return rows;
  const records = rows as Record<string, unknown>[];
  const inserted = new Map(references.map((r) => [r.references, new Set<unknown>()]));
  const ordered: Record<string, unknown>[] = [];
  let remaining = records;
  while (remaining.length > 0) {
    const ready = remaining.filter((row) =>
      references.every(
        (r) => row[r.column] == null || inserted.get(r.references)?.has(row[r.column]),
      ),
    );
    if (ready.length === 0) return [...ordered, ...remaining];
    for (const row of ready) {
      ordered.push(row);
      for (const [column, values] of inserted) values.add(row[column]);
    }
    const done = new Set(ready);
    remaining = remaining.filter((row) => !done.has(row));
  }
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
    // Times written the same way whatever the server's zone, so backups compare.
    await query("set local time zone 'UTC'");
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
  const generated = await generatedColumns(query);
  try {
    await write(JSON.stringify(header));
    for (const table of tables) {
      const computed = generated.get(table) ?? [];
      const value = computed.length
        ? `to_jsonb(t) - array[${computed.map(quoteLiteral).join(', ')}]::text[]`
        : 't';
      const [row] = await query<{ rows: unknown[] | null }>(
        `select coalesce(json_agg(${value} order by t::text), '[]'::json) as rows from ${quoteIdent(table)} t`,
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
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new RestoreError(`Cannot read ${file}.`);
  }
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
    const references = await selfReferences(query);
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
      await query(`truncate ${[...tables, ...DERIVED_TABLES].map(quoteIdent).join(', ')} cascade`);
    }
    const restored = new Set<string>();
    let lineNumber = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber++;
      if (!next.value.trim()) continue;
      let line: { table: string; rows: unknown[] };
      try {
        line = JSON.parse(next.value) as { table: string; rows: unknown[] };
      } catch {
        throw new RestoreError(`${file} is damaged at line ${lineNumber}. Nothing was restored.`);
      }
      const { table } = line;
      if (!known.has(table) || !Array.isArray(line.rows)) {
        throw new RestoreError(
          `${file} line ${lineNumber} is not a table this version knows. Nothing was restored.`,
        );
      }
      if (restored.has(table)) {
        throw new RestoreError(`${file} holds ${table} twice. Nothing was restored.`);
      }
      restored.add(table);
      tableCount++;
      if (line.rows.length === 0) continue;
      const rows = referencedFirst(line.rows, references.get(table) ?? []);
      const columns = (await writableColumns(query, table)).map(quoteIdent).join(', ');
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        try {
          await query(
            `insert into ${quoteIdent(table)} (${columns}) select ${columns} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
            [JSON.stringify(chunk)],
          );
        } catch (error) {
          // The database's own message, not the rows (they hold password and session hashes).
          const { message, detail } = error as { message?: string; detail?: string };
          throw new RestoreError(
            `The rows of ${table} could not be restored: ${message}${detail ? ` (${detail})` : ''}. ` +
              'Nothing was restored.',
          );
        }
      }
      rowCount += rows.length;
    }
    const missing = tables.filter((t) => !restored.has(t));
    if (missing.length > 0) {
      throw new RestoreError(
        `${file} is incomplete: it has no ${missing.join(', ')}. Nothing was restored.`,
      );
    }
    return { tables: tableCount, rows: rowCount };
  });
}
