import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGroup, type TestApp } from '../test/harness.ts';
import { draftStartedOn } from '../test/support/meetings.ts';
import { checkPage, newPerson, signIn, startJourney, stopJourney } from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('a group whose annual review is overdue is told so on its home page', async () => {
  const chairApi = app.client();
  const chair = await chairApi.register('Rowan Review');
  const groupId = await createGroup(chairApi, 'Carers steering group');
  await chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' });
  const yearAndMore = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  // The draft was written before the meeting, over a year ago, that agreed it.
  await draftStartedOn(app.database, groupId, yearAndMore);
  const adopted = await chairApi.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
    adoptedOn: yearAndMore,
  });
  expect(adopted.status).toBe(200);

  const { page, blocked } = await newPerson(browser, app.url);
  await signIn(page, chair);
  await page.getByRole('link', { name: 'Carers steering group' }).click();
  await checkPage(page, 'Carers steering group');
  const notice = page.getByRole('region', {
    name: 'The review of our Terms of Reference is overdue',
  });
  await notice.getByRole('link', { name: 'Go to the Terms of Reference' }).click();
  await page.getByRole('button', { name: /Start the review/ }).waitFor();
  expect(blocked).toEqual([]);
});
