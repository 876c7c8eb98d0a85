import { z } from 'zod';
import { groupParams } from '../../../contracts/groups.ts';
import * as c from '../../../contracts/terms.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as terms from './terms.service.ts';

const group = '/api/v1/groups/:groupId';
const base = `${group}/terms`;

export const termsRoutes = routes('Terms of Reference', {
  getTermsInForce: endpoint({
    route: `GET ${base}`,
    access: 'terms.view',
    summary: 'The version in force, its review date, and whether I accepted it',
    params: groupParams,
    response: { 200: c.termsInForce },
    run: terms.getTermsInForce,
  }),
  listTermsVersions: endpoint({
    route: `GET ${base}/versions`,
    access: 'terms.view',
    summary: 'Every adopted version, newest first',
    params: groupParams,
    response: { 200: c.versionList },
    run: async ({ groupId }, { deps, actor }) => ({
      versions: await terms.listTermsVersions(deps, actor, groupId),
    }),
  }),
  getTermsVersion: endpoint({
    route: `GET ${base}/versions/:number`,
    access: 'terms.view',
    summary: 'One adopted version',
    params: c.versionParams,
    response: { 200: c.termsVersion },
    run: terms.getTermsVersion,
  }),
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
  getTermsDraft: endpoint({
    route: `GET ${base}/draft`,
    access: 'terms.draft',
    summary: 'The draft being prepared (chairs)',
    params: groupParams,
    response: { 200: c.termsVersion },
    run: terms.getTermsDraft,
  }),
  createTermsDraft: endpoint({
    route: `POST ${base}/draft`,
    access: 'terms.draft',
    summary: 'Start a draft from the version in force, or from the seed template with its choices',
    params: groupParams,
    body: c.createDraftBody,
    response: { 201: c.termsVersion },
    run: terms.createTermsDraft,
  }),
  updateTermsDraft: endpoint({
    route: `PUT ${base}/draft`,
    access: 'terms.draft',
    summary: 'Save the whole draft; every problem is named at once',
    params: groupParams,
    body: c.updateDraftBody,
    response: { 200: c.termsVersion },
    run: terms.updateTermsDraft,
  }),
  adoptTermsDraft: endpoint({
    route: `POST ${base}/draft/adopt`,
    access: 'terms.draft',
    summary: 'Adopt the draft: it becomes the numbered version in force',
    params: groupParams,
    body: c.adoptDraftBody,
    response: { 200: c.termsVersion },
    run: terms.adoptTermsDraft,
  }),
  diffTermsVersions: endpoint({
    route: `GET ${base}/diff`,
    access: ['terms.view', 'terms.draft'],
    summary: 'What changed between two versions (or a version and the draft)',
    params: groupParams,
    query: c.diffQuery,
    response: { 200: c.termsDiff },
    run: terms.diffTermsVersions,
  }),
  acceptTerms: endpoint({
    route: `POST ${base}/acceptances`,
    access: 'terms.accept',
    summary: 'Record that I accept the version in force, behaviour agreement included',
    params: groupParams,
    body: c.acceptBody,
    response: { 200: z.object({ acceptedAt: z.string() }) },
    run: terms.acceptTerms,
  }),
  listTermsAcceptances: endpoint({
    route: `GET ${base}/acceptances`,
    access: 'terms.view',
    summary: 'Who has accepted the version in force',
    params: groupParams,
    response: { 200: c.acceptanceList },
    run: terms.listTermsAcceptances,
  }),
  raiseBehaviourReminder: endpoint({
    route: `POST ${group}/behaviour-reminders`,
    access: 'reminder.raise',
    summary: 'Raise a reminder of a clause of the behaviour agreement (recorded without a name)',
    params: groupParams,
    body: c.reminderBody,
    response: { 201: c.raisedReminder },
    run: terms.raiseBehaviourReminder,
  }),
  listBehaviourReminders: endpoint({
    route: `GET ${group}/behaviour-reminders`,
    access: 'reminder.view',
    summary: 'How often each clause has been raised',
    params: groupParams,
    response: { 200: c.reminderCounts },
    run: async ({ groupId }, { deps, actor }) => ({
      clauses: await terms.listBehaviourReminders(deps, actor, groupId),
    }),
  }),
});
