import { useEffect } from 'react';
import { useGroupEvents, type GroupEventKind } from '../../lib/events.ts';
import { useResource, type Resource } from '../../lib/resource.ts';
import { proposalsApi, type ProposalList } from './types.ts';

export { useAction } from '../../lib/action.ts';

const DECIDING: GroupEventKind[] = ['consensus', 'vote', 'decision'];
const FALLBACK_SECONDS = 10;

/**
 * A group's proposals (those of one meeting, or all of them), kept up to date:
 * fetched again whenever the server says an answer, a ballot or a decision
 * came in, or every few seconds while that connection is broken.
 */
export function useProposals(groupId: string, meetingId: string | null): Resource<ProposalList> {
  const list = useResource<ProposalList>(
    proposalsApi(
      groupId,
      undefined,
      meetingId ? `?meetingId=${encodeURIComponent(meetingId)}` : '',
    ),
  );
  const { reload } = list;
  const { failed } = useGroupEvents(groupId, DECIDING);
  useEffect(() => {
    if (!failed) return;
    const timer = window.setInterval(reload, FALLBACK_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [failed, reload]);
  return list;
}
