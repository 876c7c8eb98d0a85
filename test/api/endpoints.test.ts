/**
 * The endpoint table's own promises, on the real app over HTTP: what reaches
 * a use case as its input, the status it answers with, and the access action
 * it publishes. The operations here are declared by the test beside the app's
 * own (as benchmarks declare theirs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from '../../src/server/api.ts';
import { endpoint, registerEndpoints } from '../../src/server/endpoints.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { expectError } from '../support/errors.ts';

const params = z.strictObject({ groupId: z.uuid() });
const echoed = z.looseObject({});

const table = {
  testEchoFields: endpoint({
    route: 'POST /api/v1/test-endpoints/:groupId/fields',
    access: 'group.view',
    summary: 'Answers with the input its use case was given',
    params,
    query: z.strictObject({ sort: z.enum(['new', 'old']).default('new') }),
    body: z.strictObject({ name: z.string(), note: z.string().optional() }),
    response: { 201: echoed },
    run: async (input) => input,
  }),
  testEchoShadowed: endpoint({
    route: 'POST /api/v1/test-endpoints/:groupId/shadowed',
    access: ['group.update', 'group.createWorkingGroup'],
    summary: 'A body naming a path parameter: it arrives whole',
    params,
    body: z.strictObject({ groupId: z.uuid() }),
    response: { 200: echoed },
    run: async (input) => input,
  }),
  testEchoNoQuery: endpoint({
    route: 'GET /api/v1/test-endpoints/:groupId',
    access: 'public',
    summary: 'Declares no query',
    params,
    response: { 200: echoed },
    run: async (input) => input,
  }),
};

const GROUP = '4f6c1a52-8f0e-4c1e-9a3e-2b7d5c9e1f00';
const OTHER = '0b8e2d14-6a3f-4b7c-8d9e-1f2a3b4c5d6e';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(
    {},
    { extraRoutes: (app, deps) => registerEndpoints(app, deps, 'Tests', table) },
  );
});
afterAll(async () => t.close());

describe('an operation declared in an endpoint table', () => {
  it('gets its path parameters, query and body fields as one input, and answers with its declared status', async () => {
    const answer = await t
      .client()
      .post(`/api/v1/test-endpoints/${GROUP}/fields?sort=old`, { name: 'Ffion' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ groupId: GROUP, sort: 'old', name: 'Ffion' });
  });

  it('gets the defaults its schemas give', async () => {
    const answer = await t.client().post(`/api/v1/test-endpoints/${GROUP}/fields`, {
      name: 'Ffion',
      note: 'hi',
    });
    expect(answer.body).toEqual({ groupId: GROUP, sort: 'new', name: 'Ffion', note: 'hi' });
  });

  it('never lets a body field replace an id from the path: such a body arrives whole', async () => {
    const answer = await t
      .client()
      .post(`/api/v1/test-endpoints/${GROUP}/shadowed`, { groupId: OTHER });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ groupId: GROUP, body: { groupId: OTHER } });
  });

  it('passes on no query it does not declare', async () => {
    const answer = await t.client().get(`/api/v1/test-endpoints/${GROUP}?groupId=${OTHER}&x=1`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ groupId: GROUP });
  });

  it('refuses a bad input in the one error shape before its use case runs', async () => {
    const answer = await t
      .client()
      .post(`/api/v1/test-endpoints/${GROUP}/fields`, { name: 3, extra: true });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['extra', 'name']);
  });

  it('publishes its access action in the OpenAPI document as x-access', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/api/v1/test-endpoints/{groupId}/fields']?.post?.['x-access']).toBe('group.view');
    expect(paths['/api/v1/test-endpoints/{groupId}/shadowed']?.post?.['x-access']).toEqual([
      'group.update',
      'group.createWorkingGroup',
    ]);
    expect(paths['/api/v1/test-endpoints/{groupId}']?.get?.['x-access']).toBe('public');
  });
});

describe("the test client's call by operationId", () => {
  it('knows every operation of the app, at the method and URL the server registers', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const registered = new Map<string, string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
      for (const [method, operation] of Object.entries(methods as Record<string, unknown>)) {
        const { operationId } = operation as { operationId?: string };
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        if (operationId) registered.set(operationId, `${method.toUpperCase()} ${url}`);
      }
    }
    const called = Object.entries(operations).map(([id, declared]) => [id, declared.route]);
    expect(called).toEqual(called.map(([id]) => [id, registered.get(id!)]));
    // Only the live-update stream, which holds its connection itself, is not in a table.
    const untabled = [...registered.keys()].filter((id) => !id.startsWith('testEcho'));
    expect(untabled.filter((id) => !(id in operations))).toEqual(['streamGroupEvents']);
  });

  it('puts path parameters in the URL and the other fields in the body, and types the answer', async () => {
    const chair = t.client();
    await chair.register('Chair Person');
    const created = await chair.call('createGroup', { name: 'Allotments', purpose: 'Plots' });
    if (!created.ok) throw new Error(created.text);
    const groupId = created.body.group.id;
    const renamed = await chair.call('updateGroup', { groupId, name: 'Allotment society' });
    expect(renamed.status).toBe(200);
    const read = await chair.call('getGroup', { groupId });
    expect(read.ok && read.body.name).toBe('Allotment society');
  });

  it('puts query fields in the query string', async () => {
    const chair = t.client();
    await chair.register('Chair Person');
    const created = await chair.call('createGroup', { name: 'Allotments', purpose: 'Plots' });
    if (!created.ok) throw new Error(created.text);
    const groupId = created.body.group.id;
    expect((await chair.call('listMeetings', { groupId, when: 'past' })).status).toBe(200);
    // A value the schema refuses is named as a field of the query string.
    const refused = await chair.call('listMeetings', { groupId, when: 'soon' as 'past' });
    expectError(refused, { status: 422, field: 'querystring.when' });
  });

  it('answers an error in the one shape, which a test reads through expectError', async () => {
    const stranger = t.client();
    await stranger.register('Stranger Person');
    const answer = await stranger.call('getGroup', { groupId: GROUP });
    expect(answer.ok).toBe(false);
    expect(expectError(answer, { status: 404 }).code).toBe('not_found');
  });
});
