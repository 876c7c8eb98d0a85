import { auditLog } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export type AuditEntry = {
  actorId: string | null;
  groupId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
};

/** Services call this inside their own transaction; nothing writes audit rows behind their back. */
export async function writeAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    groupId: entry.groupId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
  });
}
