/**
 * The endpoint table's own promises, on the real app over HTTP: what reaches
 * a use case as its input, the status it answers with, and the access action
 * it publishes. The operations here are declared by the test beside the app's
 * own (as benchmarks declare theirs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint, registerEndpoints } from '../src/server/endpoints.ts';
import { startTestApp, type TestApp } from './harness.ts';

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
