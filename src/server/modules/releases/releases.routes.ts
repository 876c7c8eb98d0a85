import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import * as r from '../../../contracts/releases.ts';
import { endpoint, routes } from '../../endpoints.ts';
import { fileBody, sendDownload } from '../../http.ts';
import * as learning from '../learning/learning.service.ts';
import * as searching from '../search/search.service.ts';
import * as links from './links.service.ts';
import * as releases from './releases.service.ts';

const group = '/api/v1/groups/:groupId';
const publicGroup = '/api/v1/public/groups/:groupId';

export const releaseRoutes = routes('Release and learning', {
  releaseItem: endpoint({
    route: `POST ${group}/releases`,
    access: 'release.manage',
    summary:
      'Release an item beyond the group (public page, or an offer to linked groups), as a release proposal the group agreed named it: cite the decision or, where the ToR allows, the meeting on whose agenda it was agreed. Each agreement is used once.',
    params: groupParams,
    body: c.releaseBody,
    response: { 201: c.release },
    run: releases.releaseItem,
  }),
  withdrawRelease: endpoint({
    route: `POST ${group}/releases/:releaseId/withdraw`,
    access: 'release.manage',
    summary: 'Withdraw a release, by the same route as releasing',
    params: c.releaseParams,
    body: c.withdrawBody,
    response: { 200: c.release },
    run: releases.withdrawRelease,
  }),
  listGroupLinks: endpoint({
    route: `GET ${group}/links`,
    access: 'groupLink.manage',
    summary:
      'The groups this one is linked to (steering, sibling working groups, links agreed by both chairs) and link requests',
    params: groupParams,
    response: { 200: r.groupLinkList },
    run: links.listGroupLinks,
  }),
  proposeGroupLink: endpoint({
    route: `POST ${group}/links`,
    access: 'groupLink.manage',
    summary:
      'Ask to link with another group by its id; a chair of that group accepts. The answer is the same whether or not the group exists.',
    params: groupParams,
    body: r.proposeLinkBody,
    response: { 201: r.groupLink },
    run: links.proposeGroupLink,
  }),
  acceptGroupLink: endpoint({
    route: `POST ${group}/links/:linkId/accept`,
    access: 'groupLink.manage',
    summary: 'Accept another group’s request to link with this one',
    params: r.linkParams,
    response: { 200: r.groupLink },
    run: links.acceptGroupLink,
  }),
  removeGroupLink: endpoint({
    route: `DELETE ${group}/links/:linkId`,
    access: 'groupLink.manage',
    summary: 'Remove a link, or decline or take back a request (either group’s chair)',
    params: r.linkParams,
    response: { 200: ok },
    run: links.removeGroupLink,
  }),
  listReleaseOffers: endpoint({
    route: `GET ${group}/release-offers`,
    access: 'releaseOffer.manage',
    summary: 'Items linked groups have released to this one, for a chair to accept or decline',
    params: groupParams,
    response: { 200: r.releaseOfferList },
    run: releases.listReleaseOffers,
  }),
  answerReleaseOffer: endpoint({
    route: `POST ${group}/release-offers/:releaseId`,
    access: 'releaseOffer.manage',
    summary:
      'Accept an offered item (the group’s people then see it on the releasing group’s page) or decline it',
    params: r.offerParams,
    body: r.answerOfferBody,
    response: { 200: r.releaseOffer },
    run: releases.answerReleaseOffer,
  }),
  listReleasedItems: endpoint({
    route: `GET ${publicGroup}`,
    access: 'release.readPublic',
    summary: 'A group’s public page: what it has released, and nothing else',
    params: c.publicGroupParams,
    response: { 200: c.releasedList },
    run: releases.listReleasedItems,
  }),
  downloadReleasedPaper: endpoint({
    route: `GET ${publicGroup}/releases/:releaseId/file`,
    access: 'release.readPublic',
    summary: 'Download a paper the group has released to you or to everyone',
    params: c.releaseParams,
    response: { 200: fileBody },
    run: async ({ groupId, releaseId }, { deps, actor, reply }) =>
      sendDownload(reply, await releases.downloadReleasedPaper(deps, actor, groupId, releaseId)),
  }),
  addLearningEntry: endpoint({
    route: `POST ${group}/learning`,
    access: 'learning.add',
    summary: 'Add to the learning log: what happened, what we learned, what we will change',
    params: groupParams,
    body: c.learningBody,
    response: { 201: c.learningEntry },
    run: learning.addLearningEntry,
  }),
  listLearningEntries: endpoint({
    route: `GET ${group}/learning`,
    access: 'learning.view',
    summary: 'The learning log',
    params: groupParams,
    response: { 200: c.learningList },
    run: learning.listLearningEntries,
  }),
  addSuggestion: endpoint({
    route: `POST ${group}/suggestions`,
    access: 'suggestion.add',
    summary:
      'Add a suggestion: it stays on the "to consider" list until the group records how it was considered',
    params: groupParams,
    body: c.suggestionBody,
    response: { 201: c.suggestion },
    run: learning.addSuggestion,
  }),
  listSuggestions: endpoint({
    route: `GET ${group}/suggestions`,
    access: 'suggestion.view',
    summary: 'Suggestions: those to consider, and "you said, we did"',
    params: groupParams,
    response: { 200: c.suggestionList },
    run: learning.listSuggestions,
  }),
  recordSuggestionOutcome: endpoint({
    route: `POST ${group}/suggestions/:suggestionId/outcome`,
    access: 'suggestion.outcome',
    summary: 'Record how a suggestion was considered: the meeting, the outcome, and any decision',
    params: c.suggestionParams,
    body: c.suggestionOutcomeBody,
    response: { 200: c.suggestion },
    run: learning.recordSuggestionOutcome,
  }),
  search: endpoint({
    route: `GET ${group}/search`,
    access: 'search',
    summary: 'Search notes, decisions, learning, suggestions and papers (only what you may see)',
    params: groupParams,
    query: c.searchQuery,
    response: { 200: c.searchResults },
    run: searching.search,
  }),
});
