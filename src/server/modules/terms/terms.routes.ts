import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/terms.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as terms from './terms.service.ts';

const tags = ['Terms of Reference'];
const base = '/api/v1/groups/:groupId/terms';

export function termsRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get(base, {
    schema: {
      operationId: 'getTermsInForce',
      tags,
      summary: 'The version in force, its review date, and whether I accepted it',
      params: groupParams,
      response: { 200: c.termsInForce, ...errors },
    },
    handler: async (request) => terms.getTermsInForce(deps, request.actor, request.params.groupId),
  });

  api.get(`${base}/versions`, {
    schema: {
      operationId: 'listTermsVersions',
      tags,
      summary: 'Every adopted version, newest first',
      params: groupParams,
      response: { 200: c.versionList, ...errors },
    },
    handler: async (request) => ({
      versions: await terms.listTermsVersions(deps, request.actor, request.params.groupId),
    }),
  });

  api.get(`${base}/versions/:number`, {
    schema: {
      operationId: 'getTermsVersion',
      tags,
      summary: 'One adopted version',
      params: c.versionParams,
      response: { 200: c.termsVersion, ...errors },
    },
    handler: async (request) =>
      terms.getTermsVersion(deps, request.actor, request.params.groupId, request.params.number),
  });

  api.get(`${base}/versions/:number/markdown`, {
    schema: {
      operationId: 'downloadTermsVersion',
      tags,
      summary: 'One adopted version as a Markdown file (text/markdown)',
      params: c.versionParams,

      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      const version = await terms.getTermsVersion(
        deps,
        request.actor,
        request.params.groupId,
        request.params.number,
      );
      return reply
        .type('text/markdown; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="terms-of-reference-v${version.number}.md"`,
        )
        .send(version.markdown);
    },
  });

  api.get(`${base}/draft`, {
    schema: {
      operationId: 'getTermsDraft',
      tags,
      summary: 'The draft being prepared (chairs)',
      params: groupParams,
      response: { 200: c.termsVersion, ...errors },
    },
    handler: async (request) => terms.getTermsDraft(deps, request.actor, request.params.groupId),
  });

  api.post(`${base}/draft`, {
    schema: {
      operationId: 'createTermsDraft',
      tags,
      summary:
        'Start a draft from the version in force, or from the seed template with its choices',
      params: groupParams,
      body: c.createDraftBody,
      response: { 201: c.termsVersion, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await terms.createTermsDraft(deps, request.actor, request.params.groupId, request.body),
        ),
  });

  api.put(`${base}/draft`, {
    schema: {
      operationId: 'updateTermsDraft',
      tags,
      summary: 'Save the whole draft; every problem is named at once',
      params: groupParams,
      body: c.updateDraftBody,
      response: { 200: c.termsVersion, ...errors },
    },
    handler: async (request) =>
      terms.updateTermsDraft(deps, request.actor, request.params.groupId, request.body.document),
  });

  api.post(`${base}/draft/adopt`, {
    schema: {
      operationId: 'adoptTermsDraft',
      tags,
      summary: 'Adopt the draft: it becomes the numbered version in force',
      params: groupParams,
      body: c.adoptDraftBody,
      response: { 200: c.termsVersion, ...errors },
    },
    handler: async (request) =>
      terms.adoptTermsDraft(deps, request.actor, request.params.groupId, request.body),
  });

  api.get(`${base}/diff`, {
    schema: {
      operationId: 'diffTermsVersions',
      tags,
      summary: 'What changed between two versions (or a version and the draft)',
      params: groupParams,
      querystring: c.diffQuery,
      response: { 200: c.termsDiff, ...errors },
    },
    handler: async (request) =>
      terms.diffTermsVersions(
        deps,
        request.actor,
        request.params.groupId,
        request.query.from,
        request.query.to,
      ),
  });

  api.post(`${base}/acceptances`, {
    schema: {
      operationId: 'acceptTerms',
      tags,
      summary: 'Record that I accept the version in force, behaviour agreement included',
      params: groupParams,
      body: c.acceptBody,
      response: { 200: z.object({ acceptedAt: z.string() }), ...errors },
    },
    handler: async (request) =>
      terms.acceptTerms(deps, request.actor, request.params.groupId, request.body.number),
  });

  api.get(`${base}/acceptances`, {
    schema: {
      operationId: 'listTermsAcceptances',
      tags,
      summary: 'Who has accepted the version in force',
      params: groupParams,
      response: { 200: c.acceptanceList, ...errors },
    },
    handler: async (request) =>
      terms.listTermsAcceptances(deps, request.actor, request.params.groupId),
  });

  api.post('/api/v1/groups/:groupId/behaviour-reminders', {
    schema: {
      operationId: 'raiseBehaviourReminder',
      tags,
      summary: 'Raise a reminder of a clause of the behaviour agreement (recorded without a name)',
      params: groupParams,
      body: c.reminderBody,
      response: { 201: c.raisedReminder, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await terms.raiseBehaviourReminder(
            deps,
            request.actor,
            request.params.groupId,
            request.body.clause,
            request.body.meetingId,
          ),
        ),
  });

  api.get('/api/v1/groups/:groupId/behaviour-reminders', {
    schema: {
      operationId: 'listBehaviourReminders',
      tags,
      summary: 'How often each clause has been raised',
      params: groupParams,
      response: { 200: c.reminderCounts, ...errors },
    },
    handler: async (request) => ({
      clauses: await terms.listBehaviourReminders(deps, request.actor, request.params.groupId),
    }),
  });
}
