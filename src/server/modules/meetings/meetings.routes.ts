import type { FastifyInstance } from 'fastify';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { endpoint, registerEndpoints } from '../../endpoints.ts';
import { fileBody, sendDownload, sendInline } from '../../http.ts';
import * as agenda from './agenda.service.ts';
import * as attendance from './attendance.service.ts';
import * as meetings from './meetings.service.ts';
import { MAX_PAPER_BYTES } from './agenda.service.ts';

const base = '/api/v1/groups/:groupId/meetings';
const one = `${base}/:meetingId`;

const meetingEndpoints = {
  listMeetings: endpoint({
    route: `GET ${base}`,
    access: 'meeting.view',
    summary: 'The group’s meetings: upcoming (default), past, or all',
    params: groupParams,
    query: c.listMeetingsQuery,
    response: { 200: c.meetingList },
    run: ({ groupId, when }, { deps, actor }) => meetings.listMeetings(deps, actor, groupId, when),
  }),
  scheduleMeetings: endpoint({
    route: `POST ${base}/schedule`,
    access: 'meeting.manage',
    summary:
      'Make the next months of meetings from the cadence in the Terms of Reference, keeping moved and cancelled ones',
    params: groupParams,
    body: c.scheduleBody,
    response: { 200: c.scheduleResult },
    run: ({ groupId, months }, { deps, actor }) =>
      meetings.scheduleMeetings(deps, actor, groupId, months),
  }),
  createMeeting: endpoint({
    route: `POST ${base}`,
    access: 'meeting.manage',
    summary: 'Add an extra meeting',
    params: groupParams,
    body: c.createMeetingBody,
    response: { 201: c.meetingSummary },
    run: ({ groupId, ...body }, { deps, actor }) =>
      meetings.createMeeting(deps, actor, groupId, body),
  }),
  getMeeting: endpoint({
    route: `GET ${one}`,
    access: 'meeting.view',
    summary: 'A meeting: agenda, papers, who is coming, and during it the live view',
    params: c.meetingParams,
    response: { 200: c.meetingDetail },
    run: ({ groupId, meetingId }, { deps, actor }) =>
      meetings.getMeeting(deps, actor, groupId, meetingId),
  }),
  updateMeeting: endpoint({
    route: `PATCH ${one}`,
    access: 'meeting.manage',
    summary: 'Move a meeting (with a reason), change its place, or publish its agenda',
    params: c.meetingParams,
    body: c.updateMeetingBody,
    response: { 200: c.meetingSummary },
    run: ({ groupId, meetingId, ...body }, { deps, actor }) =>
      meetings.updateMeeting(deps, actor, groupId, meetingId, body),
  }),
  cancelMeeting: endpoint({
    route: `POST ${one}/cancel`,
    access: 'meeting.manage',
    summary: 'Cancel a meeting, with a reason; cancelling twice changes nothing',
    params: c.meetingParams,
    body: c.cancelMeetingBody,
    response: { 200: c.meetingSummary },
    run: ({ groupId, meetingId, reason }, { deps, actor }) =>
      meetings.cancelMeeting(deps, actor, groupId, meetingId, reason),
  }),
  addAgendaItem: endpoint({
    route: `POST ${one}/agenda`,
    access: 'agenda.add',
    summary:
      'Add an agenda item; one under an area outside the remit goes to the "outside this meeting" list',
    params: c.meetingParams,
    body: c.addAgendaItemBody,
    response: { 201: c.agendaItem },
    run: ({ groupId, meetingId, ...body }, { deps, actor }) =>
      agenda.addAgendaItem(deps, actor, groupId, meetingId, body),
  }),
  updateAgendaItem: endpoint({
    route: `PATCH ${one}/agenda/:itemId`,
    access: 'meeting.manage',
    summary: 'Change an agenda item, reorder it, or move it back onto the agenda with a reason',
    params: c.itemParams,
    body: c.updateAgendaItemBody,
    response: { 200: c.agendaItem },
    run: ({ groupId, meetingId, itemId, ...body }, { deps, actor }) =>
      agenda.updateAgendaItem(deps, actor, groupId, meetingId, itemId, body),
  }),
  moveAgendaItemOutsideMeeting: endpoint({
    route: `POST ${one}/agenda/:itemId/outside`,
    access: 'meeting.manage',
    summary: 'Judge an item outside the remit: it moves to the "outside this meeting" list',
    params: c.itemParams,
    body: c.moveOutsideBody,
    response: { 200: c.agendaItem },
    run: ({ groupId, meetingId, itemId, ...body }, { deps, actor }) =>
      agenda.moveAgendaItemOutsideMeeting(deps, actor, groupId, meetingId, itemId, body),
  }),
  setCurrentAgendaItem: endpoint({
    route: `PUT ${one}/current-item`,
    access: 'meeting.run',
    summary:
      'While the meeting is on, say which agenda item is being taken now, or none (null); every open live view updates',
    params: c.meetingParams,
    body: c.setCurrentItemBody,
    response: { 200: c.currentItemResult },
    run: ({ groupId, meetingId, itemId }, { deps, actor }) =>
      agenda.setCurrentAgendaItem(deps, actor, groupId, meetingId, itemId),
  }),
  declareInterest: endpoint({
    route: `PUT ${one}/agenda/:itemId/interest`,
    access: 'interest.declare',
    summary: 'Declare an interest in an item, or that I have none',
    params: c.itemParams,
    body: c.declareInterestBody,
    response: { 200: c.agendaItem },
    run: ({ groupId, meetingId, itemId, interest }, { deps, actor }) =>
      agenda.declareInterest(deps, actor, groupId, meetingId, itemId, interest),
  }),
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
  rsvp: endpoint({
    route: `PUT ${one}/rsvp`,
    access: 'attendance.respond',
    summary: 'Say I am coming, or send apologies (the reason is seen by chairs only)',
    params: c.meetingParams,
    body: c.rsvpBody,
    response: { 200: c.rsvpResult },
    run: ({ groupId, meetingId, ...body }, { deps, actor }) =>
      attendance.rsvp(deps, actor, groupId, meetingId, body),
  }),
  checkIn: endpoint({
    route: `POST ${one}/check-in`,
    access: 'attendance.respond',
    summary:
      'Check myself in with the meeting’s link, during its window; checking in again changes nothing',
    params: c.meetingParams,
    body: c.checkInBody,
    response: { 200: c.checkInResult },
    run: ({ groupId, meetingId, ...body }, { deps, actor }) =>
      attendance.checkIn(deps, actor, groupId, meetingId, body),
  }),
  getCheckInLink: endpoint({
    route: `GET ${one}/check-in-link`,
    access: 'attendance.checkInLink',
    summary: 'The check-in link and QR code to show in the room (chairs and note-takers)',
    params: c.meetingParams,
    response: { 200: c.checkInLink },
    run: ({ groupId, meetingId }, { deps, actor }) =>
      attendance.getCheckInLink(deps, actor, groupId, meetingId),
  }),
  recordAttendance: endpoint({
    route: `PUT ${one}/attendance/:userId`,
    access: 'attendance.record',
    summary:
      'Record or correct one person’s attendance (chairs and note-takers; audited). After the meeting a reason is required: the correction is shown on the meeting and the person is told if their membership changes',
    params: c.attendeeParams,
    body: c.recordAttendanceBody,
    response: { 200: c.attendee },
    run: ({ groupId, meetingId, userId, ...body }, { deps, actor }) =>
      attendance.recordAttendance(deps, actor, groupId, meetingId, userId, body),
  }),
  importAttendance: endpoint({
    route: 'POST /api/v1/groups/:groupId/attendance/import',
    access: 'attendance.import',
    summary:
      'Import earlier attendance from CSV (date, email, attendance) with a reason: all or nothing, every bad row named; each meeting changed shows it, and people whose membership changes are told',
    params: groupParams,
    body: c.importAttendanceBody,
    bodyLimit: 3 * 1024 * 1024,
    response: { 200: c.importResult },
    run: ({ groupId, ...body }, { deps, actor }) =>
      attendance.importAttendance(deps, actor, groupId, body),
  }),
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
