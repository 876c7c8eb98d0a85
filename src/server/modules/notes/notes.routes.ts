import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as actions from './actions.service.ts';
import * as notes from './notes.service.ts';

const base = '/api/v1/groups/:groupId/meetings/:meetingId/notes';
const actionList = '/api/v1/groups/:groupId/actions';

export const notesRoutes = routes('Notes and actions', {
  getMeetingNotes: endpoint({
    route: `GET ${base}`,
    access: 'notes.view',
    summary:
      'A meeting’s notes (drafts for note-takers; circulated and approved for everyone taking part)',
    params: c.notesParams,
    response: { 200: c.meetingNotes },
    run: notes.getMeetingNotes,
  }),
  updateMeetingNotes: endpoint({
    route: `PUT ${base}`,
    access: 'notes.write',
    summary:
      'Write the notes (note-takers and chairs); approved notes change only by a correction with its reason',
    params: c.notesParams,
    body: c.updateNotesBody,
    response: { 200: c.meetingNotes },
    run: notes.updateMeetingNotes,
  }),
  checkAttribution: endpoint({
    route: `POST ${base}/check`,
    access: 'notes.write',
    summary: 'Check the notes for views attributed to people, with a neutral rewording of each',
    params: c.notesParams,
    body: c.checkBody,
    response: { 200: c.checkResult },
    run: notes.checkNotesAttribution,
  }),
  circulateNotes: endpoint({
    route: `POST ${base}/circulate`,
    access: 'notes.write',
    summary: 'Circulate the notes to the group for comments, once no view is attributed to anyone',
    params: c.notesParams,
    response: { 200: c.meetingNotes },
    run: notes.circulateNotes,
  }),
  commentOnNotes: endpoint({
    route: `POST ${base}/comments`,
    access: 'notes.comment',
    summary: 'Comment on circulated notes',
    params: c.notesParams,
    body: c.commentBody,
    response: { 200: c.meetingNotes },
    // The comment's field is named body.
    run: notes.commentOnNotes,
  }),
  approveNotes: endpoint({
    route: `POST ${base}/approve`,
    access: 'notes.approve',
    summary: 'Record that a later meeting approved the notes: they are locked',
    params: c.notesParams,
    body: c.approveBody,
    response: { 200: c.meetingNotes },
    // The body names the approving meeting, so it arrives whole beside the path's meetingId.
    run: notes.approveNotes,
  }),
  listActions: endpoint({
    route: `GET ${actionList}`,
    access: 'action.view',
    summary: 'Actions across meetings, by due date (mine or anyone’s; open by default)',
    params: groupParams,
    query: c.listActionsQuery,
    response: { 200: c.actionList },
    run: actions.listActions,
  }),
  addAction: endpoint({
    route: `POST ${actionList}`,
    access: 'action.manage',
    summary: 'Add an action: an owner in the group and a due date',
    params: groupParams,
    body: c.addActionBody,
    response: { 201: c.action },
    run: actions.addAction,
  }),
  updateAction: endpoint({
    route: `PATCH ${actionList}/:actionId`,
    access: 'action.manage',
    summary: 'Update an action (its owner, a chair or a note-taker)',
    params: c.actionParams,
    body: c.updateActionBody,
    response: { 200: c.action },
    run: actions.updateAction,
  }),
});
