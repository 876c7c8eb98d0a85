import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { type TestApp } from '../test/harness.ts';
import {
  checkPage,
  fitsWidth,
  mailedLink,
  newPerson,
  signIn,
  startJourney,
  stopJourney,
} from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('on a phone, someone says the names they go by and moves their account to a new email address by the link sent to it', async () => {
  await app.client().register('Ada Admin');
  const sam = await app.client().register('Samantha Okafor');
  const { page, blocked } = await newPerson(browser, app.url, { width: 360, height: 780 });
  await signIn(page, sam);
  await page.goto('/account');
  await checkPage(page, 'Your account');
  expect(await fitsWidth(page)).toBe(true);

  // A name that is not a name is refused, and the box says why.
  const names = page.getByRole('form', { name: 'Your name' });
  await names.getByLabel('Other names you go by').fill('Sam, <b>');
  await names.getByRole('button', { name: 'Save your name' }).click();
  await names
    .getByText(/name 2 must be a name/)
    .first()
    .waitFor();
  await names.getByLabel('Other names you go by').fill('Sam, Sammy');
  await names.getByRole('button', { name: 'Save your name' }).click();
  await page.getByText('Your name is saved.').waitFor();

  // A new email address: nothing changes until the link sent to it is opened.
  const newEmail = `sam.new.${Date.now()}@example.org`;
  const form = page.getByRole('form', { name: 'Your email address' });
  await form.getByLabel('New email address').fill(newEmail);
  await form.getByRole('button', { name: 'Send the link' }).click();
  // The form's own confirmation (the page's live region reads out the same words).
  await page
    .getByRole('region', { name: 'Your email address' })
    .getByRole('status')
    .getByText(`We have emailed a link to ${newEmail}.`, { exact: false })
    .waitFor();
  await checkPage(page, 'Your account');
  const link = await mailedLink(app, newEmail, '/account/email');
  await page.goto(link);
  await checkPage(page, 'Your email address is changed');
  await page.getByText(newEmail).waitFor();
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await checkPage(page, 'Your account');
  await page.getByText(`Now: ${newEmail}`, { exact: false }).waitFor();
  expect(await page.getByLabel('Other names you go by').inputValue()).toBe('Sam, Sammy');

  // The link works once.
  await page.goto(link);
  await checkPage(page, 'Your email address was not changed');
  expect(blocked).toEqual([]);
});
