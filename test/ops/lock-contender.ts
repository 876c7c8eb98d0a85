import { lockDataFolder } from '../../src/server/db/lock.ts';

/**
 * One of several processes racing for a data folder's lock (lock.test.ts):
 * waits for the agreed instant, tries once, prints "won" or "lost: why", and
 * if it won holds the lock until its standard input closes.
 */
const [folder = '', at = '0'] = process.argv.slice(2);
while (Date.now() < Number(at)) {
  // spin: sleeping would blur the instant the contenders start together
}
try {
  const lock = lockDataFolder(folder);
  console.log('won');
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  console.log(`lost: ${(error as Error).message}`);
}
