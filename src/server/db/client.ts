import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { connectionBroken } from './faults.ts';
import { lockDataFolder, type FolderLock } from './lock.ts';
import { ADVISORY_LOCKS } from './locks.ts';
import { RemotePglite } from './pglite-remote.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** Runs raw SQL and returns rows: for backups, health checks and tests. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Raw SQL on one connection inside one transaction: committed if fn resolves, rolled back if it
   * throws. For long work (backups, restores): on PostgreSQL it has a connection of its own,
   * without the request path's timeouts.
   */
  transaction<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database, in its worker thread. */
  pglite?: RemotePglite;
  pool?: pg.Pool;
};

export type QueryFn = <T = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<T[]>;

export const MIGRATIONS_FOLDER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL only; each one unset takes its default. */
  timeouts?: Partial<PostgresTimeouts>;
  /** An in-memory PGlite loaded from a dumped data folder (tests). */
  pgliteFrom?: Blob;
  /** A connection was lost (PostgreSQL): for the log; the request in hand fails on its own. */
  onPoolError?: (error: Error) => void;
};

/** The one function that opens either engine. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let lock: FolderLock | undefined;
  let client: RemotePglite;
  if (options.pgliteFrom) {
    client = await RemotePglite.open({ loadDataDir: options.pgliteFrom });
  } else {
    if (!options.dataDir) throw new Error('A data folder is needed for the embedded database.');
    const folder = path.join(options.dataDir, 'pgdata');
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataFolder(folder);
    try {
      client = await RemotePglite.open({ dataDir: folder });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  // Drizzle's PGlite driver asks only for what RemotePglite answers (query and transaction).
  const db = drizzlePglite(client as never, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async transaction(fn) {
      return client.transaction(async (tx) =>
        fn(
          async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
        ),
      );
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Timeouts of the request path on PostgreSQL: together they keep a request within 5 s. */
export type PostgresTimeouts = {
  /** Waiting for a pooled connection (a free one, or a new one to be made). */
  connectMs: number;
  /** One statement (server side); the client gives up half a second later if no answer comes. */
  statementMs: number;
  /** Waiting for a row or table lock. */
  lockMs: number;
  /** A transaction left idle this long is ended by the server, releasing its locks. */
  idleInTransactionMs: number;
};

export const DEFAULT_TIMEOUTS: PostgresTimeouts = {
  connectMs: 3000,
  statementMs: 4000,
  lockMs: 3000,
  idleInTransactionMs: 10_000,
};

type Guarded = pg.PoolClient & { loseConnection?: (error: Error) => void };

/**
 * A pool whose clients can lose their connection at any moment (a restart, a
 * failover, `pg_terminate_backend`) without taking the process with them:
 * every client has an error listener for its whole life, and a checked-out
 * client that loses its connection is handed back at once with the error, so
 * the pool discards it instead of lending it again or counting it as busy for
 * ever. Releasing twice is harmless (callers release in `finally`, and the
 * connection may already have been handed back). New connections are made on
 * demand, so the pool recovers by itself when the database is back.
 */
class ResilientPool extends pg.Pool {
  constructor(config: pg.PoolConfig, onError: (error: Error) => void) {
    super(config);
    this.on('error', onError);
    this.on('connect', (client) => {
      const guarded = client as Guarded;
      // Idle clients are the pool's own listener's concern (it reports through 'error' above).
      client.on('error', (error) => {
        if (!guarded.loseConnection) return;
        onError(error);
        guarded.loseConnection(error);
      });
      // A statement whose error says the connection is gone hands the client back there and then.
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const result = query(...args);
        if (result instanceof Promise) {
          result.then(undefined, (error: unknown) => {
            if (connectionBroken(error)) guarded.loseConnection?.(error as Error);
          });
        }
        return result;
      };
    });
  }

  // pg-pool itself calls connect with a callback (pool.query); both forms get a guarded client.
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (
      error: Error | undefined,
      client: pg.PoolClient | undefined,
      done: () => void,
    ) => void,
  ): void;
  override connect(
    callback?: (
      error: Error | undefined,
      client: pg.PoolClient | undefined,
      done: () => void,
    ) => void,
  ): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect((error, client) => {
        const guarded = client ? guard(client) : undefined;
        callback(error, guarded, guarded ? guarded.release : () => undefined);
      });
      return;
    }
    return super.connect().then(guard);
  }
}

function guard(client: pg.PoolClient): pg.PoolClient {
  const guarded = client as Guarded;
  const release = client.release;
  let released = false;
  let lost: Error | undefined;
  const handBack = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    guarded.loseConnection = undefined;
    release(lost ?? error);
  };
  guarded.loseConnection = (error) => {
    lost = error;
    handBack(error);
  };
  guarded.release = handBack;
  return guarded;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const report = (error: Error) => options.onPoolError?.(error);
  const pool = new ResilientPool(
    {
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      lock_timeout: timeouts.lockMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      // The server cancels a slow statement first; this catches a server that stopped answering.
      query_timeout: timeouts.statementMs + 500,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    },
    report,
  );
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  /** A connection of its own, outside the pool and its timeouts, for long work (migrations, backups). */
  const dedicated = async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeouts.connectMs,
      keepAlive: true,
    });
    client.on('error', report);
    await client.connect();
    return client;
  };
  let closed = false;
  return {
    db,
    engine: 'postgres',
    pool,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async transaction(fn) {
      // Backups and restores: a whole database may take longer than a request's statement timeout.
      const connection = await dedicated();
      try {
        await connection.query('begin');
        const result = await fn(
          async <T>(text: string, params: unknown[] = []) =>
            (await connection.query(text, params)).rows as T[],
        );
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        await connection.end().catch(() => undefined);
      }
    },
    async migrate() {
      // Instances starting together take turns: the first migrates, the rest find nothing to
      // do. The migration runs on the connection holding the lock, free of request timeouts.
      const lock = await dedicated();
      try {
        await lock.query(`select pg_advisory_lock(${ADVISORY_LOCKS.migrations})`);
        await migratePg(drizzlePg(lock, { schema }) as never, {
          migrationsFolder: MIGRATIONS_FOLDER,
        });
      } finally {
        await lock.end().catch(() => undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
