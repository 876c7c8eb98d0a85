import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as c from '../../../contracts/decisions.ts';
import { groupParams } from '../../../contracts/groups.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as consensus from './consensus.service.ts';
import * as decisions from './decisions.service.ts';
import * as proposals from './proposals.service.ts';
import * as votes from './votes.service.ts';

const tags = ['Decisions'];
const base = '/api/v1/groups/:groupId/proposals';
const one = `${base}/:proposalId`;

export function decisionRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get(base, {
    schema: {
      operationId: 'listProposals',
      tags,
      summary: 'The group’s proposals, newest first (optionally one meeting’s)',
      params: groupParams,
      querystring: c.listProposalsQuery,
      response: { 200: c.proposalList, ...errors },
    },
    handler: async (request) =>
      proposals.listProposals(deps, request.actor, request.params.groupId, request.query.meetingId),
  });

  api.post(base, {
    schema: {
      operationId: 'createProposal',
      tags,
      summary: 'Raise a proposal on a meeting’s agenda, or between meetings with a closing time',
      params: groupParams,
      body: c.createProposalBody,
      response: { 201: c.proposal, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await proposals.createProposal(deps, request.actor, request.params.groupId, request.body),
        ),
  });

  api.get(one, {
    schema: {
      operationId: 'getProposal',
      tags,
      summary: 'A proposal, its consensus check and its vote (counts and reasons, never names)',
      params: c.proposalParams,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      proposals.getProposal(deps, request.actor, request.params.groupId, request.params.proposalId),
  });

  api.patch(one, {
    schema: {
      operationId: 'updateProposal',
      tags,
      summary: 'Edit a proposal until its consensus check opens, or withdraw it',
      params: c.proposalParams,
      body: c.updateProposalBody,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      proposals.updateProposal(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.post(`${one}/consensus`, {
    schema: {
      operationId: 'openConsensusCheck',
      tags,
      summary: 'Open the consensus check (chairs)',
      params: c.proposalParams,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      consensus.openConsensusCheck(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
      ),
  });

  api.post(`${one}/consensus/answers`, {
    schema: {
      operationId: 'answerConsensusCheck',
      tags,
      summary:
        'Answer: agree, have concerns, stand aside or block, with an optional reason (recorded without your name)',
      params: c.proposalParams,
      body: c.answerBody,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      consensus.answerConsensusCheck(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.post(`${one}/consensus/close`, {
    schema: {
      operationId: 'closeConsensusCheck',
      tags,
      summary: 'Declare the outcome (chairs): consensus records the decision',
      params: c.proposalParams,
      body: c.closeConsensusBody,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      consensus.closeConsensusCheck(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.post(`${one}/vote`, {
    schema: {
      operationId: 'callFormalVote',
      tags,
      summary: 'Call a formal test: the voter list is fixed now, from attendance and the ToR',
      params: c.proposalParams,
      body: c.callVoteBody,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      votes.callFormalVote(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.post(`${one}/vote/ballots`, {
    schema: {
      operationId: 'castBallot',
      tags,
      summary: 'Cast my ballot: yes, no or abstain (one per eligible person)',
      params: c.proposalParams,
      body: c.castBallotBody,
      response: { 200: c.castBallotResult, ...errors },
    },
    handler: async (request) =>
      votes.castBallot(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.post(`${one}/vote/close`, {
    schema: {
      operationId: 'closeVote',
      tags,
      summary: 'Close the vote and record the decision (chairs); closing twice changes nothing',
      params: c.proposalParams,
      body: c.closeVoteBody,
      response: { 200: c.proposal, ...errors },
    },
    handler: async (request) =>
      votes.closeVote(
        deps,
        request.actor,
        request.params.groupId,
        request.params.proposalId,
        request.body,
      ),
  });

  api.get('/api/v1/groups/:groupId/decisions', {
    schema: {
      operationId: 'listDecisions',
      tags,
      summary: 'The decision register, newest first',
      params: groupParams,
      response: { 200: c.decisionList, ...errors },
    },
    handler: async (request) =>
      decisions.listDecisions(deps, request.actor, request.params.groupId),
  });

  api.get('/api/v1/groups/:groupId/decisions/export', {
    schema: {
      operationId: 'exportDecisions',
      tags,
      summary: 'The decision register as a CSV or JSON file',
      params: groupParams,
      querystring: c.exportQuery,
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) => {
      const file = await decisions.exportDecisions(
        deps,
        request.actor,
        request.params.groupId,
        request.query.format,
      );
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="decisions.${request.query.format}"`)
        .send(file.body);
    },
  });

  api.get('/api/v1/groups/:groupId/decisions/:decisionId', {
    schema: {
      operationId: 'getDecision',
      tags,
      summary: 'One decision record',
      params: c.decisionParams,
      response: { 200: c.decision, ...errors },
    },
    handler: async (request) =>
      decisions.getDecision(deps, request.actor, request.params.groupId, request.params.decisionId),
  });

  api.post('/api/v1/groups/:groupId/decisions/:decisionId/corrections', {
    schema: {
      operationId: 'correctDecision',
      tags,
      summary: 'Record a correction: a new record linked to this one (chairs)',
      params: c.decisionParams,
      body: c.correctDecisionBody,
      response: { 201: c.decision, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await decisions.correctDecision(
            deps,
            request.actor,
            request.params.groupId,
            request.params.decisionId,
            request.body,
          ),
        ),
  });
}
