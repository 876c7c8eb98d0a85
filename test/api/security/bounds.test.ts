import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, startTestApp, type TestApp } from '../../harness.ts';
import { expectError } from '../../support/errors.ts';
import { registerPerson, rowCounts, type Person } from '../../support/people.ts';

let t: TestApp;
let doc: any;
let chair: Person;
let groupId: string;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.client().get('/api/openapi.json')).body;
  chair = await registerPerson(t, 'Bounds Chair');
  groupId = await createGroup(chair.client, 'Bounded group');
});
afterAll(async () => t.close());

/** PostgreSQL's int4: the widest integer a request may carry. */
const INT4_MAX = 2 ** 31 - 1;
const INT4_MIN = -(2 ** 31);

/** An anchored pattern with no open-ended repetition bounds its text by itself. */
function boundedPattern(pattern: string): boolean {
  return pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern);
}

function resolve(schema: any): any {
  if (schema && typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return doc.components.schemas[name];
  }
  return schema;
}

let checked = 0;

/** Every unbounded number, string or array in a request schema, by its path. */
function unbounded(raw: any, where: string, seen = new Set<any>()): string[] {
  const schema = resolve(raw);
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  checked += 1;
  const found: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const part of schema[key] ?? []) found.push(...unbounded(part, where, seen));
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.const !== undefined || schema.enum) return found;
  if (types.includes('integer') || types.includes('number')) {
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined)
      found.push(`${where}: no minimum`);
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined)
      found.push(`${where}: no maximum`);
    if ((schema.maximum ?? schema.exclusiveMaximum) > INT4_MAX)
      found.push(`${where}: maximum beyond int4`);
    if ((schema.minimum ?? schema.exclusiveMinimum) < INT4_MIN)
      found.push(`${where}: minimum beyond int4`);
  }
  if (types.includes('string')) {
    const bounded =
      schema.maxLength !== undefined ||
      ['uuid', 'date-time', 'date', 'binary', 'email', 'time'].includes(schema.format) ||
      (typeof schema.pattern === 'string' && boundedPattern(schema.pattern));
    if (!bounded) found.push(`${where}: no maxLength`);
  }
  if (types.includes('array')) {
    if (schema.maxItems === undefined) found.push(`${where}: no maxItems`);
    found.push(...unbounded(schema.items, `${where}[]`, seen));
  }
  if (types.includes('object') || schema.properties) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      found.push(...unbounded(property, `${where}.${name}`, seen));
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      found.push(...unbounded(schema.additionalProperties, `${where}.*`, seen));
      if (schema.maxProperties === undefined) found.push(`${where}: no maxProperties`);
    }
  }
  return found;
}

describe('bounds', () => {
  it('the check below finds a missing limit wherever it is', () => {
    const loose = {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 1, maximum: 2 ** 53 },
        name: { type: 'string' },
        tags: { type: 'array', items: { type: 'string', maxLength: 3 } },
        either: { anyOf: [{ type: 'number', minimum: 0 }, { const: 'x' }] },
      },
    };
    expect(unbounded(loose, 'body')).toEqual([
      'body.count: maximum beyond int4',
      'body.name: no maxLength',
      'body.tags: no maxItems',
      'body.either: no maximum',
    ]);
  });

  it('every number, string and array a request can carry has limits in the OpenAPI document', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (!operation?.operationId) continue;
        const name = `${method.toUpperCase()} ${path}`;
        for (const parameter of operation.parameters ?? []) {
          problems.push(
            ...unbounded(parameter.schema, `${name} ${parameter.in} ${parameter.name}`),
          );
        }
        for (const [type, content] of Object.entries<any>(operation.requestBody?.content ?? {})) {
          problems.push(...unbounded(content.schema, `${name} body(${type})`));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('a version number beyond what the database holds is a 422 naming it, on every ToR endpoint', async () => {
    const huge = '2147483648';
    const base = `/api/v1/groups/${groupId}/terms`;
    for (const path of [`${base}/versions/${huge}`, `${base}/versions/${huge}/markdown`]) {
      expectError(await chair.client.get(path), {
        status: 422,
        code: 'validation_failed',
        field: 'params.number',
      });
    }
    expectError(await chair.client.get(`${base}/diff?from=${huge}&to=1`), {
      status: 422,
      field: 'querystring.from',
    });
    expectError(await chair.client.get(`${base}/diff?from=1&to=${huge}`), {
      status: 422,
      field: 'querystring.to',
    });
    expectError(await chair.client.post(`${base}/acceptances`, { number: 2 ** 31 }), {
      status: 422,
      field: 'number',
    });
    expectError(
      await chair.client.post(`/api/v1/groups/${groupId}/behaviour-reminders`, {
        clause: 2 ** 40,
      }),
      { status: 422, field: 'clause' },
    );
  });

  it('a JSON body that is not valid UTF-8 is refused with a 400, and nothing is stored', async () => {
    const before = await rowCounts(t, ['groups', 'audit_log']);
    const json = Buffer.from('{"name":"Broken X text"}');
    const broken = Buffer.concat([
      json.subarray(0, 15),
      Buffer.from([0xff, 0xfe, 0xc3]),
      json.subarray(16),
    ]);
    const answer = await chair.client.request('POST', '/api/v1/groups', undefined, {
      raw: new Uint8Array(broken),
      headers: { 'content-type': 'application/json' },
    });
    const error = expectError(answer, { status: 400, code: 'malformed_request', field: 'body' });
    expect(error.message).toMatch(/UTF-8/);
    expect(await rowCounts(t, ['groups', 'audit_log'])).toEqual(before);

    // Valid UTF-8, a byte-order mark included, still works.
    const good = await chair.client.request('POST', '/api/v1/groups', undefined, {
      raw: new Uint8Array(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"Café group"}')]),
      ),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(good.status).toBe(201);
    expect(good.body.group.name).toBe('Café group');
  });
});
