/**
 * "Membership – open to all, but will be considered as someone who has been
 * to more than one meeting": each person's status, derived from attendance by
 * the rule in force and never typed in. The group's list is one SQL query
 * (accord_membership, migrations 0016 and 0018); a person's timeline comes from the
 * pure policy functions over their history, and a test holds the two equal.
 */
import {
  calendarDateIn,
  instantAt,
  longDate,
  membershipTimeline,
  pluralWords,
  type Membership,
} from '../../../policy/index.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { invalid, notFound, NOT_FOUND, say } from '../../errors.ts';
import { m } from './membership.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import type { GroupRow } from '../groups/groups.repository.ts';
import { rulesFor, timeZoneOf } from '../meetings/group-terms.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import * as repo from './membership.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  memberParams,
  membershipQuery,
  setPersonCategoriesBody,
} from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function describeRule(rule: Membership, source: 'terms' | 'seed') {
  const parts = [
    `A member is someone who has been to more than ${pluralWords(rule.memberAfterMoreThan, 'meeting')}`,
  ];
  if (rule.meetingsThatCount === 'own_and_working_groups')
    parts.push('working group meetings count too');
  if (rule.lapse)
    parts.push(
      `membership lapses after ${pluralWords(rule.lapse.afterConsecutiveAbsences, 'absence')} in a row${rule.lapse.apologiesCountAsAbsence ? ', apologies included' : ''}`,
    );
  const text = `${parts.join('; ')}.`;
  return {
    memberAfterMoreThan: rule.memberAfterMoreThan,
    meetingsThatCount: rule.meetingsThatCount,
    lapseAfter: rule.lapse?.afterConsecutiveAbsences ?? null,
    apologiesCountAsAbsence: rule.lapse?.apologiesCountAsAbsence ?? false,
    summary:
      source === 'seed'
        ? `${text} (The starting rule, until the group adopts its Terms of Reference.)`
        : text,
    source,
  };
}

/** "As of" a date means the end of that day where the group meets; no date means now. */
function asOfInstant(asOf: string | undefined, timeZone: string): Date {
  if (!asOf) return new Date();
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(instantAt(timeZone, next.toISOString().slice(0, 10), '00:00').getTime() - 1);
}

/**
 * The membership rule of the version in force on the day asked about (the
 * seed's before the first adoption), with the end of that day where the group
 * meets now.
 */
async function rulesAsOf(deps: Deps, group: GroupRow, asOf: string | undefined) {
  const now = await rulesFor(deps.db, group);
  const rules = asOf ? await rulesFor(deps.db, group, asOf) : now;
  const timeZone = timeZoneOf(now);
  return { rules, timeZone, at: asOfInstant(asOf, timeZone) };
}

/** One collator for every list: `localeCompare` builds one per call, which a list of 1,000 notices. */
const byName = new Intl.Collator();

function presentEntry(row: repo.MembershipRow, person: { name: string; role: string }) {
  return {
    userId: row.userId,
    name: person.name,
    role: person.role,
    status: row.status,
    meetingsCounted: row.meetingsCounted,
    becameMemberOn: row.becameMemberOn?.toISOString() ?? null,
    lapsedOn: row.lapsedOn?.toISOString() ?? null,
  };
}

export async function listMembershipStatuses(
  { groupId, asOf }: UseCaseInput<{ params: typeof groupParams; query: typeof membershipQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'membership.view');
  const { rules, at } = await rulesAsOf(deps, access.group, asOf);
  const [rows, people] = await Promise.all([
    repo.listMembershipStatuses(deps.db, groupId, rules.membership, at),
    meetingsRepo.listPeople(deps.db, groupId),
  ]);
  const byId = new Map(people.map((p) => [p.userId, p]));
  return {
    asOf: at.toISOString(),
    rule: describeRule(rules.membership, rules.membershipSource),
    people: rows
      .filter((r) => byId.has(r.userId))
      .map((r) => presentEntry(r, byId.get(r.userId)!))
      .sort((a, b) => byName.compare(a.name, b.name) || (a.userId < b.userId ? -1 : 1)),
  };
}

