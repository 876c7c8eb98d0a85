import * as c from '../../../contracts/join-requests.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as joining from './join-requests.service.ts';

const publicGroup = '/api/v1/public/groups/:groupId';
const requests = '/api/v1/groups/:groupId/join-requests';

export const joinRequestRoutes = routes('Groups', {
  getPublicGroupPage: endpoint({
    route: `GET ${publicGroup}/page`,
    access: 'publicPage.read',
    summary:
      'A group’s public page: its purpose, how to ask to join, and the dates of its next meetings if it shows them',
    params: c.publicPageParams,
    response: { 200: c.publicGroupPage },
    run: joining.getPublicGroupPage,
  }),
  updatePublicPage: endpoint({
    route: 'PUT /api/v1/groups/:groupId/public-page',
    access: 'publicPage.manage',
    summary: 'List or unlist the group’s public page, and show or hide its meeting dates there',
    params: c.publicPageParams,
    body: c.updatePublicPageBody,
    response: { 200: c.publicPageSettings },
    run: joining.updatePublicPage,
  }),
  askToJoinGroup: endpoint({
    route: `POST ${publicGroup}/join-requests`,
    access: 'joinRequest.create',
    summary: 'Ask to join a group from its public page; its chairs are told',
    params: c.publicPageParams,
    body: c.askToJoinBody,
    response: { 201: c.myJoinRequest },
    run: joining.askToJoin,
  }),
  listJoinRequests: endpoint({
    route: `GET ${requests}`,
    access: 'joinRequest.manage',
    summary: 'Open requests to join the group, for its chairs to answer',
    params: c.publicPageParams,
    response: { 200: c.joinRequestList },
    run: async ({ groupId }, { deps, actor }) => ({
      requests: await joining.listJoinRequests(deps, actor, groupId),
    }),
  }),
  acceptJoinRequest: endpoint({
    route: `POST ${requests}/:requestId/accept`,
    access: 'joinRequest.manage',
    summary: 'Accept a request to join: the person joins as a participant',
    params: c.joinRequestParams,
    body: c.decideJoinRequestBody,
    response: { 200: c.joinRequest },
    run: ({ groupId, requestId, note }, { deps, actor }) =>
      joining.decideJoinRequest(deps, actor, groupId, requestId, 'accepted', note),
  }),
  declineJoinRequest: endpoint({
    route: `POST ${requests}/:requestId/decline`,
    access: 'joinRequest.manage',
    summary: 'Decline a request to join; the person is told, with an optional note',
    params: c.joinRequestParams,
    body: c.decideJoinRequestBody,
    response: { 200: c.joinRequest },
    run: ({ groupId, requestId, note }, { deps, actor }) =>
      joining.decideJoinRequest(deps, actor, groupId, requestId, 'declined', note),
  }),
});
