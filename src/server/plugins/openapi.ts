import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';

/** What each kind of answer means, in place of the generator's "Default Response". */
const RESPONSES: Record<string, string> = {
  '200': 'Done: the answer is below.',
  '201': 'Created: the new record is below.',
  '202': 'Accepted: it goes ahead (by email, say), as the message says.',
  '4XX':
    'Refused: the error says why, and its fields say which part of the request to fix and how. A resource you may not see answers 404, as if it did not exist.',
  '5XX': 'Something went wrong in Accord: nothing was half-saved. Try again later.',
};

type Document = {
  paths?: Record<
    string,
    Record<string, { responses?: Record<string, { description?: string } | undefined> }>
  >;
};

function describeResponses<T>(document: T): T {
  for (const item of Object.values((document as Document).paths ?? {}))
    for (const operation of Object.values(item))
      for (const [code, response] of Object.entries(operation.responses ?? {}))
        if (response?.description === 'Default Response' && RESPONSES[code])
          response.description = RESPONSES[code];
  return document;
}

/** The OpenAPI 3.1 document is generated from the routes' Zod schemas. */
export async function registerOpenApi(app: FastifyInstance, config: Config) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Accord API',
        version: '1',
        description:
          'Accord runs co-production groups by their own Terms of Reference. ' +
          'Authenticate scripts with a personal API token (Authorization: Bearer ...). ' +
          'Browser sessions use a cookie and must echo the accord_csrf cookie in an X-CSRF-Token header on every change. ' +
          'Errors are {"error":{"code","message","fields"}}.',
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => describeResponses(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
