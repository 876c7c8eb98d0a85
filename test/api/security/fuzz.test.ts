/**
 * Schema-driven fuzzing of every operation of the OpenAPI document: requests
 * generated from each operation's own schemas (path, query, body), valid and
 * invalid values mixed at every level, sent over real HTTP by a signed-in
 * chair of a real group, with the group's real ids mixed in so that requests
 * reach the services and the database, not only the validators.
 *
 * No answer may be a 5xx, none may hang, and every error answer is in the one
 * JSON error shape. FUZZ_CASES sets the cases per operation (200 by default)
 * and FUZZ_SEED the seed (fixed by default, so a failure can be replayed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Answer, type Client, type TestApp } from '../../harness.ts';
import { errorProblems } from '../../support/errors.ts';
import { joinAll, setRole } from '../../support/groups.ts';
import {
  fuzzValue,
  nastyString,
  type JsonSchema,
  type Pools,
} from '../../support/json-schema-arbitrary.ts';
import { addMeeting, adoptTerms, mark } from '../../support/meetings.ts';
import { registerPerson, signInAgain, type Person } from '../../support/people.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const IN_FLIGHT = 8;
/** Longer than any request may take; a request still running then is a failure. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Node refuses URLs over 16 KB before the app sees them; keep path and query values below that. */
const LONGEST_URL_VALUE = 4_000;

/**
 * Operations that use up or remove what the other operations act on: fuzzed
 * last, so the rest still find the fixture as it was.
 */
const LAST = new Set([
  'updateMeeting',
  'cancelMeeting',
  'removeFromGroup',
  'revokeInvitation',
  'withdrawRelease',
  'adoptTermsDraft',
  'setGroupRole',
  'revokeApiToken',
  'revokeCalendarFeed',
  'leaveWorkingGroup',
  'signOut',
]);

/**
 * Operations that start or end a session, ending the one they are sent with:
 * each is fuzzed with a session of its own, so the chair's stays signed in.
 */
const SESSION_CHANGING = new Set([
  'register',
  'signIn',
  'signInWithLink',
  'resetPassword',
  'signOut',
]);

type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema: JsonSchema };
type Operation = {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
};
type Request = {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** JSON to send, raw bytes, or nothing. */
  body?: { json: unknown } | { raw: Uint8Array<ArrayBuffer>; contentType: string };
};
type Failure = { operationId: string; request: string; answer: string };
/** How far the requests got: answers by status class, per operation. */
type Reach = Map<string, { ok: number; refused: number }>;

