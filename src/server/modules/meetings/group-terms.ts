import type { Cadence, Membership, Terms, WorkingGroup } from '../../../policy/index.ts';
import { seedTemplate } from '../../../policy/index.ts';
import type { Executor } from '../../deps.ts';
import type { GroupRow } from '../groups/groups.repository.ts';
import { findInForce, findInForceOn } from '../terms/terms.repository.ts';

/**
 * The rules a group's meetings follow. A steering group follows its own Terms
 * of Reference in force; a working group follows its parent's, through the
 * entry with its key (cadence, remit) and the parent's membership rule.
 */
export type GroupRules = {
  terms: Terms | null;
  workingGroup: WorkingGroup | null;
  isWorkingGroup: boolean;
  cadence: Cadence | null;
  /** Whose rule: the ToR in force, or the seed's until the group adopts one. */
  membership: Membership;
  membershipSource: 'terms' | 'seed';
};

/** The seed's rule (a member has been to more than one meeting), for groups without a ToR yet. */
const SEED_MEMBERSHIP: Membership = seedTemplate({ startsOn: '2026-01-01' }).membership;

/**
 * The rules now, or (given a calendar date) the rules of the version that was
 * in force on that day: membership "as of" a past date is judged by the rule
 * the group had then, and by the seed's before its first adoption.
 */
export async function rulesFor(db: Executor, group: GroupRow, on?: string): Promise<GroupRules> {
  const isWorkingGroup = group.parentId !== null;
  const termsGroup = group.parentId ?? group.id;
  const row = on ? await findInForceOn(db, termsGroup, on) : await findInForce(db, termsGroup);
  const terms = row ? (row.document as Terms) : null;
  const workingGroup =
    isWorkingGroup && terms && group.termsKey
      ? (terms.workingGroups.find((w) => w.key === group.termsKey) ?? null)
      : null;
  const membership = terms?.membership ?? SEED_MEMBERSHIP;
  return {
    terms,
    workingGroup,
    isWorkingGroup,
    cadence: isWorkingGroup ? (workingGroup?.cadence ?? null) : (terms?.cadence ?? null),
    // A working group's own list counts its own meetings.
    membership: isWorkingGroup ? { ...membership, meetingsThatCount: 'own' } : membership,
    membershipSource: terms ? 'terms' : 'seed',
  };
}

/** The time zone the group meets in; UTC until it has Terms of Reference. */
export function timeZoneOf(rules: GroupRules): string {
  return rules.cadence?.timeZone ?? rules.terms?.cadence.timeZone ?? 'UTC';
}
