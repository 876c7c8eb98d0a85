import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/meetings.ts';
import { op, routes } from '../../endpoints.ts';
import * as workingGroups from './working-groups.service.ts';

const group = '/api/v1/groups/:groupId';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const workingGroupRoutes = routes('Working groups', {
  listWorkingGroupCommitments: op(`GET ${group}/commitments`, 'workingGroup.view', workingGroups.listWorkingGroupCommitments, { params: groupParams, response: { 200: c.commitmentList } }, 'Who is in a working group, with the hours a month they offered'),
  joinWorkingGroup: op(`PUT ${group}/commitment`, 'workingGroup.commit', workingGroups.joinWorkingGroup, { params: groupParams, body: c.commitBody, response: { 200: c.commitment } }, 'Commit time to a working group of a group I take part in (hours a month optional)'),
  leaveWorkingGroup: op(`DELETE ${group}/commitment`, 'workingGroup.commit', workingGroups.leaveWorkingGroup, { params: groupParams, response: { 200: ok } }, 'Step back from a working group'),
});
