import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import * as accounts from '../../src/server/modules/accounts/accounts.repository.ts';
import * as audit from '../../src/server/modules/audit/audit.repository.ts';
import * as calendar from '../../src/server/modules/calendar/calendar.repository.ts';
import * as decisions from '../../src/server/modules/decisions/decisions.repository.ts';
import * as groups from '../../src/server/modules/groups/groups.repository.ts';
import * as joinRequests from '../../src/server/modules/groups/join-requests.repository.ts';
import * as learning from '../../src/server/modules/learning/learning.repository.ts';
import * as outbox from '../../src/server/modules/mail/outbox.repository.ts';
import * as agenda from '../../src/server/modules/meetings/agenda.repository.ts';
import * as attendance from '../../src/server/modules/meetings/attendance.repository.ts';
import * as meetings from '../../src/server/modules/meetings/meetings.repository.ts';
import * as reminders from '../../src/server/modules/meetings/reminders.repository.ts';
import * as membership from '../../src/server/modules/membership/membership.repository.ts';
import * as notes from '../../src/server/modules/notes/notes.repository.ts';
import * as releases from '../../src/server/modules/releases/releases.repository.ts';
import * as search from '../../src/server/modules/search/search.repository.ts';
import * as terms from '../../src/server/modules/terms/terms.repository.ts';
import * as workingGroups from '../../src/server/modules/working-groups/working-groups.repository.ts';
import { freshDatabase } from '../harness.ts';
import { membershipRule } from '../support/membership.ts';

/*
 * The SQL of every repository function, on file under src/server/queries, so
 * that a change to a query shows in review beside the code that made it. Each
 * function runs once on sample arguments in a transaction that is rolled back;
 * the statements it sends (parameters as $1, $2, …) are compared with the
 * committed file. A function that fails on its sample still shows what it sent
 * before failing. `npm run sql:update` (UPDATE_SQL=1) rewrites the files.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modulesDir = path.join(root, 'src/server/modules');
const queriesDir = path.join(root, 'src/server/queries');
const update = process.env.UPDATE_SQL === '1';

type AnyFunction = (...args: never[]) => unknown;
type Rest<F> = F extends (db: never, ...rest: infer A) => unknown ? A : never;
/** Sample arguments (after the database) for every function a repository exports. */
type Samples<M> = {
  [K in keyof M as M[K] extends AnyFunction ? K : never]: Rest<M[K]>;
};

type Repository = { file: string; exports: object; samples: Record<string, unknown[]> };

function repository<M extends object>(file: string, exports: M, samples: Samples<M>): Repository {
  return { file, exports, samples: samples as Record<string, unknown[]> };
}

/**
 * Part of a row to insert, standing for the whole: Drizzle names every column
 * in an insert whatever is given, so the missing ones do not change the SQL.
 */
function values(partial: Record<string, unknown>): never {
  return partial as never;
}

// Fixed sample ids and times: the files hold no values, but the number of statements may depend on them.
const G = '00000000-0000-4000-8000-000000000001';
const U = '00000000-0000-4000-8000-000000000002';
const M = '00000000-0000-4000-8000-000000000003';
const P = '00000000-0000-4000-8000-000000000004';
const X = '00000000-0000-4000-8000-000000000005';
const T = new Date('2026-03-02T18:00:00Z');
const LATER = new Date('2026-03-09T18:00:00Z');
const DAY = '2026-03-02';
const RULE = membershipRule({
  meetingsThatCount: 'own_and_working_groups',
  lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false },
});

