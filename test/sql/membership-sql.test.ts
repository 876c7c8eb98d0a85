import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  countedMeetings,
  membershipStatus,
  membershipTimeline,
  type AttendanceMark,
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
import {
  listMembershipStatuses,
  personHistory,
  type MembershipRow,
} from '../../src/server/modules/membership/membership.repository.ts';
import { ENGINE, freshDatabase } from '../harness.ts';
import { membershipRule, type Entry, type Mark } from '../support/membership.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 18);
const at = (day: number) => new Date(T0 + day * DAY);

type Where = 'group' | 'working_group' | 'other';

/**
 * A group, one working group of it and an unrelated group; people with the day
 * they joined the group and the working group (null: not in it); meetings on
 * given days; and each person's attendance row at each meeting (null: no row).
 */
type Scenario = {
  people: { joinedGroup: number | null; joinedWorkingGroup: number | null }[];
  meetings: { where: Where; day: number; cancelled: boolean }[];
  rows: (Entry | null)[][];
};

type Seeded = {
  groupId: string;
  groupIds: Record<Where, string>;
  userIds: string[];
  meetingIds: string[];
};

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database.close());

async function clean() {
  for (const statement of [
    'delete from attendance',
    'delete from meetings',
    'delete from group_people',
    'delete from groups where parent_id is not null',
    'delete from groups',
    'delete from users',
  ])
    await database.query(statement);
}

async function seed(scenario: Scenario): Promise<Seeded> {
  const { db } = database;
  const groupIds: Record<Where, string> = {
    group: crypto.randomUUID(),
    working_group: crypto.randomUUID(),
    other: crypto.randomUUID(),
  };
  await db.insert(groups).values({ id: groupIds.group, name: 'Steering group' });
  await db.insert(groups).values([
    { id: groupIds.working_group, name: 'Housing working group', parentId: groupIds.group },
    { id: groupIds.other, name: 'Another group' },
  ]);
  const userIds = scenario.people.map(() => crypto.randomUUID());
  await db
    .insert(users)
    .values(
      userIds.map((id, i) => ({ id, email: `person${i}.${id}@example.org`, name: `Person ${i}` })),
    );
  const people = scenario.people.flatMap((person, i) => {
    const userId = userIds[i]!;
    return [
      ...(person.joinedGroup === null
        ? []
        : [{ groupId: groupIds.group, userId, joinedAt: at(person.joinedGroup) }]),
      ...(person.joinedWorkingGroup === null
        ? []
        : [{ groupId: groupIds.working_group, userId, joinedAt: at(person.joinedWorkingGroup) }]),
      // Everyone is in the unrelated group, whose meetings must never count.
      { groupId: groupIds.other, userId, joinedAt: at(-10) },
    ];
  });
  await db.insert(groupPeople).values(people);
  const meetingIds = scenario.meetings.map(() => crypto.randomUUID());
  if (meetingIds.length > 0) {
    await db.insert(meetings).values(
      scenario.meetings.map((meeting, j): typeof meetings.$inferInsert => ({
        id: meetingIds[j]!,
        groupId: groupIds[meeting.where],
        title: `Meeting ${j}`,
        source: 'extra',
        timeZone: 'Europe/London',
        startsAt: at(meeting.day),
        endsAt: new Date(at(meeting.day).getTime() + 2 * 3_600_000),
        status: meeting.cancelled ? 'cancelled' : 'scheduled',
        cancelledReason: meeting.cancelled ? 'Not quorate' : null,
      })),
    );
  }
  const rows = scenario.rows.flatMap((entries, i) =>
    entries.flatMap((entry, j) =>
      entry ? [{ meetingId: meetingIds[j]!, userId: userIds[i]!, ...entry }] : [],
    ),
  );
  if (rows.length > 0) await db.insert(attendance).values(rows);
  return { groupId: groupIds.group, groupIds, userIds, meetingIds };
}

/**
 * The history of person i written straight from the scenario, without the
 * database: every meeting of the group and its working group, with its status
 * as of `asOf` and the person's mark.
 */
