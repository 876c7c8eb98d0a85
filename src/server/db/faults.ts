/**
 * Which errors mean "the database cannot serve this just now" rather than "this
 * request is wrong" or "our code is wrong". They answer 503 with Retry-After;
 * the request can be tried again as it is.
 */
export type DatabaseFault =
  /** The connection was lost or could not be made (down, restarting, failover, network). */
  | 'unreachable'
  /** A statement, a lock wait or a wait for a connection took longer than allowed. */
  | 'timeout'
  /** The disk is full (or over quota): nothing could be written. */
  | 'full'
  /**
   * PostgreSQL ended this transaction to let another go on (a deadlock, or a
   * serialization failure): nothing of it was saved, and the same request can
   * succeed when sent again.
   */
  | 'contention';

/** SQLSTATEs of a lost or refused connection: class 08, and admin/crash shutdown or start-up (57P01-57P03). */
const UNREACHABLE_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);
/** query_canceled (statement_timeout), lock_not_available (lock_timeout), idle-in-transaction timeout. */
const TIMEOUT_STATES = new Set(['57014', '55P03', '25P03']);
/** serialization_failure, deadlock_detected. */
const CONTENTION_STATES = new Set(['40001', '40P01']);
/** disk_full, out of memory. */
const FULL_STATES = new Set(['53100', '53200']);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

const UNREACHABLE_MESSAGES = [
  /^Connection terminated/,
  /is not queryable/,
  /^PGlite is closed/,
  /^Cannot use a pool after calling end/,
];
const TIMEOUT_MESSAGES = [/^timeout exceeded when trying to connect/, /^Query read timeout/];

/** The fault behind an error (looking through wrappers such as Drizzle's query error), or null. */
export function databaseFault(error: unknown): DatabaseFault | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    // The embedded engine's WebAssembly instance has failed (it aborted, or ran out of memory).
    if (e instanceof WebAssembly.RuntimeError) return 'unreachable';
    if (typeof code === 'string') {
      if (UNREACHABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'unreachable';
      if (UNREACHABLE_CODES.has(code)) return 'unreachable';
      if (TIMEOUT_STATES.has(code)) return 'timeout';
      if (FULL_STATES.has(code) || FULL_CODES.has(code)) return 'full';
      if (CONTENTION_STATES.has(code)) return 'contention';
    }
    if (typeof message === 'string') {
      if (UNREACHABLE_MESSAGES.some((m) => m.test(message))) return 'unreachable';
      if (TIMEOUT_MESSAGES.some((m) => m.test(message))) return 'timeout';
      if (/No space left on device|ENOSPC/.test(message)) return 'full';
    }
    if (e instanceof AggregateError && e.errors.length > 0) {
      const inner = e.errors.map(databaseFault).find(Boolean);
      if (inner) return inner;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** A connection that gave this error cannot be used again: the pool must discard it. */
export function connectionBroken(error: unknown): boolean {
  const fault = databaseFault(error);
  if (fault === 'unreachable') return true;
  // A client-side read timeout leaves the statement running on the connection.
  return fault === 'timeout' && /Query read timeout/.test(String((error as Error)?.message));
}
