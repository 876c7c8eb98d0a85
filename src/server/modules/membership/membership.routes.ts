import type { FastifyInstance } from 'fastify';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as membership from './membership.service.ts';

const tags = ['Membership'];

export function membershipRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get('/api/v1/groups/:groupId/membership', {
    schema: {
      operationId: 'listMembershipStatuses',
      tags,
      summary:
        'Each person’s status (participant, member or lapsed), derived from attendance by the rule in force',
      params: groupParams,
      querystring: c.membershipQuery,
      response: { 200: c.membershipList, ...errors },
    },
    handler: async (request) =>
      membership.listMembershipStatuses(
        deps,
        request.actor,
        request.params.groupId,
        request.query.asOf,
      ),
  });

  api.get('/api/v1/groups/:groupId/quorum-categories', {
    schema: {
      operationId: 'listQuorumCategories',
      tags,
      summary:
        'For chairs: the categories the quorum names (such as "at least 2 carers") and who is counted in each',
      params: groupParams,
      response: { 200: c.quorumCategories, ...errors },
    },
    handler: async (request) =>
      membership.listQuorumCategories(deps, request.actor, request.params.groupId),
  });

  api.put('/api/v1/groups/:groupId/people/:userId/categories', {
    schema: {
      operationId: 'setPersonCategories',
      tags,
      summary: 'For chairs: the quorum categories a person is counted in',
      params: c.memberParams,
      body: c.setPersonCategoriesBody,
      response: { 200: c.personCategories, ...errors },
    },
    handler: async (request) =>
      membership.setPersonCategories(
        deps,
        request.actor,
        request.params.groupId,
        request.params.userId,
        request.body.categories,
      ),
  });

  api.get('/api/v1/groups/:groupId/membership/:userId', {
    schema: {
      operationId: 'getPersonMembership',
      tags,
      summary: 'One person’s status, its timeline, and the attendance it comes from',
      params: c.memberParams,
      querystring: c.membershipQuery,
      response: { 200: c.personMembership, ...errors },
    },
    handler: async (request) =>
      membership.getPersonMembership(
        deps,
        request.actor,
        request.params.groupId,
        request.params.userId,
        request.query.asOf,
      ),
  });
}
