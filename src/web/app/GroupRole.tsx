import type { ReactNode } from 'react';
import type { Group } from '../../contracts/groups.ts';
import { ObserversPage } from '../features/groups/ObserversPage.tsx';
import { segment } from '../lib/api.ts';
import { useResource } from '../lib/resource.ts';

/** The API path of a group: its answer (with the reader's role) is loaded by every group page. */
export function groupPath(groupId: string): string {
  return `/api/v1/groups/${segment(groupId)}`;
}

/** The reader's role in a group: undefined until known, null when they hold none (an administrator). */
export function useGroupRole(groupId: string): Group['myRole'] | undefined {
  const group = useResource<Group>(groupPath(groupId));
  if (group.error) return null;
  return group.data === undefined ? undefined : group.data.myRole;
}

/**
 * Shows its children to the people who take part, and nothing to observers:
 * the parts of a page observers may not see are neither shown nor fetched.
 */
export function ForContributors({ groupId, children }: { groupId: string; children: ReactNode }) {
  const role = useGroupRole(groupId);
  return role === undefined || role === 'observer' ? null : <>{children}</>;
}

/** A whole page for the people who take part: observers are told so, and nothing is fetched. */
export function ContributorsPage({ groupId, children }: { groupId: string; children: ReactNode }) {
  const role = useGroupRole(groupId);
  if (role === undefined) return null;
  return role === 'observer' ? <ObserversPage groupId={groupId} /> : <>{children}</>;
}