function modelHistory(
  scenario: Scenario,
  seeded: Seeded,
  i: number,
  asOf: Date,
): MeetingAttendance[] {
  const person = scenario.people[i]!;
  return scenario.meetings.flatMap((meeting, j): MeetingAttendance[] => {
    if (meeting.where === 'other') return [];
    const joined = meeting.where === 'group' ? person.joinedGroup : person.joinedWorkingGroup;
    const expected = joined !== null && joined <= meeting.day;
    const entry = scenario.rows[i]![j] ?? null;
    const mark: AttendanceMark =
      entry?.mark ?? (entry?.intent === 'apologies' ? 'apologies' : expected ? 'absent' : 'none');
    const startsAt = at(meeting.day);
    return [
      {
        id: seeded.meetingIds[j]!,
        startsAt,
        groupId: seeded.groupIds[meeting.where],
        kind: meeting.where,
        status: meeting.cancelled ? 'cancelled' : startsAt <= asOf ? 'held' : 'scheduled',
        attendance: mark,
      },
    ];
  });
}

function asStatus(row: MembershipRow): MembershipStatus {
  return {
    status: row.status,
    meetingsCounted: row.meetingsCounted,
    ...(row.becameMemberOn ? { becameMemberOn: row.becameMemberOn } : {}),
    ...(row.lapsedOn ? { lapsedOn: row.lapsedOn } : {}),
  };
}

const rule = membershipRule;

/** What the SQL says of each person in the group, by user id. */
async function sqlStatuses(seeded: Seeded, terms: Membership, asOf: Date, db: 'raw' | 'drizzle') {
  const rows = await listMembershipStatuses(
    db === 'raw' ? database : database.db,
    seeded.groupId,
    terms,
    asOf,
  );
  return new Map(rows.map((row) => [row.userId, asStatus(row)]));
}

const P: Entry = { intent: null, mark: 'present_in_person' };
const O: Entry = { intent: 'attending', mark: 'present_online' };
const X: Entry = { intent: null, mark: 'absent' };
const E: Entry = { intent: 'apologies', mark: null };
const _ = null;

