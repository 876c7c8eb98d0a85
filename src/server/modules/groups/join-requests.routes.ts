import * as c from '../../../contracts/join-requests.ts';
import { answerAs, op, routes } from '../../endpoints.ts';
import * as joining from './join-requests.service.ts';

const publicGroup = '/api/v1/public/groups/:groupId';
const requests = '/api/v1/groups/:groupId/join-requests';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const joinRequestRoutes = routes('Groups', {
  getPublicGroupPage: op(`GET ${publicGroup}/page`, 'publicPage.read', joining.getPublicGroupPage, { params: c.publicPageParams, response: { 200: c.publicGroupPage } }, 'A group’s public page: its purpose, how to ask to join, and the dates of its next meetings if it shows them'),
  updatePublicPage: op('PUT /api/v1/groups/:groupId/public-page', 'publicPage.manage', joining.updatePublicPage, { params: c.publicPageParams, body: c.updatePublicPageBody, response: { 200: c.publicPageSettings } }, 'List or unlist the group’s public page, and show or hide its meeting dates there'),
  askToJoinGroup: op(`POST ${publicGroup}/join-requests`, 'joinRequest.create', joining.askToJoin, { params: c.publicPageParams, body: c.askToJoinBody, response: { 201: c.myJoinRequest } }, 'Ask to join a group from its public page; its chairs are told'),
  listJoinRequests: op(`GET ${requests}`, 'joinRequest.manage', answerAs('requests', joining.listJoinRequests), { params: c.publicPageParams, response: { 200: c.joinRequestList } }, 'Open requests to join the group, for its chairs to answer'),
  acceptJoinRequest: op(`POST ${requests}/:requestId/accept`, 'joinRequest.manage', (input, scope) => joining.decideJoinRequest({ ...input, answer: 'accepted' }, scope), { params: c.joinRequestParams, body: c.decideJoinRequestBody, response: { 200: c.joinRequest } }, 'Accept a request to join: the person joins as a participant'),
  declineJoinRequest: op(`POST ${requests}/:requestId/decline`, 'joinRequest.manage', (input, scope) => joining.decideJoinRequest({ ...input, answer: 'declined' }, scope), { params: c.joinRequestParams, body: c.decideJoinRequestBody, response: { 200: c.joinRequest } }, 'Decline a request to join; the person is told, with an optional note'),
});
