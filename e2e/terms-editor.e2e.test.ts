import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { type TestApp } from '../test/harness.ts';
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

const GROUP = 'Respite care steering group';
const DRAFT = 'Draft Terms of Reference';

test('a chair adds a working group, a confidentiality choice, a way of working, a role, a lapse of membership and who can call a formal vote to the draft; a working group with no name and a vote no one can call are shown at their fields', async () => {
  // Set-up through the API: Alex's group and a draft from the template, with two areas in the remit.
  const chairApi = app.client();
  const account = await chairApi.register('Alex Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: GROUP }));
  const groupId = created.group.id as string;
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      choices: {
        frequency: 'monthly',
        weekday: 'tuesday',
        nth: 2,
        inScope: [
          {
            key: 'respite_at_home',
            title: 'Respite at home',
            description: 'Short breaks for carers in their own home.',
          },
          {
            key: 'day_services',
            title: 'Day services',
            description: 'Day centres and what they offer.',
          },
        ],
      },
    }),
  );

  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, account);
  await chair.goto(`/groups/${groupId}/terms/draft`);
  await checkPage(chair, DRAFT);

  // Alex unticks the chair, the only role that can ask for a formal vote.
  await chair.getByRole('button', { name: /^6\. Decisions and information requests / }).click();
  await chair
    .getByRole('heading', { name: 'Step 6 of 9: Decisions and information requests' })
    .waitFor();
  const callers = chair.getByRole('group', { name: 'Who can ask for a formal vote' });
  const chairCalls = callers.getByRole('checkbox', { name: 'Chair', exact: true });
  expect(await chairCalls.isChecked()).toBe(true);
  await chairCalls.uncheck();

  // Working groups come with the remit, whose areas they cover.
  await chair.getByRole('button', { name: /^4\. Remit and working groups / }).click();
  await chair.getByRole('heading', { name: 'Step 4 of 9: Remit and working groups' }).waitFor();
  await chair.getByRole('button', { name: 'Add a working group' }).click();
  const name = chair.getByLabel('Working group 1: name', { exact: true });
  expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
  await chair
    .getByLabel('Working group 1: what it works on')
    .fill('How day centres open again after the summer.');
  await chair
    .getByRole('group', { name: 'Working group 1: areas of the remit it covers' })
    .getByRole('checkbox', { name: 'Day services' })
    .check();
  await chair
    .getByRole('group', { name: 'How often does working group 1 meet?' })
    .getByRole('radio', { name: 'Every week' })
    .check();
  await chair.getByLabel('Working group 1: day of the week').selectOption('thursday');
  await chair.getByLabel('Working group 1: start time').fill('10:00');
  await checkPage(chair, DRAFT);

  // Saved with no name, the working group's name is named beside it and in the summary.
  await chair.getByRole('button', { name: 'Save' }).click();
  await chair.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await name.getAttribute('aria-invalid')).toBe('true');
  await chair
    .locator('.field-has-error')
    .getByText('Working group 1: name must not be empty')
    .waitFor();
  await checkPage(chair, DRAFT);
  await chair.getByRole('link', { name: 'Working group 1: name must not be empty' }).click();
  expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
  await name.fill('Day centres');

  // A vote no one can call is named in the summary too, whose link opens its step.
  await chair
    .getByRole('link', { name: 'Who can ask for a formal vote must name at least one role' })
    .click();
  await chair
    .getByRole('heading', { name: 'Step 6 of 9: Decisions and information requests' })
    .waitFor();
  expect(await chairCalls.evaluate((input) => input === document.activeElement)).toBe(true);
  await chair
    .locator('.field-has-error')
    .getByText('Who can ask for a formal vote must name at least one role')
    .waitFor();
  await checkPage(chair, DRAFT);
  await chairCalls.check();
  await callers.getByRole('checkbox', { name: 'Note-taker' }).check();

  // Confidentiality and the ways of working come with the behaviour agreement.
  await chair.getByRole('button', { name: /^5\. Working together / }).click();
  await chair.getByRole('heading', { name: 'Step 5 of 9: Working together' }).waitFor();
  await chair
    .getByRole('checkbox', {
      name: 'The group can agree at a meeting to share something, and a chair records that agreement',
    })
    .check();
  await chair.getByRole('button', { name: 'Add a way of working' }).click();
  const ways = await chair.getByRole('button', { name: /^Remove way of working/ }).count();
  await chair.getByLabel(`Way of working ${ways}: title`).fill('Plain words');
  await chair
    .getByLabel(`Way of working ${ways}: what the group agrees`)
    .fill('Papers are written in plain words, and any abbreviation is spelt out.');
  await checkPage(chair, DRAFT);

  // A role of the group's own, with the chairs.
  await chair.getByRole('button', { name: /^2\. Membership and roles / }).click();
  await chair.getByRole('heading', { name: 'Step 2 of 9: Membership and roles' }).waitFor();
  await chair.getByRole('button', { name: 'Add a role' }).click();
  await chair.getByLabel('Role 1: name').fill('Treasurer');
  await chair.getByLabel('Role 1: what the role does').fill('Keeps track of expenses paid back.');
  // Membership lapses after missed meetings in a row, apologies or not.
  await chair
    .getByRole('checkbox', { name: 'Someone stops being a member if they miss meetings in a row' })
    .check();
  const absences = chair.getByLabel(
    'A member who misses this many meetings in a row stops being a member',
  );
  expect(await absences.inputValue()).toBe('3');
  await absences.fill('4');
  await chair
    .getByRole('checkbox', { name: 'Sending apologies still counts as missing a meeting' })
    .check();
  await checkPage(chair, DRAFT);
  await chair.getByRole('button', { name: /^7\. Review and impact / }).click();
  await chair.getByRole('heading', { name: 'Step 7 of 9: Review and impact' }).waitFor();
  await checkPage(chair, DRAFT);
  await chair.getByRole('button', { name: 'Save' }).click();
  await chair.getByText(/^Saved at \d\d:\d\d/).waitFor();
  expect(await chair.getByRole('heading', { name: 'There is a problem' }).count()).toBe(0);

  // The saved draft holds them; the working group's key is made from its name.
  const draft = await ok(chairApi.get(`/api/v1/groups/${groupId}/terms/draft`));
  const saved = draft.document;
  expect(saved.workingGroups).toEqual([
    {
      key: 'day_centres',
      title: 'Day centres',
      focus: 'How day centres open again after the summer.',
      remitKeys: ['day_services'],
      cadence: {
        unit: 'week',
        every: 1,
        weekday: 'thursday',
        from: saved.cadence.from,
        startTime: '10:00',
        durationMinutes: saved.cadence.durationMinutes,
        timeZone: saved.cadence.timeZone,
      },
    },
  ]);
  expect(saved.confidentiality).toEqual({
    chathamHouseRule: true,
    releaseOnlyByGroupDecision: true,
    chairMayRecordAgreement: true,
  });
  expect(saved.furtherClauses).toHaveLength(ways);
  expect(saved.furtherClauses.at(-1)).toEqual({
    title: 'Plain words',
    text: 'Papers are written in plain words, and any abbreviation is spelt out.',
  });
  expect(saved.roles.otherRoles).toEqual([
    { key: 'treasurer', title: 'Treasurer', description: 'Keeps track of expenses paid back.' },
  ]);
  expect(saved.membership.lapse).toEqual({
    afterConsecutiveAbsences: 4,
    apologiesCountAsAbsence: true,
  });
  expect(saved.decisions.formalTestCalledBy).toEqual(['chair', 'note_taker']);
  expect(draft.markdown).toContain('**Day centres**');
  expect(draft.markdown).toContain('A member who misses four meetings in a row');
  expect(draft.markdown).toContain('If the chair or the note-taker requires a formal test');

  expect(alex.blocked).toEqual([]);
});

