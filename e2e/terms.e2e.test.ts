import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../test/harness.ts';
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

const GROUP = 'Respite care steering group';
const TOR = 'Terms of Reference';
const DRAFT = 'Draft Terms of Reference';
const ACCEPT = 'I accept these Terms of Reference, including the behaviour agreement';

/** The installation's first account is made at once; anyone after finishes from the emailed link. */
async function register(
  page: Page,
  name: string,
  email: string,
  heading: string,
  first: 'first' | 'later',
) {
  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await checkPage(page, 'Create an account');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  if (first === 'later') {
    await checkPage(page, 'Check your email');
    await page.goto(await mailedLink(app, email, '/register/confirm'));
    await checkPage(page, 'Finish creating your account');
    await page.getByLabel('Your password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create my account' }).click();
  }
  await checkPage(page, heading);
}

/** From the group's home page. */
async function openTerms(page: Page) {
  await page.getByRole('link', { name: TOR, exact: true }).click();
  await checkPage(page, TOR);
}

/** From the first section of the editor to its adoption step, then adopt. */
async function adopt(page: Page, version: number) {
  await page.getByRole('button', { name: /^9\. Adopt / }).click();
  await page.getByRole('heading', { name: 'Step 9 of 9: Adopt' }).waitFor();
  await checkPage(page, DRAFT);
  await page.getByRole('button', { name: 'Adopt this draft' }).click();
  await checkPage(page, TOR);
  await page
    .getByRole('main')
    .getByText(`Version ${version} is now in force.`, { exact: false })
    .waitFor();
  await page.getByText(new RegExp(`^Version ${version}, adopted on`)).waitFor();
}

