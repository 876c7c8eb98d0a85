import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import { op, routes } from '../../endpoints.ts';
import * as membership from './membership.service.ts';

const group = '/api/v1/groups/:groupId';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const membershipRoutes = routes('Membership', {
  listMembershipStatuses: op(`GET ${group}/membership`, 'membership.view', membership.listMembershipStatuses, { params: groupParams, query: c.membershipQuery, response: { 200: c.membershipList } }, 'Each person’s status (participant, member or lapsed), derived from attendance by the rule in force'),
  listQuorumCategories: op(`GET ${group}/quorum-categories`, 'quorumCategories.manage', membership.listQuorumCategories, { params: groupParams, response: { 200: c.quorumCategories } }, 'For chairs: the categories the quorum names (such as "at least 2 carers") and who is counted in each'),
  setPersonCategories: op(`PUT ${group}/people/:userId/categories`, 'quorumCategories.manage', membership.setPersonCategories, { params: c.memberParams, body: c.setPersonCategoriesBody, response: { 200: c.personCategories } }, 'For chairs: the quorum categories a person is counted in'),
  getPersonMembership: op(`GET ${group}/membership/:userId`, 'membership.view', membership.getPersonMembership, { params: c.memberParams, query: c.membershipQuery, response: { 200: c.personMembership } }, 'One person’s status, its timeline, and the attendance it comes from'),
});
