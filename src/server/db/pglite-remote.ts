import { Worker } from 'node:worker_threads';

/**
 * The embedded database (PGlite) running in a worker thread
 * (`pglite-worker.js`), seen from the server as a PGlite client: `query`,
 * `exec`, `transaction` and `close`, which is all Drizzle and the rest of the
 * server use. PostgreSQL's own work (planning, reading, writing) then happens
 * beside the event loop instead of on it, so one long query no longer holds up
 * every other request. The worker runs one statement at a time, as PGlite
 * does: a transaction holds it from `begin` to `end`, and other statements wait.
 *
 * Errors come back with PostgreSQL's fields (`code`, `detail`, `constraint`…),
 * so they read as they did in process; a worker that has stopped fails every
 * request with "PGlite is closed", which the server answers as unavailable.
 */

type Row = Record<string, unknown>;
export type Results<T = Row> = {
  rows: T[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
};

export type QueryOptions = {
  rowMode?: 'array' | 'object';
  /**
   * Types to hand back as PostgreSQL's text. Only their keys (type oids) are
   * used: functions cannot cross to the worker, and the only parsers asked for
   * (by Drizzle) keep the text as it is.
   */
  parsers?: Record<number, unknown>;
};

export interface RemoteTransaction {
  query<T = Row>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Failure };
type Failure = { name: string; message: string; [field: string]: unknown };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type RemoteSource = { dataDir: string } | { loadDataDir: Blob };

const WORKER = new URL('./pglite-worker.js', import.meta.url);

/** A PostgreSQL error (or another) rebuilt on this side, with its fields. */
function revive(failure: Failure): Error {
  const { name, message, ...fields } = failure;
  // The WebAssembly instance failed: the server treats it as the database being unreachable.
  const error =
    name === 'RuntimeError' ? new WebAssembly.RuntimeError(message) : new Error(message);
  Object.assign(error, fields);
  if (name !== 'RuntimeError') error.name = name;
  return error;
}

export class RemotePglite implements RemoteTransaction {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextTransaction = 1;
  /** Set once the worker can no longer answer: every request then fails with it. */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;
  /** Requests and open transactions: while there are any, the worker keeps the process alive. */
  #busy = 0;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: Reply) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(revive(message.error));
    });
    const stop = (reason: string) => {
      this.#stopped ??= new Error(`PGlite is closed: ${reason}`);
      for (const pending of this.#pending.values()) pending.reject(this.#stopped);
      this.#pending.clear();
    };
    worker.on('error', (error) => stop(`the embedded database's thread failed (${error.message})`));
    worker.on('exit', (code) => stop(`the embedded database's thread ended (exit code ${code})`));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
  }

  /** Starts the worker and opens the database in it; fails as PGlite.create would. */
  static async open(source: RemoteSource): Promise<RemotePglite> {
    const dump = 'loadDataDir' in source ? await source.loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(WORKER, {
      workerData: 'dataDir' in source ? { dataDir: source.dataDir } : { loadDataDir: dump },
      transferList: dump ? [dump] : [],
      // The worker is plain JavaScript: none of the server's loaders (tsx, the test runner's).
      execArgv: [],
    });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        worker.off('message', ready);
        void worker.terminate();
        reject(error);
      };
      const ready = (message: { ready?: boolean; error?: Failure }) => {
        if (message.ready === undefined) return;
        worker.off('error', fail);
        worker.off('message', ready);
        if (message.ready) resolve();
        else fail(revive(message.error ?? { name: 'Error', message: 'PGlite did not start' }));
      };
      worker.on('message', ready);
      worker.once('error', fail);
    });
    return new RemotePglite(worker);
  }

  get closed(): boolean {
    return this.#stopped !== undefined;
  }

  #hold(): void {
    if (this.#busy++ === 0) this.#worker.ref();
  }

  #release(): void {
    if (--this.#busy === 0) this.#worker.unref();
  }

  #send<T>(message: Record<string, unknown>): Promise<T> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    this.#hold();
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...message, id });
    }).finally(() => this.#release());
  }

  #query<T>(
    tx: number | undefined,
    text: string,
    params: unknown[] = [],
    options: QueryOptions = {},
  ): Promise<Results<T>> {
    return this.#send({
      op: 'query',
      tx,
      text,
      params,
      rowMode: options.rowMode,
      textTypes: options.parsers ? Object.keys(options.parsers).map(Number) : undefined,
    });
  }

  query<T = Row>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, text, params, options);
  }

  exec(text: string): Promise<Results[]> {
    return this.#send({ op: 'exec', text });
  }

  /**
   * Runs fn in one transaction: committed if it resolves, rolled back if it
   * throws (its error is the one thrown). Statements outside it wait meanwhile.
   */
  async transaction<T>(fn: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const id = this.#nextTransaction++;
    await this.#send({ op: 'begin', tx: id });
    this.#hold();
    try {
      let ended = false;
      const check = () => {
        if (ended) throw new Error('Transaction is closed');
      };
      const tx: RemoteTransaction = {
        query: <R>(text: string, params?: unknown[], options?: QueryOptions) => {
          check();
          return this.#query<R>(id, text, params, options);
        },
        exec: (text: string) => {
          check();
          return this.#send<Results[]>({ op: 'exec', tx: id, text });
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        ended = true;
        await this.#send({ op: 'end', tx: id, commit: false }).catch(() => undefined);
        throw error;
      }
      ended = true;
      await this.#send({ op: 'end', tx: id, commit: true });
      return result;
    } finally {
      this.#release();
    }
  }

  /** Closes the database (PGlite writes what it holds) and ends the worker. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#stopped) await this.#send({ op: 'close' });
      } finally {
        this.#stopped ??= new Error('PGlite is closed');
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }
}
