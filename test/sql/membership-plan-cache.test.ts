/**
 * The plan-cache trap: PostgreSQL keeps a function's statement plans for the
 * life of a connection and, after five calls, may switch to one generic plan
 * for every argument. Membership must give the policy's answer on every call,
 * whatever the connection has planned before: twenty calls in a row on one
 * connection, for a large and a small group, two rules and several dates.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  membershipStatus,
  type MeetingAttendance,
  type Membership,
  type MembershipStatus,
} from '../../src/policy/index.ts';
import type { Database } from '../../src/server/db/client.ts';
import {
  attendance,
  groupPeople,
  groups,
  meetings,
  users,
} from '../../src/server/db/schema/index.ts';
import { listMembershipStatuses } from '../../src/server/modules/membership/membership.repository.ts';
import { ENGINE, freshDatabase } from '../harness.ts';
import { membershipRule, type Entry } from '../support/membership.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 18);
const at = (day: number) => new Date(T0 + day * 7 * DAY);

/** A group's people (the week each joined), its weekly meetings and who came. */
type Group = {
  id: string;
  userIds: string[];
  joinedWeek: number[];
  meetingIds: string[];
  cancelled: boolean[];
  rows: (Entry | null)[][];
};

let database: Database;
let large: Group;
let small: Group;

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function entry(r: number): Entry | null {
  if (r < 0.45) return { intent: null, mark: 'present_in_person' };
  if (r < 0.55) return { intent: 'attending', mark: 'present_online' };
  if (r < 0.65) return { intent: null, mark: 'absent' };
  if (r < 0.75) return { intent: 'apologies', mark: null };
  if (r < 0.8) return { intent: 'apologies', mark: 'apologies' };
  return null;
}

async function seedGroup(size: number, weeks: number, seed: number): Promise<Group> {
  const { db } = database;
  const random = generator(seed);
  const id = crypto.randomUUID();
  await db.insert(groups).values({ id, name: `Group of ${size}` });
  const userIds = Array.from({ length: size }, () => crypto.randomUUID());
  await db
    .insert(users)
    .values(userIds.map((u, i) => ({ id: u, email: `p${i}.${u}@example.org`, name: `P ${i}` })));
  // Most from the start, some part-way through.
  const joinedWeek = userIds.map(() => (random() < 0.7 ? -1 : Math.floor(random() * weeks)));
  await db
    .insert(groupPeople)
    .values(userIds.map((u, i) => ({ groupId: id, userId: u, joinedAt: at(joinedWeek[i]!) })));
  const meetingIds = Array.from({ length: weeks }, () => crypto.randomUUID());
  const cancelled = meetingIds.map(() => random() < 0.1);
  await db.insert(meetings).values(
    meetingIds.map((m, w): typeof meetings.$inferInsert => ({
      id: m,
      groupId: id,
      title: `Week ${w}`,
      source: 'extra',
      timeZone: 'Europe/London',
      startsAt: at(w),
      endsAt: new Date(at(w).getTime() + 2 * 3_600_000),
      status: cancelled[w] ? 'cancelled' : 'scheduled',
      cancelledReason: cancelled[w] ? 'Snow' : null,
    })),
  );
  const rows = userIds.map(() => meetingIds.map(() => entry(random())));
  const values = rows.flatMap((list, i) =>
    list.flatMap((e, w) => (e ? [{ meetingId: meetingIds[w]!, userId: userIds[i]!, ...e }] : [])),
  );
  for (let i = 0; i < values.length; i += 1000)
    await db.insert(attendance).values(values.slice(i, i + 1000));
  return { id, userIds, joinedWeek, meetingIds, cancelled, rows };
}

/** Person i's history, written from what was seeded rather than read back. */
function history(group: Group, i: number): MeetingAttendance[] {
  return group.meetingIds.map((id, w) => {
    const e = group.rows[i]![w] ?? null;
    const expected = group.joinedWeek[i]! <= w;
    return {
      id,
      startsAt: at(w),
      groupId: group.id,
      kind: 'group',
      status: group.cancelled[w] ? 'cancelled' : 'held',
      attendance:
        e?.mark ?? (e?.intent === 'apologies' ? 'apologies' : expected ? 'absent' : 'none'),
    };
  });
}

const rule = membershipRule;

const withLapse = rule({
  memberAfterMoreThan: 2,
  lapse: { afterConsecutiveAbsences: 2, apologiesCountAsAbsence: true },
});

beforeAll(async () => {
  database = await freshDatabase();
  large = await seedGroup(120, 30, 7);
  small = await seedGroup(6, 30, 11);
}, 120_000);
afterAll(async () => database.close());

describe(`membership on one connection (${ENGINE})`, () => {
  it('twenty calls in a row each give what the policy computes', async () => {
    // PGlite is one connection; on PostgreSQL this holds one pool client throughout.
    await database.transaction(async (query) => {
      const oneConnection: Database = { ...database, query };
      const calls: { group: Group; terms: Membership; week: number }[] = [];
      for (let n = 0; n < 20; n++)
        calls.push({
          group: n % 3 === 2 ? small : large,
          terms: n % 2 === 0 ? withLapse : rule(),
          week: n < 10 ? 29 : 5 + n,
        });
      for (const { group, terms, week } of calls) {
        const asOf = new Date(at(week).getTime() + DAY);
        const rows = await listMembershipStatuses(oneConnection, group.id, terms, asOf);
        const got = new Map<string, MembershipStatus>(
          rows.map((r) => [
            r.userId,
            {
              status: r.status,
              meetingsCounted: r.meetingsCounted,
              ...(r.becameMemberOn ? { becameMemberOn: r.becameMemberOn } : {}),
              ...(r.lapsedOn ? { lapsedOn: r.lapsedOn } : {}),
            },
          ]),
        );
        expect(got.size).toBe(group.userIds.length);
        group.userIds.forEach((userId, i) => {
          expect(got.get(userId)).toEqual(
            membershipStatus(history(group, i), { membership: terms }, asOf),
          );
        });
      }
    });
  });

  it('the group’s statuses cover members, participants and lapsed people, so each call is a real test', async () => {
    const asOf = new Date(at(29).getTime() + DAY);
    const statuses = large.userIds.map(
      (_, i) => membershipStatus(history(large, i), { membership: withLapse }, asOf).status,
    );
    expect(new Set(statuses)).toEqual(new Set(['member', 'participant', 'lapsed']));
  });
});
