/**
 * Limits on signing in and on asking for mail, counted in the database so
 * that they hold across instances. None of them can be turned against an
 * account's owner: failed passwords count per (account, address) pair, so a
 * stranger's guesses slow only the stranger; the wider limits count per
 * requesting address; and mail to an account is coalesced rather than refused
 * (see accounts.service.ts). A refused attempt is not counted, so waiting is
 * enough: hammering never extends the delay.
 */
import type { Executor } from '../../deps.ts';
import { rateLimited, say, type Words } from '../../errors.ts';
import { m } from './accounts.messages.ts';
import * as repo from './accounts.repository.ts';

/** Failed passwords a (account, address) pair may make before delays begin. */
export const FREE_FAILURES = 5;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
export const PAIR_WINDOW_SECONDS = 60 * 60;
/** The wider limit: failed passwords from one address, to any accounts. */
const ADDRESS_FAILURES = 50;
const ADDRESS_WINDOW_SECONDS = 15 * 60;

/** The delay after `failures` failed passwords: none, then 30 s, 1 min, 2 min, ... 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
}

function secondsUntil(at: Date, now: Date): number {
  return (at.getTime() - now.getTime()) / 1000;
}

const pairKey = (email: string, address: string) => `password:${email}|${address}`;
const addressKey = (address: string) => `password-address:${address}`;

/** Refuses a password attempt that comes too soon; counts nothing. */
export async function checkPasswordAttempt(
  db: Executor,
  email: string,
  address: string,
): Promise<void> {
  const pair = await repo.attemptStats(db, pairKey(email, address), PAIR_WINDOW_SECONDS);
  const delay = delayAfter(pair.count);
  if (delay > 0 && pair.lastAt) {
    const wait = secondsUntil(new Date(pair.lastAt.getTime() + delay * 1000), pair.now);
    if (wait > 0) {
      throw rateLimited(say(m.tooManyWrongPasswords, { seconds: Math.ceil(wait) }), wait);
    }
  }
  const wide = await repo.attemptStats(db, addressKey(address), ADDRESS_WINDOW_SECONDS);
  if (wide.count >= ADDRESS_FAILURES && wide.firstAt) {
    const wait = secondsUntil(
      new Date(wide.firstAt.getTime() + ADDRESS_WINDOW_SECONDS * 1000),
      wide.now,
    );
    throw rateLimited(m.tooManyFromAddress, Math.max(1, wait));
  }
}

export async function recordFailedPassword(db: Executor, email: string, address: string) {
  await repo.recordAttempt(db, pairKey(email, address));
  await repo.recordAttempt(db, addressKey(address));
}

export async function clearFailedPasswords(db: Executor, email: string, address?: string) {
  await repo.clearAttempts(db, address ? pairKey(email, address) : `password:${email}|`, !address);
}

/**
 * A plain per-address limit (link requests, registrations): at most `max` in
 * the window; an allowed request is counted, a refused one is not.
 */
export async function limitPerAddress(
  db: Executor,
  what: string,
  address: string,
  max: number,
  windowSeconds: number,
  message: Words,
): Promise<void> {
  const key = `${what}:${address}`;
  const stats = await repo.attemptStats(db, key, windowSeconds);
  if (stats.count >= max && stats.firstAt) {
    const wait = secondsUntil(new Date(stats.firstAt.getTime() + windowSeconds * 1000), stats.now);
    throw rateLimited(message, Math.max(1, wait));
  }
  await repo.recordAttempt(db, key);
}

/**
 * A quiet cap on mail to one recipient that carries nothing they need (notices
 * such as "you already have an account"): true while under the cap, and counts.
 */
export async function underMailCap(
  db: Executor,
  recipient: string,
  max: number,
  windowSeconds: number,
): Promise<boolean> {
  const key = `notice:${recipient}`;
  const stats = await repo.attemptStats(db, key, windowSeconds);
  if (stats.count >= max) return false;
  await repo.recordAttempt(db, key);
  return true;
}
