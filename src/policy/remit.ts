/**
 * "Remit – specifically A, B and C ... it will not cover D, E and F" and
 * "Conversations that exceed that remit should be held outside this meeting":
 * whether an agenda item is in the group's remit.
 */
import type { OutOfScopeArea, RemitArea, Terms } from './terms.ts';

export type RemitCheck =
  | { verdict: 'in_scope'; area: RemitArea }
  /** Move it to the "outside this meeting" list, with a note of where to take it. */
  | { verdict: 'out_of_scope'; title: string; takeInstead: string }
  /** No area, or one the ToR does not name: a chair decides. */
  | { verdict: 'needs_review'; reason: string };

type RemitRules = Pick<Terms, 'remit' | 'workingGroups'>;

/**
 * Check an agenda item by the remit area it names. For a working group's
 * meeting, pass the working group's key: an area of the parent group's remit
 * that the working group does not cover belongs to the parent group (or to
 * the working group that covers it).
 */
export function remitCheck(
  areaKey: string | null | undefined,
  terms: RemitRules,
  options: { workingGroup?: string } = {},
): RemitCheck {
  if (!areaKey) return { verdict: 'needs_review', reason: 'the item does not name a remit area' };
  const out: OutOfScopeArea | undefined = terms.remit.outOfScope.find((a) => a.key === areaKey);
  if (out) return { verdict: 'out_of_scope', title: out.title, takeInstead: out.takeInstead };
  const area = terms.remit.inScope.find((a) => a.key === areaKey);
  if (!area)
    return { verdict: 'needs_review', reason: `the remit does not name an area "${areaKey}"` };
  if (options.workingGroup === undefined) return { verdict: 'in_scope', area };

  const group = terms.workingGroups.find((g) => g.key === options.workingGroup);
  if (!group)
    return {
      verdict: 'needs_review',
      reason: `the ToR has no working group "${options.workingGroup}"`,
    };
  if (group.remitKeys.includes(areaKey)) return { verdict: 'in_scope', area };
  const other = terms.workingGroups.find((g) => g.remitKeys.includes(areaKey));
  return {
    verdict: 'out_of_scope',
    title: area.title,
    takeInstead: other
      ? `the ${other.title} working group, which covers ${area.title}`
      : `the main group: ${group.title} does not cover ${area.title}`,
  };
}
