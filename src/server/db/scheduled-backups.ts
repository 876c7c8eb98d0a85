import fs from 'node:fs';
import path from 'node:path';
import { backup } from './backup.ts';
import type { Database } from './client.ts';

/**
 * Backups the running server takes itself, so that the embedded database
 * (whose folder only one process may open) is backed up without stopping
 * Accord. Each is a normal `accord backup` file, written under a temporary
 * name and renamed when complete; only the newest `keep` are kept.
 */
const NAME = /^accord-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.jsonl$/;

function backupsIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => NAME.test(f))
    .sort();
}

/** When the newest complete backup in the folder was taken; null if there is none. */
export function newestBackupAt(folder: string): Date | null {
  const newest = backupsIn(folder).at(-1);
  return newest ? fs.statSync(path.join(folder, newest)).mtime : null;
}

export async function takeScheduledBackup(
  database: Database,
  folder: string,
  keep: number,
  now = new Date(),
): Promise<{ file: string; tables: number; rows: number }> {
  fs.mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  const file = path.join(folder, `accord-${stamp}Z.jsonl`);
  const partial = `${file}.partial`;
  try {
    const written = await backup(database, partial);
    fs.renameSync(partial, file);
    for (const old of backupsIn(folder).slice(0, -keep)) fs.rmSync(path.join(folder, old));
    return { file, ...written };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Takes a backup when the newest is at least `everyHours` old (or there is none). */
export async function backupIfDue(
  database: Database,
  options: { folder: string; everyHours: number; keep: number },
  now = new Date(),
): Promise<{ file: string; tables: number; rows: number } | null> {
  const newest = newestBackupAt(options.folder);
  if (newest && now.getTime() - newest.getTime() < options.everyHours * 3_600_000) return null;
  return takeScheduledBackup(database, options.folder, options.keep, now);
}
