/**
 * Attendance decides who is a member, so changing it after a meeting can
 * make or unmake members. Whoever's membership such a change moves is told
 * by email, with who changed what and why: nobody's standing in the group is
 * changed silently.
 */
import type { MembershipState } from '../../../policy/index.ts';
import type { Deps, Executor } from '../../deps.ts';
import type { GroupAccess } from '../groups/group-access.ts';
import { findGroupFor } from '../groups/groups.repository.ts';
import { membershipChangedEmail, type MembershipCause } from '../mail/emails/index.ts';
import { enqueueMany, type Mail } from '../mail/outbox.repository.ts';
import { rulesFor } from '../meetings/group-terms.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import { listMembershipStatuses } from '../membership/membership.repository.ts';

type Group = GroupAccess['group'];

/** Everyone's membership now, in the group and (for a working group) its steering group. */
export type MembershipSnapshot = Map<string, Map<string, MembershipState>>;

async function groupsAffected(tx: Executor, group: Group): Promise<Group[]> {
  if (!group.parentId) return [group];
  const parent = await findGroupFor(tx, group.parentId, null);
  return parent ? [group, parent.group] : [group];
}

export async function membershipSnapshot(tx: Executor, group: Group): Promise<MembershipSnapshot> {
  const snapshot: MembershipSnapshot = new Map();
  const now = new Date();
  for (const g of await groupsAffected(tx, group)) {
    const rules = await rulesFor(tx, g);
    const rows = await listMembershipStatuses(tx, g.id, rules.membership, now);
    snapshot.set(g.id, new Map(rows.map((r) => [r.userId, r.status])));
  }
  return snapshot;
}

/**
 * Compares membership before and after a change and emails each person whose
 * membership moved. Returns how many people were told.
 */
export async function tellMembershipChanges(
  deps: Deps,
  tx: Executor,
  input: {
    group: Group;
    before: MembershipSnapshot;
    /** What happened: attendance corrected after a meeting, or imported; each email says it in its reader's language. */
    what: MembershipCause;
    reason: string;
    /** The page that shows the change, from the site root. */
    page: string;
  },
): Promise<number> {
  const after = await membershipSnapshot(tx, input.group);
  let told = 0;
  for (const g of await groupsAffected(tx, input.group)) {
    const was = input.before.get(g.id) ?? new Map<string, MembershipState>();
    const now = after.get(g.id) ?? new Map<string, MembershipState>();
    const moved = [...now].filter(([userId, status]) => (was.get(userId) ?? status) !== status);
    if (moved.length === 0) continue;
    const people = new Map((await meetingsRepo.listPeople(tx, g.id)).map((p) => [p.userId, p]));
    const mails: Mail[] = [];
    for (const [userId, status] of moved) {
      const person = people.get(userId);
      if (!person) continue;
      const before = was.get(userId) ?? 'participant';
      mails.push({
        to: person.email,
        ...membershipChangedEmail(person.language, {
          name: person.name,
          groupName: g.name,
          cause: input.what,
          reason: input.reason,
          before,
          after: status,
          link: `${deps.config.baseUrl}${input.page}`,
        }),
      });
    }
    await enqueueMany(tx, mails);
    told += mails.length;
  }
  return told;
}
