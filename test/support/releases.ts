import type { Client } from '../harness.ts';

export type ReleaseRequest = {
  action?: 'release' | 'withdraw';
  items?: { itemType: string; itemId: string }[];
  thisDecision?: boolean;
  audience?: 'public' | 'groups';
  groupIds?: string[];
};

async function step(client: Client, path: string, body: unknown = {}) {
  const answer = await client.post(path, body);
  if (answer.status >= 300) throw new Error(`${path} failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/**
 * The group agrees, by consensus, a release proposal naming `request`'s items
 * and audience (public unless said). The chair raises it and runs the check;
 * `answerers` (by default the chair alone) agree. Returns the decision's id.
 */
export async function agreeToRelease(
  chair: Client,
  groupId: string,
  request: ReleaseRequest,
  options: { answerers?: Client[]; title?: string } = {},
): Promise<{ decisionId: string; proposalId: string }> {
  const base = `/api/v1/groups/${groupId}/proposals`;
  const made = await step(chair, base, {
    title: options.title ?? 'Release to share our work',
    text: 'Agreed by the group.',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    release: { audience: 'public', ...request },
  });
  await step(chair, `${base}/${made.id}/consensus`);
  for (const answerer of options.answerers ?? [chair])
    await step(answerer, `${base}/${made.id}/consensus/answers`, { answer: 'agree' });
  const closed = await step(chair, `${base}/${made.id}/consensus/close`, { outcome: 'consensus' });
  return { decisionId: closed.decisionId as string, proposalId: made.id as string };
}

/** Agrees to release one item (public by default) and releases it; the release's id. */
export async function agreeAndRelease(
  chair: Client,
  groupId: string,
  item: { itemType: string; itemId: string },
  audience: { audience?: 'public' | 'groups'; groupIds?: string[] } = {},
): Promise<{ releaseId: string; decisionId: string }> {
  const { decisionId } = await agreeToRelease(chair, groupId, { items: [item], ...audience });
  const released = await step(chair, `/api/v1/groups/${groupId}/releases`, {
    ...item,
    audience: 'public',
    ...audience,
    decisionId,
  });
  return { releaseId: released.id as string, decisionId };
}
