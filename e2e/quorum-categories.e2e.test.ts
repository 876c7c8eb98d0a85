import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGroup, joinGroup, type TestApp } from '../test/harness.ts';
import { adoptTerms } from '../test/support/meetings.ts';
import { checkPage, newPerson, signIn, startJourney, stopJourney } from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('where the quorum needs at least one carer, a chair records who is counted as one, on that person’s page', async () => {
  const chairApi = app.client();
  const chair = await chairApi.register('Chair Person');
  const groupId = await createGroup(chairApi, 'Carers’ steering group');
  const beaApi = app.client();
  const bea = await beaApi.register('Bea Carer');
  await joinGroup(chairApi, beaApi, groupId);
  await adoptTerms(chairApi, groupId, (doc) => {
    doc.decisions.quorum = {
      kind: 'count',
      count: 2,
      categoryMinimums: [{ category: 'carers', min: 1 }],
    };
  });

  const { page, blocked } = await newPerson(browser, app.url);
  await signIn(page, chair);
  await page.goto(`/groups/${groupId}/people/${bea.id}`);
  await checkPage(page, 'Bea Carer');
  const form = page.getByRole('form', { name: 'Counted in the quorum as' });
  await form.getByLabel('carers (the quorum needs at least 1)').check();
  await form.getByRole('button', { name: 'Save the categories' }).click();
  await page.getByText('Bea Carer is counted as: carers.').waitFor();
  await checkPage(page, 'Bea Carer');
  const listed = await chairApi.get(`/api/v1/groups/${groupId}/quorum-categories`);
  expect(listed.body.people.find((p: any) => p.userId === bea.id).categories).toEqual(['carers']);

  // Bea sees her own page without it: who is in which category is for chairs.
  const own = await newPerson(browser, app.url);
  await signIn(own.page, bea);
  await own.page.goto(`/groups/${groupId}/people/${bea.id}`);
  await checkPage(own.page, 'Bea Carer');
  expect(await own.page.getByRole('heading', { name: 'Counted in the quorum as' }).count()).toBe(0);
  expect([...blocked, ...own.blocked]).toEqual([]);
});
