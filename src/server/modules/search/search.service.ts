/** Search across the group's notes, decisions, learning, suggestions and papers: only what the searcher may see. */
import type { UseCaseScope } from '../../deps.ts';
import { can, rolesOf } from '../../access.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { splitHeadline } from './highlights.ts';
import * as repo from './search.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type { searchQuery } from '../../../contracts/notes.ts';
import type { UseCaseInput } from '../../endpoints.ts';

export async function search(
  { groupId, q }: UseCaseInput<{ params: typeof groupParams; query: typeof searchQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'search');
  const editor = can(rolesOf(access.actor, access.role), 'notes.write');
  const rows = await repo.searchGroup(deps.db, groupId, q, editor);
  const base = `/groups/${groupId}`;
  return {
    results: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      title: r.title,
      ...splitHeadline(r.snippet),
      path:
        r.kind === 'notes'
          ? `${base}/meetings/${r.id}/notes`
          : r.kind === 'decision'
            ? `${base}/decisions/${r.id}`
            : r.kind === 'paper' && r.meeting_id
              ? `${base}/meetings/${r.meeting_id}`
              : r.kind === 'learning'
                ? `${base}/learning`
                : `${base}/suggestions`,
    })),
  };
}
