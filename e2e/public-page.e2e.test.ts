import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGroup, type TestApp } from '../test/harness.ts';
import {
  checkPage,
  fitsWidth,
  newPerson,
  signIn,
  startJourney,
  stopJourney,
} from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

const GROUP = 'Valley transport group';

test('a visitor finds a new group’s purpose and next meeting on its public page, signs in, asks to join, and the chair accepts', async () => {
  // A group with nothing released yet; its chair shows meeting dates on the public page.
  const chairApi = app.client();
  const chair = await chairApi.register('Cai Chair');
  const groupId = await createGroup(chairApi, GROUP);
  expect(
    (
      await chairApi.patch(`/api/v1/groups/${groupId}`, {
        purpose: 'Better bus routes for the valley, planned with the people who use them.',
      })
    ).status,
  ).toBe(200);
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  nextWeek.setUTCHours(17, 0, 0, 0);
  const meeting = await chairApi.post(`/api/v1/groups/${groupId}/meetings`, {
    startsAt: nextWeek.toISOString(),
    endsAt: new Date(nextWeek.getTime() + 2 * 3_600_000).toISOString(),
    place: 'The Old Library',
  });
  expect(meeting.status, meeting.text).toBe(201);
  expect(
    (await chairApi.put(`/api/v1/groups/${groupId}/public-page`, { showMeetings: true })).status,
  ).toBe(200);
  const samApi = app.client();
  const sam = await samApi.register('Sam Resident');

  // Sam, on a phone and signed out, opens the page by its address.
  const visitor = await newPerson(browser, app.url, { width: 360, height: 740 });
  const page = visitor.page;
  await page.goto(`/public/groups/${groupId}`);
  await checkPage(page, GROUP);
  await page
    .getByText('Better bus routes for the valley, planned with the people who use them.')
    .waitFor();
  const meetings = page.getByRole('list', { name: 'Our next meetings' });
  await expect(meetings.getByRole('listitem').count()).resolves.toBe(1);
  expect(await page.getByText('The Old Library').count()).toBe(0);
  expect(await fitsWidth(page)).toBe(true);

  // Asking to join starts with signing in, and comes back to the page.
  await page.getByRole('link', { name: 'Sign in to ask to join' }).click();
  await checkPage(page, 'Sign in');
  const form = page.getByRole('form', { name: 'Sign in with your password' });
  await form.getByLabel('Email address').fill(sam.email);
  await form.getByLabel('Password', { exact: true }).fill(sam.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await checkPage(page, GROUP);
  await page
    .getByLabel('A message to the chairs')
    .fill('I take the 42 bus every day and would like to help.');
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await page
    .getByText(/^You asked to join on .*\. The group’s chairs will answer you by email\.$/)
    .waitFor();
  expect(await fitsWidth(page)).toBe(true);

  // The chair sees the request in the People section and accepts it.
  const chairBrowser = await newPerson(browser, app.url);
  await signIn(chairBrowser.page, chair);
  await chairBrowser.page.goto(`/groups/${groupId}`);
  await checkPage(chairBrowser.page, GROUP);
  const requests = chairBrowser.page.getByRole('list', { name: 'Asking to join' });
  await requests.getByText('I take the 42 bus every day and would like to help.').waitFor();
  await requests.getByRole('button', { name: 'Accept Sam Resident' }).click();
  await chairBrowser.page
    .getByRole('list', { name: 'People in this group' })
    .getByText('Sam Resident', { exact: true })
    .waitFor();
  expect(await chairBrowser.page.getByRole('list', { name: 'Asking to join' }).count()).toBe(0);
  await checkPage(chairBrowser.page, GROUP);

  // Sam is in the group now.
  await page.goto(`/public/groups/${groupId}`);
  await checkPage(page, GROUP);
  await page.getByText('You are in this group.').waitFor();
  await page.getByRole('link', { name: 'Go to the group' }).click();
  await checkPage(page, GROUP);
  await page.getByText('Your role: Participant').waitFor();

  expect([...visitor.blocked, ...chairBrowser.blocked]).toEqual([]);
});
