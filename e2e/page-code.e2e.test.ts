import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../test/harness.ts';
import { checkPage, newPerson, startJourney, stopJourney } from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

test('each page’s code arrives when the page is opened: the sign-in page does not bring the others', async () => {
  const { page, blocked } = await newPerson(browser, app.url);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/sign-in');
  await checkPage(page, 'Sign in');
  expect(scripts.some((s) => /\/SignInPage-[\w-]+\.js$/.test(s))).toBe(true);
  expect(scripts.filter((s) => /\/(MeetingPage|NotesPage|DraftPage)-/.test(s))).toEqual([]);

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await checkPage(page, 'Reset your password');
  expect(scripts.some((s) => /\/ForgotPasswordPage-[\w-]+\.js$/.test(s))).toBe(true);
  expect(blocked).toEqual([]);
});

test('when a page’s code cannot be fetched, the person is told, and trying again loads it', async () => {
  const { page } = await newPerson(browser, app.url);
  const refuse = /\/assets\/AccessibilityPage-[\w-]+\.js$/;
  await page.route(refuse, (route) => route.abort('internetdisconnected'));
  await page.goto('/accessibility');
  const problem = page.getByRole('alert');
  await expect
    .poll(() => problem.textContent())
    .toContain('Something went wrong. Please reload the page.');
  await page.unroute(refuse);
  await problem.getByRole('button', { name: 'Try again' }).click();
  await checkPage(page, 'Accessibility statement for Accord');
  expect(await page.getByText('Something went wrong').count()).toBe(0);
});
