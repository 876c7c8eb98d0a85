import SwaggerParser from '@apidevtools/swagger-parser';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACCESS } from '../../src/server/access.ts';
import { createGroup, startTestApp, type Answer, type TestApp } from '../harness.ts';

const REQUIRED_OPERATION_IDS = [
  'register',
  'signIn',
  'requestSignInLink',
  'signInWithLink',
  'requestPasswordReset',
  'resetPassword',
  'signOut',
  'getMe',
  'listApiTokens',
  'createApiToken',
  'revokeApiToken',
  'createGroup',
  'listMyGroups',
  'getGroup',
  'updateGroup',
  'createInvitation',
  'revokeInvitation',
  'joinGroup',
  'listGroupPeople',
  'setGroupRole',
  'removeFromGroup',
  // Meetings, attendance and membership (the meetings issue).
  'listMeetings',
  'getMeeting',
  'scheduleMeetings',
  'createMeeting',
  'updateMeeting',
  'cancelMeeting',
  'addAgendaItem',
  'updateAgendaItem',
  'moveAgendaItemOutsideMeeting',
  'uploadPaper',
  'rsvp',
  'checkIn',
  'recordAttendance',
  'importAttendance',
  'listMembershipStatuses',
  'getPersonMembership',
  'joinWorkingGroup',
  'leaveWorkingGroup',
  'getCalendarFeed',
  // Decisions (the decisions issue).
  'createProposal',
  'updateProposal',
  'openConsensusCheck',
  'answerConsensusCheck',
  'closeConsensusCheck',
  'callFormalVote',
  'castBallot',
  'closeVote',
  'getDecision',
  'listDecisions',
  'exportDecisions',
  // Notes, release and learning (the notes issue).
  'getMeetingNotes',
  'updateMeetingNotes',
  'checkAttribution',
  'circulateNotes',
  'commentOnNotes',
  'approveNotes',
  'addAction',
  'updateAction',
  'listActions',
  'releaseItem',
  'withdrawRelease',
  'listReleasedItems',
  // Releases are offered to linked groups (the trust issue).
  'listGroupLinks',
  'proposeGroupLink',
  'acceptGroupLink',
  'removeGroupLink',
  'listReleaseOffers',
  'answerReleaseOffer',
  'addLearningEntry',
  'listLearningEntries',
  'addSuggestion',
  'recordSuggestionOutcome',
  'search',
  // A group's public page from the start, and requests to join (the everyday-use issue).
  'getPublicGroupPage',
  'updatePublicPage',
  'askToJoinGroup',
  'listJoinRequests',
  'acceptJoinRequest',
  'declineJoinRequest',
];

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

type Operation = {
  method: string;
  path: string;
  operationId?: string;
  tags?: string[];
  summary?: string;
  'x-access'?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};

let t: TestApp;
let doc: any;

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, object>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (METHODS.includes(method)) found.push({ method, path, ...operation });
    }
  }
  return found;
}

beforeAll(async () => {
  t = await startTestApp();
  const answer = await t.client().get('/api/openapi.json');
  expect(answer.status).toBe(200);
  doc = answer.body;
});
afterAll(async () => t.close());

/** A JSON value with each `$ref` to a component replaced by the component, once along each path. */
function inlined(value: unknown, seen: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((v) => inlined(v, seen));
  if (!value || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/')) {
    if (seen.has(ref)) return { $ref: ref };
    const target = ref
      .slice(2)
      .split('/')
      .reduce<any>((node, key) => node?.[key], doc);
    return inlined(target, new Set([...seen, ref]));
  }
  return Object.fromEntries(
    Object.entries(value as object)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, inlined(v, seen)]),
  );
}

