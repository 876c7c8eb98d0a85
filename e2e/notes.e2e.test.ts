import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { type Client, type TestApp } from '../test/harness.ts';
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

const DAY = 86_400_000;

type Account = { id: string; email: string; name: string; password: string };
type Someone = { api: Client; account: Account };

/** Waits for a page whose h1 starts with `start`, checks it, and returns its title. */
async function checkPageStarting(page: Page, start: string): Promise<string> {
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^${start}`) });
  await heading.waitFor();
  const text = (await heading.textContent()) ?? '';
  await checkPage(page, text);
  return text;
}

/**
 * A group chaired by Alex, with Nia as its note-taker and Samantha Okafor
 * ("Sam") taking part; a meeting a fortnight ago and one a week ago, each
 * with an agenda item and a register.
 */
async function groupWithTwoMeetings(name: string) {
  const join = async (label: string): Promise<Someone> => {
    const api = app.client();
    return { api, account: await api.register(label) };
  };
  const alex = await join('Alex Chair');
  const created = await ok(
    alex.api.post('/api/v1/groups', {
      name,
      purpose: 'Better short breaks for carers, as the consultation decided.',
    }),
  );
  const groupId = created.group.id as string;
  const base = `/api/v1/groups/${groupId}`;
  await ok(
    alex.api.post(`${base}/terms/draft`, {
      from: 'template',
      choices: {
        inScope: [
          { key: 'respite_at_home', title: 'Respite at home', description: 'Short breaks.' },
        ],
      },
    }),
  );
  await ok(
    alex.api.post(`${base}/terms/draft/adopt`, {
      adoptedOn: new Date().toISOString().slice(0, 10),
    }),
  );
  const invitation = await ok(alex.api.post(`${base}/invitations`, {}));
  const nia = await join('Nia Adeyemi');
  const sam = await join('Samantha Okafor');
  for (const person of [nia, sam]) {
    await ok(person.api.post('/api/v1/join', { token: invitation.token }));
  }
  await ok(alex.api.put(`${base}/people/${nia.account.id}/role`, { role: 'note_taker' }));

  const meeting = async (title: string, startsAt: number, item: string) => {
    const made = await ok(
      alex.api.post(`${base}/meetings`, {
        title,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60 * 60_000).toISOString(),
        place: 'The Carers’ Centre, 1 High Street',
      }),
    );
    const meetingId = made.id as string;
    await ok(
      alex.api.post(`${base}/meetings/${meetingId}/agenda`, {
        title: item,
        purpose: 'To agree the next steps.',
        remitKey: 'respite_at_home',
      }),
    );
    for (const person of [alex, nia, sam]) {
      await ok(
        alex.api.put(`${base}/meetings/${meetingId}/attendance/${person.account.id}`, {
          mark: 'present_in_person',
          reason: 'Signed the paper register',
        }),
      );
    }
    return meetingId;
  };
  const springId = await meeting('Spring meeting', Date.now() - 14 * DAY, 'Weekend respite plan');
  const summerId = await meeting('Summer meeting', Date.now() - 7 * DAY, 'Progress report');
  return { groupId, base, alex, nia, sam, springId, summerId };
}

const GROUP = 'Carers’ short breaks group';
const ATTRIBUTED = 'Sam felt the plan was rushed.';
const LESSON = 'The lift at the venue was out of order and nobody was told beforehand.';

test('a note-taker rewords a view put in Sam’s mouth before circulating; the chair approves the notes at the next meeting and, by a decision that agreed to release them, releases them to the public page', async () => {
  const g = await groupWithTwoMeetings(GROUP);
  // An entry in the learning log that the group has not released.
  await ok(
    g.alex.api.post(`${g.base}/learning`, {
      whatHappened: LESSON,
      whatWeLearned: 'Check the venue’s access the day before.',
      whatWeWillChange: 'A volunteer rings the venue the day before each meeting.',
      tags: ['access', 'venues'],
    }),
  );

  // Nia, on her phone, opens the notes of the spring meeting from the meeting's page.
  const nia = await newPerson(browser, app.url, { width: 360, height: 800 });
  const note = nia.page;
  await signIn(note, g.nia.account);
  await note.goto(`/groups/${g.groupId}/meetings/${g.springId}`);
  await checkPageStarting(note, 'Spring meeting, ');
  await note.getByRole('link', { name: 'Notes and actions' }).click();
  const notesTitle = await checkPageStarting(note, 'Notes of Spring meeting, ');
  await note.getByText('No notes have been written yet.').waitFor();

  // She writes the notes, one sentence of which puts a view in Sam's mouth, and adds an action.
  await note.getByLabel('Summary').fill('The group looked at the weekend respite plan.');
  const item = note.getByLabel('1. Weekend respite plan');
  await item.fill(ATTRIBUTED);
  const addAction = note.getByRole('form', { name: 'Add an action' });
  await addAction.getByLabel('What needs doing?').fill('Send the costings to the group');
  await addAction.getByLabel('Who will do it?').selectOption({ label: 'Samantha Okafor' });
  await addAction
    .getByLabel('Due by')
    .fill(new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10));
  await addAction.getByRole('button', { name: 'Add the action' }).click();
  const actions = note.getByRole('list', { name: 'Actions from this meeting' });
  await actions.getByText('Send the costings to the group').waitFor();
  await actions.getByText(/^Samantha Okafor · due /).waitFor();
  await checkPage(note, notesTitle);

  // Circulation is blocked: the view is named, with a neutral rewording.
  await note.getByRole('button', { name: 'Circulate to the group' }).click();
  const blocked = note.locator('.error-summary').filter({
    has: note.getByRole('heading', { name: 'The notes cannot be circulated yet' }),
  });
  await blocked.waitFor();
  await blocked
    .getByRole('link', { name: /^Weekend respite plan: “Sam[^”]*” attributes a view/ })
    .waitFor();
  const flag = note.getByRole('listitem').filter({ hasText: /^Weekend respite plan: “Sam/ });
  await flag.getByText('Attributes a view', { exact: true }).waitFor();
  // The rewording the check offers: the same sentence, with no one holding the view.
  const neutral = (await flag.locator('blockquote').nth(1).textContent()) ?? '';
  expect(neutral).toMatch(/the plan was rushed\.$/);
  expect(neutral).not.toMatch(/\bSam\b/);
  await checkPage(note, notesTitle);
  expect(await fitsWidth(note)).toBe(true);

  // She uses the suggested wording; the check is clear, and the notes go to the group.
  await flag.getByRole('button', { name: 'Use this wording' }).click();
  await note.getByText('No views are attributed to anyone. The notes can be circulated.').waitFor();
  expect(await item.inputValue()).toBe(neutral);
  expect(await blocked.count()).toBe(0);
  await checkPage(note, notesTitle);
  await note.getByRole('button', { name: 'Circulate to the group' }).click();
  await note.getByText('Circulated for comments', { exact: true }).waitFor();
  await note.getByText(neutral, { exact: true }).waitFor();
  expect(await note.getByText(ATTRIBUTED).count()).toBe(0);
  await checkPage(note, notesTitle);
  expect(await fitsWidth(note)).toBe(true);

  // Samantha comments on the circulated notes.
  await ok(
    g.sam.api.post(`${g.base}/meetings/${g.springId}/notes/comments`, {
      body: 'Please add that the costings are still to come.',
    }),
  );

  // Alex approves them at the summer meeting: they are locked.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, g.alex.account);
  await chair.goto(`/groups/${g.groupId}/meetings/${g.springId}/notes`);
  await checkPage(chair, notesTitle);
  const comments = chair.getByRole('list', { name: 'Comments on the notes' });
  await comments.getByText('Please add that the costings are still to come.').waitFor();
  // The notes have not changed since Samantha's comment: it is not answered yet.
  await comments.getByText('Not answered yet: the notes have not changed since.').waitFor();
  const approve = chair.getByRole('form', { name: 'Approve at a meeting' });
  await chair
    .getByText('A comment has not been answered by a change to the notes.', { exact: false })
    .waitFor();
  const approvedAt = approve.getByLabel('The meeting that approved them');
  await approvedAt.selectOption({ label: await optionLabel(approvedAt, /^Summer meeting, /) });
  await approve.getByRole('button', { name: 'Approve the notes' }).click();
  // Approving locks the notes for good: Alex is asked first, shown the comment not answered,
  // and told what approving does.
  const approving = chair.getByRole('dialog', {
    name: 'Approve the notes with a comment not answered?',
  });
  await approving
    .getByRole('listitem')
    .filter({
      hasText: /^Samantha Okafor, .*: “Please add that the costings are still to come\.”$/,
    })
    .waitFor();
  await approving.getByText('locked for good', { exact: false }).waitFor();
  await checkPage(chair, notesTitle);
  // Going back changes nothing.
  await approving.getByRole('button', { name: 'Go back' }).click();
  await approving.waitFor({ state: 'hidden' });
  expect(await chair.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
    'Approve the notes',
  );
  await chair.getByText('Circulated for comments', { exact: true }).waitFor();
  await approve.getByRole('button', { name: 'Approve the notes' }).click();
  await approving.getByRole('button', { name: 'Approve them as they are' }).click();
  await approving.waitFor({ state: 'hidden' });
  await chair.getByText(/^Approved at Summer meeting, /).waitFor();
  // The page says so where the notes' status is, focus goes there, and it is read out.
  await chair.getByRole('main').getByText('The notes are approved and locked.').waitFor();
  await chair
    .getByRole('status')
    .filter({ hasText: 'The notes are approved and locked.' })
    .waitFor({ state: 'attached' });
  expect(await chair.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
    'Where the notes are',
  );
  expect(await chair.getByLabel('1. Weekend respite plan').count()).toBe(0);
  await checkPage(chair, notesTitle);

  // Editing now needs a correction, with its reason.
  await chair.getByRole('button', { name: 'Correct these notes' }).click();
  await chair.getByRole('button', { name: 'Save the correction' }).click();
  await chair
    .getByRole('link', { name: 'Why do these notes need correcting? is required' })
    .waitFor();
  await checkPage(chair, notesTitle);
  await chair.getByRole('button', { name: 'Cancel' }).click();
  await chair.getByRole('button', { name: 'Correct these notes' }).waitFor();

  // The printed notes are the approved record, the register and the actions: no comments.
  await chair.emulateMedia({ media: 'print' });
  expect(await chair.getByText(neutral, { exact: true }).isVisible()).toBe(true);
  expect(await chair.getByRole('list', { name: 'Present' }).isVisible()).toBe(true);
  expect(await chair.getByText('Send the costings to the group').isVisible()).toBe(true);
  expect(await chair.getByText('Please add that the costings').isVisible()).toBe(false);
  expect(await chair.getByRole('heading', { name: 'Comments' }).isVisible()).toBe(false);
  expect(await chair.getByRole('link', { name: 'Accord' }).isVisible()).toBe(false);
  await chair.emulateMedia({ media: 'screen' });

  // The group decides, by consensus, a release proposal naming these notes and the public page.
  const proposal = await ok(
    g.alex.api.post(`${g.base}/proposals`, {
      title: 'Share the spring meeting notes',
      text: 'Release the approved notes of the spring meeting on our public page.',
      closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
      release: { items: [{ itemType: 'notes', itemId: g.springId }], audience: 'public' },
    }),
  );
  const proposalPath = `${g.base}/proposals/${proposal.id}`;
  await ok(g.alex.api.post(`${proposalPath}/consensus`));
  for (const person of [g.alex, g.nia, g.sam]) {
    await ok(person.api.post(`${proposalPath}/consensus/answers`, { answer: 'agree' }));
  }
  await ok(g.alex.api.post(`${proposalPath}/consensus/close`, { outcome: 'consensus' }));

  // Alex releases them, naming that decision, and confirms the effect.
  await chair.getByRole('button', { name: 'Release…' }).click();
  const dialog = chair.getByRole('dialog', { name: /^Release the notes of Spring meeting/ });
  await dialog.getByText('It has not been released.').waitFor();
  await checkPage(chair, notesTitle);
  const releaseForm = dialog
    .locator('form')
    .filter({ has: chair.getByLabel('How did the group agree?') });
  await releaseForm.getByLabel('Anyone: the group’s public page').check();
  const authority = releaseForm.getByLabel('How did the group agree?');
  await authority.selectOption({
    label: await optionLabel(authority, /^Decision 1: Share the spring meeting notes/),
  });
  await releaseForm.getByRole('button', { name: 'Release', exact: true }).click();
  await dialog
    .getByText(/^This makes the notes of Spring meeting.* visible to anyone on the public page\.$/)
    .waitFor();
  await dialog.getByRole('button', { name: 'Yes, release it' }).click();
  // The dialog closes, focus goes back to "Release…", and what was done is shown and read out.
  await dialog.waitFor({ state: 'hidden' });
  await chair
    .getByRole('main')
    .getByText(/^Released: the notes of Spring meeting.* is on the public page\.$/)
    .waitFor();
  await chair
    .getByRole('status')
    .filter({ hasText: /^Released: the notes of Spring meeting.* is on the public page\.$/ })
    .waitFor({ state: 'attached' });
  expect(await chair.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Release…');
  await checkPage(chair, notesTitle);
  await chair.getByRole('button', { name: 'Release…' }).click();
  await dialog
    .getByText(/^To the public page, since .*, by decision 1: Share the spring meeting notes\.$/)
    .waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await chair.getByRole('button', { name: 'Release…' }).waitFor();

  // Anyone, signed out, sees the released notes on the public page, and nothing unreleased.
  const visitor = await newPerson(browser, app.url, { width: 360, height: 800 });
  await visitor.page.goto(`/public/groups/${g.groupId}`);
  await checkPage(visitor.page, GROUP);
  await visitor.page
    .getByText('Better short breaks for carers, as the consultation decided.')
    .waitFor();
  await visitor.page.getByRole('heading', { name: 'Notes: Spring meeting' }).waitFor();
  await visitor.page.getByText(neutral, { exact: true }).waitFor();
  expect(await visitor.page.getByText(LESSON).count()).toBe(0);
  expect(await visitor.page.getByText('Please add that the costings').count()).toBe(0);
  expect(await visitor.page.getByText('Samantha Okafor').count()).toBe(0);
  expect(await fitsWidth(visitor.page)).toBe(true);

  // A group with nothing released, or none at all, is not found.
  await visitor.page.goto('/public/groups/7f0b7c5e-3f1d-4c8a-9d55-6a2e5f1b0c11');
  await checkPage(visitor.page, 'Page not found');

  expect([...nia.blocked, ...alex.blocked, ...visitor.blocked]).toEqual([]);
});

/** The words of the option in a select that match `pattern`, to choose it by its label. */
async function optionLabel(select: Locator, pattern: RegExp): Promise<string> {
  return (await select.locator('option', { hasText: pattern }).textContent()) ?? '';
}

const DAY_GROUP = 'Day services group';

test('people track their actions on a phone, log a lesson without names and make a suggestion; the chair answers it in “You said, we did” and finds the lesson by searching', async () => {
  const g = await groupWithTwoMeetings(DAY_GROUP);
  const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);

  // Samantha, on her phone, goes from the group's home to the actions.
  const sam = await newPerson(browser, app.url, { width: 360, height: 800 });
  const phone = sam.page;
  await signIn(phone, g.sam.account);
  await phone.getByRole('link', { name: DAY_GROUP }).click();
  await checkPage(phone, DAY_GROUP);
  await phone
    .getByRole('list', { name: 'Our records' })
    .getByRole('link', { name: 'Actions' })
    .click();
  await checkPage(phone, 'Actions');
  await phone.getByText('0 actions.').waitFor();

  // She adds an action that was due yesterday: it is marked overdue, in words.
  const add = phone.getByRole('form', { name: 'Add an action' });
  await add.getByLabel('What needs doing?').fill('Book the hall for June');
  await add.getByLabel('Who will do it?').selectOption({ label: 'Samantha Okafor' });
  await add.getByLabel('Due by').fill(yesterday);
  await add.getByRole('button', { name: 'Add the action' }).click();
  const open = phone.getByRole('list', { name: 'Actions by due date' });
  const booking = open.getByRole('listitem').filter({ hasText: 'Book the hall for June' });
  await booking.getByText('Overdue', { exact: true }).waitFor();
  await phone.getByText('1 action, 1 overdue.').waitFor();
  await checkPage(phone, 'Actions');
  expect(await fitsWidth(phone)).toBe(true);

  // She marks it done: it leaves the open list and shows under "Done".
  await booking.getByRole('button', { name: 'Mark done: Book the hall for June' }).click();
  await phone.getByText('0 actions.').waitFor();
  await phone
    .getByRole('navigation', { name: 'Which actions' })
    .getByRole('link', { name: 'Done' })
    .click();
  await open.getByText('Book the hall for June').waitFor();
  await checkPage(phone, 'Actions');

  // She logs a lesson: what happened, what we learned, what we will change, and tags.
  await phone.goto(`/groups/${g.groupId}`);
  await checkPage(phone, DAY_GROUP);
  await phone.getByRole('link', { name: 'Learning log' }).click();
  await checkPage(phone, 'Learning log');
  await phone.getByText('Nothing is in the learning log yet.').waitFor();
  const learning = phone.getByRole('form', { name: 'Add to the learning log' });
  await learning.getByLabel('What happened?').fill(LESSON);
  await learning.getByLabel('What did we learn?').fill('Check the venue’s access the day before.');
  await learning
    .getByLabel('What will we change?')
    .fill('A volunteer rings the venue the day before each meeting.');
  await learning.getByLabel('Tags').fill('Access, venues');
  await learning.getByRole('button', { name: 'Add to the log' }).click();
  const entries = phone.getByRole('list', { name: 'What we have learned' });
  await entries.getByText(LESSON).waitFor();
  await entries.getByRole('list', { name: 'Tags' }).getByText('access', { exact: true }).waitFor();
  await checkPage(phone, 'Learning log');
  expect(await fitsWidth(phone)).toBe(true);

  // And makes a suggestion, kept without her name.
  await phone.goto(`/groups/${g.groupId}/suggestions`);
  await checkPage(phone, 'Suggestions');
  const suggest = phone.getByRole('form', { name: 'Make a suggestion' });
  await suggest.getByLabel('Your suggestion').fill('Hold some meetings in the evening.');
  await suggest.getByRole('button', { name: 'Send the suggestion' }).click();
  await phone
    .getByRole('list', { name: 'To consider' })
    .getByText('Hold some meetings in the evening.')
    .waitFor();
  await checkPage(phone, 'Suggestions');
  expect(await fitsWidth(phone)).toBe(true);

  // Alex records what the group did about it at the summer meeting.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, g.alex.account);
  await chair.goto(`/groups/${g.groupId}/suggestions`);
  await checkPage(chair, 'Suggestions');
  await chair.getByText('Record how the group considered it').click();
  const outcome = chair.locator('form').filter({ has: chair.getByLabel('What did the group do?') });
  const meeting = outcome.getByLabel('The meeting that considered it');
  await meeting.selectOption({ label: await optionLabel(meeting, /^Summer meeting, /) });
  await outcome
    .getByLabel('What did the group do?')
    .fill('We moved every other meeting to 6pm, starting in July.');
  await outcome.getByRole('button', { name: 'Record the outcome' }).click();
  const weDid = chair.getByRole('list', { name: 'You said, we did' });
  await weDid.getByText('We moved every other meeting to 6pm, starting in July.').waitFor();
  await weDid.getByRole('link', { name: /^Considered at the meeting of / }).waitFor();
  await chair.getByText('There are no suggestions waiting.').waitFor();
  await checkPage(chair, 'Suggestions');

  // Releasing the lesson needs the group's agreement to release it: with none to name, it stays in the group.
  await chair.goto(`/groups/${g.groupId}/learning`);
  await checkPage(chair, 'Learning log');
  await chair.getByRole('button', { name: 'Release…' }).click();
  const dialog = chair.getByRole('dialog', { name: /^Release what we learned on / });
  await dialog
    .getByText('No agreed release proposal names this item yet.', { exact: false })
    .waitFor();
  await dialog.getByRole('button', { name: 'Release', exact: true }).click();
  await dialog.getByRole('link', { name: /^How did the group agree\? is required/ }).waitFor();
  await checkPage(chair, 'Learning log');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Searching from the group's home finds the lesson.
  await chair.goto(`/groups/${g.groupId}`);
  await checkPage(chair, DAY_GROUP);
  await chair.getByLabel('Search our notes, decisions, learning and papers').fill('venue lift');
  await chair.getByRole('button', { name: 'Search', exact: true }).click();
  await checkPage(chair, 'Search');
  await chair.getByRole('heading', { name: '1 result for “venue lift”' }).waitFor();
  await chair.getByRole('link', { name: /^Learning: The lift at the venue/ }).click();
  await checkPage(chair, 'Learning log');

  expect([...sam.blocked, ...alex.blocked]).toEqual([]);
});