const REPOSITORIES: Repository[] = [
  repository('accounts/accounts.repository.ts', accounts, {
    findUserByEmail: ['a@example.org'],
    findUserById: [U],
    lockInstallation: [],
    countUsers: [],
    insertUser: [{ email: 'a@example.org', name: 'A', passwordHash: null, isAdmin: false }],
    insertUsers: [[{ email: 'a@example.org', name: 'A', passwordHash: null, isAdmin: false }]],
    updateProfile: [
      U,
      { name: 'A', knownAs: ['Al'], jobTitle: 'GP', organisation: null, language: 'cy' },
    ],
    setEmail: [U, 'b@example.org'],
    setPassword: [U, 'hash'],
    setAdmin: [U],
    insertSession: [{ idHash: 'h', userId: U, expiresAt: T }],
    findSessionUser: ['h'],
    deleteSession: ['h'],
    deleteSessionsOf: [U],
    insertOneTimeToken: [{ tokenHash: 'h', userId: U, purpose: 'sign_in', expiresAt: T }],
    consumeOneTimeToken: ['h', 'sign_in'],
    recordAttempt: ['k'],
    attemptStats: ['k', 60],
    hasRecentToken: [U, 'email_change', 60, 'b@example.org'],
    insertRegistration: [
      {
        tokenHash: 'h',
        email: 'a@example.org',
        name: 'A',
        passwordHash: 'p',
        language: null,
        expiresAt: T,
      },
    ],
    findUsableRegistration: ['h'],
    consumeRegistration: ['h'],
    clearAttempts: ['k', true],
    pruneExpired: [60],
    insertApiToken: [{ userId: U, name: 'n', tokenHash: 'h', prefix: 'p' }],
    listApiTokens: [U],
    revokeApiToken: [U, X],
    findApiTokenUser: ['h'],
    languageOf: [U],
    touchApiToken: [X],
  }),
  repository('audit/audit.repository.ts', audit, {
    writeAudit: [
      { actorId: U, groupId: G, action: 'account.registered', subjectType: 'user', subjectId: X },
    ],
    writeAuditMany: [
      [{ actorId: U, groupId: G, action: 'account.registered', subjectType: 'user', subjectId: X }],
    ],
  }),
  repository('calendar/calendar.repository.ts', calendar, {
    insertFeed: [{ userId: U, groupId: G, tokenHash: 'h' }],
    listFeeds: [U],
    revokeFeed: [U, X],
    findFeedByToken: ['h'],
    feedGroups: [U, G],
    meetingsForFeed: [[G], T, LATER],
  }),
  repository('decisions/decisions.repository.ts', decisions, {
    insertProposal: [values({ groupId: G, title: 't' })],
    findProposal: [G, P, 'update'],
    listProposals: [G, M],
    updateProposal: [P, { stage: 'voting' }],
    findCheck: [P],
    insertCheck: [values({ proposalId: P })],
    closeCheck: [P, 'consensus'],
    markAnswered: [P, U],
    insertAnswer: [P, 'agree', null],
    answersOf: [[P]],
    answeredCounts: [[P], U],
    findVote: [P, 'share'],
    insertVote: [values({ proposalId: P }), [U]],
    snapshotVoters: [P, [U, G]],
    hasVoted: [P, U],
    castBallot: [{ groupId: G, proposalId: P, userId: U, choice: 'yes', receiptHash: 'r', now: T }],
    changeBallot: [
      { groupId: G, proposalId: P, userId: U, choice: 'no', receiptHash: 'r', now: T },
    ],
    participantIds: [P],
    countBallots: [P],
    votedCounts: [[P], U],
    eligibleFor: [[P], U],
    namedBallots: [P],
    closeVote: [P, { outcome: 'carried', quorumAtClosing: {}, castingVote: null }],
    setVoteOutcome: [P, 'carried', 'yes'],
    votesPastClosing: [T],
    nextDecisionNumber: [G],
    insertDecision: [values({ groupId: G, number: 1 })],
    findDecision: [G, X],
    listDecisions: [G],
    decisionForProposal: [[P]],
    decisionsAtMeeting: [G, M],
  }),
  repository('groups/groups.repository.ts', groups, {
    findGroupFor: [G, U],
    countPeople: [G],
    insertGroup: [{ name: 'g', purpose: 'p', parentId: null, createdBy: U }],
    updateGroup: [G, { name: 'g', purpose: 'p' }],
    listGroupsOf: [U],
    findRole: [G, U],
    addPerson: [G, U, 'participant'],
    addPeople: [G, [{ userId: U, role: 'participant', joinedAt: T }]],
    setRole: [G, U, 'chair'],
    removePerson: [G, U],
    lockPeople: [G],
    countChairs: [G],
    listPeople: [G],
    insertInvitation: [{ groupId: G, tokenHash: 'h', email: null, createdBy: U, expiresAt: T }],
    listInvitations: [G],
    revokeInvitation: [G, X],
    findUsableInvitation: ['h'],
    termsKeyTaken: [G, 'k', null],
  }),
  repository('groups/join-requests.repository.ts', joinRequests, {
    findGroup: [G],
    findPublicPageSettings: [G],
    savePublicPageSettings: [G, { listed: true, showMeetings: true }],
    upcomingMeetingTimes: [G, T, 3],
    lockPerson: [U],
    countRequestsSince: [U, T],
    insertRequest: [{ groupId: G, userId: U, message: 'm' }],
    findOpenRequestOf: [G, U],
    listOpenRequests: [G],
    findRequestForUpdate: [G, X],
    decideRequest: [X, 'accepted', U],
    isInGroup: [G, U],
    personName: [U],
  }),
  repository('learning/learning.repository.ts', learning, {
    insertLearning: [values({ groupId: G })],
    listLearning: [G],
    releasedIds: [G, 'learning'],
    insertSuggestion: [G, 's'],
    listSuggestions: [G],
    findSuggestion: [G, X],
    recordOutcome: [
      X,
      { consideredAtMeeting: M, consideredOn: DAY, outcome: 'o', decisionId: null },
    ],
    findLearning: [G, X],
    readSuggestion: [G, X],
  }),
  repository('mail/outbox.repository.ts', outbox, {
    enqueue: [{ to: 'a@example.org', subject: 's', text: 't' }],
    enqueueMany: [[{ to: 'a@example.org', subject: 's', text: 't' }]],
    claimDue: [10],
    markDelivered: [X, 'sent'],
    markDeliveredMany: [[X], 'sent'],
    markFailed: [X, 'e', 60],
    listRecent: [10],
  }),
  repository('meetings/agenda.repository.ts', agenda, {
    listItems: [M],
    findItem: [M, X],
    insertItem: [values({ meetingId: M, title: 't' })],
    updateItem: [X, { title: 't' }],
    setItemPositions: [[X, P]],
    listDeclarations: [[X]],
    upsertDeclaration: [X, U, 'i'],
    listPapers: [M],
    insertPaper: [values({ meetingId: M, title: 't' })],
    findPaperContent: [M, X],
    findPaperFile: [G, X],
    findPaperById: [G, X],
  }),
  repository('meetings/attendance.repository.ts', attendance, {
    myIntents: [[M], U],
    register: [G, M],
    findAttendance: [M, U],
    upsertAttendance: [{ meetingId: M, userId: U, updatedBy: U, intent: 'attending' }],
    upsertMarks: [U, [{ meetingId: M, userId: U, mark: 'present_in_person' }]],
    marksOf: [[M]],
    insertAttendanceCorrection: [
      { meetingId: M, kind: 'register', reason: 'r', changes: 1, madeBy: U },
    ],
    listAttendanceCorrections: [M],
    checkInOnce: [M, U, 'present_in_person', T],
    meetingsOfGroup: [G],
    peopleByEmail: [G],
  }),
  repository('meetings/meetings.repository.ts', meetings, {
    findMeeting: [G, M],
    lockMeeting: [G, M],
    lockGroupSchedule: [G],
    listMeetings: [G, 'upcoming', T],
    cadenceMeetings: [G, T, [DAY]],
    insertMeetings: [[values({ groupId: G, title: 't' })]],
    updateMeeting: [M, { title: 't' }],
    deleteMeetings: [[M]],
    meetingsInUse: [[M]],
    personInGroup: [G, U],
    meetingsDueReminder: ['week', T, LATER],
    claimReminder: [M, 'week'],
    meetingTitles: [[M]],
    listPeople: [G],
    hasFutureCadenceMeetings: [G, T],
    linkedWorkingGroups: [G],
    groupsNeedingTopUp: [T],
  }),
  repository('meetings/reminders.repository.ts', reminders, {
    getSettings: [U],
    saveSettings: [U, { weekBefore: true, dayBefore: false }],
    reminderRecipients: [G, M, 'day'],
  }),
  repository('membership/membership.repository.ts', membership, {
    listMembershipStatuses: [G, RULE, T, U],
    personHistory: [G, U, RULE, T],
    setCategories: [G, U, ['c']],
  }),
  repository('notes/notes.repository.ts', notes, {
    versionsOf: [M],
    latestForUpdate: [M],
    insertVersion: [values({ meetingId: M, version: 1 })],
    updateVersion: [X, { status: 'circulated' }],
    commentsOf: [[X]],
    insertComment: [X, U, 'b'],
    peopleNames: [G],
    workingGroupChairs: [G],
    insertAction: [values({ groupId: G, ownerId: U })],
    findAction: [G, X],
    updateAction: [X, { status: 'done' }],
    listActions: [G, { ownerId: U, status: 'open', meetingId: M }],
    overdueActions: [DAY],
    claimOverdueReminder: [X, DAY],
  }),
  repository('releases/releases.repository.ts', releases, {
    insertRelease: [values({ groupId: G, itemId: X })],
    findRelease: [G, X],
    withdraw: [X, { withdrawnBy: U, withdrawDecisionId: null, withdrawAgreedAtMeeting: M }],
    currentReleases: [G],
    allReleases: [G],
    groupRow: [G],
    findCurrentRelease: [G, X],
    groupsOf: [U],
    insertAuthorisations: [[values({ proposalId: P })]],
    authorisationsOf: [[P]],
    consumeAuthorisation: [X, X],
    insertLink: [values({ groupId: G, otherGroupId: X })],
    linksOf: [G],
    findLink: [G, X],
    acceptLink: [X, U],
    deleteLink: [X],
    agreedLinkBetween: [G, X],
    groupsByIds: [[G]],
    childrenOf: [G],
    insertOffers: [X, [G]],
    offersTo: [G],
    findOffer: [G, X],
    answerOffer: [G, X, { status: 'accepted', answeredBy: U }],
    acceptedOffers: [[X]],
  }),
  repository('search/search.repository.ts', search, {
    searchGroup: [G, 'budget', true],
  }),
  repository('terms/terms.repository.ts', terms, {
    findInForce: [G],
    findInForceOn: [G, DAY],
    findAdoptedVersionById: [G, X],
    findDraft: [G],
    findVersion: [G, 1],
    listVersions: [G],
    insertDraft: [{ groupId: G, document: {}, createdBy: U }],
    updateDraft: [X, {}],
    lockGroupTerms: [G],
    nextNumber: [G],
    supersede: [G],
    adopt: [X, { number: 1, adoptedOn: DAY, adoptedBy: U, adoptionNote: 'n', decisionId: null }],
    insertAcceptance: [X, U],
    listAcceptances: [G, X],
    findAcceptance: [X, U],
    insertReminder: [{ groupId: G, meetingId: M, clause: 1 }],
    countReminders: [G],
    claimReviewNotices: [() => true],
    markReviewNoticeSent: [X],
    listChairEmails: [G],
  }),
  repository('working-groups/working-groups.repository.ts', workingGroups, {
    findGroup: [G],
    currentCommitments: [G],
    commit: [G, U, 4],
    stepBack: [G, U],
    roleIn: [G, U],
  }),
];

