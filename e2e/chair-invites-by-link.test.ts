import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { type TestApp } from '../test/harness.ts';
import { checkPage, mailedLink, newPerson, startJourney, stopJourney } from './support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await startJourney()));
afterAll(() => stopJourney(app, browser));

const GROUP = 'Carers’ steering group';

test('a chair creates a group, invites someone by link, and sees them listed', async () => {
  // Alex registers and starts a group.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await chair.goto('/');
  await checkPage(chair, 'Welcome to Accord');
  await chair.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await checkPage(chair, 'Create an account');
  await chair.getByLabel('Your name').fill('Alex Chair');
  await chair.getByLabel('Email address').fill('alex@example.org');
  await chair.getByLabel('Password', { exact: true }).fill('a long enough password');
  await chair.getByRole('button', { name: 'Create account' }).click();
  await checkPage(chair, 'My groups');

  await chair.getByLabel('Group name').fill(GROUP);
  await chair
    .getByLabel('What is the group working towards?')
    .fill('Carry out what the consultation decided about respite care.');
  await chair.getByRole('button', { name: 'Create group' }).click();
  await checkPage(chair, GROUP);
  await chair.getByText('Your role: Chair').waitFor();

  // Alex makes an invitation link and copies it.
  await chair.getByRole('button', { name: 'Make an invitation link' }).click();
  const linkBox = chair.getByRole('textbox', { name: 'Invitation link' });
  await linkBox.waitFor();
  await chair.getByRole('button', { name: 'Copy link' }).click();
  await chair.getByText('Copied.').waitFor();
  const link = await linkBox.inputValue();
  expect(link).toMatch(new RegExp(`^${app.url}/join#[A-Za-z0-9_-]{20,}$`));
  expect(await chair.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await checkPage(chair, GROUP);

  // Bea opens the link in her own browser, makes an account on the way, and joins.
  const bea = await newPerson(browser, app.url);
  const joiner = bea.page;
  await joiner.goto(link);
  await checkPage(joiner, `Join ${GROUP}`);
  await joiner.getByText('Carry out what the consultation decided about respite care.').waitFor();
  await joiner.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await checkPage(joiner, 'Create an account');

  // A mistake is explained beside the field, and in a summary that takes focus.
  await joiner.getByLabel('Your name').fill('Bea Joiner');
  await joiner.getByLabel('Email address').fill('bea@example.org');
  await joiner.getByLabel('Password', { exact: true }).fill('short');
  await joiner.getByRole('button', { name: 'Create account' }).click();
  const summary = joiner.getByRole('heading', { name: 'There is a problem' });
  await summary.waitFor();
  const password = joiner.getByLabel('Password', { exact: true });
  expect(await password.getAttribute('aria-invalid')).toBe('true');
  expect(await joiner.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  await joiner.getByText('Password must be at least 10 characters').first().waitFor();
  await checkPage(joiner, 'Create an account');

  await password.fill('another long enough password');
  await joiner.getByRole('button', { name: 'Create account' }).click();
  await checkPage(joiner, 'Check your email');
  await joiner.getByText('bea@example.org').waitFor();

  // Bea opens the emailed link and finishes with her password; it brings her back to the invitation.
  await joiner.goto(await mailedLink(app, 'bea@example.org', '/register/confirm'));
  await checkPage(joiner, 'Finish creating your account');
  await joiner.getByLabel('Your password').fill('another long enough password');
  await joiner.getByRole('button', { name: 'Create my account' }).click();
  await checkPage(joiner, `Join ${GROUP}`);
  await joiner.getByRole('button', { name: `Join ${GROUP}` }).click();
  await checkPage(joiner, GROUP);
  await joiner.getByText('Your role: Participant').waitFor();

  // Alex reloads the group's page and sees Bea listed.
  await chair.reload();
  await checkPage(chair, GROUP);
  const people = chair.getByRole('list', { name: 'People in this group' });
  const beaListed = people.getByRole('listitem').filter({ hasText: 'Bea Joiner' });
  await beaListed.waitFor();
  expect(await beaListed.getByText(/^Participant · joined/).count()).toBe(1);
  expect(await beaListed.getByRole('combobox', { name: 'Role of Bea Joiner' }).inputValue()).toBe(
    'participant',
  );
  expect(await people.getByRole('listitem').count()).toBe(2);

  expect([...alex.blocked, ...bea.blocked]).toEqual([]);
});