let t: TestApp;
let chair: Person;
let pools: Pools;
/** Pools that differ for one operation (a proposal at the stage it needs). */
let poolsByOperation: Record<string, Pools> = {};
/** Sessions of the chair's own for SESSION_CHANGING operations, made before fuzzing limits sign-ins. */
const spareSessions = new Map<string, Client>();

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await startTestApp();
  // The first account runs the installation; the chair is someone else.
  await registerPerson(t, 'Installation Admin');
  const [me, participant, observer, noteTaker] = await Promise.all(
    ['Fuzz Chair', 'Fuzz Participant', 'Fuzz Observer', 'Fuzz Notetaker'].map((name) =>
      registerPerson(t, name),
    ),
  );
  chair = me!;
  for (const operationId of SESSION_CHANGING) {
    spareSessions.set(operationId, await signInAgain(t, chair));
  }
  const c = chair.client;
  const made = await c.post('/api/v1/groups', { name: 'Fuzzed group', purpose: 'To be fuzzed' });
  expect(made.status, made.text).toBe(201);
  const groupId = made.body.group.id as string;
  await adoptTerms(c, groupId);
  const invitation = await joinAll(c, groupId, [participant!, observer!, noteTaker!]);
  await setRole(c, groupId, observer!, 'observer');
  await setRole(c, groupId, noteTaker!, 'note_taker');
  const past = [
    await addMeeting(c, groupId, new Date('2026-09-08T17:00:00Z')),
    await addMeeting(c, groupId, new Date('2026-10-13T17:00:00Z')),
  ];
  for (const meetingId of past) {
    for (const someone of [chair, participant!, noteTaker!]) {
      await mark(c, groupId, meetingId, someone.id, 'present_in_person');
    }
  }
  const live = await addMeeting(c, groupId, new Date(Date.now() - 5 * 60_000), 180);
  // The agenda and papers of a meeting to come can still change.
  const coming = await addMeeting(c, groupId, new Date(Date.now() + 14 * 86_400_000));
  const base = `/api/v1/groups/${groupId}`;

  // The rest is best effort: what an operation cannot make leaves its pool smaller.
  const id = async (answer: Promise<Answer>, pick: (body: any) => unknown = (b) => b.id) => {
    const done = await answer;
    return done.status < 300 ? [pick(done.body)] : [];
  };
  const item = await id(
    c.post(`${base}/meetings/${coming}/agenda`, {
      title: 'Budget',
      purpose: 'To agree',
      remitKey: 'housing',
    }),
  );
  const paper = await id(
    c.request(
      'POST',
      `${base}/meetings/${coming}/papers?title=Budget&fileName=budget.pdf`,
      undefined,
      {
        raw: PDF,
        headers: { 'content-type': 'application/octet-stream' },
      },
    ),
  );
  const code = await id(c.get(`${base}/meetings/${live}/check-in-link`), (b) => b.code);
  const workingGroup = await id(
    c.post('/api/v1/groups', { name: 'Fuzzed working group', parentId: groupId }),
    (b) => b.group.id,
  );
  const proposal = async (stage: 'draft' | 'consensus' | 'no_consensus' | 'voting' | 'decided') => {
    const p = await c.post(`${base}/proposals`, {
      title: `A ${stage} proposal`,
      text: 'Shall we?',
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const one = `${base}/proposals/${p.body.id}`;
    if (stage !== 'draft') await c.post(`${one}/consensus`);
    if (stage === 'decided') {
      await c.post(`${one}/consensus/answers`, { answer: 'agree' });
      const closed = await c.post(`${one}/consensus/close`, { outcome: 'consensus' });
      return { proposalId: p.body.id as string, decisionId: closed.body.decisionId as string };
    }
    if (stage === 'voting' || stage === 'no_consensus') {
      await c.post(`${one}/consensus/close`, { outcome: 'no_consensus' });
    }
    if (stage === 'voting') await c.post(`${one}/vote`, {});
    return { proposalId: p.body.id as string };
  };
  const proposals = [
    await proposal('draft'),
    await proposal('consensus'),
    await proposal('no_consensus'),
    await proposal('voting'),
    await proposal('decided'),
  ];
  const decisionId = proposals.flatMap((p) => (p.decisionId ? [p.decisionId] : []));
  const action = await id(
    c.post(`${base}/actions`, {
      title: 'Book the room',
      ownerId: participant!.id,
      dueOn: '2027-01-10',
    }),
  );
  const learning = await id(
    c.post(`${base}/learning`, {
      whatHappened: 'It rained',
      whatWeLearned: 'Bring umbrellas',
      whatWeWillChange: 'Umbrellas',
      tags: [],
    }),
  );
  const release = await id(
    c.post(`${base}/releases`, {
      itemType: 'learning',
      itemId: learning[0],
      audience: 'public',
      decisionId: decisionId[0],
    }),
  );
  const suggestion = await id(c.post(`${base}/suggestions`, { text: 'Meet in the library' }));
  const apiToken = await id(c.post('/api/v1/me/tokens', { name: 'Fuzz' }), (b) => b.token.id);
  const feed = await c.post('/api/v1/calendar-feeds', { groupId });
  const feedId = feed.status < 300 ? [feed.body.id] : [];
  const feedToken = feed.status < 300 ? [new URL(feed.body.url).pathname.split('/')[4]] : [];
  await c.put(`${base}/meetings/${past[1]}/notes`, {
    content: { summary: 'Notes.', items: [] },
  });
  const draft = await c.post(`${base}/terms/draft`, { from: 'in_force' });
  const document = draft.status < 300 ? [draft.body.document] : [];

  // Never the chair's own id where it names someone to act on: the chair
  // removing or demoting themselves would end the run's access.
  const people = [participant!.id, observer!.id, noteTaker!.id];
  pools = {
    groupId: [groupId, ...workingGroup],
    parentId: [groupId],
    meetingId: [coming, live, ...past],
    itemId: [...item, ...learning],
    paperId: paper,
    userId: people,
    ownerId: [...people, chair.id],
    proposalId: proposals.map((p) => p.proposalId),
    decisionId,
    releaseId: release,
    actionId: action,
    suggestionId: suggestion,
    invitationId: [invitation.invitation.id],
    tokenId: apiToken,
    feedId,
    token: [invitation.token, ...feedToken],
    code,
    number: ['1', 1],
    from: ['1'],
    to: ['1', 'draft'],
    once: ['1'],
    email: [participant!.email],
    password: [participant!.password],
    startsAt: ['2027-03-09T18:00:00.000Z'],
    endsAt: ['2027-03-09T20:00:00.000Z'],
    title: ['Budget'],
    fileName: ['budget.pdf'],
    csv: [`date,email,attendance\n2026-09-08,${observer!.email},present\n`],
    document,
    remitKey: ['housing', 'transport'],
  };
  // A proposal at the stage the operation needs, first.
  const [drafted, consensus, noConsensus, voting] = proposals.map((p) => p.proposalId);
  const first = (id: string) => ({ proposalId: [id, ...proposals.map((p) => p.proposalId)] });
  poolsByOperation = {
    openConsensusCheck: first(drafted!),
    answerConsensusCheck: first(consensus!),
    closeConsensusCheck: first(consensus!),
    callFormalVote: first(noConsensus!),
    castBallot: first(voting!),
    closeVote: first(voting!),
  };
}, 180_000);

