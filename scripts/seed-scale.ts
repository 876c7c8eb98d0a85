import { hash } from '@node-rs/argon2';
import { parseArgs } from 'node:util';
import { meetingsBetween } from '../src/policy/index.ts';
import type { Terms } from '../src/policy/terms.ts';
import type { Actor, GroupRole } from '../src/server/access.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { commandDeps, type Deps } from '../src/server/deps.ts';
import * as accountsRepo from '../src/server/modules/accounts/accounts.repository.ts';
import * as outboxRepo from '../src/server/modules/mail/outbox.repository.ts';
import { createAdmin } from '../src/server/modules/accounts/accounts.service.ts';
import { writeAuditMany } from '../src/server/modules/audit/audit.repository.ts';
import {
  openConsensusCheck,
  answerConsensusCheck,
  closeConsensusCheck,
} from '../src/server/modules/decisions/consensus.service.ts';
import { createProposal } from '../src/server/modules/decisions/proposals.service.ts';
import {
  callFormalVote,
  castBallot,
  closeVote,
} from '../src/server/modules/decisions/votes.service.ts';
import * as groupsRepo from '../src/server/modules/groups/groups.repository.ts';
import { createGroup } from '../src/server/modules/groups/groups.service.ts';
import * as meetingsRepo from '../src/server/modules/meetings/repositories.ts';
import { scheduleMeetings } from '../src/server/modules/meetings/scheduling.service.ts';
import {
  approveNotes,
  circulateNotes,
  updateMeetingNotes,
} from '../src/server/modules/notes/notes.service.ts';
import { releaseItem } from '../src/server/modules/releases/releases.service.ts';
import * as termsRepo from '../src/server/modules/terms/terms.repository.ts';
import { adoptTermsDraft, createTermsDraft } from '../src/server/modules/terms/terms.service.ts';

/**
 * `npm run seed:scale`: a realistic installation of any size, written through
 * the same use cases and repositories the app uses. Groups (and some working
 * groups) adopt Terms of Reference from the template, meet weekly over the
 * past months with attendance, apologies and absences, write and circulate
 * notes, release approved notes by consensus, and decide a proposal by a
 * formal vote with ballots. Every generated person signs in with --password.
 *
 * Progress goes to stderr; the last line on stdout is a JSON summary.
 */

const USAGE = `Usage: npm run seed:scale -- --groups N --people N --meetings N --engine pglite|postgres
  [--large N] [--password P] [--database-url URL | --data-dir DIR] [--concurrency N]`;