describe('the OpenAPI document', () => {
  it('matches the operations on file: a change to any operation shows in review', async () => {
    // Each operation's method and path, access, answers, and a digest of all of it (schemas inlined).
    // After a deliberate change to the API: npx vitest run test/api/openapi.test.ts -u
    const summary = Object.fromEntries(
      operations()
        .sort((a, b) => (a.operationId! < b.operationId! ? -1 : 1))
        .map((o) => [
          o.operationId,
          {
            route: `${o.method.toUpperCase()} ${o.path}`,
            access: o['x-access'],
            statuses: Object.keys(o.responses ?? {}).sort(),
            digest: createHash('sha256')
              .update(JSON.stringify(inlined(o)))
              .digest('hex')
              .slice(0, 16),
          },
        ]),
    );
    await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot(
      '../fixtures/openapi-operations.json',
    );
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('gives every operation an operationId, tags and a summary, and no operationId twice', () => {
    const incomplete = operations()
      .filter((o) => !o.operationId || !o.tags?.length || !o.summary?.trim())
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(incomplete).toEqual([]);
    const ids = operations().map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('names who may call every operation (x-access): an action of the access table, or public', () => {
    const named = (access: unknown): boolean =>
      access === 'public' ||
      (typeof access === 'string' && access in ACCESS) ||
      (Array.isArray(access) &&
        access.length > 1 &&
        new Set(access).size === access.length &&
        access.every((action) => typeof action === 'string' && action in ACCESS));
    const unnamed = operations()
      .filter((o) => !named(o['x-access']))
      .map((o) => `${o.operationId}: ${JSON.stringify(o['x-access'])}`);
    expect(unnamed).toEqual([]);
  });

  it('has the operations the issues promise', () => {
    const ids = new Set(operations().map((o) => o.operationId));
    expect(REQUIRED_OPERATION_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  function errorsUndocumented(): string[] {
    return operations()
      .filter((o) => o.path.startsWith('/api/'))
      .filter(
        (o) =>
          o.responses?.['4XX']?.content?.['application/json']?.schema?.$ref !==
          '#/components/schemas/Error',
      )
      .map((o) => o.operationId ?? `${o.method} ${o.path}`);
  }

  it('documents the error answers of every API operation as JSON in the Error schema', () => {
    expect(errorsUndocumented()).toEqual([]);
  });

  it('says what each answer means: no response is left as the generator’s "Default Response"', () => {
    const vague = operations().flatMap((o) =>
      Object.entries(o.responses ?? {})
        .filter(([, r]: [string, any]) => !r.description || r.description === 'Default Response')
        .map(([code]) => `${o.operationId} ${code}`),
    );
    expect(vague).toEqual([]);
  });

  it('shows the length limits of text fields', () => {
    const register = operations().find((o) => o.operationId === 'register') as any;
    const schema = register.requestBody.content['application/json'].schema;
    const body = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
    expect(body.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
  });

  it('has a docs page people can read', async () => {
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    await page.body?.cancel();
  });

  it('describes the errors the server really gives: each fits the documented Error schema', async () => {
    const documented = z.fromJSONSchema(doc.components.schemas.Error);
    const chair = t.client();
    await chair.register('Schema Chair');
    const groupId = await createGroup(chair);
    const stranger = t.client();
    await stranger.register('Schema Stranger');
    const answers: Record<string, Answer> = {
      'not signed in': await t.client().get('/api/v1/me'),
      'no CSRF token': await chair.request(
        'POST',
        '/api/v1/groups',
        { name: 'X' },
        { headers: { 'x-csrf-token': 'not-the-token' } },
      ),
      'a bad API token': await t
        .client()
        .request('GET', '/api/v1/me', undefined, { headers: { authorization: 'Bearer nope' } }),
      'a group you may not see': await stranger.get(`/api/v1/groups/${groupId}`),
      'a group that does not exist': await chair.get(`/api/v1/groups/${randomUUID()}`),
      'no such route': await chair.get('/api/v1/nothing-here'),
      'not allowed in the group': await stranger.post(`/api/v1/groups`, {
        name: 'Working',
        parentId: groupId,
      }),
      'the only chair leaving': await chair.delete(
        `/api/v1/groups/${groupId}/people/${(await chair.get('/api/v1/me')).body.id}`,
      ),
      'bad fields': await chair.post('/api/v1/groups', { name: '', extra: 1 }),
      'a bad path id': await chair.get('/api/v1/groups/not-a-uuid'),
      'malformed JSON': await chair.request('POST', '/api/v1/groups', undefined, {
        raw: '{"name":',
        headers: { 'content-type': 'application/json' },
      }),
      'an empty JSON body': await chair.request('POST', '/api/v1/groups', undefined, {
        raw: '',
        headers: { 'content-type': 'application/json' },
      }),
      'a body that is not JSON': await chair.request('POST', '/api/v1/groups', undefined, {
        raw: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      'a body over 1 MB': await chair.request('POST', '/api/v1/groups', undefined, {
        raw: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      }),
    };
    const misfits = Object.entries(answers)
      .filter(([, answer]) => answer.status < 400 || !documented.safeParse(answer.body).success)
      .map(([what, answer]) => `${what}: ${answer.status} ${answer.text.slice(0, 120)}`);
    expect(misfits).toEqual([]);
    const statuses = Object.values(answers).map((a) => a.status);
    expect(new Set(statuses)).toEqual(new Set([400, 401, 403, 404, 409, 413, 415, 422]));
  });
});
