import type { FastifyInstance } from 'fastify';
import * as c from '../../../contracts/join-requests.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as joining from './join-requests.service.ts';

const tags = ['Groups'];

export function joinRequestRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get('/api/v1/public/groups/:groupId/page', {
    schema: {
      operationId: 'getPublicGroupPage',
      tags,
      summary:
        'A group’s public page: its purpose, how to ask to join, and the dates of its next meetings if it shows them',
      params: c.publicPageParams,
      response: { 200: c.publicGroupPage, ...errors },
    },
    handler: async (request) =>
      joining.getPublicGroupPage(deps, request.actor, request.params.groupId),
  });

  api.put('/api/v1/groups/:groupId/public-page', {
    schema: {
      operationId: 'updatePublicPage',
      tags,
      summary: 'List or unlist the group’s public page, and show or hide its meeting dates there',
      params: c.publicPageParams,
      body: c.updatePublicPageBody,
      response: { 200: c.publicPageSettings, ...errors },
    },
    handler: async (request) =>
      joining.updatePublicPage(deps, request.actor, request.params.groupId, request.body),
  });

  api.post('/api/v1/public/groups/:groupId/join-requests', {
    schema: {
      operationId: 'askToJoinGroup',
      tags,
      summary: 'Ask to join a group from its public page; its chairs are told',
      params: c.publicPageParams,
      body: c.askToJoinBody,
      response: { 201: c.myJoinRequest, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await joining.askToJoin(deps, request.actor, request.params.groupId, request.body)),
  });

  api.get('/api/v1/groups/:groupId/join-requests', {
    schema: {
      operationId: 'listJoinRequests',
      tags,
      summary: 'Open requests to join the group, for its chairs to answer',
      params: c.publicPageParams,
      response: { 200: c.joinRequestList, ...errors },
    },
    handler: async (request) => ({
      requests: await joining.listJoinRequests(deps, request.actor, request.params.groupId),
    }),
  });

  api.post('/api/v1/groups/:groupId/join-requests/:requestId/accept', {
    schema: {
      operationId: 'acceptJoinRequest',
      tags,
      summary: 'Accept a request to join: the person joins as a participant',
      params: c.joinRequestParams,
      body: c.decideJoinRequestBody,
      response: { 200: c.joinRequest, ...errors },
    },
    handler: async (request) =>
      joining.decideJoinRequest(
        deps,
        request.actor,
        request.params.groupId,
        request.params.requestId,
        'accepted',
        request.body.note,
      ),
  });

  api.post('/api/v1/groups/:groupId/join-requests/:requestId/decline', {
    schema: {
      operationId: 'declineJoinRequest',
      tags,
      summary: 'Decline a request to join; the person is told, with an optional note',
      params: c.joinRequestParams,
      body: c.decideJoinRequestBody,
      response: { 200: c.joinRequest, ...errors },
    },
    handler: async (request) =>
      joining.decideJoinRequest(
        deps,
        request.actor,
        request.params.groupId,
        request.params.requestId,
        'declined',
        request.body.note,
      ),
  });
}
