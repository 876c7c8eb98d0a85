import type { Deps } from '../../deps.ts';
import type { LiveEvent } from '../events/bus.ts';

/** Tells every instance's live views that a proposal changed (ids only), after the commit. */
export async function announce(deps: Deps, event: LiveEvent): Promise<void> {
  await deps.events.publish(event);
}
