import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as membership from './membership.service.ts';

const group = '/api/v1/groups/:groupId';

export const membershipRoutes = routes('Membership', {
  listMembershipStatuses: endpoint({
    route: `GET ${group}/membership`,
    access: 'membership.view',
    summary:
      'Each person’s status (participant, member or lapsed), derived from attendance by the rule in force',
    params: groupParams,
    query: c.membershipQuery,
    response: { 200: c.membershipList },
    run: membership.listMembershipStatuses,
  }),
  listQuorumCategories: endpoint({
    route: `GET ${group}/quorum-categories`,
    access: 'quorumCategories.manage',
    summary:
      'For chairs: the categories the quorum names (such as "at least 2 carers") and who is counted in each',
    params: groupParams,
    response: { 200: c.quorumCategories },
    run: membership.listQuorumCategories,
  }),
  setPersonCategories: endpoint({
    route: `PUT ${group}/people/:userId/categories`,
    access: 'quorumCategories.manage',
    summary: 'For chairs: the quorum categories a person is counted in',
    params: c.memberParams,
    body: c.setPersonCategoriesBody,
    response: { 200: c.personCategories },
    run: membership.setPersonCategories,
  }),
  getPersonMembership: endpoint({
    route: `GET ${group}/membership/:userId`,
    access: 'membership.view',
    summary: 'One person’s status, its timeline, and the attendance it comes from',
    params: c.memberParams,
    query: c.membershipQuery,
    response: { 200: c.personMembership },
    run: membership.getPersonMembership,
  }),
});
