import type { FastifyInstance } from 'fastify';
import { ok } from '../../../contracts/common.ts';
import * as c from '../../../contracts/groups.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as groups from './groups.service.ts';

const tags = ['Groups'];

export function groupRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.post('/api/v1/groups', {
    schema: {
      operationId: 'createGroup',
      tags,
      summary: 'Create a group, or a working group of a group you chair',
      body: c.createGroupBody,
      response: { 201: c.joined, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ group: await groups.createGroup(deps, request.actor, request.body) }),
  });

  api.get('/api/v1/groups', {
    schema: {
      operationId: 'listMyGroups',
      tags,
      summary: 'The groups I am in',
      response: { 200: c.groupList, ...errors },
    },
    handler: async (request) => ({ groups: await groups.listMyGroups(deps, request.actor) }),
  });

  api.get('/api/v1/groups/:groupId', {
    schema: {
      operationId: 'getGroup',
      tags,
      summary: 'A group: purpose, parent and working groups',
      params: c.groupParams,
      response: { 200: c.group, ...errors },
    },
    handler: async (request) => groups.getGroup(deps, request.actor, request.params.groupId),
  });

  api.patch('/api/v1/groups/:groupId', {
    schema: {
      operationId: 'updateGroup',
      tags,
      summary: 'Rename a group or change its purpose line',
      params: c.groupParams,
      body: c.updateGroupBody,
      response: { 200: c.group, ...errors },
    },
    handler: async (request) =>
      groups.updateGroup(deps, request.actor, request.params.groupId, request.body),
  });

  api.get('/api/v1/groups/:groupId/people', {
    schema: {
      operationId: 'listGroupPeople',
      tags,
      summary: 'People in a group and their roles',
      params: c.groupParams,
      response: { 200: c.peopleList, ...errors },
    },
    handler: async (request) => ({
      people: await groups.listGroupPeople(deps, request.actor, request.params.groupId),
    }),
  });

  api.put('/api/v1/groups/:groupId/people/:userId/role', {
    schema: {
      operationId: 'setGroupRole',
      tags,
      summary: 'Make someone a chair, note-taker, observer or participant',
      params: c.personParams,
      body: c.setRoleBody,
      response: { 200: c.person, ...errors },
    },
    handler: async (request) =>
      groups.setGroupRole(
        deps,
        request.actor,
        request.params.groupId,
        request.params.userId,
        request.body.role,
      ),
  });

  api.delete('/api/v1/groups/:groupId/people/:userId', {
    schema: {
      operationId: 'removeFromGroup',
      tags,
      summary: 'Remove someone from a group (or leave it yourself)',
      params: c.personParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      await groups.removeFromGroup(
        deps,
        request.actor,
        request.params.groupId,
        request.params.userId,
      );
      return { ok: true as const };
    },
  });

  api.post('/api/v1/groups/:groupId/invitations', {
    schema: {
      operationId: 'createInvitation',
      tags,
      summary: 'Create an invitation link, optionally emailed',
      params: c.groupParams,
      body: c.createInvitationBody,
      response: { 201: c.createdInvitation, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await groups.createInvitation(deps, request.actor, request.params.groupId, request.body),
        ),
  });

  api.get('/api/v1/groups/:groupId/invitations', {
    schema: {
      operationId: 'listInvitations',
      tags,
      summary: "A group's invitations",
      params: c.groupParams,
      response: { 200: c.invitationList, ...errors },
    },
    handler: async (request) => ({
      invitations: await groups.listInvitations(deps, request.actor, request.params.groupId),
    }),
  });

  api.delete('/api/v1/groups/:groupId/invitations/:invitationId', {
    schema: {
      operationId: 'revokeInvitation',
      tags,
      summary: 'Withdraw an invitation link',
      params: c.invitationParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) => {
      await groups.revokeInvitation(
        deps,
        request.actor,
        request.params.groupId,
        request.params.invitationId,
      );
      return { ok: true as const };
    },
  });

  api.get('/api/v1/invitations/:token', {
    schema: {
      operationId: 'getInvitation',
      tags,
      summary: 'What an invitation link invites you to',
      params: c.invitationTokenParams,
      response: { 200: c.invitationPreview, ...errors },
    },
    handler: async (request) => groups.previewInvitation(deps, request.params.token),
  });

  api.post('/api/v1/join', {
    schema: {
      operationId: 'joinGroup',
      tags,
      summary: 'Join a group with an invitation link',
      body: c.joinBody,
      response: { 200: c.joined, ...errors },
    },
    handler: async (request) => ({
      group: await groups.joinGroup(deps, request.actor, request.body.token),
    }),
  });
}