afterAll(async () => t?.close());

async function documentedOperations(): Promise<Operation[]> {
  const answer = await t.client().get('/api/openapi.json');
  expect(answer.status).toBe(200);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(answer.body.paths as Record<string, any>)) {
    for (const [method, operation] of Object.entries(item as Record<string, any>)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content as Record<string, { schema: JsonSchema }>;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        ...(contentType && media
          ? {
              body: {
                contentType,
                schema: media.schema,
                required: operation.requestBody.required === true,
              },
            }
          : {}),
      });
    }
  }
  return operations;
}

/** Bodies no JSON schema describes: broken JSON, other encodings, invalid UTF-8. */
const RAW_BODIES: { raw: Uint8Array<ArrayBuffer>; contentType: string }[] = [
  ['{"name":', 'application/json'],
  ['not json', 'application/json'],
  ['', 'application/json'],
  ['null', 'application/json'],
  ['"just a string"', 'application/json'],
  ['1e400', 'application/json'],
  ['['.repeat(5_000), 'application/json'],
  ['{"a":1,"a":2}', 'application/json'],
  ['name=x&email=y', 'application/x-www-form-urlencoded'],
  ['<x/>', 'text/xml'],
].map(([text, contentType]) => ({
  raw: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>,
  contentType: contentType!,
}));
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  ) as Uint8Array<ArrayBuffer>;
/** JSON whose strings are not UTF-8: stray bytes, a truncated sequence, an encoded surrogate. */
const INVALID_UTF8 = bytes('{"name":"', [0xff, 0xfe, 0xc3], '","text":"', [0xed, 0xa0, 0x80], '"}');

function requestsFor(operation: Operation): fc.Arbitrary<Request> {
  const own = { ...pools, ...poolsByOperation[operation.operationId] };
  const of = (where: 'path' | 'query') => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const p of operation.parameters.filter((x) => x.in === where)) {
      model[p.name] = fuzzValue(p.schema, { pools: own, name: p.name });
      if (where === 'path' || (p as { required?: boolean }).required) required.push(p.name);
    }
    const known = fc.record(model, { requiredKeys: required });
    if (where === 'path') return known;
    // An unknown query parameter now and then.
    return fc
      .tuple(known, fc.option(nastyString(), { freq: 5, nil: undefined }))
      .map(([query, unexpected]) => (unexpected === undefined ? query : { ...query, unexpected }));
  };
  let body: fc.Arbitrary<Request['body']> = fc.constant(undefined);
  if (operation.body?.contentType === 'application/json') {
    body = fc.oneof(
      {
        weight: 12,
        arbitrary: fuzzValue(operation.body.schema, { pools: own }).map((json) => ({ json })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...RAW_BODIES, {
          raw: INVALID_UTF8,
          contentType: 'application/json',
        }),
      },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  } else if (operation.body) {
    body = fc.oneof(
      fc.constant({ raw: PDF, contentType: operation.body.contentType }),
      fc.uint8Array({ maxLength: 2_048 }).map((raw) => ({
        raw: raw as Uint8Array<ArrayBuffer>,
        contentType: operation.body!.contentType,
      })),
      fc.constant(undefined),
    );
  } else if (operation.method !== 'GET') {
    // An operation that takes no body, sent one anyway.
    body = fc.option(
      fc
        .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
        .map((json) => ({ json })),
      { nil: undefined, freq: 3 },
    );
  }
  return fc.record({ path: of('path'), query: of('query'), body });
}

