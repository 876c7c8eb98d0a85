// The embedded database (PGlite) in a thread of its own, so that a long query
// never holds up the server's event loop. The server's side is
// pglite-remote.ts; this file is plain JavaScript so that it runs as it is in
// development, in the tests and in the compiled server (scripts/build-server.js
// copies it beside the compiled files).
//
// Messages from the server, each answered once with { id, ok, result } or
// { id, ok: false, error }:
//   { op: 'query', id, text, params, rowMode, textTypes, tx? }  rows as PGlite returns them
//   { op: 'exec', id, text, tx? }
//   { op: 'begin', id, tx }        answered once the transaction holds the database
//   { op: 'end', id, tx, commit }  answered once it has committed or rolled back
//   { op: 'close', id }
// `textTypes` lists the type oids to hand back as PostgreSQL's text (Drizzle
// asks this for dates, times and intervals, which it parses itself).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

if (!parentPort) throw new Error('pglite-worker.js runs as a worker thread');
const port = parentPort;

/** Why a transaction's work is thrown away when the server asks for a rollback. */
const ROLLBACK = Symbol('rollback');

/**
 * PostgreSQL's own cache: 32 MB rather than PGlite's 128. Reads it misses come
 * from the operating system's file cache, which is not counted against the
 * process; at 100 groups of 100 and one of 1,000, working a 1,000-person
 * membership list out afresh took the same time with either, and the server
 * held about 85 MB less (docs/decisions/0013-embedded-database-in-a-worker-thread.md).
 */
const SHARED_BUFFERS = '32MB';

/** @type {Promise<PGlite>} */
const opening = PGlite.create({
  ...(workerData.loadDataDir
    ? { loadDataDir: new Blob([workerData.loadDataDir]) }
    : { dataDir: workerData.dataDir }),
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
});

/** Open transactions by the server's id: the PGlite transaction and how to end it. */
const transactions = new Map();

const asText = (value) => value;

function options(message) {
  const parsers = {};
  for (const oid of message.textTypes ?? []) parsers[oid] = asText;
  return { rowMode: message.rowMode ?? 'object', parsers };
}

/** An error as plain data: its message, and PostgreSQL's fields (code, detail, constraint…). */
function describe(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function') continue;
    if (typeof value === 'object' && value !== null) continue;
    fields[key] = value;
  }
  // Not its stack: the server's side says which request it was.
  return { ...fields, name: error.name, message: error.message };
}

function target(message, db) {
  if (message.tx === undefined) return db;
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`No open transaction ${message.tx}`);
  return open.tx;
}

async function handle(message) {
  const db = await opening;
  switch (message.op) {
    case 'query': {
      const result = await target(message, db).query(
        message.text,
        message.params ?? [],
        options(message),
      );
      return { rows: result.rows, affectedRows: result.affectedRows, fields: result.fields };
    }
    case 'exec': {
      const results = await target(message, db).exec(message.text);
      return results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
    }
    case 'begin': {
      // Answered from inside: the transaction holds PGlite's lock until 'end' comes.
      return await new Promise((started, failed) => {
        const open = {};
        transactions.set(message.tx, open);
        open.done = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              Object.assign(open, { tx, commit, rollback });
              started(null);
            }),
        );
        open.done.catch((error) => {
          if (open.commit) return; // 'end' reports it
          transactions.delete(message.tx);
          failed(error);
        });
      });
    }
    case 'end': {
      const open = transactions.get(message.tx);
      if (!open?.commit) throw new Error(`No open transaction ${message.tx}`);
      if (message.commit) open.commit(null);
      else open.rollback(ROLLBACK);
      try {
        await open.done;
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      } finally {
        transactions.delete(message.tx);
      }
      return null;
    }
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`Unknown message ${message.op}`);
  }
}

port.on('message', (message) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, ok: true, result }),
    (error) => port.postMessage({ id: message.id, ok: false, error: describe(error) }),
  );
});

opening.then(
  () => port.postMessage({ ready: true }),
  (error) => port.postMessage({ ready: false, error: describe(error) }),
);
