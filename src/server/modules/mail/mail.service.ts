import { authorize } from '../../access.ts';
import type { UseCaseScope } from '../../deps.ts';
import { listRecent } from './outbox.repository.ts';

export async function listOutbox(_input: unknown, { deps, actor }: UseCaseScope) {
  authorize(actor, 'outbox.read');
  const rows = await listRecent(deps.db, 200);
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.bodyText,
    status: r.status as 'pending' | 'sent' | 'logged' | 'failed',
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
