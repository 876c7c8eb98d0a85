import { auditLog } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';
import type { AuditEntry } from './audit-events.ts';

export type { AuditEntry };

/** The row an entry is stored as. */
function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    groupId: entry.groupId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
  };
}

/** Services call this inside their own transaction; nothing writes audit rows behind their back. */
export async function writeAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry));
}

/** Many entries in one statement per thousand, as `writeAudit` writes each. */
export async function writeAuditMany(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000)
    await db.insert(auditLog).values(entries.slice(i, i + 1000).map(auditRow));
}