const { values } = parseArgs({
  options: {
    groups: { type: 'string' },
    people: { type: 'string' },
    meetings: { type: 'string' },
    engine: { type: 'string' },
    large: { type: 'string' },
    password: { type: 'string', default: 'scale password 123' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    concurrency: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function count(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return n;
}

class UsageError extends Error {}

/** Words the notes are written with; SEARCH_WORD is in about a third of them. */
const SEARCH_WORD = 'allotments';
const TOPICS = [
  'housing repairs',
  'community transport',
  'the youth club',
  'library opening hours',
  'the food bank',
  'street lighting',
  'the play park',
  'bus routes',
  'the health centre',
  'winter fuel support',
];
const PLACES = ['Riverside', 'Hillview', 'Northgate', 'Eastfield', 'Mill Lane', 'Castle Ward'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday'] as const;

/** A small seeded generator, so that the same sizes make the same installation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Seeded = {
  groupId: string;
  size: number;
  chairEmail: string;
  memberEmail: string;
  attendanceRows: number;
};

class Progress {
  private readonly started = Date.now();
  private last = 0;
  groups = 0;
  rows = 0;
  constructor(private readonly total: number) {}

  tick(force = false): void {
    const now = Date.now();
    if (!force && now - this.last < (process.stderr.isTTY ? 200 : 5000)) return;
    this.last = now;
    const width = 30;
    const done = Math.round((this.groups / this.total) * width);
    const line = `[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${this.groups}/${this.total} groups, ${this.rows.toLocaleString('en-GB')} attendance rows, ${Math.round((now - this.started) / 1000)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  }

  done(): void {
    this.tick(true);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const groupCount = count('groups', values.groups, 1);
  const people = count('people', values.people, 4);
  const meetingCount = count('meetings', values.meetings, 2);
  const large = values.large === undefined ? 0 : count('large', values.large, 4);
  const engine = values.engine;
  if (engine !== 'pglite' && engine !== 'postgres')
    throw new UsageError('--engine pglite|postgres');
  const password = values.password;
  if (password.length < 10) throw new UsageError('--password needs at least 10 characters');
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (engine === 'postgres') {
    env.DATABASE_URL =
      values['database-url'] ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
  } else {
    if (!values['data-dir']) throw new UsageError('--engine pglite needs --data-dir DIR');
    env.DATA_DIR = values['data-dir'];
  }
  const config = loadConfig(env);
  const concurrency =
    values.concurrency === undefined
      ? engine === 'postgres'
        ? 6
        : 1
      : count('concurrency', values.concurrency, 1);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    timeouts: { ...config.databaseTimeouts, statementMs: 600_000 },
    poolSize: concurrency + 2,
  });
  try {
    await database.migrate();
    const summary = await seed(database, config, {
      groupCount,
      people,
      meetingCount,
      large,
      password,
      concurrency,
    });
    console.log(JSON.stringify(summary));
  } finally {
    await database.close();
  }
}

async function seed(
  database: Database,
  config: ReturnType<typeof loadConfig>,
  o: {
    groupCount: number;
    people: number;
    meetingCount: number;
    large: number;
    password: string;
    concurrency: number;
  },
) {
  const deps = commandDeps(config, database);
  const stamp = Date.now().toString(36);
  const adminEmail = `admin.${stamp}@scale.example.org`;
  const admin = await createAdmin(deps, {
    email: adminEmail,
    name: 'Scale Administrator',
    password: o.password,
  });
  if (!admin.user.isAdmin) throw new Error('the administrator was not made one');
  const passwordHash = await hash(o.password, {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });

  const ANALYZE_EVERY_GROUPS = 100;
  const plan = Array.from({ length: o.groupCount }, (_, g) => ({ index: g, size: o.people }));
  if (o.large > 0) plan.unshift({ index: o.groupCount, size: o.large });
  const progress = new Progress(plan.length);
  const seeded: Seeded[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const item = plan[next++];
      if (!item) break;
      const result = await seedGroup(deps, {
        ...item,
        stamp,
        passwordHash,
        meetingCount: o.meetingCount,
        dense: item.size === o.large,
        onRows: (n) => {
          progress.rows += n;
          progress.tick();
        },
      });
      await settleOutbox(deps);
      seeded.push(result);
      progress.groups++;
      progress.tick();
      // Statistics as the tables grow, as autovacuum keeps them on a running
      // installation: without them the planner takes a large table for the
      // empty one it last saw and scans it whole, which slowed seeding as it went.
      if (progress.groups % ANALYZE_EVERY_GROUPS === 0) await database.query('analyze');
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, plan.length) }, worker));
  progress.done();
  // Statistics as a running installation has them (autovacuum would gather them
  // within minutes): the planner then sees the tables at their real size.
  await database.query('analyze');
  const largest = seeded.reduce((a, b) => (b.size > a.size ? b : a));
  // A group of the usual size (the bench reads its pages; other tools may ignore it).
  const typical = seeded.find((s) => s.size === o.people) ?? largest;
  return {
    admin: { email: adminEmail, password: o.password },
    groups: seeded.length,
    people: seeded.reduce((n, s) => n + s.size, 0),
    attendanceRows: progress.rows,
    largestGroup: {
      id: largest.groupId,
      people: largest.size,
      chairEmail: largest.chairEmail,
      memberEmail: largest.memberEmail,
    },
    typicalGroup: {
      id: typical.groupId,
      people: typical.size,
      chairEmail: typical.chairEmail,
      memberEmail: typical.memberEmail,
    },
    password: o.password,
    searchWord: SEARCH_WORD,
  };
}

/**
 * The mail the group's history queued (invitations to meetings, notes, votes)
 * went out back then: marked as the sender marks mail it logs without SMTP, so
 * that a server started on the installation has no backlog to deliver.
 */
async function settleOutbox(deps: Deps): Promise<void> {
  for (;;) {
    const due = await outboxRepo.claimDue(deps.db, 500);
    if (due.length === 0) return;
    await outboxRepo.markDeliveredMany(
      deps.db,
      due.map((mail) => mail.id),
      'logged',
    );
  }
}

/** How a person turns up: most often, a few send apologies, some drift away. */
function habitOf(rand: () => number, dense: boolean) {
  if (dense) return { present: 0.9, online: 0.05, apologies: 0.03 };
  const r = rand();
  if (r < 0.6) return { present: 0.7, online: 0.15, apologies: 0.08 };
  if (r < 0.85) return { present: 0.4, online: 0.15, apologies: 0.15 };
  return { present: 0.1, online: 0.05, apologies: 0.1 };
}

async function seedGroup(
  deps: Deps,
  o: {
    index: number;
    size: number;
    stamp: string;
    passwordHash: string;
    meetingCount: number;
    dense: boolean;
    onRows: (n: number) => void;
  },
): Promise<Seeded> {
  const rand = random(o.index + 1);
  const place = PLACES[o.index % PLACES.length] ?? 'Riverside';
  const topic = TOPICS[o.index % TOPICS.length] ?? 'housing repairs';
  const now = new Date();

  // People, written as confirming a registration writes them (the account and its audit entry).
  const users = await deps.db.transaction(async (tx) => {
    const rows = await accountsRepo.insertUsers(
      tx,
      Array.from({ length: o.size }, (_, i) => ({
        email: `p${i}.g${o.index}.${o.stamp}@scale.example.org`,
        name: `Person ${i} of ${place} ${o.index}`,
        passwordHash: o.passwordHash,
        isAdmin: false,
      })),
    );
    await writeAuditMany(
      tx,
      rows.map((user) => ({
        actorId: user.id,
        action: 'account.registered' as const,
        subjectType: 'user' as const,
        subjectId: user.id,
      })),
    );
    return rows;
  });
  const chairUser = users[0]!;
  const chair: Actor = { userId: chairUser.id, isAdmin: false };
  const scope = { deps, actor: chair };
  const group = await createGroup(
    { name: `${place} ${topic} group ${o.index}`, purpose: `Improving ${topic} in ${place}` },
    scope,
  );
  const groupId = group.id;

  // The first meeting: meetingCount weeks ago; people joined before it, a few joined later.
  const weeks = o.meetingCount;
  const firstDay = new Date(now.getTime() - (weeks * 7 + 3) * 86_400_000);
  const joinedAt = (i: number) =>
    i < 3 || rand() < 0.85
      ? new Date(firstDay.getTime() - 7 * 86_400_000)
      : new Date(firstDay.getTime() + Math.floor(rand() * weeks * 7) * 86_400_000);
  const joined = users.map((u, i) => ({ userId: u.id, at: joinedAt(i) }));
  // Everyone but the chair (who made the group), as if each had joined back then, over the months.
  await groupsRepo.addPeople(
    deps.db,
    groupId,
    users.slice(1).map((u, k) => {
      const i = k + 1;
      const role: GroupRole = i === 1 ? 'chair' : i === 3 ? 'note_taker' : 'participant';
      return { userId: u.id, role, joinedAt: joined[i]!.at };
    }),
  );
  // The chair's own joining date too.
  await deps.database.query(
    `update group_people set joined_at = $1 where group_id = $2 and user_id = $3`,
    [joined[0]!.at.toISOString(), groupId, chairUser.id],
  );

  // Terms of Reference from the template, weekly, adopted on the day of the first meeting.
  const startsOn = firstDay.toISOString().slice(0, 10);
  await createTermsDraft(
    {
      groupId,
      from: 'template',
      choices: {
        frequency: 'weekly',
        weekday: WEEKDAYS[o.index % WEEKDAYS.length],
        startsOn,
        inScope: [{ key: 'services', title: topic, description: `How ${topic} work in ${place}` }],
      },
    } as Parameters<typeof createTermsDraft>[0],
    scope,
  );
  await deps.database.query(
    `update terms_versions set created_at = ($1::date)::timestamp at time zone 'Europe/London'
      where group_id = $2 and status = 'draft'`,
    [startsOn, groupId],
  );
  await adoptTermsDraft(
    { groupId, adoptedOn: startsOn } as Parameters<typeof adoptTermsDraft>[0],
    scope,
  );
  const terms = (await termsRepo.findInForce(deps.db, groupId))!.document as Terms;

  // The past meetings, made from the cadence as the schedule makes them; then the next month's.
  const past = meetingsBetween(terms.cadence, firstDay, now)
    .filter((m) => m.endsAt <= now)
    .slice(-o.meetingCount);
  const meetings = await meetingsRepo.insertMeetings(
    deps.db,
    past.map((w) => ({
      groupId,
      title: group.name,
      source: 'cadence' as const,
      occurrenceDate: w.localDate,
      timeZone: terms.cadence.timeZone,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      createdBy: chair.userId,
    })),
  );
  meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  await scheduleMeetings({ groupId, months: 1 }, scope);

  // The register of each meeting: present, online, apologies; absence is the register's default.
  const habits = users.map((_, i) =>
    i === 2 ? { present: 1, online: 0, apologies: 0 } : habitOf(rand, o.dense),
  );
  // Every meeting's register in one statement (the triggers of migration 0020 then run once).
  const register: Parameters<typeof meetingsRepo.upsertMarks>[2][number][] = [];
  for (const meeting of meetings) {
    joined.forEach((j, i) => {
      if (j.at > meeting.startsAt) return;
      const h = habits[i]!;
      const r = rand();
      const at = { meetingId: meeting.id, userId: j.userId };
      if (r < h.present) register.push({ ...at, mark: 'present_in_person', intent: 'attending' });
      else if (r < h.present + h.online)
        register.push({ ...at, mark: 'present_online', intent: 'attending' });
      else if (r < h.present + h.online + h.apologies)
        register.push({
          ...at,
          mark: 'apologies',
          intent: 'apologies',
          apologyReason: 'Working that evening',
        });
      else if (r < h.present + h.online + h.apologies + 0.03)
        register.push({ ...at, mark: 'absent' });
    });
  }
  await meetingsRepo.upsertMarks(deps.db, chair.userId, register);
  const rows = register.length;
  o.onRows(rows);

  // Notes of the last few meetings, circulated; the second-to-last approved at the last.
  const noted = meetings.slice(-Math.min(5, meetings.length));
  for (const [k, meeting] of noted.entries()) {
    const mention =
      (o.index + k) % 3 === 0 ? ` The ${SEARCH_WORD} waiting list was discussed.` : '';
    await updateMeetingNotes(
      {
        groupId,
        meetingId: meeting.id,
        content: {
          summary: `We talked about ${topic} in ${place}: what residents told us, what the council said, and what we will ask for next.${mention} Actions were agreed and owners named.`,
          items: [],
        },
        notViews: [],
      },
      scope,
    );
    await circulateNotes({ groupId, meetingId: meeting.id }, scope);
  }
  const approvedMeeting = noted.at(-2);
  const lastMeeting = noted.at(-1)!;
  const closesAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  if (approvedMeeting) {
    await approveNotes(
      { groupId, meetingId: approvedMeeting.id, body: { meetingId: lastMeeting.id } },
      scope,
    );
  }

  // A release proposal agreed by consensus, and the release it authorises.
  if (approvedMeeting) {
    const item = { itemType: 'notes' as const, itemId: approvedMeeting.id };
    const made = await createProposal(
      {
        groupId,
        title: 'Publish the approved notes',
        text: 'We agree to publish the approved notes on our public page.',
        closesAt,
        release: {
          action: 'release',
          audience: 'public',
          items: [item],
          groupIds: [],
          thisDecision: false,
        },
      } as Parameters<typeof createProposal>[0],
      scope,
    );
    const proposal = { groupId, proposalId: made.id };
    await openConsensusCheck(proposal, scope);
    await answerConsensusCheck({ ...proposal, answer: 'agree' }, scope);
    const closed = await closeConsensusCheck({ ...proposal, outcome: 'consensus' }, scope);
    if (closed.decisionId)
      await releaseItem(
        { groupId, ...item, audience: 'public', groupIds: [], decisionId: closed.decisionId },
        scope,
      );
  }

  // A proposal decided by a formal vote, with ballots from the members who turned up.
  const voted = await createProposal(
    {
      groupId,
      title: `Ask the council for a review of ${topic}`,
      text: `The group asks the council to review ${topic} in ${place} within three months.`,
      closesAt,
    } as Parameters<typeof createProposal>[0],
    scope,
  );
  const proposal = { groupId, proposalId: voted.id };
  await openConsensusCheck(proposal, scope);
  await callFormalVote({ ...proposal }, scope);
  const voters = users.slice(0, Math.min(users.length, 12));
  for (const [i, voter] of voters.entries()) {
    await castBallot(
      { ...proposal, choice: i % 4 === 3 ? 'no' : 'yes' },
      { deps, actor: { userId: voter.id, isAdmin: false } },
    ).catch(() => undefined); // not every person is a member, and only members may vote
  }
  await closeVote({ ...proposal }, scope);

  // A draft proposal, still being written.
  await createProposal(
    {
      groupId,
      title: `Survey residents about ${topic}`,
      text: 'A short survey before the next meeting.',
      closesAt,
    } as Parameters<typeof createProposal>[0],
    scope,
  );

  // Every fifth group has a working group of a few of its people.
  if (o.index % 5 === 0 && users.length > 8) {
    const working = await createGroup(
      {
        name: `${place} ${topic} working group`,
        purpose: 'Does the detailed work',
        parentId: groupId,
      },
      scope,
    );
    await deps.db.transaction(async (tx) => {
      for (const u of users.slice(1, 8))
        await groupsRepo.addPerson(tx, working.id, u.id, 'participant');
    });
  }

  return {
    groupId,
    size: o.size,
    chairEmail: chairUser.email,
    memberEmail: users[2]!.email,
    attendanceRows: rows,
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
