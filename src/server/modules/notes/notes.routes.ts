import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import { op, routes } from '../../endpoints.ts';
import * as actions from './actions.service.ts';
import * as notes from './notes.service.ts';

const base = '/api/v1/groups/:groupId/meetings/:meetingId/notes';
const actionList = '/api/v1/groups/:groupId/actions';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const notesRoutes = routes('Notes and actions', {
  getMeetingNotes: op(`GET ${base}`, 'notes.view', notes.getMeetingNotes, { params: c.notesParams, response: { 200: c.meetingNotes } }, 'A meeting’s notes (drafts for note-takers; circulated and approved for everyone taking part)'),
  updateMeetingNotes: op(`PUT ${base}`, 'notes.write', notes.updateMeetingNotes, { params: c.notesParams, body: c.updateNotesBody, response: { 200: c.meetingNotes } }, 'Write the notes (note-takers and chairs); approved notes change only by a correction with its reason'),
  checkAttribution: op(`POST ${base}/check`, 'notes.write', notes.checkNotesAttribution, { params: c.notesParams, body: c.checkBody, response: { 200: c.checkResult } }, 'Check the notes for views attributed to people, with a neutral rewording of each'),
  circulateNotes: op(`POST ${base}/circulate`, 'notes.write', notes.circulateNotes, { params: c.notesParams, response: { 200: c.meetingNotes } }, 'Circulate the notes to the group for comments, once no view is attributed to anyone'),
  // The comment's field is named body.
  commentOnNotes: op(`POST ${base}/comments`, 'notes.comment', notes.commentOnNotes, { params: c.notesParams, body: c.commentBody, response: { 200: c.meetingNotes } }, 'Comment on circulated notes'),
  // The body names the approving meeting, so it arrives whole beside the path's meetingId.
  approveNotes: op(`POST ${base}/approve`, 'notes.approve', notes.approveNotes, { params: c.notesParams, body: c.approveBody, response: { 200: c.meetingNotes } }, 'Record that a later meeting approved the notes: they are locked'),
  listActions: op(`GET ${actionList}`, 'action.view', actions.listActions, { params: groupParams, query: c.listActionsQuery, response: { 200: c.actionList } }, 'Actions across meetings, by due date (mine or anyone’s; open by default)'),
  addAction: op(`POST ${actionList}`, 'action.manage', actions.addAction, { params: groupParams, body: c.addActionBody, response: { 201: c.action } }, 'Add an action: an owner in the group and a due date'),
  updateAction: op(`PATCH ${actionList}/:actionId`, 'action.update', actions.updateAction, { params: c.actionParams, body: c.updateActionBody, response: { 200: c.action } }, 'Update an action (its owner, a chair or a note-taker)'),
});
