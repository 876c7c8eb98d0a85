import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

export const WEB_DIST_DIR = path.resolve('dist/web');

if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
  throw new Error('dist/web is not built: run `npm run test:e2e`, which builds it first');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export type Person = {
  page: Page;
  /** Anything the Content Security Policy blocked: must stay empty. */
  blocked: string[];
};

/** Someone at their own browser: a fresh context, with no cookies from anyone else. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  page.on('pageerror', (error) => blocked.push(`page error: ${error.message}`));
  return { page, blocked };
}

/**
 * Waits for the page with this h1, checks its title, and runs axe on it:
 * any serious or critical violation fails the journey, named in full.
 */
export async function checkPage(page: Page, heading: string): Promise<void> {
  await reachPage(page, heading);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: heading,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      where: v.nodes.map((n) => n.target.join(' ')),
    }));
  expect(serious).toEqual([]);
}

export type SeriousViolation = {
  rule: string;
  impact: string;
  help: string;
  where: string[];
};

/** axe's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<SeriousViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      where: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/**
 * `checkPage` in any language: waits for the page in `language` (its `lang`
 * set and an h1 shown), checks that the title is the h1's text, and runs axe.
 * Returns the h1's text, for a journey that does not know the translation.
 */
export async function checkPageIn(page: Page, language: string): Promise<string> {
  await page.waitForFunction(
    (lang) => document.documentElement.lang === lang && document.querySelector('h1') !== null,
    language,
  );
  const heading = (await page.locator('h1').first().textContent())?.trim() ?? '';
  await page.waitForFunction((wanted) => document.title === wanted, `${heading} – Accord`);
  const serious = (await seriousViolations(page)).map((v) => ({ page: heading, ...v }));
  expect(serious).toEqual([]);
  return heading;
}

/** True when the page fits the window's width: nothing to scroll sideways. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/** Waits for the page with this h1 and checks its title, without running axe on it again. */
export async function reachPage(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  expect(await page.title()).toBe(`${heading} – Accord`);
}

/**
 * Signs in with a password through the sign-in page, and waits for My groups.
 * Both pages are checked with axe in every role and language by the page
 * sweep (every-page.e2e.test.ts), so a journey that only needs someone signed
 * in does not check them again.
 */
export async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto('/sign-in');
  await reachPage(page, 'Sign in');
  const form = page.getByRole('form', { name: 'Sign in with your password' });
  await form.getByLabel('Email address').fill(person.email);
  await form.getByLabel('Password', { exact: true }).fill(person.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await reachPage(page, 'My groups');
}

/**
 * The link to `path` in the newest email delivered to `email`, as its
 * recipient reads it in their inbox (the outbox shows it only redacted).
 */
export async function mailedLink(app: TestApp, email: string, path: string): Promise<string> {
  await app.app.mail.drain();
  const pattern = new RegExp(`https?://\\S+${path.replace(/[/.]/g, '\\$&')}#\\S+`);
  const message = await app.mailbox!.waitFor(email, (m) => pattern.test(m.text));
  const link = new URL(pattern.exec(message.text)![0]);
  return link.pathname + link.hash;
}

/** Accord (serving the built web app) and Chromium, started for one file's journeys. */
export async function startJourney(): Promise<{ app: TestApp; browser: Browser }> {
  const app = await startTestApp({ WEB_DIST_DIR });
  return { app, browser: await launchBrowser() };
}

export async function stopJourney(app: TestApp | undefined, browser: Browser | undefined) {
  await browser?.close();
  await app?.close();
}

/**
 * The body of an API answer that succeeded; otherwise the test stops with the
 * status and text (after `what`, when given, to say which step failed).
 */
export async function ok<T = any>(
  answer: Promise<{ status: number; text: string; body: T }>,
  what?: string,
): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what ? `${what}: ` : ''}${done.status} ${done.text}`);
  return done.body;
}
