import { z } from 'zod';
import * as c from '../../../contracts/decisions.ts';
import { groupParams } from '../../../contracts/groups.ts';
import { endpoint, op, routes } from '../../endpoints.ts';
import * as consensus from './consensus.service.ts';
import * as decisions from './decisions.service.ts';
import * as proposals from './proposals.service.ts';
import * as votes from './votes.service.ts';

const base = '/api/v1/groups/:groupId/proposals';
const one = `${base}/:proposalId`;
const register = '/api/v1/groups/:groupId/decisions';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const decisionRoutes = routes('Decisions', {
  listProposals: op(`GET ${base}`, 'proposal.view', proposals.listProposals, { params: groupParams, query: c.listProposalsQuery, response: { 200: c.proposalList } }, 'The group’s proposals, newest first (optionally one meeting’s)'),
  createProposal: op(`POST ${base}`, 'proposal.create', proposals.createProposal, { params: groupParams, body: c.createProposalBody, response: { 201: c.proposal } }, 'Raise a proposal on a meeting’s agenda, or between meetings with a closing time'),
  getProposal: op(`GET ${one}`, 'proposal.view', proposals.getProposal, { params: c.proposalParams, response: { 200: c.proposal } }, 'A proposal, its consensus check and its vote (counts and reasons, never names)'),
  updateProposal: op(`PATCH ${one}`, 'proposal.edit', proposals.updateProposal, { params: c.proposalParams, body: c.updateProposalBody, response: { 200: c.proposal } }, 'Edit a proposal until its consensus check opens, or withdraw it'),
  openConsensusCheck: op(`POST ${one}/consensus`, 'consensus.run', consensus.openConsensusCheck, { params: c.proposalParams, response: { 200: c.proposal } }, 'Open the consensus check (chairs)'),
  answerConsensusCheck: op(`POST ${one}/consensus/answers`, 'consensus.answer', consensus.answerConsensusCheck, { params: c.proposalParams, body: c.answerBody, response: { 200: c.proposal } }, 'Answer: agree, have concerns, stand aside or block, with an optional reason (recorded without your name)'),
  closeConsensusCheck: op(`POST ${one}/consensus/close`, 'consensus.run', consensus.closeConsensusCheck, { params: c.proposalParams, body: c.closeConsensusBody, response: { 200: c.proposal } }, 'Declare the outcome (chairs): consensus records the decision'),
  callFormalVote: op(`POST ${one}/vote`, 'vote.call', votes.callFormalVote, { params: c.proposalParams, body: c.callVoteBody, response: { 200: c.proposal } }, 'Call a formal test: the voter list is fixed now, from attendance and the ToR'),
  castBallot: op(`POST ${one}/vote/ballots`, 'vote.cast', votes.castBallot, { params: c.proposalParams, body: c.castBallotBody, response: { 200: c.castBallotResult } }, 'Cast my ballot: yes, no or abstain (one per eligible person)'),
  closeVote: op(`POST ${one}/vote/close`, 'vote.close', votes.closeVote, { params: c.proposalParams, body: c.closeVoteBody, response: { 200: c.proposal } }, 'Close the vote and record the decision (chairs); closing twice changes nothing'),
  listDecisions: op(`GET ${register}`, 'decision.view', decisions.listDecisions, { params: groupParams, response: { 200: c.decisionList } }, 'The decision register, newest first'),
  exportDecisions: endpoint({
    route: `GET ${register}/export`,
    access: 'decision.view',
    summary: 'The decision register as a CSV or JSON file',
    params: groupParams,
    query: c.exportQuery,
    response: { 200: z.string() },
    run: async ({ groupId, format }, { deps, actor, reply }) => {
      const file = await decisions.exportDecisions(deps, actor, groupId, format);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="decisions.${format}"`)
        .send(file.body);
    },
  }),
  getDecision: op(`GET ${register}/:decisionId`, 'decision.view', decisions.getDecision, { params: c.decisionParams, response: { 200: c.decision } }, 'One decision record'),
  correctDecision: op(`POST ${register}/:decisionId/corrections`, 'decision.correct', decisions.correctDecision, { params: c.decisionParams, body: c.correctDecisionBody, response: { 201: c.decision } }, 'Record a correction: a new record linked to this one (chairs)'),
});
