import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/client.ts';
import { backup, restore, RestoreError } from '../server/db/backup.ts';
import { DataFolderLockedError } from '../server/db/lock.ts';
import { serve } from '../server/main.ts';

const USAGE = `Usage: accord <command>

  serve                 start Accord (migrates the database first)
  migrate               apply database migrations and exit
  create-admin          create an administrator, or make an account one
                          --email EMAIL --name NAME (password from ACCORD_ADMIN_PASSWORD or asked for)
  backup FILE           write every table to FILE (stop Accord first on the embedded database)
  restore FILE          load FILE into an empty database (--replace to empty it first)

Configuration comes from the environment: see the README.`;

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    timeouts: config.databaseTimeouts,
  });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ACCORD_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      await withDatabase(config, async (db) => console.log(`Migrated the ${db.engine} database.`));
      return 0;
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      });
      const { createAdminFromCli } = await import('./create-admin.ts');
      return withDatabase(config, (db) =>
        createAdminFromCli(config, db, { email: values.email, name: values.name, readPassword }),
      );
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new UsageError('accord backup FILE');
      const result = await withDatabase(config, (db) => backup(db, file));
      console.log(`Backed up ${result.rows} rows from ${result.tables} tables to ${file}.`);
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { replace: { type: 'boolean', default: false } },
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file) throw new UsageError('accord restore FILE [--replace]');
      const result = await withDatabase(config, (db) =>
        restore(db, file, { replace: values.replace }),
      );
      console.log(`Restored ${result.rows} rows into ${result.tables} tables from ${file}.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataFolderLockedError ||
      error instanceof RestoreError ||
      error instanceof UsageError
    ) {
      console.error(error instanceof UsageError ? `Usage: ${error.message}` : error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
