import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { joinGroup, type TestApp } from '../test/harness.ts';
import { draftStartedOn } from '../test/support/meetings.ts';
import {
  checkPage,
  fitsWidth,
  newPerson,
  ok,
  signIn,
  startJourney,
  stopJourney,
} from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('a participant on a phone reads the group’s Terms of Reference in easy read, in English and then in Welsh, and goes back to the full version', async () => {
  // Set-up through the API: Cai chairs a group whose ToR, from the template, is in force; Bea joins.
  const chairApi = app.client();
  await chairApi.register('Cai Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: 'Carers group' }));
  const groupId = created.group.id as string;
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      choices: { frequency: 'every_6_weeks', weekday: 'thursday' },
    }),
  );
  // The draft was written before the meeting of 10 November 2026 that agreed it.
  await draftStartedOn(app.database, groupId, '2026-11-10');
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, { adoptedOn: '2026-11-10' }),
  );
  const beaApi = app.client();
  const bea = await beaApi.register('Bea Participant');
  await joinGroup(chairApi, beaApi, groupId);

  const { page, blocked } = await newPerson(browser, app.url, { width: 360, height: 800 });
  await signIn(page, bea);
  await page.goto(`/groups/${groupId}/terms/easy-read`);
  await checkPage(page, 'Terms of Reference in easy read');
  expect(await fitsWidth(page)).toBe(true);

  // Each question is a heading; the answers are short lines made from the ToR in force.
  for (const question of [
    'Who can be a member?',
    'How often do we meet?',
    'How do we decide?',
    'What happens to what we say? (Chatham House Rule)',
  ]) {
    await page.getByRole('heading', { level: 2, name: question }).waitFor();
  }
  const meetings = page.getByRole('region', { name: 'How often do we meet?' });
  await meetings.getByText('We meet every 6 weeks on Thursday.').waitFor();
  const membership = page.getByRole('region', { name: 'Who can be a member?' });
  await membership
    .getByText('You become a member when you have been to more than 1 meeting.')
    .waitFor();
  await page.getByText('This is version 1. The group agreed it on 10 November 2026.').waitFor();

  // In Welsh, the same rules in Welsh.
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await checkPage(page, 'Cylch Gorchwyl hawdd ei ddarllen');
  await page.getByRole('heading', { level: 2, name: 'Pwy all fod yn aelod?' }).waitFor();
  await page.getByText('Rydym yn cyfarfod bob 6 wythnos ar ddydd Iau.').waitFor();
  expect(await fitsWidth(page)).toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await checkPage(page, 'Terms of Reference in easy read');

  // Back to the full document.
  await page.getByRole('link', { name: 'Back to the full Terms of Reference' }).first().click();
  await checkPage(page, 'Terms of Reference');
  expect(new URL(page.url()).pathname).toBe(`/groups/${groupId}/terms`);
  expect(blocked).toEqual([]);
});

test('someone outside the group is told it cannot be shown, exactly as for a group that does not exist', async () => {
  const chairApi = app.client();
  await chairApi.register('Dee Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: 'Private group' }));
  const groupId = created.group.id as string;
  const outsiderApi = app.client();
  const outsider = await outsiderApi.register('Eli Outsider');

  const { page } = await newPerson(browser, app.url);
  await signIn(page, outsider);
  for (const id of [groupId, '00000000-0000-4000-8000-000000000000']) {
    await page.goto(`/groups/${id}/terms/easy-read`);
    await checkPage(page, 'We could not show these Terms of Reference');
    await page.getByText('The group may have been removed, or you may not be in it.').waitFor();
  }
});
