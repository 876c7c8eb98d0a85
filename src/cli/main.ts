import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/** Each command's own line of the usage, shown for `accord <command> --help` and with a mistake. */
const COMMAND_USAGE: Record<string, string> = {
  serve: 'accord serve',
  migrate: 'accord migrate',
  'create-admin': 'accord create-admin --email EMAIL --name NAME',
  backup: 'accord backup FILE',
  restore: 'accord restore FILE [--replace]',
};

/**
 * A command's arguments, strictly: an option it does not take, a missing or
 * extra FILE, or a FILE that looks like an option is a usage error, so that
 * `accord backup --help` never writes a backup to a file named "--help".
 */
function commandArgs(
  command: string,
  rest: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  files: 0 | 1,
):
  | { help: true }
  | { help: false; values: Record<string, string | boolean | undefined>; file: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${COMMAND_USAGE[command]}\n${(error as Error).message}`);
  }
  if (parsed.values.help === true) return { help: true };
  if (parsed.positionals.length !== files)
    throw new UsageError(
      `${COMMAND_USAGE[command]}\n${files ? 'Name one file.' : 'This command takes no file.'}`,
    );
  const values: Record<string, string | boolean | undefined> = {};
  for (const [key, value] of Object.entries(parsed.values))
    if (typeof value === 'string' || typeof value === 'boolean') values[key] = value;
  return { help: false, values, file: parsed.positionals[0] ?? '' };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!(command in COMMAND_USAGE)) throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  const args = commandArgs(
    command,
    rest,
    {
      ...(command === 'create-admin'
        ? { email: { type: 'string' as const }, name: { type: 'string' as const } }
        : {}),
      ...(command === 'restore' ? { replace: { type: 'boolean' as const, default: false } } : {}),
    },
    command === 'backup' || command === 'restore' ? 1 : 0,
  );
  if (args.help) {
    console.log(`Usage: ${COMMAND_USAGE[command]}\n\n${USAGE}`);
    return 0;
  }
  const config = loadConfig();
  const { values, file } = args;
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      await withDatabase(config, async (db) => console.log(`Migrated the ${db.engine} database.`));
      return 0;
    case 'create-admin': {
      const { createAdminFromCli } = await import('./create-admin.ts');
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      return withDatabase(config, (db) =>
        createAdminFromCli(config, db, {
          email: text(values.email),
          name: text(values.name),
          readPassword,
        }),
      );
    }
    case 'backup': {
      const result = await withDatabase(config, (db) => backup(db, file));
      console.log(`Backed up ${result.rows} rows from ${result.tables} tables to ${file}.`);
      return 0;
    }
    case 'restore': {
      const result = await withDatabase(config, (db) =>
        restore(db, file, { replace: values.replace === true }),
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