/** Drizzle over the test database's own connection, telling `record` each statement it sends. */
function loggedDrizzle(database: Database, record: (query: string) => void): Db {
  const logger: Logger = { logQuery: (query) => record(query) };
  if (database.pglite)
    return drizzlePglite(database.pglite as never, { schema, logger }) as unknown as Db;
  if (database.pool) return drizzlePg(database.pool, { schema, logger }) as unknown as Db;
  throw new Error('no connection to log');
}

class RolledBack extends Error {}

/** The statements one function sends, in a transaction that is rolled back afterwards. */
async function statementsOf(
  db: Db,
  sent: string[],
  fn: (...args: unknown[]) => unknown,
  args: unknown[],
): Promise<string[]> {
  let from = 0;
  let to = 0;
  await db
    .transaction(async (tx) => {
      // Only the function's own statements: the transaction's begin and rollback are not its SQL.
      from = sent.length;
      try {
        await fn(tx, ...args);
      } catch {
        // Its SQL up to the failure is what the file shows.
      }
      to = sent.length;
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return sent.slice(from, to);
}

function sqlFileOf(file: string): string {
  return path.join(queriesDir, file.replace(/\.repository\.ts$/, '.sql'));
}

function render(file: string, functions: [string, string[]][]): string {
  const lines = [
    `-- The SQL of src/server/modules/${file}, function by function, as`,
    '-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).',
  ];
  for (const [name, statements] of functions) {
    lines.push('', `-- ${name}`, ...statements.map((s) => `${s.trim()};`));
  }
  return `${lines.join('\n')}\n`;
}

describe('the committed SQL of every repository function', () => {
  let database: Database;
  let db: Db;
  const sent: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    db = loggedDrizzle(database, (query) => sent.push(query));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('covers every repository file', () => {
    const onDisk = fs
      .readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.repository.ts'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(REPOSITORIES.map((r) => r.file).sort()).toEqual(onDisk);
  });

  for (const repo of REPOSITORIES) {
    it(`src/server/queries/${repo.file.replace(/\.repository\.ts$/, '.sql')} is current`, async () => {
      const functions = Object.entries(repo.exports)
        .filter((entry): entry is [string, (...args: unknown[]) => unknown] => {
          return typeof entry[1] === 'function';
        })
        .sort(([a], [b]) => a.localeCompare(b));
      const withoutSamples = functions.map(([name]) => name).filter((n) => !(n in repo.samples));
      expect(withoutSamples, 'functions with no sample arguments in this test').toEqual([]);
      const names = new Set(functions.map(([name]) => name));
      const stale = Object.keys(repo.samples).filter((n) => !names.has(n));
      expect(stale, 'samples of functions the repository no longer exports').toEqual([]);

      const recorded: [string, string[]][] = [];
      for (const [name, fn] of functions) {
        const statements = await statementsOf(db, sent, fn, repo.samples[name] ?? []);
        expect(statements, `${name} sent no SQL on its sample arguments`).not.toEqual([]);
        recorded.push([name, statements]);
      }
      const text = render(repo.file, recorded);
      const target = sqlFileOf(repo.file);
      if (update) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      }
      const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
      expect(text, 'the committed SQL is out of date: run npm run sql:update').toBe(committed);
    });
  }
});
