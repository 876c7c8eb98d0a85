import type { FastifyInstance } from 'fastify';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { errors, fileBody, sendDownload, sendInline, typed } from '../../http.ts';
import * as agenda from './agenda.service.ts';
import * as attendance from './attendance.service.ts';
import * as meetings from './meetings.service.ts';
import { MAX_PAPER_BYTES } from './agenda.service.ts';

const tags = ['Meetings'];
const base = '/api/v1/groups/:groupId/meetings';
const one = `${base}/:meetingId`;

export function meetingRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  // Papers arrive as the raw file; the size limit is the upload route's own.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  api.get(base, {
    schema: {
      operationId: 'listMeetings',
      tags,
      summary: 'The group’s meetings: upcoming (default), past, or all',
      params: groupParams,
      querystring: c.listMeetingsQuery,
      response: { 200: c.meetingList, ...errors },
    },
    handler: async (request) =>
      meetings.listMeetings(deps, request.actor, request.params.groupId, request.query.when),
  });

  api.post(`${base}/schedule`, {
    schema: {
      operationId: 'scheduleMeetings',
      tags,
      summary:
        'Make the next months of meetings from the cadence in the Terms of Reference, keeping moved and cancelled ones',
      params: groupParams,
      body: c.scheduleBody,
      response: { 200: c.scheduleResult, ...errors },
    },
    handler: async (request) =>
      meetings.scheduleMeetings(deps, request.actor, request.params.groupId, request.body.months),
  });

  api.post(base, {
    schema: {
      operationId: 'createMeeting',
      tags,
      summary: 'Add an extra meeting',
      params: groupParams,
      body: c.createMeetingBody,
      response: { 201: c.meetingSummary, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await meetings.createMeeting(deps, request.actor, request.params.groupId, request.body),
        ),
  });

  api.get(one, {
    schema: {
      operationId: 'getMeeting',
      tags,
      summary: 'A meeting: agenda, papers, who is coming, and during it the live view',
      params: c.meetingParams,
      response: { 200: c.meetingDetail, ...errors },
    },
    handler: async (request) =>
      meetings.getMeeting(deps, request.actor, request.params.groupId, request.params.meetingId),
  });

  api.patch(one, {
    schema: {
      operationId: 'updateMeeting',
      tags,
      summary: 'Move a meeting (with a reason), change its place, or publish its agenda',
      params: c.meetingParams,
      body: c.updateMeetingBody,
      response: { 200: c.meetingSummary, ...errors },
    },
    handler: async (request) =>
      meetings.updateMeeting(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body,
      ),
  });

  api.post(`${one}/cancel`, {
    schema: {
      operationId: 'cancelMeeting',
      tags,
      summary: 'Cancel a meeting, with a reason; cancelling twice changes nothing',
      params: c.meetingParams,
      body: c.cancelMeetingBody,
      response: { 200: c.meetingSummary, ...errors },
    },
    handler: async (request) =>
      meetings.cancelMeeting(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body.reason,
      ),
  });

  api.post(`${one}/agenda`, {
    schema: {
      operationId: 'addAgendaItem',
      tags,
      summary:
        'Add an agenda item; one under an area outside the remit goes to the "outside this meeting" list',
      params: c.meetingParams,
      body: c.addAgendaItemBody,
      response: { 201: c.agendaItem, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await agenda.addAgendaItem(
            deps,
            request.actor,
            request.params.groupId,
            request.params.meetingId,
            request.body,
          ),
        ),
  });

  api.patch(`${one}/agenda/:itemId`, {
    schema: {
      operationId: 'updateAgendaItem',
      tags,
      summary: 'Change an agenda item, reorder it, or move it back onto the agenda with a reason',
      params: c.itemParams,
      body: c.updateAgendaItemBody,
      response: { 200: c.agendaItem, ...errors },
    },
    handler: async (request) =>
      agenda.updateAgendaItem(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.itemId,
        request.body,
      ),
  });

  api.post(`${one}/agenda/:itemId/outside`, {
    schema: {
      operationId: 'moveAgendaItemOutsideMeeting',
      tags,
      summary: 'Judge an item outside the remit: it moves to the "outside this meeting" list',
      params: c.itemParams,
      body: c.moveOutsideBody,
      response: { 200: c.agendaItem, ...errors },
    },
    handler: async (request) =>
      agenda.moveAgendaItemOutsideMeeting(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.itemId,
        request.body,
      ),
  });

  api.put(`${one}/agenda/:itemId/interest`, {
    schema: {
      operationId: 'declareInterest',
      tags,
      summary: 'Declare an interest in an item, or that I have none',
      params: c.itemParams,
      body: c.declareInterestBody,
      response: { 200: c.agendaItem, ...errors },
    },
    handler: async (request) =>
      agenda.declareInterest(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.itemId,
        request.body.interest,
      ),
  });

  api.post(`${one}/papers`, {
    bodyLimit: MAX_PAPER_BYTES + 1,
    schema: {
      operationId: 'uploadPaper',
      tags,
      summary:
        'Upload a paper (PDF, DOCX, ODT, PNG or JPEG, at most 20 MB, judged by its content) as the raw body',
      params: c.meetingParams,
      querystring: c.uploadPaperQuery,
      consumes: ['application/octet-stream'],
      body: fileBody,
      response: { 201: c.paper, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await agenda.uploadPaper(
          deps,
          request.actor,
          request.params.groupId,
          request.params.meetingId,
          {
            ...request.query,
            content: request.body,
          },
        ),
      ),
  });

  api.get(`${one}/papers/:paperId`, {
    schema: {
      operationId: 'downloadPaper',
      tags,
      summary: 'Download a paper',
      params: c.paperParams,
      response: { 200: fileBody, ...errors },
    },
    handler: async (request, reply) => {
      const paper = await agenda.downloadPaper(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.paperId,
      );
      return sendDownload(reply, paper);
    },
  });

  api.put(`${one}/rsvp`, {
    schema: {
      operationId: 'rsvp',
      tags,
      summary: 'Say I am coming, or send apologies (the reason is seen by chairs only)',
      params: c.meetingParams,
      body: c.rsvpBody,
      response: { 200: c.rsvpResult, ...errors },
    },
    handler: async (request) =>
      attendance.rsvp(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body,
      ),
  });

  api.post(`${one}/check-in`, {
    schema: {
      operationId: 'checkIn',
      tags,
      summary:
        'Check myself in with the meeting’s link, during its window; checking in again changes nothing',
      params: c.meetingParams,
      body: c.checkInBody,
      response: { 200: c.checkInResult, ...errors },
    },
    handler: async (request) =>
      attendance.checkIn(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.body,
      ),
  });

  api.get(`${one}/check-in-link`, {
    schema: {
      operationId: 'getCheckInLink',
      tags,
      summary: 'The check-in link and QR code to show in the room (chairs and note-takers)',
      params: c.meetingParams,
      response: { 200: c.checkInLink, ...errors },
    },
    handler: async (request) =>
      attendance.getCheckInLink(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
      ),
  });

  api.put(`${one}/attendance/:userId`, {
    schema: {
      operationId: 'recordAttendance',
      tags,
      summary:
        'Record or correct one person’s attendance (chairs and note-takers; audited). After the meeting a reason is required: the correction is shown on the meeting and the person is told if their membership changes',
      params: c.attendeeParams,
      body: c.recordAttendanceBody,
      response: { 200: c.attendee, ...errors },
    },
    handler: async (request) =>
      attendance.recordAttendance(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.userId,
        request.body,
      ),
  });

  api.post('/api/v1/groups/:groupId/attendance/import', {
    bodyLimit: 3 * 1024 * 1024,
    schema: {
      operationId: 'importAttendance',
      tags,
      summary:
        'Import earlier attendance from CSV (date, email, attendance) with a reason: all or nothing, every bad row named; each meeting changed shows it, and people whose membership changes are told',
      params: groupParams,
      body: c.importAttendanceBody,
      response: { 200: c.importResult, ...errors },
    },
    handler: async (request) =>
      attendance.importAttendance(deps, request.actor, request.params.groupId, request.body),
  });

  api.get(`${one}/papers/:paperId/preview`, {
    schema: {
      operationId: 'previewPaper',
      tags,
      summary:
        'Show a paper in the browser: a PDF in its own viewer, an image by itself, under a policy that runs nothing; other kinds download',
      params: c.paperParams,
      response: { 200: fileBody, ...errors },
    },
    handler: async (request, reply) => {
      const paper = await agenda.previewPaper(
        deps,
        request.actor,
        request.params.groupId,
        request.params.meetingId,
        request.params.paperId,
      );
      return paper.inline
        ? sendInline(reply, { ...paper, mediaType: paper.inline })
        : sendDownload(reply, paper);
    },
  });
}
