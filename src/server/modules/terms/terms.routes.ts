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
    run: ({ groupId }, { deps, actor }) => terms.getTermsInForce(deps, actor, groupId),
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
    run: ({ groupId, number }, { deps, actor }) =>
      terms.getTermsVersion(deps, actor, groupId, number),
  }),
  downloadTermsVersion: endpoint({
    route: `GET ${base}/versions/:number/markdown`,
    access: 'terms.view',
    summary: 'One adopted version as a Markdown file (text/markdown)',
    params: c.versionParams,
    response: { 200: z.string() },
    run: async ({ groupId, number }, { deps, actor, reply }) => {
      const version = await terms.getTermsVersion(deps, actor, groupId, number);
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
    run: ({ groupId }, { deps, actor }) => terms.getTermsDraft(deps, actor, groupId),
  }),
  createTermsDraft: endpoint({
    route: `POST ${base}/draft`,
    access: 'terms.draft',
    summary: 'Start a draft from the version in force, or from the seed template with its choices',
    params: groupParams,
    body: c.createDraftBody,
    response: { 201: c.termsVersion },
    run: ({ groupId, ...body }, { deps, actor }) =>
      terms.createTermsDraft(deps, actor, groupId, body),
  }),
  updateTermsDraft: endpoint({
    route: `PUT ${base}/draft`,
    access: 'terms.draft',
    summary: 'Save the whole draft; every problem is named at once',
    params: groupParams,
    body: c.updateDraftBody,
    response: { 200: c.termsVersion },
    run: ({ groupId, document }, { deps, actor }) =>
      terms.updateTermsDraft(deps, actor, groupId, document),
  }),
  adoptTermsDraft: endpoint({
    route: `POST ${base}/draft/adopt`,
    access: 'terms.draft',
    summary: 'Adopt the draft: it becomes the numbered version in force',
    params: groupParams,
    body: c.adoptDraftBody,
    response: { 200: c.termsVersion },
    run: ({ groupId, ...body }, { deps, actor }) =>
      terms.adoptTermsDraft(deps, actor, groupId, body),
  }),
  diffTermsVersions: endpoint({
    route: `GET ${base}/diff`,
    access: ['terms.view', 'terms.draft'],
    summary: 'What changed between two versions (or a version and the draft)',
    params: groupParams,
    query: c.diffQuery,
    response: { 200: c.termsDiff },
    run: ({ groupId, from, to }, { deps, actor }) =>
      terms.diffTermsVersions(deps, actor, groupId, from, to),
  }),
  acceptTerms: endpoint({
    route: `POST ${base}/acceptances`,
    access: 'terms.accept',
    summary: 'Record that I accept the version in force, behaviour agreement included',
    params: groupParams,
    body: c.acceptBody,
    response: { 200: z.object({ acceptedAt: z.string() }) },
    run: ({ groupId, number }, { deps, actor }) => terms.acceptTerms(deps, actor, groupId, number),
  }),
  listTermsAcceptances: endpoint({
    route: `GET ${base}/acceptances`,
    access: 'terms.view',
    summary: 'Who has accepted the version in force',
    params: groupParams,
    response: { 200: c.acceptanceList },
    run: ({ groupId }, { deps, actor }) => terms.listTermsAcceptances(deps, actor, groupId),
  }),
  raiseBehaviourReminder: endpoint({
    route: `POST ${group}/behaviour-reminders`,
    access: 'reminder.raise',
    summary: 'Raise a reminder of a clause of the behaviour agreement (recorded without a name)',
    params: groupParams,
    body: c.reminderBody,
    response: { 201: c.raisedReminder },
    run: ({ groupId, clause, meetingId }, { deps, actor }) =>
      terms.raiseBehaviourReminder(deps, actor, groupId, clause, meetingId),
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