test('on a phone, a chair sees where each step stands, every step fits the screen, the draft saves itself after a pause, and leaving with unsaved changes asks first', async () => {
  // Set-up through the API: Sam's group and a draft from the template.
  const chairApi = app.client();
  const account = await chairApi.register('Sam Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: 'Carers on the move' }));
  const groupId = created.group.id as string;
  await ok(chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' }));

  const sam = await newPerson(browser, app.url, { width: 360, height: 800 });
  const chair = sam.page;
  await signIn(chair, account);
  // To the draft from the group's Terms of Reference page, so Back stays within Accord.
  await chair.goto(`/groups/${groupId}/terms`);
  await chair.getByRole('link', { name: 'Continue the draft' }).click();
  await checkPage(chair, DRAFT);

  // Each step says where it stands in words; none is started yet.
  const steps = chair.getByRole('navigation', { name: 'Steps of the draft' });
  await steps.getByRole('button', { name: '2. Membership and roles (not started)' }).waitFor();

  // Every step fits a 360 px screen, the quorum's choices among them.
  const titles = [
    'Purpose',
    'Membership and roles',
    'Meetings',
    'Remit and working groups',
    'Working together',
    'Decisions and information requests',
    'Review and impact',
    'See what changes',
    'Adopt',
  ];
  for (const [i, title] of titles.entries()) {
    await steps.getByRole('button', { name: new RegExp(`^${i + 1}\\. ${title} `) }).click();
    await chair.getByRole('heading', { name: `Step ${i + 1} of 9: ${title}` }).waitFor();
    if (title.startsWith('Decisions')) {
      await chair.getByLabel('Quorum', { exact: true }).selectOption('count');
      await chair.getByLabel('Quorum: number of people').waitFor();
    }
    expect(await fitsWidth(chair), title).toBe(true);
  }
  // The steps the chair has been through are done; the one open now is not yet.
  await steps.getByRole('button', { name: '1. Purpose (done)' }).waitFor();
  await steps.getByRole('button', { name: '8. See what changes (done)' }).waitFor();
  await steps.getByRole('button', { name: '9. Adopt (not started)' }).waitFor();
  // A first version takes effect on a future date only if the chair says so.
  await chair.getByRole('checkbox', { name: 'These terms take effect on a future date' }).waitFor();
  await chair.getByText(/It can be no earlier than .*, when this draft was started/).waitFor();

  // A change is saved after a pause in typing, with no button pressed, and the time is shown.
  await steps.getByRole('button', { name: /^1\. Purpose / }).click();
  await chair.getByRole('heading', { name: 'Step 1 of 9: Purpose' }).waitFor();
  const purpose = chair.getByLabel('What the group is working towards');
  await purpose.fill('Carers shape the respite services they use.');
  await chair.getByText(/^Saved at \d\d:\d\d/).waitFor();
  const saved = await ok(chairApi.get(`/api/v1/groups/${groupId}/terms/draft`));
  expect(saved.document.purpose).toBe('Carers shape the respite services they use.');
  // The quorum chosen on the way through was saved on leaving its step.
  expect(saved.document.decisions.quorum).toMatchObject({ kind: 'count', count: 3 });

  // A change that cannot be saved is named at its field, and its step needs fixing.
  await chair.getByLabel('Title', { exact: true }).fill('');
  await chair.getByText(/^Not saved: one thing needs fixing first/).waitFor();
  await steps.getByRole('button', { name: '1. Purpose (needs fixing)' }).waitFor();
  expect(await chair.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe(
    'true',
  );
  expect(await fitsWidth(chair)).toBe(true);

  // Leaving by a link asks first: staying keeps the page and the change.
  const questions: string[] = [];
  chair.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await chair.getByRole('main').getByRole('link', { name: 'Carers on the move' }).click();
  expect(questions).toEqual([
    'Some changes to the draft are not saved yet. Leave this page and lose them?',
  ]);
  await checkPage(chair, DRAFT);
  expect(await chair.getByLabel('Title', { exact: true }).inputValue()).toBe('');

  // So does the browser's Back button: staying keeps the address, the page and the change.
  const draftAddress = chair.url();
  const asked = new Promise<string>((resolve) => {
    chair.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    });
  });
  await chair.evaluate(() => window.history.back());
  expect(await asked).toBe(
    'Some changes to the draft are not saved yet. Leave this page and lose them?',
  );
  await checkPage(chair, DRAFT);
  await expect.poll(() => chair.url()).toBe(draftAddress);
  expect(await chair.getByLabel('Title', { exact: true }).inputValue()).toBe('');

  // Once fixed and saved, leaving asks nothing.
  await chair.getByLabel('Title', { exact: true }).fill('Carers on the move: Terms of Reference');
  await chair.getByText(/^Saved at \d\d:\d\d/).waitFor();
  await steps.getByRole('button', { name: '1. Purpose (done)' }).waitFor();
  await chair.getByRole('main').getByRole('link', { name: 'Carers on the move' }).click();
  await checkPage(chair, 'Carers on the move');

  expect(sam.blocked).toEqual([]);
});