describe(`membership in SQL agrees with the policy (${ENGINE})`, () => {
  beforeEach(clean);

  it('sorts uuids as the policy does (PostgreSQL uuid order is lowercase text order)', async () => {
    const ids = Array.from({ length: 300 }, () => {
      const hex = crypto.randomBytes(16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    });
    const rows = await database.query<{ id: string }>(
      'select id::text as id from unnest($1::uuid[]) as t(id) order by id',
      [ids],
    );
    expect(rows.map((row) => row.id)).toEqual(
      [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('under the seed rule, a person is a member from their second meeting', async () => {
    const scenario: Scenario = {
      people: [
        { joinedGroup: 0, joinedWorkingGroup: null }, // at all three
        { joinedGroup: 0, joinedWorkingGroup: null }, // at the first only
        { joinedGroup: 0, joinedWorkingGroup: null }, // first and third, absent between
        { joinedGroup: 0, joinedWorkingGroup: null }, // apologies every time
        { joinedGroup: 15, joinedWorkingGroup: null }, // joined before the third, came to it
      ],
      meetings: [
        { where: 'group', day: 0, cancelled: false },
        { where: 'group', day: 14, cancelled: false },
        { where: 'group', day: 28, cancelled: false },
      ],
      rows: [
        [P, O, P],
        [P, X, _],
        [P, _, O],
        [E, E, E],
        [_, _, P],
      ],
    };
    const seeded = await seed(scenario);
    const asOf = at(40);
    const rows = await listMembershipStatuses(database, seeded.groupId, rule(), asOf);
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    const [a, b, c, d, e] = seeded.userIds.map((id) => byUser.get(id));
    expect(rows).toHaveLength(5);
    expect(a).toMatchObject({ status: 'member', meetingsCounted: 3, becameMemberOn: at(14) });
    expect(b).toMatchObject({ status: 'participant', meetingsCounted: 1, becameMemberOn: null });
    expect(c).toMatchObject({ status: 'member', meetingsCounted: 2, becameMemberOn: at(28) });
    expect(d).toMatchObject({ status: 'participant', meetingsCounted: 0 });
    expect(e).toMatchObject({ status: 'participant', meetingsCounted: 1, lapsedOn: null });

    // The last person's history: the two meetings before they joined are 'none'.
    const history = await personHistory(
      database.db,
      seeded.groupId,
      seeded.userIds[4]!,
      rule(),
      asOf,
    );
    expect(history.map((m) => m.attendance)).toEqual(['none', 'none', 'present_in_person']);
    expect(history.every((m) => m.kind === 'group' && m.status === 'held')).toBe(true);

    // Before the second meeting, nobody is a member yet; one person can be asked for alone.
    const early = await listMembershipStatuses(database.db, seeded.groupId, rule(), at(13));
    expect(early.map((row) => row.status)).toEqual(Array(5).fill('participant'));
    const one = await listMembershipStatuses(
      database,
      seeded.groupId,
      rule(),
      asOf,
      seeded.userIds[2],
    );
    expect(one).toEqual([c]);
  });

  it('a member lapses at the third absence in a row, and comes back by attending twice', async () => {
    const lapse = rule({ lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false } });
    const scenario: Scenario = {
      people: [
        { joinedGroup: 0, joinedWorkingGroup: null }, // lapses at the fifth meeting
        { joinedGroup: 0, joinedWorkingGroup: null }, // apologies break the run
        { joinedGroup: 0, joinedWorkingGroup: null }, // lapses, then comes back
      ],
      meetings: [0, 7, 14, 21, 28, 35, 42].map((day) => ({
        where: 'group' as const,
        day,
        cancelled: false,
      })),
      rows: [
        [P, P, X, X, X, _, _],
        [P, P, X, X, E, X, _],
        [P, P, X, X, X, P, P],
      ],
    };
    const seeded = await seed(scenario);
    const [lapsed, excused, back] = seeded.userIds as [string, string, string];
    const statuses = await sqlStatuses(seeded, lapse, at(30), 'raw');
    expect(statuses.get(lapsed)).toEqual({
      status: 'lapsed',
      meetingsCounted: 2,
      lapsedOn: at(28),
    });
    expect(statuses.get(excused)).toEqual({
      status: 'member',
      meetingsCounted: 2,
      becameMemberOn: at(7),
    });
    expect(statuses.get(back)?.status).toBe('lapsed');

    const later = await sqlStatuses(seeded, lapse, at(50), 'drizzle');
    // Absent, absent, apologies, absent, no row (absent too): never three in a row.
    expect(later.get(excused)).toEqual({
      status: 'member',
      meetingsCounted: 2,
      becameMemberOn: at(7),
    });
    expect(later.get(back)).toEqual({
      status: 'member',
      meetingsCounted: 4,
      becameMemberOn: at(42),
    });

    const history = await personHistory(database, seeded.groupId, back, lapse, at(50));
    expect(membershipStatus(history, { membership: lapse }, at(50))).toEqual(later.get(back));
    expect(membershipTimeline(history, { membership: lapse }, at(50)).map((e) => e.kind)).toEqual([
      'became_member',
      'lapsed',
      'returned',
      'became_member',
    ]);
  });

  it('working-group meetings count only when the ToR says they do', async () => {
    const scenario: Scenario = {
      people: [
        { joinedGroup: 0, joinedWorkingGroup: 0 }, // one group meeting, one working group meeting
        { joinedGroup: 0, joinedWorkingGroup: null }, // not in the working group
      ],
      meetings: [
        { where: 'group', day: 0, cancelled: false },
        { where: 'working_group', day: 7, cancelled: false },
        { where: 'working_group', day: 8, cancelled: false },
        { where: 'other', day: 9, cancelled: false },
      ],
      rows: [
        [P, O, X, P],
        [P, _, _, P],
      ],
    };
    const seeded = await seed(scenario);
    const [inBoth, groupOnly] = seeded.userIds as [string, string];
    const own = await sqlStatuses(seeded, rule(), at(20), 'raw');
    expect(own.get(inBoth)).toEqual({ status: 'participant', meetingsCounted: 1 });

    const counting = rule({
      meetingsThatCount: 'own_and_working_groups',
      lapse: { afterConsecutiveAbsences: 1, apologiesCountAsAbsence: false },
    });
    const withWorkingGroups = await sqlStatuses(seeded, counting, at(20), 'drizzle');
    expect(withWorkingGroups.get(inBoth)).toEqual({
      status: 'lapsed',
      meetingsCounted: 2,
      lapsedOn: at(8),
    });
    expect(withWorkingGroups.get(groupOnly)).toEqual({ status: 'participant', meetingsCounted: 1 });
    expect(
      (await personHistory(database, seeded.groupId, groupOnly, counting, at(20))).map((m) => [
        m.kind,
        m.attendance,
      ]),
    ).toEqual([
      ['group', 'present_in_person'],
      ['working_group', 'none'],
      ['working_group', 'none'],
    ]);
    expect(await sqlStatuses(seeded, counting, at(7), 'raw')).toEqual(
      new Map([
        [inBoth, { status: 'member', meetingsCounted: 2, becameMemberOn: at(7) }],
        [groupOnly, { status: 'participant', meetingsCounted: 1 }],
      ]),
    );
  });

  it('a person is expected from the moment they join, and a meeting they were not expected at does not break a run', async () => {
    const terms = rule({
      meetingsThatCount: 'own_and_working_groups',
      lapse: { afterConsecutiveAbsences: 2, apologiesCountAsAbsence: false },
    });
    const scenario: Scenario = {
      people: [
        { joinedGroup: 0, joinedWorkingGroup: 5 }, // joins the working group as its meeting starts
        { joinedGroup: 2, joinedWorkingGroup: null }, // joins the group as its third meeting starts
      ],
      meetings: [
        { where: 'group', day: 0, cancelled: false },
        { where: 'group', day: 1, cancelled: false },
        { where: 'group', day: 2, cancelled: false },
        { where: 'working_group', day: 3, cancelled: false },
        { where: 'working_group', day: 5, cancelled: false },
      ],
      rows: [
        [P, P, X, _, _],
        [_, _, _, _, _],
      ],
    };
    const seeded = await seed(scenario);
    const [joiner, late] = seeded.userIds as [string, string];
    // Absent, then not expected (not in the working group yet), then absent: two in a row.
    expect((await sqlStatuses(seeded, terms, at(4), 'raw')).get(joiner)?.status).toBe('member');
    expect((await sqlStatuses(seeded, terms, at(5), 'drizzle')).get(joiner)).toEqual({
      status: 'lapsed',
      meetingsCounted: 2,
      lapsedOn: at(5),
    });
    const history = await personHistory(database, seeded.groupId, late, terms, at(5));
    expect(history.map((m) => m.attendance)).toEqual(['none', 'none', 'absent', 'none', 'none']);
  });

  const row = (weights: { present: number; absent: number; apologies: number; unmarked: number }) =>
    fc.option(
      fc.record({
        intent: fc.constantFrom<Entry['intent']>(null, 'attending', 'apologies'),
        mark: fc.oneof(
          {
            arbitrary: fc.constantFrom<Mark>('present_in_person', 'present_online'),
            weight: weights.present,
          },
          { arbitrary: fc.constant<Mark>('absent'), weight: weights.absent },
          { arbitrary: fc.constant<Mark>('apologies'), weight: weights.apologies },
          { arbitrary: fc.constant(null), weight: weights.unmarked },
        ),
      }),
      { nil: null, freq: 6 },
    );
  const coming = row({ present: 10, absent: 1, apologies: 1, unmarked: 2 });
  const dropping = row({ present: 1, absent: 4, apologies: 3, unmarked: 2 });
  /**
   * A person's rows at meetings in time order: mostly coming up to some point
   * and mostly missing after it, so that people become members, lapse and
   * sometimes come back.
   */
  const rowsOf = (n: number) =>
    fc
      .tuple(
        // At least half-way through, so that there is time to become a member first.
        fc.integer({ min: 0, max: n }).map((cut) => Math.max(cut, n - cut)),
        fc.array(coming, { minLength: n, maxLength: n }),
        fc.array(dropping, { minLength: n, maxLength: n }),
      )
      .map(([cut, early, late]) => [...early.slice(0, cut), ...late.slice(cut)]);
  /** Mostly from the start, sometimes part-way through; 1 in `freq` not in the group at all. */
  const joined = (freq: number) =>
    fc.option(
      fc.oneof(
        { arbitrary: fc.constant(-1), weight: 2 },
        { arbitrary: fc.integer({ min: -1, max: 9 }), weight: 1 },
      ),
      { nil: null, freq },
    );
  const randomRule = fc
    .record({
      memberAfterMoreThan: fc.integer({ min: 1, max: 3 }),
      meetingsThatCount: fc.constantFrom<Membership['meetingsThatCount']>(
        'own',
        'own_and_working_groups',
      ),
      lapse: fc.option(
        fc.record({
          afterConsecutiveAbsences: fc.integer({ min: 1, max: 3 }),
          apologiesCountAsAbsence: fc.boolean(),
        }),
        { nil: null },
      ),
    })
    .map((overrides) => rule(overrides));
  const meeting = fc.record({
    where: fc.constantFrom<Where>(
      'group',
      'group',
      'group',
      'working_group',
      'working_group',
      'other',
    ),
    // Few days, so that meetings often start together and ties fall to the id.
    day: fc.integer({ min: 0, max: 9 }),
    cancelled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  });
  const scenario = fc
    .record({
      people: fc.array(fc.record({ joinedGroup: joined(8), joinedWorkingGroup: joined(2) }), {
        minLength: 1,
        maxLength: 5,
      }),
      // Often many meetings, so that people have time to join, lapse and come back.
      meetings: fc
        .oneof(
          fc.array(meeting, { maxLength: 12, size: 'max' }),
          fc.array(meeting, { minLength: 8, maxLength: 12 }),
        )
        .map((list) => list.sort((a, b) => a.day - b.day)),
    })
    .chain(({ people, meetings: held }) =>
      fc.record({
        people: fc.constant(people),
        meetings: fc.constant(held),
        rows: fc.array(rowsOf(held.length), {
          minLength: people.length,
          maxLength: people.length,
        }),
      }),
    );

  it('on random histories, everyone’s status is what the policy computes', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        randomRule,
        // The day to ask about: mostly after every meeting, sometimes part-way through.
        fc.oneof(
          { arbitrary: fc.constant(10), weight: 2 },
          { arbitrary: fc.integer({ min: -1, max: 10 }), weight: 1 },
        ),
        fc.constantFrom<'raw' | 'drizzle'>('raw', 'drizzle'),
        async (s, terms, asOfDay, via) => {
          await clean();
          const seeded = await seed(s);
          const asOf = at(asOfDay);
          const reader = via === 'raw' ? database : database.db;
          const fromSql = await sqlStatuses(seeded, terms, asOf, via);

          const inGroup = s.people.flatMap((person, i) => (person.joinedGroup === null ? [] : [i]));
          expect([...fromSql.keys()].sort()).toEqual(inGroup.map((i) => seeded.userIds[i]!).sort());
          for (const i of inGroup) {
            const userId = seeded.userIds[i]!;
            const history = await personHistory(reader, seeded.groupId, userId, terms, asOf);
            const model = modelHistory(s, seeded, i, asOf);
            // `inferred` and `running` are for the page that shows the history, not the policy.
            expect(history.map(({ inferred: _i, running: _r, ...meeting }) => meeting)).toEqual(
              countedMeetings(model, { membership: terms }, asOf),
            );
            expect(fromSql.get(userId)).toEqual(
              membershipStatus(history, { membership: terms }, asOf),
            );
            expect(fromSql.get(userId)).toEqual(
              membershipStatus(model, { membership: terms }, asOf),
            );
          }

          const someone = inGroup[0];
          if (someone !== undefined) {
            const userId = seeded.userIds[someone]!;
            const alone = await listMembershipStatuses(reader, seeded.groupId, terms, asOf, userId);
            expect(alone.map(asStatus)).toEqual([fromSql.get(userId)]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
