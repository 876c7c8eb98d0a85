import type { FastifyInstance } from 'fastify';
import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import * as r from '../../../contracts/releases.ts';
import type { Deps } from '../../deps.ts';
import { errors, fileBody, sendDownload, typed } from '../../http.ts';
import * as learning from '../learning/learning.service.ts';
import * as searching from '../search/search.service.ts';
import * as links from './links.service.ts';
import * as releases from './releases.service.ts';

export function releaseRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);
  const tags = ['Release and learning'];

  api.post('/api/v1/groups/:groupId/releases', {
    schema: {
      operationId: 'releaseItem',
      tags,
      summary:
        'Release an item beyond the group (public page, or an offer to linked groups), as a release proposal the group agreed named it: cite the decision or, where the ToR allows, the meeting on whose agenda it was agreed. Each agreement is used once.',
      params: groupParams,
      body: c.releaseBody,
      response: { 201: c.release, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await releases.releaseItem(deps, request.actor, request.params.groupId, request.body),
        ),
  });

  api.post('/api/v1/groups/:groupId/releases/:releaseId/withdraw', {
    schema: {
      operationId: 'withdrawRelease',
      tags,
      summary: 'Withdraw a release, by the same route as releasing',
      params: c.releaseParams,
      body: c.withdrawBody,
      response: { 200: c.release, ...errors },
    },
    handler: async (request) =>
      releases.withdrawRelease(
        deps,
        request.actor,
        request.params.groupId,
        request.params.releaseId,
        request.body,
      ),
  });

  api.get('/api/v1/groups/:groupId/links', {
    schema: {
      operationId: 'listGroupLinks',
      tags,
      summary:
        'The groups this one is linked to (steering, sibling working groups, links agreed by both chairs) and link requests',
      params: groupParams,
      response: { 200: r.groupLinkList, ...errors },
    },
    handler: async (request) => links.listGroupLinks(deps, request.actor, request.params.groupId),
  });

  api.post('/api/v1/groups/:groupId/links', {
    schema: {
      operationId: 'proposeGroupLink',
      tags,
      summary:
        'Ask to link with another group by its id; a chair of that group accepts. The answer is the same whether or not the group exists.',
      params: groupParams,
      body: r.proposeLinkBody,
      response: { 201: r.groupLink, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await links.proposeGroupLink(
            deps,
            request.actor,
            request.params.groupId,
            request.body.otherGroupId,
          ),
        ),
  });

  api.post('/api/v1/groups/:groupId/links/:linkId/accept', {
    schema: {
      operationId: 'acceptGroupLink',
      tags,
      summary: 'Accept another group’s request to link with this one',
      params: r.linkParams,
      response: { 200: r.groupLink, ...errors },
    },
    handler: async (request) =>
      links.acceptGroupLink(deps, request.actor, request.params.groupId, request.params.linkId),
  });

  api.delete('/api/v1/groups/:groupId/links/:linkId', {
    schema: {
      operationId: 'removeGroupLink',
      tags,
      summary: 'Remove a link, or decline or take back a request (either group’s chair)',
      params: r.linkParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) =>
      links.removeGroupLink(deps, request.actor, request.params.groupId, request.params.linkId),
  });

  api.get('/api/v1/groups/:groupId/release-offers', {
    schema: {
      operationId: 'listReleaseOffers',
      tags,
      summary: 'Items linked groups have released to this one, for a chair to accept or decline',
      params: groupParams,
      response: { 200: r.releaseOfferList, ...errors },
    },
    handler: async (request) =>
      releases.listReleaseOffers(deps, request.actor, request.params.groupId),
  });

  api.post('/api/v1/groups/:groupId/release-offers/:releaseId', {
    schema: {
      operationId: 'answerReleaseOffer',
      tags,
      summary:
        'Accept an offered item (the group’s people then see it on the releasing group’s page) or decline it',
      params: r.offerParams,
      body: r.answerOfferBody,
      response: { 200: r.releaseOffer, ...errors },
    },
    handler: async (request) =>
      releases.answerReleaseOffer(
        deps,
        request.actor,
        request.params.groupId,
        request.params.releaseId,
        request.body.answer,
      ),
  });

  api.get('/api/v1/public/groups/:groupId', {
    schema: {
      operationId: 'listReleasedItems',
      tags,
      summary: 'A group’s public page: what it has released, and nothing else',
      params: c.publicGroupParams,
      response: { 200: c.releasedList, ...errors },
    },
    handler: async (request) =>
      releases.listReleasedItems(deps, request.actor, request.params.groupId),
  });

  api.get('/api/v1/public/groups/:groupId/releases/:releaseId/file', {
    schema: {
      operationId: 'downloadReleasedPaper',
      tags,
      summary: 'Download a paper the group has released to you or to everyone',
      params: c.releaseParams,
      response: { 200: fileBody, ...errors },
    },
    handler: async (request, reply) =>
      sendDownload(
        reply,
        await releases.downloadReleasedPaper(
          deps,
          request.actor,
          request.params.groupId,
          request.params.releaseId,
        ),
      ),
  });

  api.post('/api/v1/groups/:groupId/learning', {
    schema: {
      operationId: 'addLearningEntry',
      tags,
      summary: 'Add to the learning log: what happened, what we learned, what we will change',
      params: groupParams,
      body: c.learningBody,
      response: { 201: c.learningEntry, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await learning.addLearningEntry(
            deps,
            request.actor,
            request.params.groupId,
            request.body,
          ),
        ),
  });

  api.get('/api/v1/groups/:groupId/learning', {
    schema: {
      operationId: 'listLearningEntries',
      tags,
      summary: 'The learning log',
      params: groupParams,
      response: { 200: c.learningList, ...errors },
    },
    handler: async (request) =>
      learning.listLearningEntries(deps, request.actor, request.params.groupId),
  });

  api.post('/api/v1/groups/:groupId/suggestions', {
    schema: {
      operationId: 'addSuggestion',
      tags,
      summary:
        'Add a suggestion: it stays on the "to consider" list until the group records how it was considered',
      params: groupParams,
      body: c.suggestionBody,
      response: { 201: c.suggestion, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await learning.addSuggestion(
            deps,
            request.actor,
            request.params.groupId,
            request.body.text,
          ),
        ),
  });

  api.get('/api/v1/groups/:groupId/suggestions', {
    schema: {
      operationId: 'listSuggestions',
      tags,
      summary: 'Suggestions: those to consider, and "you said, we did"',
      params: groupParams,
      response: { 200: c.suggestionList, ...errors },
    },
    handler: async (request) =>
      learning.listSuggestions(deps, request.actor, request.params.groupId),
  });

  api.post('/api/v1/groups/:groupId/suggestions/:suggestionId/outcome', {
    schema: {
      operationId: 'recordSuggestionOutcome',
      tags,
      summary: 'Record how a suggestion was considered: the meeting, the outcome, and any decision',
      params: c.suggestionParams,
      body: c.suggestionOutcomeBody,
      response: { 200: c.suggestion, ...errors },
    },
    handler: async (request) =>
      learning.recordSuggestionOutcome(
        deps,
        request.actor,
        request.params.groupId,
        request.params.suggestionId,
        request.body,
      ),
  });

  api.get('/api/v1/groups/:groupId/search', {
    schema: {
      operationId: 'search',
      tags,
      summary: 'Search notes, decisions, learning, suggestions and papers (only what you may see)',
      params: groupParams,
      querystring: c.searchQuery,
      response: { 200: c.searchResults, ...errors },
    },
    handler: async (request) =>
      searching.search(deps, request.actor, request.params.groupId, request.query.q),
  });
}
