import { z } from 'zod';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/terms.ts';
import { answerAs, endpoint, op, routes } from '../../endpoints.ts';
import * as terms from './terms.service.ts';

const group = '/api/v1/groups/:groupId';
const base = `${group}/terms`;

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const termsRoutes = routes('Terms of Reference', {
  getTermsInForce: op(`GET ${base}`, 'terms.view', terms.getTermsInForce, { params: groupParams, response: { 200: c.termsInForce } }, 'The version in force, its review date, and whether I accepted it'),
  listTermsVersions: op(`GET ${base}/versions`, 'terms.view', answerAs('versions', terms.listTermsVersions), { params: groupParams, response: { 200: c.versionList } }, 'Every adopted version, newest first'),
  getTermsVersion: op(`GET ${base}/versions/:number`, 'terms.view', terms.getTermsVersion, { params: c.versionParams, response: { 200: c.termsVersion } }, 'One adopted version'),
  downloadTermsVersion: endpoint({
    route: `GET ${base}/versions/:number/markdown`,
    access: 'terms.view',
    summary: 'One adopted version as a Markdown file (text/markdown)',
    params: c.versionParams,
    response: { 200: z.string() },
    run: async ({ groupId, number }, { deps, actor, reply }) => {
      const version = await terms.getTermsVersion({ groupId, number }, { deps, actor });
      return reply
        .type('text/markdown; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="terms-of-reference-v${version.number}.md"`,
        )
        .send(version.markdown);
    },
  }),
  getTermsDraft: op(`GET ${base}/draft`, 'terms.draft', terms.getTermsDraft, { params: groupParams, response: { 200: c.termsVersion } }, 'The draft being prepared (chairs)'),
  createTermsDraft: op(`POST ${base}/draft`, 'terms.draft', terms.createTermsDraft, { params: groupParams, body: c.createDraftBody, response: { 201: c.termsVersion } }, 'Start a draft from the version in force, or from the seed template with its choices'),
  updateTermsDraft: op(`PUT ${base}/draft`, 'terms.draft', terms.updateTermsDraft, { params: groupParams, body: c.updateDraftBody, response: { 200: c.termsVersion } }, 'Save the whole draft; every problem is named at once'),
  adoptTermsDraft: op(`POST ${base}/draft/adopt`, 'terms.draft', terms.adoptTermsDraft, { params: groupParams, body: c.adoptDraftBody, response: { 200: c.termsVersion } }, 'Adopt the draft: it becomes the numbered version in force'),
  diffTermsVersions: op(`GET ${base}/diff`, ['terms.view', 'terms.draft'], terms.diffTermsVersions, { params: groupParams, query: c.diffQuery, response: { 200: c.termsDiff } }, 'What changed between two versions (or a version and the draft)'),
  acceptTerms: op(`POST ${base}/acceptances`, 'terms.accept', terms.acceptTerms, { params: groupParams, body: c.acceptBody, response: { 200: z.object({ acceptedAt: z.string() }) } }, 'Record that I accept the version in force, behaviour agreement included'),
  listTermsAcceptances: op(`GET ${base}/acceptances`, 'terms.view', terms.listTermsAcceptances, { params: groupParams, response: { 200: c.acceptanceList } }, 'Who has accepted the version in force'),
  raiseBehaviourReminder: op(`POST ${group}/behaviour-reminders`, 'reminder.raise', terms.raiseBehaviourReminder, { params: groupParams, body: c.reminderBody, response: { 201: c.raisedReminder } }, 'Raise a reminder of a clause of the behaviour agreement (recorded without a name)'),
  listBehaviourReminders: op(`GET ${group}/behaviour-reminders`, 'reminder.view', answerAs('clauses', terms.listBehaviourReminders), { params: groupParams, response: { 200: c.reminderCounts } }, 'How often each clause has been raised'),
});
