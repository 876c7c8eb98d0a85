import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGroup, type TestApp } from '../test/harness.ts';
import {
  checkPage,
  fitsWidth,
  mailedLink,
  newPerson,
  startJourney,
  stopJourney,
} from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('someone on a phone signs in with a link from their email, and every page fits the screen', async () => {
  // The first account runs the installation; Sam has an account and a group.
  const administrator = app.client();
  const ada = await administrator.register('Ada Admin');
  const samApi = app.client();
  const sam = await samApi.register('Sam Small');
  await createGroup(samApi, 'Working group on transport to appointments and hospital visits');

  // Sam, on a 360 px wide phone, asks for a sign-in link.
  const phone = await newPerson(browser, app.url, { width: 360, height: 740 });
  const page = phone.page;
  // Signed out is not an error: the start page logs nothing to the console.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
  expect(consoleErrors).toEqual([]);
  // In Welsh, the navigation and the footer are Welsh too; then back to English.
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  const welshNav = page.getByRole('navigation', { name: 'Prif ddewislen' });
  await welshNav.getByRole('link', { name: 'Mewngofnodi' }).waitFor();
  await welshNav.getByRole('link', { name: 'Creu cyfrif' }).waitFor();
  await page.getByText('Mae Accord yn rhedeg grwpiau cydgynhyrchu', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Sign in' })
    .waitFor();
  await page.goto('/sign-in');
  await checkPage(page, 'Sign in');
  expect(await fitsWidth(page)).toBe(true);
  // The first Tab reaches the skip link, which takes the keyboard past the navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
    'Skip to main content',
  );
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  const linkForm = page.getByRole('form', { name: 'Sign in with an email link' });
  await linkForm.getByLabel('Email address').fill(sam.email);
  await linkForm.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText(/a sign-in link is on its way/).waitFor();

  // Ada, the administrator, sees the email in the outbox, but never its link.
  const desk = await newPerson(browser, app.url);
  const outbox = desk.page;
  await outbox.goto('/sign-in');
  const passwordForm = outbox.getByRole('form', { name: 'Sign in with your password' });
  await passwordForm.getByLabel('Email address').fill(ada.email);
  await passwordForm.getByLabel('Password', { exact: true }).fill(ada.password);
  await passwordForm.getByRole('button', { name: 'Sign in' }).click();
  await checkPage(outbox, 'My groups');
  const nav = outbox.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Administration' }).click();
  await nav.getByRole('link', { name: 'Outbox' }).click();
  await checkPage(outbox, 'Outbox');
  const email = outbox
    .getByRole('article')
    .filter({ hasText: sam.email })
    .filter({ has: outbox.getByRole('heading', { name: 'Your Accord sign-in link' }) });
  await email.getByText('#[removed]', { exact: false }).waitFor();
  for (const href of await email
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).not.toMatch(/#token=/);
  }
  const signInLink = await mailedLink(app, sam.email, '/sign-in/link');
  expect(signInLink).toMatch(/\/sign-in\/link#token=/);

  // Sam opens the link on the phone and is signed in.
  await page.goto(signInLink ?? '');
  await checkPage(page, 'My groups');
  await page.getByText('You are signed in. Welcome, Sam Small.', { exact: true }).waitFor();
  expect(await fitsWidth(page)).toBe(true);
  // The administrator's tools are not in everyone's navigation.
  const samNav = page.getByRole('navigation', { name: 'Main' });
  expect(await samNav.getByRole('button', { name: 'Administration' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /Outbox|API documentation/ }).count()).toBe(0);

  // A link changes page without loading the document again; focus moves to the new page's heading.
  await page.evaluate(() => document.body.setAttribute('data-same-document', 'yes'));
  await page.getByRole('link', { name: /Working group on transport/ }).click();
  await checkPage(page, 'Working group on transport to appointments and hospital visits');
  expect(await page.evaluate(() => document.body.getAttribute('data-same-document'))).toBe('yes');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  await page.getByRole('textbox', { name: 'Invitation link' }).waitFor();
  await checkPage(page, 'Working group on transport to appointments and hospital visits');
  expect(await fitsWidth(page)).toBe(true);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Account' })
    .click();
  await checkPage(page, 'Your account');
  expect(await fitsWidth(page)).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await checkPage(page, 'Sign in');
  await page.getByText('You have signed out.', { exact: true }).waitFor();
  // The notice belongs to the moment it was given: a reload does not show it again.
  await page.reload();
  await checkPage(page, 'Sign in');
  expect(await page.getByText('You have signed out.', { exact: true }).count()).toBe(0);
  // Signed-in pages, signing out and the pages after it logged no errors either.
  expect(consoleErrors).toEqual([]);

  expect([...phone.blocked, ...desk.blocked]).toEqual([]);
});
