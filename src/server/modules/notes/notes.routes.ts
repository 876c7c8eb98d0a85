import type { FastifyInstance } from 'fastify';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as actions from './actions.service.ts';
import * as notes from './notes.service.ts';

const tags = ['Notes and actions'];
const base = '/api/v1/groups/:groupId/meetings/:meetingId/notes';

export function notesRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get(base, {
    schema: {
      operationId: 'getMeetingNotes',
      tags,
      summary:
        'A meeting’s notes (drafts for note-takers; circulated and approved for everyone taking part)',
      params: c.notesParams,
      response: { 200: c.meetingNotes, ...errors },
    },
    handler: async (request) =>
      notes.getMeetingNotes(deps, request.actor, request.params.groupId, request.params.meetingId),
  });

  api.put(base, {
    schema: {
      operationId: 'updateMeetingNotes',
      tags,
      summary:
        'Write the notes (note-takers and chairs); approved notes change only by a correction with its reason',
      params: c.notesParams,
      body: c.updateNotesBody,
      response: { 200: c.meetingNotes, ...errors },
    },
    handler: async (request) =>
      notes.updateMeetingNotes(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body,
      ),
  });

  api.post(`${base}/check`, {
    schema: {
      operationId: 'checkAttribution',
      tags,
      summary: 'Check the notes for views attributed to people, with a neutral rewording of each',
      params: c.notesParams,
      body: c.checkBody,
      response: { 200: c.checkResult, ...errors },
    },
    handler: async (request) =>
      notes.checkNotesAttribution(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body.text,
      ),
  });

  api.post(`${base}/circulate`, {
    schema: {
      operationId: 'circulateNotes',
      tags,
      summary:
        'Circulate the notes to the group for comments, once no view is attributed to anyone',
      params: c.notesParams,
      response: { 200: c.meetingNotes, ...errors },
    },
    handler: async (request) =>
      notes.circulateNotes(deps, request.actor, request.params.groupId, request.params.meetingId),
  });

  api.post(`${base}/comments`, {
    schema: {
      operationId: 'commentOnNotes',
      tags,
      summary: 'Comment on circulated notes',
      params: c.notesParams,
      body: c.commentBody,
      response: { 200: c.meetingNotes, ...errors },
    },
    handler: async (request) =>
      notes.commentOnNotes(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body.body,
      ),
  });

  api.post(`${base}/approve`, {
    schema: {
      operationId: 'approveNotes',
      tags,
      summary: 'Record that a later meeting approved the notes: they are locked',
      params: c.notesParams,
      body: c.approveBody,
      response: { 200: c.meetingNotes, ...errors },
    },
    handler: async (request) =>
      notes.approveNotes(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body,
      ),
  });

  api.get('/api/v1/groups/:groupId/actions', {
    schema: {
      operationId: 'listActions',
      tags,
      summary: 'Actions across meetings, by due date (mine or anyone’s; open by default)',
      params: groupParams,
      querystring: c.listActionsQuery,
      response: { 200: c.actionList, ...errors },
    },
    handler: async (request) =>
      actions.listActions(deps, request.actor, request.params.groupId, request.query),
  });

  api.post('/api/v1/groups/:groupId/actions', {
    schema: {
      operationId: 'addAction',
      tags,
      summary: 'Add an action: an owner in the group and a due date',
      params: groupParams,
      body: c.addActionBody,
      response: { 201: c.action, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await actions.addAction(deps, request.actor, request.params.groupId, request.body)),
  });

  api.patch('/api/v1/groups/:groupId/actions/:actionId', {
    schema: {
      operationId: 'updateAction',
      tags,
      summary: 'Update an action (its owner, a chair or a note-taker)',
      params: c.actionParams,
      body: c.updateActionBody,
      response: { 200: c.action, ...errors },
    },
    handler: async (request) =>
      actions.updateAction(
        deps,
        request.actor,
        request.params.groupId,
        request.params.actionId,
        request.body,
      ),
  });
}
