import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as workingGroups from './working-groups.service.ts';

const group = '/api/v1/groups/:groupId';

export const workingGroupRoutes = routes('Working groups', {
  listWorkingGroupCommitments: endpoint({
    route: `GET ${group}/commitments`,
    access: 'workingGroup.view',
    summary: 'Who is in a working group, with the hours a month they offered',
    params: groupParams,
    response: { 200: c.commitmentList },
    run: workingGroups.listWorkingGroupCommitments,
  }),
  joinWorkingGroup: endpoint({
    route: `PUT ${group}/commitment`,
    access: 'workingGroup.commit',
    summary: 'Commit time to a working group of a group I take part in (hours a month optional)',
    params: groupParams,
    body: c.commitBody,
    response: { 200: c.commitment },
    run: workingGroups.joinWorkingGroup,
  }),
  leaveWorkingGroup: endpoint({
    route: `DELETE ${group}/commitment`,
    access: 'workingGroup.commit',
    summary: 'Step back from a working group',
    params: groupParams,
    response: { 200: ok },
    run: workingGroups.leaveWorkingGroup,
  }),
});
