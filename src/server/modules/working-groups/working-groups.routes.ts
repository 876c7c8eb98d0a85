import type { FastifyInstance } from 'fastify';
import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as workingGroups from './working-groups.service.ts';

const tags = ['Working groups'];
const base = '/api/v1/groups/:groupId';

export function workingGroupRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get(`${base}/commitments`, {
    schema: {
      operationId: 'listWorkingGroupCommitments',
      tags,
      summary: 'Who is in a working group, with the hours a month they offered',
      params: groupParams,
      response: { 200: c.commitmentList, ...errors },
    },
    handler: async (request) =>
      workingGroups.listWorkingGroupCommitments(deps, request.actor, request.params.groupId),
  });

  api.put(`${base}/commitment`, {
    schema: {
      operationId: 'joinWorkingGroup',
      tags,
      summary: 'Commit time to a working group of a group I take part in (hours a month optional)',
      params: groupParams,
      body: c.commitBody,
      response: { 200: c.commitment, ...errors },
    },
    handler: async (request) =>
      workingGroups.joinWorkingGroup(
        deps,
        request.actor,
        request.params.groupId,
        request.body.hoursPerMonth,
      ),
  });

  api.delete(`${base}/commitment`, {
    schema: {
      operationId: 'leaveWorkingGroup',
      tags,
      summary: 'Step back from a working group',
      params: groupParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) =>
      workingGroups.leaveWorkingGroup(deps, request.actor, request.params.groupId),
  });
}
