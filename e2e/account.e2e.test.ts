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

test('someone who switches to Cymraeg while signed in finds Accord in Cymraeg when they sign in again in another browser', async () => {
  const gwen = await app.client().register('Gwen Jones');
  const languageOf = async () =>
    (
      await app.database.query<{ language: string | null }>(
        'select language from users where email = $1',
        [gwen.email],
      )
    )[0]?.language;

  const first = await newPerson(browser, app.url);
  await signIn(first.page, gwen);
  await first.page.goto('/account');
  await checkPage(first.page, 'Your account');
  expect(await languageOf()).toBeNull();

  // The switch in the header changes the page at once and keeps the choice on the account.
  await first.page.getByRole('button', { name: 'Cymraeg' }).click();
  await checkPage(first.page, 'Eich cyfrif');
  expect(await first.page.getAttribute('html', 'lang')).toBe('cy');
  await expect.poll(languageOf).toBe('cy');
  await first.page.getByRole('button', { name: 'Allgofnodi' }).click();
  await first.page.waitForURL(/\/sign-in$/);
  await first.page.context().close();

  // Another browser knows nothing of the choice until Gwen signs in.
  const second = await newPerson(browser, app.url, { width: 360, height: 780 });
  await second.page.goto('/sign-in');
  await checkPage(second.page, 'Sign in');
  expect(await second.page.getAttribute('html', 'lang')).toBe('en-GB');
  const form = second.page.getByRole('form', { name: 'Sign in with your password' });
  await form.getByLabel('Email address').fill(gwen.email);
  await form.getByLabel('Password', { exact: true }).fill(gwen.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await second.page.waitForFunction(() => document.documentElement.lang === 'cy');

  await second.page.goto('/account');
  await checkPage(second.page, 'Eich cyfrif');
  expect(await second.page.getAttribute('html', 'lang')).toBe('cy');
  expect(await fitsWidth(second.page)).toBe(true);
  const setting = second.page.getByRole('form', { name: 'Iaith' });
  expect(await setting.getByLabel('Iaith Accord a’i negeseuon e-bost').inputValue()).toBe('cy');

  // The Language setting on the account page changes it back, for pages and emails alike.
  await setting.getByLabel('Iaith Accord a’i negeseuon e-bost').selectOption('en-GB');
  await setting.getByRole('button', { name: 'Cadw’r iaith' }).click();
  await checkPage(second.page, 'Your account');
  await second.page.getByText('Your language is saved.').waitFor();
  expect(await second.page.getAttribute('html', 'lang')).toBe('en-GB');
  expect(await languageOf()).toBe('en-GB');
  expect(first.blocked).toEqual([]);
  expect(second.blocked).toEqual([]);
});
