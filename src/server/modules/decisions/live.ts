import type { Deps } from '../../deps.ts';

type Announcement = {
  type: 'consensus' | 'vote' | 'decision';
  groupId: string;
  meetingId?: string | null;
  proposalId?: string | null;
};

/** Tells every instance's live views that a proposal changed (ids only), after the commit. */
export async function announce(deps: Deps, event: Announcement): Promise<void> {
  const bus = (deps as Deps & { events?: { publish(e: Announcement): Promise<void> } }).events;
  await bus?.publish(event);
}
