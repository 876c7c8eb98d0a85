/**
 * Every page state, in every role that can reach it, in English and in Welsh,
 * on a 360 px phone: axe finds nothing serious or critical, nothing scrolls
 * sideways, the tab's title is the page's h1, and the console and network stay
 * clean. A role that may not see a page gets the not-found page. The sweep
 * collects every failure and fails once with the whole list.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../test/harness.ts';
import { EDIT_STEPS } from '../src/web/features/terms/fields.ts';
import { newPerson, signIn, startJourney, stopJourney } from './support/browser.ts';
import { seedInstallation, type Installation } from './support/sweep-seed.ts';
import {
  chooseLanguage,
  describeFailures,
  LANGUAGES,
  visit,
  watch,
  type Failure,
  type PageState,
  type Visitor,
} from './support/sweep.ts';

let app: TestApp;
let browser: Browser;
let place: Installation;
beforeAll(async () => {
  ({ app, browser } = await startJourney());
  place = await seedInstallation(app);
}, 120_000);
afterAll(() => stopJourney(app, browser));

const PHONE = { width: 360, height: 740 };
const NOT_FOUND: PageState = { name: 'an address that does not exist', path: '/no-such-page' };

/** Opens the dialog behind a button that says it opens one (such as “Release…”). */
const openDialog = (scope: string) => async (page: Page) => {
  await page.locator(`${scope} button[aria-haspopup="dialog"]`).first().click();
  await page.locator('dialog[open]').waitFor();
};

/** Goes to a step of the Terms of Reference draft by its place in the step list. */
const draftStep = (index: number) => async (page: Page) => {
  await page.locator('.terms-steps button').nth(index).click();
  await page.locator('.terms-steps button[aria-current="step"]').nth(0).waitFor();
  const current = await page.locator('.terms-steps button').nth(index).getAttribute('aria-current');
  if (current !== 'step') throw new Error(`step ${index + 1} did not open`);
};

/** What the people of the group see, for a role whose own person page is `userId`. */
function groupStates(userId: string, inWorkingGroup: boolean): PageState[] {
  const g = `/groups/${place.groupId}`;
  const m = place.meetings;
  return [
    { name: 'my groups', path: '/groups' },
    { name: 'group home', path: g },
    // Only the working group's own people see it; the others have not committed to it.
    {
      name: 'working group home',
      path: `/groups/${place.workingGroupId}`,
      notFound: !inWorkingGroup,
    },
    { name: 'meetings', path: `${g}/meetings` },
    { name: 'meeting (after, notes approved)', path: `${g}/meetings/${m.past}` },
    { name: 'meeting (running)', path: `${g}/meetings/${m.running}` },
    { name: 'meeting (before)', path: `${g}/meetings/${m.upcoming}` },
    {
      name: 'check-in by link (running)',
      path: `${g}/meetings/${m.running}/check-in?code=${place.checkInCode}`,
    },
    { name: 'notes (approved)', path: `${g}/meetings/${m.past}/notes` },
    { name: 'notes (for comment)', path: `${g}/meetings/${m.forComment}/notes` },
    { name: 'notes (draft)', path: `${g}/meetings/${m.draft}/notes` },
    { name: 'notes (none yet, upcoming)', path: `${g}/meetings/${m.upcoming}/notes` },
    { name: 'proposals (consensus and vote open)', path: `${g}/proposals` },
    { name: 'decisions', path: `${g}/decisions` },
    { name: 'decision', path: `${g}/decisions/${place.decisionId}` },
    { name: 'own attendance and membership', path: `${g}/people/${userId}` },
    { name: 'terms of reference (in force, review started)', path: `${g}/terms` },
    { name: 'terms history', path: `${g}/terms/history` },
    { name: 'terms in easy read', path: `${g}/terms/easy-read` },
    { name: 'actions', path: `${g}/actions` },
    { name: 'learning log', path: `${g}/learning` },
    { name: 'you said, we did', path: `${g}/suggestions` },
    { name: 'search', path: `${g}/search?q=respite` },
    { name: 'public page', path: `/public/groups/${place.groupId}` },
    { name: 'account', path: '/account' },
    { name: 'invitation (signed in)', path: `/join#${place.invitationToken}` },
  ];
}

/** Only a chair: the draft's every step, and the dialogs a chair opens. */
function chairStates(): PageState[] {
  const g = `/groups/${place.groupId}`;
  const steps = [...EDIT_STEPS.map((s) => s.title), 'see what changes', 'adopt'];
  return [
    ...steps.map((title, i) => ({
      name: `terms draft, step ${i + 1} (${title})`,
      path: `${g}/terms/draft`,
      ...(i > 0 ? { then: draftStep(i) } : {}),
    })),
    {
      name: 'terms of reference, release dialog open',
      path: `${g}/terms`,
      then: openDialog('.release'),
    },
    {
      name: 'notes (approved), release dialog open',
      path: `${g}/meetings/${place.meetings.past}/notes`,
      then: openDialog('.release'),
    },
    { name: 'a member’s attendance', path: `${g}/people/${place.people.member.id}` },
  ];
}

