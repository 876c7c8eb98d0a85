import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Actor } from './access.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { EventBus } from './modules/events/bus.ts';

/** What services need, passed as arguments rather than hung on a global. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  log: FastifyBaseLogger;
  /** Wakes the mail sender after something was queued (it also polls). */
  kickMail: () => void;
  /** Live events for open meeting views; publish after the change has committed. */
  events: EventBus;
};

/**
 * Deps for a command run outside the server (creating an administrator,
 * generating an installation): a silent log, no mail sender to wake (queued
 * mail goes when a server runs) and no live views to tell.
 */
export function commandDeps(config: Config, database: Database): Deps {
  return {
    config,
    database,
    db: database.db,
    log: pino({ level: 'silent' }),
    kickMail: () => undefined,
    events: {
      publish: async () => undefined,
      subscribe: () => () => undefined,
      close: async () => undefined,
    },
  };
}

/** What a use case runs with besides its input: its dependencies and who is asking. */
export type UseCaseScope = { deps: Deps; actor: Actor };

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/**
 * Where a repository runs a query: Drizzle (the root or a transaction), or the
 * raw database for the hottest reads, which skip Drizzle's per-query overhead.
 */
export type Reader = Executor | Database;

export function isRaw(db: Reader): db is Database {
  return 'engine' in db && 'query' in db && typeof (db as Database).query === 'function';
}

const dialect = new PgDialect();

/**
 * The rows of one raw statement, on the raw database or through Drizzle (the
 * root or a transaction): the one place that knows each driver's result shape.
 */
export async function rowsOf<T>(db: Reader, query: SQL): Promise<T[]> {
  if (isRaw(db)) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return db.query<T>(text, params);
  }
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