/** Encodes any string for a URL, lone surrogates included (as the invalid UTF-8 they would be). */
function encodeLoosely(value: unknown): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).slice(
    0,
    LONGEST_URL_VALUE,
  );
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((ch) => {
        const unit = ch.charCodeAt(0);
        if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
          return `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`;
        }
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

function urlOf(operation: Operation, request: Request): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeLoosely(request.path[name] ?? ''),
  );
  const query = Object.entries(request.query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeLoosely(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Sends one request as `client` without keeping any cookie it sets (a success must not switch sessions). */
async function send(client: Client, operation: Operation, request: Request): Promise<Answer> {
  const headers: Record<string, string> = {
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': client.cookies.get('accord_csrf') ?? '',
  };
  let payload: string | Uint8Array<ArrayBuffer> | undefined;
  if (request.body && 'json' in request.body) {
    payload = JSON.stringify(request.body.json);
    headers['content-type'] = 'application/json';
  } else if (request.body) {
    payload = request.body.raw;
    headers['content-type'] = request.body.contentType;
  }
  const response = await fetch(t.url + urlOf(operation, request), {
    method: operation.method,
    headers,
    ...(payload === undefined || operation.method === 'GET' ? {} : { body: payload }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status < 400) {
    // Successes are not inspected (and a live stream would never end).
    await response.body?.cancel();
    return { status: response.status, body: null, headers: response.headers, text: '' };
  }
  const text = await response.text();
  return { status: response.status, body: null, headers: response.headers, text };
}

function describeRequest(operation: Operation, request: Request): string {
  const body = request.body
    ? 'json' in request.body
      ? JSON.stringify(request.body.json)
      : `<${request.body.raw.length} bytes of ${request.body.contentType}>`
    : '';
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${operation.method} ${clip(urlOf(operation, request))} ${clip(body ?? '')}`;
}

async function fuzz(operation: Operation, failures: Failure[], reach: Reach): Promise<number> {
  const requests = fc.sample(requestsFor(operation), { numRuns: CASES, seed: SEED });
  const actor = spareSessions.get(operation.operationId) ?? chair.client;
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const record = (answer: string) =>
          failures.push({
            operationId: operation.operationId,
            request: describeRequest(operation, request),
            answer,
          });
        try {
          const answer = await send(actor, operation, request);
          const seen = reach.get(operation.operationId) ?? { ok: 0, refused: 0 };
          if (answer.status < 400) seen.ok += 1;
          else seen.refused += 1;
          reach.set(operation.operationId, seen);
          if (answer.status >= 500) record(`${answer.status} ${answer.text.slice(0, 200)}`);
          else if (answer.status >= 400) {
            const problems = errorProblems(answer);
            if (problems.length > 0)
              record(`${answer.status}, not the error shape: ${problems.join('; ')}`);
          }
        } catch (error) {
          record(`no answer: ${(error as Error).message}`);
        }
      }
    }),
  );
  return requests.length;
}

describe('fuzzing every operation from its OpenAPI schemas', () => {
  it(`${CASES} generated requests per operation by a chair: no 5xx, no hang, every error in the one shape`, async () => {
    const operations = await documentedOperations();
    operations.sort((a, b) => Number(LAST.has(a.operationId)) - Number(LAST.has(b.operationId)));
    const failures: Failure[] = [];
    let sent = 0;
    const started = Date.now();
    const reach: Reach = new Map();
    for (const operation of operations) {
      sent += await fuzz(operation, failures, reach);
      // The rest of the run only reaches the services while the chair is signed in.
      const still = await chair.client.get('/api/v1/me');
      if (still.status !== 200)
        expect.fail(`the chair's session ended while fuzzing ${operation.operationId}`);
    }
    const succeeded = [...reach.values()].reduce((n, r) => n + r.ok, 0);
    const neverOk = [...reach].filter(([, r]) => r.ok === 0).map(([id]) => id);
    console.log(
      `fuzz: ${operations.length} operations, ${sent} requests (${succeeded} succeeded), seed ${SEED}, ` +
        `${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failures; ` +
        `never succeeded: ${neverOk.join(', ') || 'none'}`,
    );
    if (failures.length > 0) {
      const byOperation = new Map<string, Failure[]>();
      for (const f of failures)
        byOperation.set(f.operationId, [...(byOperation.get(f.operationId) ?? []), f]);
      const report = [...byOperation]
        .map(
          ([id, list]) =>
            `${id}: ${list.length} failing\n${list
              .slice(0, 3)
              .map((f) => `  ${f.request}\n    -> ${f.answer}`)
              .join('\n')}`,
        )
        .join('\n');
      expect.fail(`${failures.length} fuzzed requests failed (seed ${SEED}):\n${report}`);
    }
    expect(operations.length).toBeGreaterThanOrEqual(100);
    expect(sent).toBe(operations.length * CASES);
  }, 900_000);
});
