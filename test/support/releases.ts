import { itemType } from '../../src/contracts/notes.ts';
import type { CallInput, Client } from '../harness.ts';

type Release = NonNullable<CallInput<'createProposal'>['release']>;

/** An item a group may release, its type named as text (the API refuses an unknown one). */
export type ReleasableItem = { itemType: string; itemId: string };

/** What a release proposal asks for (its audience is public unless said). */
export type ReleaseRequest = Partial<Omit<Release, 'items'>> & { items?: ReleasableItem[] };

/** An item as the API takes it: a type it does not know fails here, in the set-up. */
const asItem = (item: ReleasableItem) => ({ ...item, itemType: itemType.parse(item.itemType) });

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
  const made = await chair.callOk('createProposal', {
    groupId,
    title: options.title ?? 'Release to share our work',
    text: 'Agreed by the group.',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    release: { audience: 'public', ...request, items: request.items?.map(asItem) },
  });
  const proposal = { groupId, proposalId: made.id };
  await chair.callOk('openConsensusCheck', proposal);
  for (const answerer of options.answerers ?? [chair])
    await answerer.callOk('answerConsensusCheck', { ...proposal, answer: 'agree' });
  const closed = await chair.callOk('closeConsensusCheck', { ...proposal, outcome: 'consensus' });
  if (!closed.decisionId) throw new Error('closing the consensus check recorded no decision');
  return { decisionId: closed.decisionId, proposalId: made.id };
}

/** Agrees to release one item (public by default) and releases it; the release's id. */
export async function agreeAndRelease(
  chair: Client,
  groupId: string,
  item: ReleasableItem,
  audience: Pick<ReleaseRequest, 'audience' | 'groupIds'> = {},
): Promise<{ releaseId: string; decisionId: string }> {
  const { decisionId } = await agreeToRelease(chair, groupId, { items: [item], ...audience });
  const released = await chair.callOk('releaseItem', {
    groupId,
    ...asItem(item),
    audience: 'public',
    ...audience,
    decisionId,
  });
  return { releaseId: released.id, decisionId };
}
