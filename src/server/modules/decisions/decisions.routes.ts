import { z } from 'zod';
import * as c from '../../../contracts/decisions.ts';
import { groupParams } from '../../../contracts/groups.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as consensus from './consensus.service.ts';
import * as decisions from './decisions.service.ts';
import * as proposals from './proposals.service.ts';
import * as votes from './votes.service.ts';

const base = '/api/v1/groups/:groupId/proposals';
const one = `${base}/:proposalId`;
const register = '/api/v1/groups/:groupId/decisions';

export const decisionRoutes = routes('Decisions', {
  listProposals: endpoint({
    route: `GET ${base}`,
    access: 'proposal.view',
    summary: 'The group’s proposals, newest first (optionally one meeting’s)',
    params: groupParams,
    query: c.listProposalsQuery,
    response: { 200: c.proposalList },
    run: proposals.listProposals,
  }),
  createProposal: endpoint({
    route: `POST ${base}`,
    access: 'proposal.create',
    summary: 'Raise a proposal on a meeting’s agenda, or between meetings with a closing time',
    params: groupParams,
    body: c.createProposalBody,
    response: { 201: c.proposal },
    run: proposals.createProposal,
  }),
  getProposal: endpoint({
    route: `GET ${one}`,
    access: 'proposal.view',
    summary: 'A proposal, its consensus check and its vote (counts and reasons, never names)',
    params: c.proposalParams,
    response: { 200: c.proposal },
    run: proposals.getProposal,
  }),
  updateProposal: endpoint({
    route: `PATCH ${one}`,
    access: 'proposal.create',
    summary: 'Edit a proposal until its consensus check opens, or withdraw it',
    params: c.proposalParams,
    body: c.updateProposalBody,
    response: { 200: c.proposal },
    run: proposals.updateProposal,
  }),
  openConsensusCheck: endpoint({
    route: `POST ${one}/consensus`,
    access: 'consensus.run',
    summary: 'Open the consensus check (chairs)',
    params: c.proposalParams,
    response: { 200: c.proposal },
    run: consensus.openConsensusCheck,
  }),
  answerConsensusCheck: endpoint({
    route: `POST ${one}/consensus/answers`,
    access: 'consensus.answer',
    summary:
      'Answer: agree, have concerns, stand aside or block, with an optional reason (recorded without your name)',
    params: c.proposalParams,
    body: c.answerBody,
    response: { 200: c.proposal },
    run: consensus.answerConsensusCheck,
  }),
  closeConsensusCheck: endpoint({
    route: `POST ${one}/consensus/close`,
    access: 'consensus.run',
    summary: 'Declare the outcome (chairs): consensus records the decision',
    params: c.proposalParams,
    body: c.closeConsensusBody,
    response: { 200: c.proposal },
    run: consensus.closeConsensusCheck,
  }),
  callFormalVote: endpoint({
    route: `POST ${one}/vote`,
    access: 'vote.call',
    summary: 'Call a formal test: the voter list is fixed now, from attendance and the ToR',
    params: c.proposalParams,
    body: c.callVoteBody,
    response: { 200: c.proposal },
    run: votes.callFormalVote,
  }),
  castBallot: endpoint({
    route: `POST ${one}/vote/ballots`,
    access: 'vote.cast',
    summary: 'Cast my ballot: yes, no or abstain (one per eligible person)',
    params: c.proposalParams,
    body: c.castBallotBody,
    response: { 200: c.castBallotResult },
    run: votes.castBallot,
  }),
  closeVote: endpoint({
    route: `POST ${one}/vote/close`,
    access: 'vote.close',
    summary: 'Close the vote and record the decision (chairs); closing twice changes nothing',
    params: c.proposalParams,
    body: c.closeVoteBody,
    response: { 200: c.proposal },
    run: votes.closeVote,
  }),
  listDecisions: endpoint({
    route: `GET ${register}`,
    access: 'decision.view',
    summary: 'The decision register, newest first',
    params: groupParams,
    response: { 200: c.decisionList },
    run: decisions.listDecisions,
  }),
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
  getDecision: endpoint({
    route: `GET ${register}/:decisionId`,
    access: 'decision.view',
    summary: 'One decision record',
    params: c.decisionParams,
    response: { 200: c.decision },
    run: decisions.getDecision,
  }),
  correctDecision: endpoint({
    route: `POST ${register}/:decisionId/corrections`,
    access: 'decision.correct',
    summary: 'Record a correction: a new record linked to this one (chairs)',
    params: c.decisionParams,
    body: c.correctDecisionBody,
    response: { 201: c.decision },
    run: decisions.correctDecision,
  }),
});
