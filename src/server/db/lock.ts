import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * PGlite corrupts a data folder that two processes open at once, so the folder
 * is guarded by an exclusive lock file beside it holding the owner's pid.
 * A lock whose pid is no longer running is stale and is taken over.
 *
 * Every step is atomic, because several processes may start at the same moment
 * (a service manager restarting after a crash, an operator typing npm start twice):
 * - the lock file is written under a private name, then hard-linked into place,
 *   so nobody ever reads a half-written lock;
 * - a stale lock is removed only by the one process that claimed that particular
 *   stale lock (a claim file named after its content), and only if it still holds
 *   that content, so a process that judged an old lock stale never removes the
 *   fresh lock of the process that replaced it.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataFolder: string,
    readonly lockFile: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataFolder} is in use by another Accord process (pid ${holderPid}); ` +
        `its lock file is ${lockFile}. Stop that process first, or set DATA_DIR to another folder.`,
    );
  }
}

export type FolderLock = { file: string; release(): void };

/** Lock files this process holds: opening one folder twice in one process is refused too. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function pidIn(content: string | null): number | null {
  const pid = Number((content ?? '').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Creates `file` holding our pid, complete, or returns false if it exists. */
function createExclusive(file: string): boolean {
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, `${process.pid}\n`);
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes the stale lock that held `staleContent`, unless another process is
 * doing so; returns false in that case.
 */
function takeOver(file: string, staleContent: string): boolean {
  const generation = createHash('sha256').update(staleContent).digest('hex').slice(0, 16);
  const claim = `${file}.takeover-${generation}`;
  if (!createExclusive(claim)) {
    // Another process is taking it over. If it died doing so, its claim is stale as well.
    const claimer = pidIn(readOrNull(claim));
    if (claimer !== null && claimer !== process.pid && !isRunning(claimer)) {
      fs.rmSync(claim, { force: true });
    }
    return false;
  }
  try {
    if (readOrNull(file) === staleContent) fs.unlinkSync(file);
  } finally {
    fs.rmSync(claim, { force: true });
  }
  return true;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function lockDataFolder(dataFolder: string): FolderLock {
  const file = `${dataFolder}.lock`;
  if (held.has(file)) throw new DataFolderLockedError(dataFolder, file, process.pid);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file)) {
      held.add(file);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          if (pidIn(readOrNull(file)) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    }
    const content = readOrNull(file);
    if (content === null) continue; // released in the meantime
    const holder = pidIn(content);
    // Our own pid in a lock we do not hold is a previous life of this pid (a restarted container).
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new DataFolderLockedError(dataFolder, file, holder);
    }
    // Someone else is removing it: give them a moment, then look again.
    if (!takeOver(file, content)) pause(10);
  }
  throw new Error(`Could not take the lock ${file}; try again.`);
}
