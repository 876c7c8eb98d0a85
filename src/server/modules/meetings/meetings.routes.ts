import type { FastifyInstance } from 'fastify';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { endpoint, op, registerEndpoints } from '../../endpoints.ts';
import { fileBody, sendDownload, sendInline } from '../../http.ts';
import * as agenda from './agenda.service.ts';
import * as attendance from './attendance.service.ts';
import * as meetings from './meetings.service.ts';
import * as scheduling from './scheduling.service.ts';
import { MAX_PAPER_BYTES } from './agenda.service.ts';

const base = '/api/v1/groups/:groupId/meetings';
const one = `${base}/:meetingId`;

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
const meetingEndpoints = {
  listMeetings: op(`GET ${base}`, 'meeting.view', meetings.listMeetings, { params: groupParams, query: c.listMeetingsQuery, response: { 200: c.meetingList } }, 'The group’s meetings: upcoming (default), past, or all'),
  scheduleMeetings: op(`POST ${base}/schedule`, 'meeting.manage', scheduling.scheduleMeetings, { params: groupParams, body: c.scheduleBody, response: { 200: c.scheduleResult } }, 'Make the next months of meetings from the cadence in the Terms of Reference, keeping moved and cancelled ones'),
  createMeeting: op(`POST ${base}`, 'meeting.manage', meetings.createMeeting, { params: groupParams, body: c.createMeetingBody, response: { 201: c.meetingSummary } }, 'Add an extra meeting'),
  getMeeting: op(`GET ${one}`, 'meeting.view', meetings.getMeeting, { params: c.meetingParams, response: { 200: c.meetingDetail } }, 'A meeting: agenda, papers, who is coming, and during it the live view'),
  updateMeeting: op(`PATCH ${one}`, 'meeting.manage', meetings.updateMeeting, { params: c.meetingParams, body: c.updateMeetingBody, response: { 200: c.meetingSummary } }, 'Move a meeting (with a reason), change its place, or publish its agenda'),
  cancelMeeting: op(`POST ${one}/cancel`, 'meeting.manage', meetings.cancelMeeting, { params: c.meetingParams, body: c.cancelMeetingBody, response: { 200: c.meetingSummary } }, 'Cancel a meeting, with a reason; cancelling twice changes nothing'),
  addAgendaItem: op(`POST ${one}/agenda`, 'agenda.add', agenda.addAgendaItem, { params: c.meetingParams, body: c.addAgendaItemBody, response: { 201: c.agendaItem } }, 'Add an agenda item; one under an area outside the remit goes to the "outside this meeting" list'),
  updateAgendaItem: op(`PATCH ${one}/agenda/:itemId`, 'meeting.manage', agenda.updateAgendaItem, { params: c.itemParams, body: c.updateAgendaItemBody, response: { 200: c.agendaItem } }, 'Change an agenda item, reorder it, or move it back onto the agenda with a reason'),
  moveAgendaItemOutsideMeeting: op(`POST ${one}/agenda/:itemId/outside`, 'meeting.manage', agenda.moveAgendaItemOutsideMeeting, { params: c.itemParams, body: c.moveOutsideBody, response: { 200: c.agendaItem } }, 'Judge an item outside the remit: it moves to the "outside this meeting" list'),
  setCurrentAgendaItem: op(`PUT ${one}/current-item`, 'meeting.run', agenda.setCurrentAgendaItem, { params: c.meetingParams, body: c.setCurrentItemBody, response: { 200: c.currentItemResult } }, 'While the meeting is on, say which agenda item is being taken now, or none (null); every open live view updates'),
  declareInterest: op(`PUT ${one}/agenda/:itemId/interest`, 'interest.declare', agenda.declareInterest, { params: c.itemParams, body: c.declareInterestBody, response: { 200: c.agendaItem } }, 'Declare an interest in an item, or that I have none'),
  uploadPaper: endpoint({
    route: `POST ${one}/papers`,
    access: 'paper.upload',
    summary:
      'Upload a paper (PDF, DOCX, ODT, PNG or JPEG, at most 20 MB, judged by its content) as the raw body',
    params: c.meetingParams,
    query: c.uploadPaperQuery,
    consumes: ['application/octet-stream'],
    body: fileBody,
    bodyLimit: MAX_PAPER_BYTES + 1,
    response: { 201: c.paper },
    run: ({ groupId, meetingId, body, ...query }, { deps, actor }) =>
      agenda.uploadPaper(deps, actor, groupId, meetingId, { ...query, content: body }),
  }),
  downloadPaper: endpoint({
    route: `GET ${one}/papers/:paperId`,
    access: 'paper.view',
    summary: 'Download a paper',
    params: c.paperParams,
    response: { 200: fileBody },
    run: async ({ groupId, meetingId, paperId }, { deps, actor, reply }) =>
      sendDownload(reply, await agenda.downloadPaper(deps, actor, groupId, meetingId, paperId)),
  }),
  previewPaper: endpoint({
    route: `GET ${one}/papers/:paperId/preview`,
    access: 'paper.view',
    summary:
      'Show a paper in the browser: a PDF in its own viewer, an image by itself, under a policy that runs nothing; other kinds download',
    params: c.paperParams,
    response: { 200: fileBody },
    run: async ({ groupId, meetingId, paperId }, { deps, actor, reply }) => {
      const paper = await agenda.previewPaper(deps, actor, groupId, meetingId, paperId);
      return paper.inline
        ? sendInline(reply, { ...paper, mediaType: paper.inline })
        : sendDownload(reply, paper);
    },
  }),
  rsvp: op(`PUT ${one}/rsvp`, 'attendance.respond', attendance.rsvp, { params: c.meetingParams, body: c.rsvpBody, response: { 200: c.rsvpResult } }, 'Say I am coming, or send apologies (the reason is seen by chairs only)'),
  checkIn: op(`POST ${one}/check-in`, 'attendance.respond', attendance.checkIn, { params: c.meetingParams, body: c.checkInBody, response: { 200: c.checkInResult } }, 'Check myself in with the meeting’s link, during its window; checking in again changes nothing'),
  getCheckInLink: op(`GET ${one}/check-in-link`, 'attendance.checkInLink', attendance.getCheckInLink, { params: c.meetingParams, response: { 200: c.checkInLink } }, 'The check-in link and QR code to show in the room (chairs and note-takers)'),
  recordAttendance: op(`PUT ${one}/attendance/:userId`, 'attendance.record', attendance.recordAttendance, { params: c.attendeeParams, body: c.recordAttendanceBody, response: { 200: c.attendee } }, 'Record or correct one person’s attendance (chairs and note-takers; audited). After the meeting a reason is required: the correction is shown on the meeting and the person is told if their membership changes'),
  importAttendance: op('POST /api/v1/groups/:groupId/attendance/import', 'attendance.import', attendance.importAttendance, { params: groupParams, body: c.importAttendanceBody, bodyLimit: 3 * 1024 * 1024, response: { 200: c.importResult } }, 'Import earlier attendance from CSV (date, email, attendance) with a reason: all or nothing, every bad row named; each meeting changed shows it, and people whose membership changes are told'),
};

export function meetingRoutes(app: FastifyInstance, deps: Deps): void {
  // Papers arrive as the raw file; the size limit is the upload route's own.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  registerEndpoints(app, deps, 'Meetings', meetingEndpoints);
}
/** The table, for the API's list of operations (see api.ts). */
meetingRoutes.table = meetingEndpoints;