function signedOutStates(): PageState[] {
  return [
    NOT_FOUND,
    { name: 'welcome', path: '/' },
    { name: 'register', path: '/register' },
    { name: 'register, confirm without a link', path: '/register/confirm' },
    { name: 'sign in', path: '/sign-in' },
    { name: 'sign in by link, no link', path: '/sign-in/link' },
    { name: 'forgot password', path: '/forgot-password' },
    { name: 'accessibility statement', path: '/accessibility' },
    { name: 'reset password, no link', path: '/reset-password' },
    { name: 'email change, no link', path: '/account/email' },
    { name: 'invitation', path: `/join#${place.invitationToken}` },
    { name: 'invitation, no token', path: '/join' },
    { name: 'public page', path: `/public/groups/${place.groupId}` },
    { name: 'group page, sent to sign in', path: `/groups/${place.groupId}` },
  ];
}

/** Someone signed in who is not in the group: its pages are not found for them. */
function strangerStates(): PageState[] {
  const g = `/groups/${place.groupId}`;
  const m = place.meetings;
  const hidden = (name: string, path: string): PageState => ({ name, path, notFound: true });
  return [
    NOT_FOUND,
    { name: 'my groups (none)', path: '/groups' },
    { name: 'public page', path: `/public/groups/${place.groupId}` },
    hidden('group home', g),
    hidden('meeting (running)', `${g}/meetings/${m.running}`),
    hidden('notes (approved)', `${g}/meetings/${m.past}/notes`),
    hidden('decision', `${g}/decisions/${place.decisionId}`),
    hidden('terms of reference', `${g}/terms`),
    hidden('terms draft', `${g}/terms/draft`),
    hidden('administration: outbox', '/admin/outbox'),
  ];
}

function adminStates(): PageState[] {
  return [
    NOT_FOUND,
    { name: 'my groups', path: '/groups' },
    { name: 'account', path: '/account' },
    { name: 'administration: outbox', path: '/admin/outbox' },
    { name: 'public page', path: `/public/groups/${place.groupId}` },
  ];
}

test('every page state, in every role, in English and Welsh, on a phone: no serious axe violation, no sideways scroll, no console error', async () => {
  const started = Date.now();
  const p = place.people;
  const plan: {
    role: string;
    person: { email: string; password: string } | null;
    states: PageState[];
  }[] = [
    { role: 'signed out', person: null, states: signedOutStates() },
    { role: 'administrator', person: p.admin, states: adminStates() },
    { role: 'stranger', person: p.stranger, states: strangerStates() },
    {
      role: 'chair',
      person: p.chair,
      states: [NOT_FOUND, ...groupStates(p.chair.id, true), ...chairStates()],
    },
    { role: 'member', person: p.member, states: [NOT_FOUND, ...groupStates(p.member.id, false)] },
    {
      role: 'participant',
      person: p.participant,
      states: [NOT_FOUND, ...groupStates(p.participant.id, false)],
    },
    {
      role: 'observer',
      person: p.observer,
      states: [NOT_FOUND, ...groupStates(p.observer.id, false)],
    },
  ];

  // Every route of the web app is in the sweep: a new page cannot be left out.
  const routes = [
    ...fs.readFileSync('src/web/app/routes.tsx', 'utf8').matchAll(/path: '([^']+)'/g),
  ].map((m) => m[1]!);
  const swept = plan.flatMap((r) => r.states.map((s) => new URL(s.path, app.url).pathname));
  const unswept = routes.filter((route) => {
    const pattern = new RegExp(`^${route.replace(/[:$]\w+/g, '[^/]+')}$`);
    return !swept.some((path) => pattern.test(path));
  });
  expect(unswept).toEqual([]);

  const failures: Failure[] = [];
  let visited = 0;
  // SWEEP_ROLES=chair,member runs the sweep for those roles only, while fixing a page.
  const only = process.env.SWEEP_ROLES?.split(',');
  const sweepRole = async ({ role, person, states }: (typeof plan)[number]) => {
    const { page } = await newPerson(browser, app.url, PHONE);
    if (person) await signIn(page, person);
    const visitor: Visitor = watch(role, page);
    for (const language of LANGUAGES) {
      await chooseLanguage(page.context(), language);
      // A fresh load, to start in this language.
      await page.goto('about:blank');
      for (const state of states) {
        failures.push(...(await visit(visitor, state, language)));
        visited++;
      }
    }
    await page.context().close();
  };
  // Two roles at a time, one per core; the longest lists first, each to the lighter lane.
  const lanes: (typeof plan)[] = [[], []];
  const load = (lane: typeof plan) => lane.reduce((n, r) => n + r.states.length, 0);
  const chosen = plan.filter((r) => !only || only.includes(r.role));
  for (const role of [...chosen].sort((a, b) => b.states.length - a.states.length)) {
    const lighter = load(lanes[0]!) <= load(lanes[1]!) ? lanes[0]! : lanes[1]!;
    lighter.push(role);
  }
  await Promise.all(
    lanes.map(async (lane) => {
      for (const role of lane) await sweepRole(role);
    }),
  );

  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `every page: ${visited} page states (roles × languages) in ${seconds} s; ${failures.length} failures`,
  );
  if (!only) expect(visited).toBeGreaterThan(200);
  if (failures.length) {
    expect.fail(`${failures.length} failures across the sweep:\n${describeFailures(failures)}`);
  }
}, 600_000);
