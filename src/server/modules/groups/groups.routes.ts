import * as c from '../../../contracts/groups.ts';
import { ok } from '../../../contracts/common.ts';
import { done, endpoint, routes } from '../../endpoints.ts';
import * as groups from './groups.service.ts';

const group = '/api/v1/groups/:groupId';

export const groupRoutes = routes('Groups', {
  createGroup: endpoint({
    route: 'POST /api/v1/groups',
    access: ['group.create', 'group.createWorkingGroup'],
    summary: 'Create a group, or a working group of a group you chair',
    body: c.createGroupBody,
    response: { 201: c.joined },
    run: async (body, { deps, actor }) => ({ group: await groups.createGroup(deps, actor, body) }),
  }),
  listMyGroups: endpoint({
    route: 'GET /api/v1/groups',
    access: 'group.listMine',
    summary: 'The groups I am in',
    response: { 200: c.groupList },
    run: async (_, { deps, actor }) => ({ groups: await groups.listMyGroups(deps, actor) }),
  }),
  getGroup: endpoint({
    route: `GET ${group}`,
    access: 'group.view',
    summary: 'A group: purpose, parent and working groups',
    params: c.groupParams,
    response: { 200: c.group },
    run: groups.getGroup,
  }),
  updateGroup: endpoint({
    route: `PATCH ${group}`,
    access: 'group.update',
    summary: 'Rename a group or change its purpose line',
    params: c.groupParams,
    body: c.updateGroupBody,
    response: { 200: c.group },
    run: groups.updateGroup,
  }),
  listGroupPeople: endpoint({
    route: `GET ${group}/people`,
    access: 'group.people.list',
    summary: 'People in a group and their roles',
    params: c.groupParams,
    response: { 200: c.peopleList },
    run: async ({ groupId }, { deps, actor }) => ({
      people: await groups.listGroupPeople(deps, actor, groupId),
    }),
  }),
  setGroupRole: endpoint({
    route: `PUT ${group}/people/:userId/role`,
    access: 'group.role.set',
    summary: 'Make someone a chair, note-taker, observer or participant',
    params: c.personParams,
    body: c.setRoleBody,
    response: { 200: c.person },
    run: groups.setGroupRole,
  }),
  removeFromGroup: endpoint({
    route: `DELETE ${group}/people/:userId`,
    access: ['group.person.remove', 'group.leave'],
    summary: 'Remove someone from a group (or leave it yourself)',
    params: c.personParams,
    response: { 200: ok },
    run: done(groups.removeFromGroup),
  }),
  createInvitation: endpoint({
    route: `POST ${group}/invitations`,
    access: 'group.invite',
    summary: 'Create an invitation link, optionally emailed',
    params: c.groupParams,
    body: c.createInvitationBody,
    response: { 201: c.createdInvitation },
    run: groups.createInvitation,
  }),
  listInvitations: endpoint({
    route: `GET ${group}/invitations`,
    access: 'group.invite',
    summary: "A group's invitations",
    params: c.groupParams,
    response: { 200: c.invitationList },
    run: async ({ groupId }, { deps, actor }) => ({
      invitations: await groups.listInvitations(deps, actor, groupId),
    }),
  }),
  revokeInvitation: endpoint({
    route: `DELETE ${group}/invitations/:invitationId`,
    access: 'group.invite',
    summary: 'Withdraw an invitation link',
    params: c.invitationParams,
    response: { 200: ok },
    run: done(groups.revokeInvitation),
  }),
  getInvitation: endpoint({
    route: 'GET /api/v1/invitations/:token',
    access: 'public',
    summary: 'What an invitation link invites you to',
    params: c.invitationTokenParams,
    response: { 200: c.invitationPreview },
    run: ({ token }, { deps }) => groups.previewInvitation(deps, token),
  }),
  joinGroup: endpoint({
    route: 'POST /api/v1/join',
    access: 'group.join',
    summary: 'Join a group with an invitation link',
    body: c.joinBody,
    response: { 200: c.joined },
    run: async ({ token }, { deps, actor }) => ({
      group: await groups.joinGroup(deps, actor, token),
    }),
  }),
});