export async function getPersonMembership(
  {
    groupId,
    userId,
    asOf,
  }: UseCaseInput<{ params: typeof memberParams; query: typeof membershipQuery }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'membership.view');
  const person = await meetingsRepo.personInGroup(deps.db, groupId, userId);
  if (!person) throw notFound(NOT_FOUND.person);
  const { rules, at, timeZone } = await rulesAsOf(deps, access.group, asOf);
  const [rows, history] = await Promise.all([
    repo.listMembershipStatuses(deps.db, groupId, rules.membership, at, userId),
    repo.personHistory(deps.db, groupId, userId, rules.membership, at),
  ]);
  const row = rows[0];
  if (!row) throw notFound(NOT_FOUND.person);
  const titles = await meetingsRepo.meetingTitles(
    deps.db,
    history.map((h) => h.id),
  );
  const day = (d: Date) => longDate(calendarDateIn(timeZone, d));
  const timeline = [
    {
      kind: 'joined' as const,
      on: person.joinedAt.toISOString(),
      text: `Joined the group on ${day(person.joinedAt)}.`,
      count: null,
      meetingId: null,
    },
    ...membershipTimeline(history, { membership: rules.membership }, at).map((e) => ({
      kind: e.kind,
      on: e.on.toISOString(),
      meetingId: e.meetingId,
      count:
        e.kind === 'became_member'
          ? e.meetingsAttended
          : e.kind === 'lapsed'
            ? e.consecutiveAbsences
            : null,
      text:
        e.kind === 'became_member'
          ? `Became a member on ${day(e.on)} after their ${ordinal(e.meetingsAttended)} meeting.`
          : e.kind === 'lapsed'
            ? `Membership lapsed on ${day(e.on)} after ${pluralWords(e.consecutiveAbsences, 'absence')} in a row.`
            : `Came back on ${day(e.on)}: a participant again, and a member again by the same rule.`,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  return {
    asOf: at.toISOString(),
    rule: describeRule(rules.membership, rules.membershipSource),
    person: presentEntry(row, person),
    timeline,
    attendance: history.map((h) => ({
      meetingId: h.id,
      title: titles.get(h.id) ?? 'Meeting',
      startsAt: h.startsAt.toISOString(),
      workingGroup: h.kind === 'working_group',
      // While a meeting runs, no mark yet means they may still arrive: never "absent".
      mark:
        h.running && h.inferred && h.attendance === 'absent'
          ? ('not_checked_in_yet' as const)
          : h.attendance,
    })),
  };
}

/** The categories the quorum of the rules in force names: none without Terms of Reference. */
function quorumCategoriesOf(rules: Awaited<ReturnType<typeof rulesFor>>) {
  const quorum = rules.terms?.decisions.quorum;
  return quorum && quorum.kind !== 'none' ? quorum.categoryMinimums : [];
}

export async function listQuorumCategories(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'quorumCategories.manage');
  const [rules, people] = await Promise.all([
    rulesFor(deps.db, access.group),
    meetingsRepo.listPeople(deps.db, groupId),
  ]);
  return {
    categories: quorumCategoriesOf(rules).map(({ category, min }) => ({ category, min })),
    people: people.map((p) => ({ userId: p.userId, name: p.name, categories: p.categories })),
  };
}

/**
 * A chair records which of the quorum's categories a person is counted in.
 * Only categories the Terms of Reference in force name are kept, so Accord
 * holds no more about anyone than the group's rules need.
 */
export async function setPersonCategories(
  {
    groupId,
    userId,
    categories,
  }: UseCaseInput<{ params: typeof memberParams; body: typeof setPersonCategoriesBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'quorumCategories.manage');
    if (!(await meetingsRepo.personInGroup(tx, groupId, userId))) throw notFound(NOT_FOUND.person);
    const named = quorumCategoriesOf(await rulesFor(tx, access.group)).map((c) => c.category);
    for (const [i, category] of categories.entries())
      if (!named.includes(category))
        throw invalid({
          [`categories.${i}`]:
            named.length === 0
              ? m.noCategories
              : say(m.oneOfCategories, { categories: named.join(', ') }),
        });
    const kept = [...new Set(categories)];
    await repo.setCategories(tx, groupId, userId, kept);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'membership.categories_set',
      subjectType: 'user',
      subjectId: userId,
      detail: { categories: kept },
    });
    return { userId, categories: kept };
  });
}
