import { ok } from '../../../contracts/common.ts';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/notes.ts';
import * as r from '../../../contracts/releases.ts';
import { endpoint, op, routes } from '../../endpoints.ts';
import { fileBody, sendDownload } from '../../http.ts';
import * as learning from '../learning/learning.service.ts';
import * as searching from '../search/search.service.ts';
import * as links from './links.service.ts';
import * as releases from './releases.service.ts';

const group = '/api/v1/groups/:groupId';
const publicGroup = '/api/v1/public/groups/:groupId';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const releaseRoutes = routes('Release and learning', {
  releaseItem: op(`POST ${group}/releases`, 'release.manage', releases.releaseItem, { params: groupParams, body: c.releaseBody, response: { 201: c.release } }, 'Release an item beyond the group (public page, or an offer to linked groups), as a release proposal the group agreed named it: cite the decision or, where the ToR allows, the meeting on whose agenda it was agreed. Each agreement is used once.'),
  withdrawRelease: op(`POST ${group}/releases/:releaseId/withdraw`, 'release.manage', releases.withdrawRelease, { params: c.releaseParams, body: c.withdrawBody, response: { 200: c.release } }, 'Withdraw a release, by the same route as releasing'),
  listGroupLinks: op(`GET ${group}/links`, 'groupLink.manage', links.listGroupLinks, { params: groupParams, response: { 200: r.groupLinkList } }, 'The groups this one is linked to (steering, sibling working groups, links agreed by both chairs) and link requests'),
  proposeGroupLink: op(`POST ${group}/links`, 'groupLink.manage', links.proposeGroupLink, { params: groupParams, body: r.proposeLinkBody, response: { 201: r.groupLink } }, 'Ask to link with another group by its id; a chair of that group accepts. The answer is the same whether or not the group exists.'),
  acceptGroupLink: op(`POST ${group}/links/:linkId/accept`, 'groupLink.manage', links.acceptGroupLink, { params: r.linkParams, response: { 200: r.groupLink } }, 'Accept another group’s request to link with this one'),
  removeGroupLink: op(`DELETE ${group}/links/:linkId`, 'groupLink.manage', links.removeGroupLink, { params: r.linkParams, response: { 200: ok } }, 'Remove a link, or decline or take back a request (either group’s chair)'),
  listReleaseOffers: op(`GET ${group}/release-offers`, 'releaseOffer.manage', releases.listReleaseOffers, { params: groupParams, response: { 200: r.releaseOfferList } }, 'Items linked groups have released to this one, for a chair to accept or decline'),
  answerReleaseOffer: op(`POST ${group}/release-offers/:releaseId`, 'releaseOffer.manage', releases.answerReleaseOffer, { params: r.offerParams, body: r.answerOfferBody, response: { 200: r.releaseOffer } }, 'Accept an offered item (the group’s people then see it on the releasing group’s page) or decline it'),
  listReleasedItems: op(`GET ${publicGroup}`, 'release.readPublic', releases.listReleasedItems, { params: c.publicGroupParams, response: { 200: c.releasedList } }, 'A group’s public page: what it has released, and nothing else'),
  downloadReleasedPaper: endpoint({
    route: `GET ${publicGroup}/releases/:releaseId/file`,
    access: 'release.readPublic',
    summary: 'Download a paper the group has released to you or to everyone',
    params: c.releaseParams,
    response: { 200: fileBody },
    run: async ({ groupId, releaseId }, { deps, actor, reply }) =>
      sendDownload(reply, await releases.downloadReleasedPaper(deps, actor, groupId, releaseId)),
  }),
  addLearningEntry: op(`POST ${group}/learning`, 'learning.add', learning.addLearningEntry, { params: groupParams, body: c.learningBody, response: { 201: c.learningEntry } }, 'Add to the learning log: what happened, what we learned, what we will change'),
  listLearningEntries: op(`GET ${group}/learning`, 'learning.view', learning.listLearningEntries, { params: groupParams, response: { 200: c.learningList } }, 'The learning log'),
  addSuggestion: op(`POST ${group}/suggestions`, 'suggestion.add', learning.addSuggestion, { params: groupParams, body: c.suggestionBody, response: { 201: c.suggestion } }, 'Add a suggestion: it stays on the "to consider" list until the group records how it was considered'),
  listSuggestions: op(`GET ${group}/suggestions`, 'suggestion.view', learning.listSuggestions, { params: groupParams, response: { 200: c.suggestionList } }, 'Suggestions: those to consider, and "you said, we did"'),
  recordSuggestionOutcome: op(`POST ${group}/suggestions/:suggestionId/outcome`, 'suggestion.outcome', learning.recordSuggestionOutcome, { params: c.suggestionParams, body: c.suggestionOutcomeBody, response: { 200: c.suggestion } }, 'Record how a suggestion was considered: the meeting, the outcome, and any decision'),
  search: op(`GET ${group}/search`, 'search', searching.search, { params: groupParams, query: c.searchQuery, response: { 200: c.searchResults } }, 'Search notes, decisions, learning, suggestions and papers (only what you may see)'),
});
