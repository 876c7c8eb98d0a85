import fs from 'node:fs';

/**
 * PGlite corrupts a data folder that two processes open at once, so the folder
 * is guarded by an exclusive lock file beside it holding the owner's pid.
 * A lock whose pid is no longer running is stale and is taken over.
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type FolderLock = { file: string; release(): void };

export function lockDataFolder(dataFolder: string): FolderLock {
  const file = `${dataFolder}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readOrEmpty(file), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataFolderLockedError(dataFolder, file, holder);
      }
      // Stale (dead pid, or a half-written file): move it aside atomically, then retry.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.unlinkSync(`${file}.stale-${process.pid}`);
      } catch {
        // another process took it over first; the next attempt decides
      }
    }
  }
  throw new Error(`Could not take the lock ${file}; try again.`);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
