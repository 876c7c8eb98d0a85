/**
 * The leak test, for pages: every page of the web app, opened in a real
 * browser by anonymous, a signed-in stranger, an observer of the group and
 * the chair of another group, shows no canary planted in the group's
 * unreleased items. (test/api/leak.test.ts does the same for every API
 * operation, email and calendar feed.) It fails if the app has a page this
 * test does not open.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  createGroup,
  joinGroup,
  startTestApp,
  type Client,
  type TestApp,
} from '../test/harness.ts';
import { addMeeting, adoptTerms } from '../test/support/meetings.ts';
import { launchBrowser, newPerson, ok, signIn, WEB_DIST_DIR } from './support/browser.ts';

let app: TestApp;
let browser: Browser;
const CANARY = `zqx${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const ids: Record<string, string> = {};
type Outsider = { who: string; email: string | null; password: string | null };
const outsiders: Outsider[] = [];
let insider: { email: string; password: string };

beforeAll(async () => {
  app = await startTestApp({ WEB_DIST_DIR });
  browser = await launchBrowser();
  const chair = app.client();
  await chair.register('Leak Chair');
  const sam = app.client();
  const samMe = await sam.register('Sam Member');
  const register = async (who: string, client: Client) => {
    const me = await client.register(who);
    outsiders.push({ who, email: me.email, password: me.password });
    return me;
  };
  const observer = app.client();
  const observerMe = await register('Olu Observer', observer);
  await register('Stranger Danger', app.client());
  const otherChair = app.client();
  await register('Other Chair', otherChair);
  await createGroup(otherChair, 'Another group');
  outsiders.push({ who: 'anonymous', email: null, password: null });

  const groupId = await createGroup(chair, 'Confidential group');
  await joinGroup(chair, sam, groupId);
  await joinGroup(chair, observer, groupId);
  await ok(
    chair.put(`/api/v1/groups/${groupId}/people/${observerMe.id}/role`, { role: 'observer' }),
    'role',
  );
  // The purpose statement is on the group's public page by design: the canary
  // goes in another clause of the Terms of Reference.
  await adoptTerms(chair, groupId, (doc) => {
    doc.purpose = 'Our purpose, for everyone to read on our public page';
    doc.membership.note = `Our membership note ${CANARY}`;
  });
  const past = await addMeeting(chair, groupId, new Date(Date.now() - 20 * 86_400_000));
  const later = await addMeeting(chair, groupId, new Date(Date.now() - 5 * 86_400_000));
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  await ok(
    chair.request(
      'POST',
      `/api/v1/groups/${groupId}/meetings/${past}/papers?title=Paper ${CANARY}&fileName=p.pdf`,
      undefined,
      {
        raw: pdf,
        headers: { 'content-type': 'application/octet-stream' },
      },
    ),
    'paper',
  );
  const notes = `/api/v1/groups/${groupId}/meetings/${past}/notes`;
  await ok(chair.put(notes, { content: { summary: `Notes ${CANARY}.`, items: [] } }), 'notes');
  await ok(chair.post(`${notes}/circulate`), 'circulate');
  await ok(sam.post(`${notes}/comments`, { body: `Comment ${CANARY}` }), 'comment');
  await ok(
    chair.post(`${notes}/approve`, { meetingId: later, acknowledgeUnresolved: true }),
    'approve',
  );
  const proposals = `/api/v1/groups/${groupId}/proposals`;
  const p = await ok(
    chair.post(proposals, {
      title: 'Proposal',
      text: `Text ${CANARY}`,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    'proposal',
  );
  await ok(chair.post(`${proposals}/${p.id}/consensus`), 'open');
  await ok(
    sam.post(`${proposals}/${p.id}/consensus/answers`, {
      answer: 'concerns',
      reason: `Reason ${CANARY}`,
    }),
    'answer',
  );
  const closed = await ok(
    chair.post(`${proposals}/${p.id}/consensus/close`, { outcome: 'consensus' }),
    'close',
  );
  await ok(
    sam.post(`/api/v1/groups/${groupId}/learning`, {
      whatHappened: `Learning ${CANARY}`,
      whatWeLearned: 'L',
      whatWeWillChange: 'C',
      tags: [],
    }),
    'learning',
  );
  await ok(
    sam.post(`/api/v1/groups/${groupId}/suggestions`, { text: `Suggestion ${CANARY}` }),
    'suggestion',
  );
  await ok(
    chair.post(`/api/v1/groups/${groupId}/actions`, {
      title: `Action ${CANARY}`,
      ownerId: samMe.id,
      dueOn: '2027-01-10',
    }),
    'action',
  );
  Object.assign(ids, { groupId, meetingId: past, decisionId: closed.decisionId, userId: samMe.id });
  insider = { email: samMe.email, password: samMe.password };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Every route of the web app, as routes.tsx declares them. */
function appRoutes(): string[] {
  const source = fs.readFileSync('src/web/app/routes.tsx', 'utf8');
  return [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
}

const QUERIES: Record<string, string> = {
  // A word of the planted items, not the canary itself (the page repeats the query).
  '/groups/:groupId/search': '?q=Suggestion',
  '/groups/:groupId/meetings/:meetingId/check-in': '?code=aaaaaaaaaaaaaaaaaaaaaaaa',
};

test('no page shows an unreleased item to anonymous, a stranger, an observer or another group’s chair', async () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(15);
  const found: string[] = [];
  let opened = 0;
  for (const outsider of outsiders) {
    const { page } = await newPerson(browser, app.url);
    if (outsider.email && outsider.password) {
      await signIn(page, { email: outsider.email, password: outsider.password });
    }
    for (const route of routes) {
      const path = route.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? randomUUID());
      await page.goto(path + (QUERIES[route] ?? ''));
      await page.locator('h1').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
      const html = await page.content();
      if (html.includes(CANARY)) found.push(`${outsider.who} ${route}`);
      opened++;
    }
    await page.context().close();
  }
  console.log(
    `leak test (pages): ${routes.length} pages × ${outsiders.length} outsiders; ${found.length} with a canary`,
  );
  expect(found).toEqual([]);
  expect(opened).toBe(routes.length * outsiders.length);

  // The canaries are really on the pages for the group's own people: the test would see a leak.
  const { page } = await newPerson(browser, app.url);
  await signIn(page, insider);
  await page.goto(`/groups/${ids.groupId}/decisions/${ids.decisionId}`);
  await page.getByText(CANARY).first().waitFor();
  await page.context().close();
}, 300_000);
