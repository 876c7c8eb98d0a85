import * as c from '../../../contracts/groups.ts';
import { ok } from '../../../contracts/common.ts';
import { answerAs, done, endpoint, op, routes } from '../../endpoints.ts';
import * as groups from './groups.service.ts';

const group = '/api/v1/groups/:groupId';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const groupRoutes = routes('Groups', {
  createGroup: op('POST /api/v1/groups', ['group.create', 'group.createWorkingGroup'], answerAs('group', groups.createGroup), { body: c.createGroupBody, response: { 201: c.joined } }, 'Create a group, or a working group of a group you chair'),
  listMyGroups: op('GET /api/v1/groups', 'group.listMine', answerAs('groups', groups.listMyGroups), { response: { 200: c.groupList } }, 'The groups I am in'),
  getGroup: op(`GET ${group}`, 'group.view', groups.getGroup, { params: c.groupParams, response: { 200: c.group } }, 'A group: purpose, parent and working groups'),
  updateGroup: op(`PATCH ${group}`, 'group.update', groups.updateGroup, { params: c.groupParams, body: c.updateGroupBody, response: { 200: c.group } }, 'Rename a group or change its purpose line'),
  listGroupPeople: op(`GET ${group}/people`, 'group.people.list', answerAs('people', groups.listGroupPeople), { params: c.groupParams, response: { 200: c.peopleList } }, 'People in a group and their roles'),
  setGroupRole: op(`PUT ${group}/people/:userId/role`, 'group.role.set', groups.setGroupRole, { params: c.personParams, body: c.setRoleBody, response: { 200: c.person } }, 'Make someone a chair, note-taker, observer or participant'),
  removeFromGroup: op(`DELETE ${group}/people/:userId`, ['group.person.remove', 'group.leave'], done(groups.removeFromGroup), { params: c.personParams, response: { 200: ok } }, 'Remove someone from a group (or leave it yourself)'),
  createInvitation: op(`POST ${group}/invitations`, 'group.invite', groups.createInvitation, { params: c.groupParams, body: c.createInvitationBody, response: { 201: c.createdInvitation } }, 'Create an invitation link, optionally emailed'),
  listInvitations: op(`GET ${group}/invitations`, 'group.invite', answerAs('invitations', groups.listInvitations), { params: c.groupParams, response: { 200: c.invitationList } }, "A group's invitations"),
  revokeInvitation: op(`DELETE ${group}/invitations/:invitationId`, 'group.invite', done(groups.revokeInvitation), { params: c.invitationParams, response: { 200: ok } }, 'Withdraw an invitation link'),
  getInvitation: endpoint({
    route: 'GET /api/v1/invitations/:token',
    access: 'public',
    summary: 'What an invitation link invites you to',
    params: c.invitationTokenParams,
    response: { 200: c.invitationPreview },
    run: ({ token }, { deps }) => groups.previewInvitation(deps, token),
  }),
  joinGroup: op('POST /api/v1/join', 'group.join', answerAs('group', groups.joinGroup), { body: c.joinBody, response: { 200: c.joined } }, 'Join a group with an invitation link'),
});