test('a chair adopts Terms of Reference from the template and a participant accepts each version', async () => {
  // Alex registers, starts a group and invites Bea, who joins.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await chair.goto('/');
  await checkPage(chair, 'Welcome to Accord');
  await register(chair, 'Alex Chair', 'alex@example.org', 'My groups', 'first');
  await chair.getByLabel('Group name').fill(GROUP);
  await chair.getByRole('button', { name: 'Create group' }).click();
  await checkPage(chair, GROUP);
  await chair.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await chair.getByRole('textbox', { name: 'Invitation link' }).inputValue();

  // Bea reads on a phone.
  const bea = await newPerson(browser, app.url, { width: 360, height: 800 });
  const participant = bea.page;
  await participant.goto(link);
  await checkPage(participant, `Join ${GROUP}`);
  await register(participant, 'Bea Participant', 'bea@example.org', `Join ${GROUP}`, 'later');
  await participant.getByRole('button', { name: `Join ${GROUP}` }).click();
  await checkPage(participant, GROUP);

  // Alex drafts from the template: monthly on the 2nd Tuesday, with three named remit areas.
  await chair.getByRole('link', { name: TOR, exact: true }).click();
  await checkPage(chair, TOR);
  await chair.getByText('This group has not adopted its Terms of Reference yet.').waitFor();
  await chair.getByRole('radio', { name: 'Every month' }).check();
  await chair.getByLabel('Which day of the week?').selectOption('tuesday');
  await chair.getByLabel('Which week of the month?').selectOption('2');
  await chair.getByLabel('What time do meetings start?').fill('18:30');
  const areas = [
    ['Respite at home', 'Short breaks for carers in their own home.'],
    ['Day services', 'Day centres and what they offer.'],
    ['Carers’ assessments', 'How carers are assessed for support.'],
  ];
  for (const [i, [title, description]] of areas.entries()) {
    await chair.getByLabel(`Name of area ${i + 1} in the remit`).fill(title ?? '');
    await chair.getByLabel(`What area ${i + 1} covers`).fill(description ?? '');
  }
  await chair.getByLabel('Name of area 1 outside the remit').fill('Hospital discharge');
  await chair.getByLabel('Where to take area 1 instead').fill('the discharge working group');
  await checkPage(chair, TOR);
  await chair.getByRole('button', { name: 'Draft from the template' }).click();
  await checkPage(chair, DRAFT);

  // The editor goes one section at a time; the meetings are as chosen.
  await chair.getByRole('heading', { name: 'Step 1 of 9: Purpose' }).waitFor();
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('heading', { name: 'Step 3 of 9: Meetings' }).waitFor();
  expect(await chair.getByRole('radio', { name: 'Every month' }).isChecked()).toBe(true);
  expect(await chair.getByLabel('Which week of the month').inputValue()).toBe('2');
  expect(await chair.getByLabel('Day of the week').inputValue()).toBe('tuesday');
  await checkPage(chair, DRAFT);
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('heading', { name: 'Step 4 of 9: Remit' }).waitFor();
  expect(await chair.getByLabel('Area 3 in the remit: name').inputValue()).toBe(
    'Carers’ assessments',
  );
  await checkPage(chair, DRAFT);
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('button', { name: 'Next' }).click();
  await chair.getByRole('heading', { name: 'Step 8 of 9: See what changes' }).waitFor();
  await chair.getByText('every month on the second Tuesday', { exact: false }).waitFor();
  await checkPage(chair, DRAFT);
  await adopt(chair, 1);
  const tor = chair.getByRole('article', { name: 'Terms of Reference, version 1' });
  await tor.getByText('Respite at home', { exact: false }).first().waitFor();

  // Bea reads version 1 and accepts it.
  await openTerms(participant);
  await participant.getByRole('button', { name: ACCEPT }).click();
  await participant.getByText(/^You accepted version 1 on /).waitFor();
  await checkPage(participant, TOR);

  // She raises a reminder of clause 2 of the behaviour agreement; no name is shown.
  await participant.getByRole('button', { name: 'Raise a reminder of clause 2' }).click();
  await participant
    .getByRole('main')
    .getByText('A reminder of clause 2 was raised.', { exact: true })
    .waitFor();
  await participant.getByText('Reminders raised: 1.').waitFor();
  expect(await fitsWidth(participant)).toBe(true);

  // Alex sees Bea among those who accepted, then starts a new draft and meets every 6 weeks.
  await chair.reload();
  await checkPage(chair, TOR);
  await chair
    .getByRole('list', { name: 'People who have accepted' })
    .getByText('Bea Participant', { exact: false })
    .waitFor();
  await chair.getByRole('button', { name: 'Start a new draft' }).click();
  await checkPage(chair, DRAFT);
  await chair.getByRole('button', { name: /^3\. Meetings / }).click();
  await chair.getByRole('heading', { name: 'Step 3 of 9: Meetings' }).waitFor();
  // A mistake is named beside its field and in a summary that takes focus.
  await chair.getByLabel('Length of a meeting in minutes').fill('0');
  await chair.getByRole('button', { name: 'Save' }).click();
  await chair.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await chair.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  expect(
    await chair.getByLabel('Length of a meeting in minutes').getAttribute('aria-invalid'),
  ).toBe('true');
  await checkPage(chair, DRAFT);
  await chair.getByLabel('Length of a meeting in minutes').fill('120');
  await chair.getByRole('radio', { name: 'Every 6 weeks' }).check();
  expect(await chair.getByLabel('Which week of the month').count()).toBe(0);
  await chair.getByRole('button', { name: 'Save' }).click();
  await chair.getByText(/^Saved at \d\d:\d\d/).waitFor();
  await checkPage(chair, DRAFT);

  // The changes are listed, and the text shows the old line removed and the new one added.
  await chair.getByRole('button', { name: /^8\. See what changes / }).click();
  await chair.getByRole('heading', { name: 'Step 8 of 9: See what changes' }).waitFor();
  const settings = chair.getByRole('list', { name: 'Changed settings' });
  await settings.getByText('How often the group meets', { exact: false }).first().waitFor();
  const text = chair.getByRole('list', { name: 'Changed text' });
  await text.getByText(/^Removed: .*every month on the second Tuesday/).waitFor();
  await text.getByText(/^Added: .*every 6 weeks/).waitFor();
  await checkPage(chair, DRAFT);
  await adopt(chair, 2);

  // Bea is asked to accept version 2: her acceptance of version 1 does not carry over.
  await participant.reload();
  await checkPage(participant, TOR);
  await participant.getByText(/^Version 2, adopted on/).waitFor();
  await participant.getByRole('button', { name: ACCEPT }).waitFor();
  expect(await participant.getByText(/^You accepted version/).count()).toBe(0);
  await participant.getByRole('button', { name: ACCEPT }).click();
  await participant.getByText(/^You accepted version 2 on /).waitFor();
  await checkPage(participant, TOR);

  // The version history lists both, and compares them.
  await participant.getByRole('link', { name: 'Version history' }).click();
  await checkPage(participant, 'Version history');
  await participant.getByRole('button', { name: 'Compare' }).click();
  await participant
    .getByRole('list', { name: 'Changed text' })
    .getByText(/^Added: .*every 6 weeks/)
    .waitFor();
  await checkPage(participant, 'Version history');
  expect(await fitsWidth(participant)).toBe(true);

  expect([...alex.blocked, ...bea.blocked]).toEqual([]);
});
