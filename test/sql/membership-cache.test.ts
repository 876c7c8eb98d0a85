/**
 * The kept membership (migration 0020): whatever changes between two reads —
 * marks and answers, meetings added, moved or cancelled, people joining or
 * leaving, a working group moving — accord_membership_cached gives what
 * accord_membership works out afresh, for every rule and date; and a writer
 * that has not committed never makes a reader wait or see a stale answer.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import { groupPeople, groups, meetings, users } from '../../src/server/db/schema/index.ts';
import { ENGINE, freshDatabase } from '../harness.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 18);
const at = (day: number) => new Date(T0 + day * DAY);

let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database.close());

/** [memberAfterMoreThan, withWorkingGroups, lapseAfter, apologiesCountAsAbsence] */
type Rule = [number, boolean, number | null, boolean];
const RULES: Rule[] = [
  [1, false, null, false],
  [1, true, 2, false],
  [0, true, 3, true],
  [2, false, 1, false],
];

type World = { group: string; working: string; other: string; people: string[] };

async function world(size: number, ids: Partial<World> = {}): Promise<World> {
  const w: World = {
    group: ids.group ?? crypto.randomUUID(),
    working: ids.working ?? crypto.randomUUID(),
    other: crypto.randomUUID(),
    people: Array.from({ length: size }, () => crypto.randomUUID()),
  };
  await database.db.insert(groups).values({ id: w.group, name: 'Steering group' });
  await database.db.insert(groups).values([
    { id: w.working, name: 'Working group', parentId: w.group },
    { id: w.other, name: 'Another group' },
  ]);
  await database.db
    .insert(users)
    .values(w.people.map((id, i) => ({ id, email: `p${i}.${id}@example.org`, name: `P ${i}` })));
  return w;
}

async function addMeeting(groupId: string, day: number): Promise<string> {
  const id = crypto.randomUUID();
  await database.db.insert(meetings).values({
    id,
    groupId,
    title: `Meeting on day ${day}`,
    source: 'extra',
    timeZone: 'Europe/London',
    startsAt: at(day),
    endsAt: new Date(at(day).getTime() + 2 * 3_600_000),
  });
  return id;
}

/** A point one side of a test waits at until the other opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

type Read = { rule: Rule; day: number; person: number | null };

async function statuses(fn: string, w: World, read: Read) {
  const [after, withWorking, lapse, apologies] = read.rule;
  const person = read.person === null ? null : w.people[read.person]!;
  return database.query(
    `select user_id, status, meetings_counted, became_member_on, lapsed_on
       from ${fn}($1::uuid, $2::timestamptz, $3::int, $4::boolean, $5::int, $6::boolean, $7::uuid)
      order by user_id`,
    [w.group, at(read.day + 0.5).toISOString(), after, withWorking, lapse, apologies, person],
  );
}

async function expectSame(w: World, read: Read) {
  const kept = await statuses('accord_membership_cached', w, read);
  const fresh = await statuses('accord_membership', w, read);
  expect(kept).toEqual(fresh);
}

const where = fc.constantFrom<'group' | 'working' | 'other'>('group', 'working', 'other');
const mark = fc.constantFrom(
  { intent: null, mark: 'present_in_person' },
  { intent: 'attending', mark: 'present_online' },
  { intent: null, mark: 'absent' },
  { intent: 'apologies', mark: null },
  { intent: 'apologies', mark: 'apologies' },
  { intent: 'attending', mark: null },
  null,
);
const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      meeting: fc.nat(),
      person: fc.nat(),
      entry: mark,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('meeting' as const),
      where,
      day: fc.integer({ min: 0, max: 80 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      meeting: fc.nat(),
      cancelled: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      meeting: fc.nat(),
      day: fc.integer({ min: 0, max: 80 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('join' as const),
      where,
      person: fc.nat(),
      day: fc.integer({ min: -5, max: 80 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('leave' as const), where, person: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reparent' as const), attached: fc.boolean() }),
  },
);
/**
 * The dates a run reads at, every step, for every rule: as an installation reads
 * "now" again and again, so that a kept answer is read back whenever nothing
 * raised the counter in between.
 */
const days = fc.array(fc.noBias(fc.integer({ min: -1, max: 85 })), { minLength: 2, maxLength: 3 });

