import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
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

/**
 * A group chaired by Alex, with Nia as its note-taker and Priya Shah taking
 * part, and a meeting last week about the crisis line.
 */
async function crisisLineGroup() {
  const join = async (label: string) => {
    const api: Client = app.client();
    return { api, account: await api.register(label) };
  };
  const alex = await join('Alex Chair');
  const created = await ok(
    alex.api.post('/api/v1/groups', {
      name: 'Crisis support group',
      purpose: 'Better crisis support for people and their carers.',
    }),
  );
  const groupId = created.group.id as string;
  const base = `/api/v1/groups/${groupId}`;
  await ok(
    alex.api.post(`${base}/terms/draft`, {
      from: 'template',
      choices: {
        inScope: [{ key: 'crisis_line', title: 'Crisis line', description: 'Its hours.' }],
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
  const priya = await join('Priya Shah');
  for (const person of [nia, priya]) {
    await ok(person.api.post('/api/v1/join', { token: invitation.token }));
  }
  await ok(alex.api.put(`${base}/people/${nia.account.id}/role`, { role: 'note_taker' }));
  const startsAt = Date.now() - 7 * DAY;
  const made = await ok(
    alex.api.post(`${base}/meetings`, {
      title: 'Autumn meeting',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 60 * 60_000).toISOString(),
      place: 'The Wellbeing Centre, 4 Mill Lane',
    }),
  );
  const meetingId = made.id as string;
  await ok(
    alex.api.post(`${base}/meetings/${meetingId}/agenda`, {
      title: 'Crisis line hours',
      purpose: 'To agree the opening hours.',
      remitKey: 'crisis_line',
    }),
  );
  return { groupId, meetingId, nia, alex };
}

const PARAGRAPH =
  'Priya Shah opened the item on the crisis line. She felt strongly that it should stay open until midnight.';

test('a note-taker writes “She felt …” about someone named earlier in the paragraph: the check flags it as she types, says who “She” is, and she uses the neutral wording before circulating', async () => {
  const g = await crisisLineGroup();
  const nia = await newPerson(browser, app.url, { width: 360, height: 800 });
  const page = nia.page;
  await signIn(page, g.nia.account);
  await page.goto(`/groups/${g.groupId}/meetings/${g.meetingId}/notes`);
  const heading = page.getByRole('heading', { level: 1, name: /^Notes of Autumn meeting, / });
  await heading.waitFor();
  const title = (await heading.textContent()) ?? '';
  await checkPage(page, title);

  // A name said twice in a sentence: the words marked are the ones that attribute the view.
  const twice = 'The group thanked Priya Shah, and Priya Shah felt the hours were too short.';
  await page.getByRole('textbox', { name: 'Summary' }).fill(twice);
  const twiceFlag = page
    .getByRole('list', { name: 'What the check found' })
    .getByRole('listitem')
    .filter({ hasText: /^Summary: / });
  await twiceFlag.waitFor();
  const quoted = twiceFlag.locator('blockquote').first();
  expect(await quoted.textContent()).toBe(twice);
  expect(
    await quoted.evaluate((q) => q.querySelector('mark')?.previousSibling?.textContent ?? ''),
  ).toBe('The group thanked Priya Shah, and ');

  // She types the discussion of the agenda item: the check runs as she types, without a button.
  await page
    .getByRole('textbox', { name: 'Summary' })
    .fill('The group talked about the crisis line.');
  await twiceFlag.waitFor({ state: 'detached' });
  const item = page.getByLabel('1. Crisis line hours');
  await item.fill(PARAGRAPH);
  const flag = page
    .getByRole('list', { name: 'What the check found' })
    .getByRole('listitem')
    .filter({ hasText: /^Crisis line hours: “She/ });
  await flag.waitFor();
  await flag.getByText('Attributes a view', { exact: true }).waitFor();
  await flag
    .getByText('“She” points back to Priya Shah, named earlier in the paragraph.', { exact: true })
    .waitFor();
  // The words that point to Priya are marked in the sentence quoted.
  const marked = (await flag.locator('blockquote mark').textContent()) ?? '';
  expect(marked).toMatch(/^She\b/);
  const sentence = flag.locator('blockquote').first();
  expect(await sentence.textContent()).toBe(
    'She felt strongly that it should stay open until midnight.',
  );
  const suggestion = (await flag.locator('blockquote').nth(1).textContent()) ?? '';
  expect(suggestion).not.toMatch(/\b(She|Priya)\b/);
  expect(suggestion).toContain('midnight');
  // Typing left focus where it was.
  expect(await item.evaluate((box) => box === document.activeElement)).toBe(true);
  await checkPage(page, title);
  expect(await fitsWidth(page)).toBe(true);

  // She uses the suggested wording: the flag goes, and the paragraph reads without attribution.
  await flag.getByRole('button', { name: 'Use this wording' }).click();
  await page.getByText('No views are attributed to anyone. The notes can be circulated.').waitFor();
  await flag.waitFor({ state: 'detached' });
  expect(await item.inputValue()).toBe(
    `Priya Shah opened the item on the crisis line. ${suggestion}`,
  );
  await checkPage(page, title);

  // The notes go to the group.
  await page.getByRole('button', { name: 'Circulate to the group' }).click();
  await page.getByText('Circulated for comments', { exact: true }).waitFor();
  await page.getByText(suggestion, { exact: false }).waitFor();
  expect(await page.getByText('She felt').count()).toBe(0);
  await checkPage(page, title);

  expect(nia.blocked).toEqual([]);
});

test('a note-taker keeps an attributed sentence as written, with a reason; the chair who approves the notes reads the sentence and the reason', async () => {
  const g = await crisisLineGroup();
  const sentence = 'Priya Shah felt strongly that the line should stay open.';
  const reason = 'Priya asked for her view to be recorded by name';
  const nia = await newPerson(browser, app.url);
  const page = nia.page;
  await signIn(page, g.nia.account);
  await page.goto(`/groups/${g.groupId}/meetings/${g.meetingId}/notes`);
  const heading = page.getByRole('heading', { level: 1, name: /^Notes of Autumn meeting, / });
  await heading.waitFor();
  const title = (await heading.textContent()) ?? '';

  await page.getByLabel('1. Crisis line hours').fill(sentence);
  await page.getByRole('button', { name: 'Check for attributed views' }).click();
  const flag = page
    .getByRole('list', { name: 'What the check found' })
    .getByRole('listitem')
    .filter({ hasText: /^Crisis line hours: “Priya/ });
  await flag.getByText('Attributes a view', { exact: true }).waitFor();
  await flag.getByRole('button', { name: 'Keep it, with a reason' }).click();
  await flag.getByLabel('Why keep it as written?').fill(reason);
  await flag.getByRole('button', { name: 'Keep it as written' }).click();
  await flag.getByText(`Kept as written: ${reason}`).waitFor();
  await page.getByText('No views are attributed to anyone. The notes can be circulated.').waitFor();

  // Writing on in the same box checks it again as she types: the sentence she kept stays kept.
  const checkedAgain = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/notes/check'),
  );
  await page
    .getByLabel('1. Crisis line hours')
    .fill(`${sentence} The group agreed to write to the Trust.`);
  await (await checkedAgain).finished();
  // Two frames: the page has applied the answer.
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  await flag.getByText(`Kept as written: ${reason}`).waitFor();
  expect(await flag.getByRole('button', { name: 'Keep it, with a reason' }).count()).toBe(0);
  await page.getByText('No views are attributed to anyone. The notes can be circulated.').waitFor();
  await checkPage(page, title);
  await page.getByRole('button', { name: 'Circulate to the group' }).click();
  await page.getByText('Circulated for comments', { exact: true }).waitFor();

  // Alex, who approves the notes, sees what was kept and why, before approving.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, g.alex.account);
  await chair.goto(`/groups/${g.groupId}/meetings/${g.meetingId}/notes`);
  const kept = chair.getByRole('list', { name: 'Kept as written, with a reason' });
  const entry = kept.getByRole('listitem').filter({ hasText: sentence });
  await entry.getByText(`Kept because: ${reason}`).waitFor();
  expect(await entry.locator('mark').textContent()).toMatch(/^Priya Shah/);
  await checkPage(chair, title);

  expect([...nia.blocked, ...alex.blocked]).toEqual([]);
});