describe(`the kept membership (${ENGINE})`, () => {
  it('after any change, a read gives what the membership function works out afresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.noBias(mark), { minLength: 12, maxLength: 12 }),
        days,
        fc.array(fc.tuple(fc.noBias(action), fc.nat({ max: 5 })), { minLength: 1, maxLength: 10 }),
        async (first, when, steps) => {
          const w = await world(6);
          const ids = { group: w.group, working: w.working, other: w.other };
          const held: string[] = [];
          for (const day of [0, 7, 14]) held.push(await addMeeting(w.group, day));
          for (const p of w.people.slice(0, 4))
            await database.db
              .insert(groupPeople)
              .values({ groupId: w.group, userId: p, joinedAt: at(-1) });
          for (const [step, person] of steps) {
            switch (step.kind) {
              case 'mark': {
                const meeting = held[step.meeting % held.length]!;
                const person = w.people[step.person % w.people.length]!;
                if (step.entry === null)
                  await database.query(
                    'delete from attendance where meeting_id = $1 and user_id = $2',
                    [meeting, person],
                  );
                else
                  await database.query(
                    `insert into attendance (meeting_id, user_id, intent, mark) values ($1, $2, $3, $4)
                     on conflict (meeting_id, user_id) do update set intent = excluded.intent, mark = excluded.mark`,
                    [meeting, person, step.entry.intent, step.entry.mark],
                  );
                break;
              }
              case 'meeting':
                held.push(await addMeeting(ids[step.where], step.day));
                break;
              case 'cancel':
                await database.query(
                  `update meetings set status = $2, cancelled_reason = $3 where id = $1`,
                  [
                    held[step.meeting % held.length],
                    step.cancelled ? 'cancelled' : 'scheduled',
                    step.cancelled ? 'Not quorate' : null,
                  ],
                );
                break;
              case 'move':
                await database.query(
                  `update meetings set starts_at = $2, ends_at = $2::timestamptz + interval '2 hours' where id = $1`,
                  [held[step.meeting % held.length], at(step.day).toISOString()],
                );
                break;
              case 'join':
                await database.query(
                  `insert into group_people (group_id, user_id, joined_at) values ($1, $2, $3)
                   on conflict (group_id, user_id) do update set joined_at = excluded.joined_at`,
                  [
                    ids[step.where],
                    w.people[step.person % w.people.length],
                    at(step.day).toISOString(),
                  ],
                );
                break;
              case 'leave':
                await database.query(
                  'delete from group_people where group_id = $1 and user_id = $2',
                  [ids[step.where], w.people[step.person % w.people.length]],
                );
                break;
              case 'reparent':
                await database.query('update groups set parent_id = $2 where id = $1', [
                  w.working,
                  step.attached ? w.group : null,
                ]);
                break;
            }
            for (const rule of RULES) {
              for (const day of when) await expectSame(w, { rule, day, person: null });
              await expectSame(w, { rule, day: when[0]!, person });
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  /**
   * One person, A, in the group and its working group since before the first
   * meeting; present at the group's meetings on days 0 and 7 and the working
   * group's on day 3; apologies sent for the group's meeting on day 8; B in the
   * group, never present. Member after more than one meeting, working groups'
   * meetings count, lapsed after one absence. Read on day 10.
   */
  type Base = World & { meeting: Record<'g0' | 'w3' | 'g7' | 'g8', string> };
  const LAPSING: Rule = [1, true, 1, false];
  async function base(): Promise<Base> {
    const w = await world(3);
    const [a, b] = w.people as [string, string];
    await database.db.insert(groupPeople).values([
      { groupId: w.group, userId: a, joinedAt: at(-1) },
      { groupId: w.working, userId: a, joinedAt: at(-1) },
      { groupId: w.group, userId: b, joinedAt: at(-1) },
    ]);
    const meeting = {
      g0: await addMeeting(w.group, 0),
      w3: await addMeeting(w.working, 3),
      g7: await addMeeting(w.group, 7),
      g8: await addMeeting(w.group, 8),
    };
    for (const m of [meeting.g0, meeting.w3, meeting.g7])
      await database.query(
        `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_in_person')`,
        [m, a],
      );
    await database.query(
      `insert into attendance (meeting_id, user_id, intent) values ($1, $2, 'apologies')`,
      [meeting.g8, a],
    );
    return { ...w, meeting };
  }
  const q = (text: string, ...params: unknown[]) => database.query(text, params);
  const CHANGES: [string, (b: Base) => Promise<unknown>, ((b: Base) => Promise<unknown>)?][] = [
    [
      'a mark changes',
      (b) => q(`update attendance set mark = 'absent' where meeting_id = $1`, b.meeting.g7),
    ],
    [
      'an answer changes',
      (b) => q(`update attendance set intent = 'attending' where meeting_id = $1`, b.meeting.g8),
    ],
    ['a mark is removed', (b) => q('delete from attendance where meeting_id = $1', b.meeting.g7)],
    [
      'a mark is added',
      (b) =>
        q(
          `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_online')`,
          b.meeting.g0,
          b.people[1],
        ),
    ],
    [
      'a meeting is cancelled',
      (b) =>
        q(
          `update meetings set status = 'cancelled', cancelled_reason = 'Snow' where id = $1`,
          b.meeting.g7,
        ),
    ],
    [
      'a meeting moves',
      (b) =>
        q(
          `update meetings set starts_at = $2, ends_at = $2::timestamptz + interval '1 hour' where id = $1`,
          b.meeting.g7,
          at(12).toISOString(),
        ),
    ],
    ['a meeting is added', (b) => addMeeting(b.group, 9)],
    ['a meeting is removed', (b) => q('delete from meetings where id = $1', b.meeting.g7)],
    [
      'a joining date changes',
      (b) =>
        q(
          'update group_people set joined_at = $3 where group_id = $1 and user_id = $2',
          b.group,
          b.people[0],
          at(9.5).toISOString(),
        ),
      (b) => addMeeting(b.group, 9),
    ],
    [
      'a joining date in a working group changes',
      (b) =>
        q(
          'update group_people set joined_at = $3 where group_id = $1 and user_id = $2',
          b.working,
          b.people[0],
          at(6).toISOString(),
        ),
      (b) => addMeeting(b.working, 5),
    ],
    [
      'someone leaves',
      (b) =>
        q('delete from group_people where group_id = $1 and user_id = $2', b.group, b.people[0]),
    ],
    [
      'someone joins',
      (b) =>
        q(
          'insert into group_people (group_id, user_id, joined_at) values ($1, $2, $3)',
          b.group,
          b.people[2],
          at(1).toISOString(),
        ),
    ],
    [
      'a working group is detached',
      (b) => q('update groups set parent_id = null where id = $1', b.working),
    ],
  ];
  it.each(CHANGES)('when %s, the next read has the change', async (_, change, setup) => {
    const b = await base();
    await setup?.(b);
    const read: Read = { rule: LAPSING, day: 10, person: null };
    const before = await statuses('accord_membership_cached', b, read);
    expect(await statuses('accord_membership_cached', b, read)).toEqual(before);
    await change(b);
    const after = await statuses('accord_membership_cached', b, read);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await statuses('accord_membership', b, read));
  });

  it('a read at another date, with nothing changed, gives that date’s answer', async () => {
    const b = await base();
    const g15 = await addMeeting(b.group, 15);
    await q(
      `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_in_person')`,
      g15,
      b.people[1],
    );
    const answers = [];
    for (const day of [10, 20, 5, 10]) {
      const read: Read = { rule: LAPSING, day, person: null };
      const kept = await statuses('accord_membership_cached', b, read);
      expect(kept).toEqual(await statuses('accord_membership', b, read));
      answers.push(kept);
    }
    expect(answers[1]).not.toEqual(answers[0]);
    expect(answers[2]).not.toEqual(answers[0]);
    expect(answers[3]).toEqual(answers[0]);
  });

  it('a read inside a transaction sees the transaction’s own changes, and a rollback leaves nothing kept', async () => {
    const w = await world(3);
    const meeting = await addMeeting(w.group, 0);
    await database.db
      .insert(groupPeople)
      .values(w.people.map((userId) => ({ groupId: w.group, userId, joinedAt: at(-1) })));
    const rule: Read = { rule: RULES[0]!, day: 1, person: null };
    await expectSame(w, rule);
    const inside = await database
      .transaction(async (query) => {
        await query(
          `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_in_person')`,
          [meeting, w.people[0]],
        );
        const rows = await query<{ meetings_counted: number }>(
          `select meetings_counted from accord_membership_cached($1::uuid, $2::timestamptz, 1, false, null, false, $3::uuid)`,
          [w.group, at(1).toISOString(), w.people[0]],
        );
        await query(
          `select count(*) from accord_membership_cached($1::uuid, $2::timestamptz, 1, false, null, false, null)`,
          [w.group, at(1).toISOString()],
        );
        throw Object.assign(new Error('roll back'), { rows });
      })
      .catch((error: { rows?: { meetings_counted: number }[] }) => error.rows);
    expect(inside?.[0]?.meetings_counted).toBe(1);
    const after = await statuses('accord_membership_cached', w, rule);
    expect(after.every((row) => Number(row.meetings_counted) === 0)).toBe(true);
    await expectSame(w, rule);
  });

  it.runIf(ENGINE === 'postgres')(
    'a change to a steering group and then its working group does not deadlock with one that changes both at once',
    async () => {
      // The working group's id sorts before its steering group's.
      const w = await world(2, {
        group: `f${crypto.randomUUID().slice(1)}`,
        working: `0${crypto.randomUUID().slice(1)}`,
      });
      const [a, b] = w.people as [string, string];
      await database.db.insert(groupPeople).values([
        { groupId: w.group, userId: a, joinedAt: at(-1) },
        { groupId: w.working, userId: a, joinedAt: at(-1) },
        { groupId: w.working, userId: b, joinedAt: at(-1) },
      ]);
      const meeting = await addMeeting(w.working, 0);
      const steeringChanged = gate();
      const carryOn = gate();
      const first = database.transaction(async (query) => {
        await query('update group_people set joined_at = $3 where group_id = $1 and user_id = $2', [
          w.group,
          a,
          at(-2).toISOString(),
        ]);
        steeringChanged.open();
        await carryOn.opened;
        await query(
          `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_in_person')`,
          [meeting, a],
        );
      });
      await steeringChanged.opened;
      // Raises the working group's counter and its steering group's at once: it waits for the first.
      const second = database.transaction(async (query) => {
        await query(
          `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'absent')`,
          [meeting, b],
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      carryOn.open();
      const settled = await Promise.allSettled([first, second]);
      expect(settled.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      const marks = await database.query(
        'select count(*)::int as n from attendance where meeting_id = $1',
        [meeting],
      );
      expect(marks[0]?.n).toBe(2);
    },
  );

  it.runIf(ENGINE === 'postgres')(
    'a change committed while a reader works is never read back as stale, and readers never wait for each other',
    async () => {
      const w = await world(2);
      const meeting = await addMeeting(w.group, 0);
      await database.db
        .insert(groupPeople)
        .values(w.people.map((userId) => ({ groupId: w.group, userId, joinedAt: at(-1) })));
      const read: Read = { rule: RULES[0]!, day: 1, person: null };

      // A writer holds an uncommitted mark while others read and keep the old answer.
      const released = gate();
      const wrote = gate();
      const writer = database.transaction(async (query) => {
        await query(
          `insert into attendance (meeting_id, user_id, mark) values ($1, $2, 'present_in_person')`,
          [meeting, w.people[0]],
        );
        wrote.open();
        await released.opened;
      });
      await wrote.opened;
      const before = await statuses('accord_membership_cached', w, read);
      expect(before.map((r) => Number(r.meetings_counted))).toEqual([0, 0]);
      released.open();
      await writer;
      await expectSame(w, read);
      expect(
        (await statuses('accord_membership_cached', w, read))
          .map((r) => Number(r.meetings_counted))
          .sort(),
      ).toEqual([0, 1]);

      // A reader that keeps its answer in an open transaction does not hold up another reader.
      await database.query('delete from attendance where meeting_id = $1', [meeting]);
      const finished = gate();
      const keptNow = gate();
      const holder = database.transaction(async (query) => {
        await query(
          `select * from accord_membership_cached($1::uuid, $2::timestamptz, 1, false, null, false, null)`,
          [w.group, at(1.5).toISOString()],
        );
        keptNow.open();
        await finished.opened;
      });
      await keptNow.opened;
      const other = await Promise.race([
        statuses('accord_membership_cached', w, read).then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      finished.open();
      await holder;
      expect(other).toBe('answered');
      await expectSame(w, read);
    },
  );
});
