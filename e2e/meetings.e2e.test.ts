import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type Client, type TestApp } from '../test/harness.ts';
import { onePagePdf, solidPng } from '../test/support/paper-files.ts';
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

/** Waits for a meeting's page and checks it; its h1 is the meeting's title and day. */
async function checkMeetingPage(page: Page, title: RegExp): Promise<string> {
  const heading = page.getByRole('heading', { level: 1, name: title });
  await heading.waitFor();
  const text = (await heading.textContent()) ?? '';
  await checkPage(page, text);
  return text;
}

/** An extra meeting that started a few minutes ago, so check-in is open now. */
async function meetingNow(chair: Client, groupId: string, title: string): Promise<string> {
  const meeting = await ok(
    chair.post(`/api/v1/groups/${groupId}/meetings`, {
      title,
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 55 * 60_000).toISOString(),
      place: 'The Carers’ Centre, 1 High Street',
    }),
  );
  return meeting.id as string;
}

async function checkIn(page: Page, link: string, button: string) {
  await page.goto(link);
  await checkPage(page, 'Check in');
  await page.getByRole('button', { name: button }).click();
  await page.getByText(/^You are checked in (in the room|online), at /).waitFor();
  await checkPage(page, 'Check in');
}

test('a chair schedules meetings from the Terms of Reference; people answer, check in by link and become members', async () => {
  // Set-up through the API: Alex's group, its Terms of Reference (monthly, with an area
  // outside the remit), and Bea and Cal, who have joined.
  const chairApi = app.client();
  const alexAccount = await chairApi.register('Alex Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: GROUP }));
  const groupId = created.group.id as string;
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      choices: {
        frequency: 'monthly',
        weekday: 'tuesday',
        nth: 2,
        startTime: '18:30',
        inScope: [
          { key: 'respite_at_home', title: 'Respite at home', description: 'Short breaks.' },
        ],
        outOfScope: [
          {
            key: 'hospital_discharge',
            title: 'Hospital discharge',
            takeInstead: 'the hospital discharge working group',
          },
        ],
      },
    }),
  );
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
      adoptedOn: new Date().toISOString().slice(0, 10),
    }),
  );
  const invitation = await ok(chairApi.post(`/api/v1/groups/${groupId}/invitations`, {}));
  const beaApi = app.client();
  const beaAccount = await beaApi.register('Bea Participant');
  await ok(beaApi.post('/api/v1/join', { token: invitation.token }));
  const calApi = app.client();
  const calAccount = await calApi.register('Cal Carer');
  await ok(calApi.post('/api/v1/join', { token: invitation.token }));

  // Alex schedules the year's meetings from the cadence.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, alexAccount);
  await chair.getByRole('link', { name: GROUP }).click();
  await checkPage(chair, GROUP);
  await chair.getByText('No meetings are planned yet.', { exact: false }).waitFor();
  await chair.getByRole('link', { name: 'All meetings' }).click();
  await checkPage(chair, 'Meetings');
  await chair
    .getByRole('button', { name: 'Schedule meetings from our Terms of Reference' })
    .click();
  // The page's own words (the live region outside <main> reads out the same).
  const scheduled = chair
    .getByRole('main')
    .getByText(/^\d+ meetings added; 0 meetings already planned kept\.$/);
  await scheduled.waitFor();
  const added = Number(((await scheduled.textContent()) ?? '').split(' ')[0]);
  expect(added).toBeGreaterThanOrEqual(11);
  const upcoming = chair.getByRole('list', { name: 'Upcoming meetings' });
  // The notice comes with the answer; the list follows once it has fetched the meetings again.
  await expect.poll(() => upcoming.getByRole('listitem').count()).toBe(added);
  // Every meeting is on the 2nd Tuesday of its month, at 18:30 where the group meets.
  await upcoming
    .getByRole('listitem')
    .first()
    .getByText(/^Tuesday, .*, (18:30|6:30\sPM) GMT to /)
    .waitFor();
  await checkPage(chair, 'Meetings');

  // Bea, on her phone, sends apologies for the next meeting, with a reason.
  const bea = await newPerson(browser, app.url, { width: 360, height: 800 });
  await signIn(bea.page, beaAccount);
  await bea.page.getByRole('link', { name: GROUP }).click();
  await checkPage(bea.page, GROUP);
  await bea.page.getByRole('list', { name: 'Next meetings' }).getByRole('link').first().click();
  const nextMeeting = await checkMeetingPage(bea.page, /, Tuesday/);
  await bea.page.getByText('Only the chairs see this.', { exact: false }).waitFor();
  await bea.page.getByLabel('Reason for your apologies').fill('A hospital appointment.');
  await bea.page.getByRole('button', { name: 'Send apologies' }).click();
  await bea.page.getByText('Your answer: you sent your apologies.').waitFor();
  await checkPage(bea.page, nextMeeting);
  expect(await fitsWidth(bea.page)).toBe(true);

  // Alex sees the apology and its reason; as chair, he adds an item that is outside the remit.
  await chair.getByRole('link', { name: nextMeeting }).click();
  await checkPage(chair, nextMeeting);
  await chair
    .getByRole('list', { name: 'Sent apologies' })
    .getByText('Bea Participant — reason (only chairs see it): A hospital appointment.')
    .waitFor();
  await chair.getByLabel('Item title').fill('Delays leaving hospital');
  await chair.getByLabel('What is it for?').fill('Carers want to discuss discharge delays.');
  await chair
    .getByLabel('Which part of our remit does it serve?')
    .selectOption({ label: 'Hospital discharge (outside our remit)' });
  await chair.getByRole('button', { name: 'Add the item' }).click();
  const outside = chair.getByRole('list', { name: 'Items outside this meeting' });
  const item = outside.getByRole('listitem').filter({ hasText: 'Delays leaving hospital' });
  await item.getByText('Where to take it instead: the hospital discharge working group').waitFor();
  await chair.getByText('There is nothing on the agenda yet.').waitFor();
  await checkPage(chair, nextMeeting);

  // A meeting happening now: Alex shows its check-in code; Bea and Cal check in by the link.
  const firstNow = await meetingNow(chairApi, groupId, 'Extra meeting on short breaks');
  await chair.getByRole('link', { name: 'All meetings' }).click();
  await checkPage(chair, 'Meetings');
  await chair.getByRole('link', { name: /^Extra meeting on short breaks, / }).click();
  const firstTitle = await checkMeetingPage(chair, /^Extra meeting on short breaks, /);
  await chair.getByRole('heading', { name: 'The meeting is on now' }).waitFor();
  await chair.getByRole('img', { name: /^QR code of the check-in link/ }).waitFor();
  const link = await chair.getByRole('textbox', { name: 'Check-in link' }).inputValue();
  expect(link).toContain(`/groups/${groupId}/meetings/${firstNow}/check-in?code=`);
  await chair.getByRole('heading', { name: 'Checked in so far: 0' }).waitFor();
  // While the meeting runs, no one is "absent": they have not checked in yet. Who is coming
  // was for before the meeting, so it is folded away below what is happening now.
  await chair.getByText('The full agenda, papers and who is coming', { exact: true }).click();
  await chair
    .getByRole('list', { name: 'Not checked in yet' })
    .getByText('Bea Participant', { exact: true })
    .waitFor();
  await chair
    .getByRole('combobox', { name: 'Attendance of Bea Participant' })
    .getByRole('option', { name: 'Not checked in yet' })
    .waitFor({ state: 'attached' });
  await checkPage(chair, firstTitle);

  const cal = await newPerson(browser, app.url);
  await signIn(cal.page, calAccount);
  await checkIn(cal.page, link, 'Check in (online)');
  await checkIn(bea.page, link, 'Check in (in the room)');
  expect(await fitsWidth(bea.page)).toBe(true);

  // Alex's live view catches up by itself, without a reload.
  await chair.getByRole('heading', { name: 'Checked in so far: 2' }).waitFor({ timeout: 25_000 });
  const checkedIn = chair.getByRole('list', { name: 'Checked in so far: 2' });
  await checkedIn.getByText(/^Cal Carer: present online, at /).waitFor();
  await checkedIn.getByText(/^Bea Participant: present in the room, at /).waitFor();
  await checkPage(chair, firstTitle);

  // A second meeting: only Cal checks in.
  const secondNow = await meetingNow(chairApi, groupId, 'Extra meeting on day services');
  const second = await ok(
    chairApi.get(`/api/v1/groups/${groupId}/meetings/${secondNow}/check-in-link`),
  );
  await checkIn(cal.page, second.link, 'Check in (in the room)');

  // After two meetings, Cal is a member; Bea, after one, is still a participant.
  await chair.getByRole('link', { name: GROUP }).click();
  await checkPage(chair, GROUP);
  const people = chair.getByRole('list', { name: 'People in this group' });
  const calListed = people.getByRole('listitem').filter({ hasText: 'Cal Carer' });
  await calListed.getByText(/^Membership: member since .* · 2 meetings counted/).waitFor();
  const beaListed = people.getByRole('listitem').filter({ hasText: 'Bea Participant' });
  await beaListed.getByText(/^Membership: participant · 1 meeting counted/).waitFor();
  await checkPage(chair, GROUP);

  // Cal's page says how it came about.
  await calListed.getByRole('link', { name: 'Attendance and membership of Cal Carer' }).click();
  await checkPage(chair, 'Cal Carer');
  await chair.getByRole('heading', { name: 'Membership: member' }).waitFor();
  await chair.getByText(/^Became a member on .* after their 2nd meeting\.$/).waitFor();
  await checkPage(chair, 'Cal Carer');

  expect([...alex.blocked, ...bea.blocked, ...cal.blocked]).toEqual([]);
});

const DAY_GROUP = 'Day services group';

/** A calendar date where the group meets (London), `days` from today. */
function londonDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

test('a chair on a phone plans a meeting, adds its papers and keeps the register; people set up calendars and join a working group', async () => {
  const chairApi = app.client();
  const danaAccount = await chairApi.register('Dana Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: DAY_GROUP }));
  const groupId = created.group.id as string;
  await ok(chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' }));
  await ok(
    chairApi.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, { adoptedOn: londonDate(0) }),
  );
  await ok(chairApi.post('/api/v1/groups', { name: 'Transport working group', parentId: groupId }));
  const invitation = await ok(chairApi.post(`/api/v1/groups/${groupId}/invitations`, {}));
  const eliApi = app.client();
  const eliAccount = await eliApi.register('Eli Member');
  await ok(eliApi.post('/api/v1/join', { token: invitation.token }));

  // Dana adds a meeting for tomorrow on her phone; a missing date is named and takes focus.
  const dana = await newPerson(browser, app.url, { width: 360, height: 800 });
  const page = dana.page;
  await signIn(page, danaAccount);
  await page.getByRole('link', { name: DAY_GROUP }).click();
  await checkPage(page, DAY_GROUP);
  await page.getByRole('link', { name: 'All meetings' }).click();
  await checkPage(page, 'Meetings');
  await page.getByLabel('Name of the meeting').fill('Planning meeting');
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End time').fill('11:00');
  await page.getByRole('button', { name: 'Add the meeting' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  expect(await page.getByLabel('Date', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await checkPage(page, 'Meetings');
  await page.getByLabel('Date', { exact: true }).fill(londonDate(1));
  await page.getByRole('button', { name: 'Add the meeting' }).click();
  const planning = await checkMeetingPage(page, /^Planning meeting, /);
  await page.getByRole('main').getByText('The meeting is added.', { exact: false }).waitFor();
  expect(await fitsWidth(page)).toBe(true);

  // A file that is not a paper is refused by its content, named beside the file box.
  await page.getByLabel('Paper title').fill('Transport survey');
  const file = page.getByLabel('File', { exact: true });
  await file.setInputFiles({
    name: 'survey.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('Only some text, whatever the name says.'),
  });
  await page.getByRole('button', { name: 'Add the paper' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  expect(await file.getAttribute('aria-invalid')).toBe('true');
  await checkPage(page, planning);
  await file.setInputFiles({
    name: 'survey.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Add the paper' }).click();
  await page
    .getByRole('main')
    .getByText(/^“Transport survey” is added/)
    .waitFor();
  const papers = page.getByRole('list', { name: 'Papers for this meeting' });
  await papers.getByRole('link', { name: 'Transport survey', exact: true }).waitFor();
  // Papers are due a week before: this one is late, and says so.
  await papers.getByText('Late', { exact: true }).waitFor();
  await checkPage(page, planning);

  // She moves it an hour later, saying why.
  await page.getByText('Move this meeting', { exact: true }).click();
  await page.getByLabel('New start time').fill('11:00');
  await page.getByLabel('New end time').fill('12:00');
  await page.getByLabel('Why it is moving').fill('The room is booked until eleven.');
  await page.getByRole('button', { name: 'Move the meeting' }).click();
  await page.getByText('Moved: The room is booked until eleven.').waitFor();
  await checkPage(page, planning);
  expect(await fitsWidth(page)).toBe(true);

  // Cancelling cannot be undone: she is asked first and told what it does; she keeps it at first.
  await page.getByText('Cancel this meeting', { exact: true }).click();
  await page.getByLabel('Why it is cancelled').fill('The venue is closed for repairs.');
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  const cancelling = page.getByRole('dialog', { name: 'Cancel the meeting?' });
  await cancelling.getByText('is cancelled for good', { exact: false }).waitFor();
  await checkPage(page, planning);
  await cancelling.getByRole('button', { name: 'Keep the meeting' }).click();
  await cancelling.waitFor({ state: 'detached' });
  expect(await page.getByText('Cancelled', { exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  await cancelling.getByRole('button', { name: 'Cancel the meeting' }).click();
  await page.getByText('The venue is closed for repairs.', { exact: false }).first().waitFor();
  await checkPage(page, planning);

  // During a meeting, Eli checks in online; Dana records herself in the register.
  const liveId = await meetingNow(chairApi, groupId, 'Extra meeting on transport');
  for (const title of ['Bus passes for carers', 'Late-night buses']) {
    await ok(
      chairApi.post(`/api/v1/groups/${groupId}/meetings/${liveId}/agenda`, {
        title,
        purpose: 'To hear what carers need',
        remitKey: 'area_a',
      }),
    );
  }
  const { code } = await ok(
    chairApi.get(`/api/v1/groups/${groupId}/meetings/${liveId}/check-in-link`),
  );
  await ok(
    eliApi.post(`/api/v1/groups/${groupId}/meetings/${liveId}/check-in`, { code, mode: 'online' }),
  );
  await page.getByRole('link', { name: 'All meetings' }).click();
  await checkPage(page, 'Meetings');
  await page.getByRole('link', { name: /^Extra meeting on transport, / }).click();
  const live = await checkMeetingPage(page, /^Extra meeting on transport, /);
  await page.getByRole('img', { name: /^QR code of the check-in link/ }).waitFor();
  await page.getByRole('heading', { name: 'Checked in so far: 1' }).waitFor();
  expect(await fitsWidth(page)).toBe(true);
  // Dana says which item the meeting is taking; then, done with it, clears it.
  await page.getByText('The chair has not started an agenda item yet.').waitFor();
  await page.getByRole('button', { name: 'Make this the current item: Late-night buses' }).click();
  await page.getByText('Now: Late-night buses').waitFor();
  await page
    .getByRole('list', { name: 'Agenda, in order' })
    .getByRole('listitem')
    .filter({ hasText: 'Late-night buses' })
    .getByRole('button', { name: 'Clear the current item' })
    .waitFor();
  expect(await fitsWidth(page)).toBe(true);
  await checkPage(page, live);
  await page.getByRole('button', { name: 'Clear the current item' }).click();
  await page.getByText('The chair has not started an agenda item yet.').waitFor();
  await page.getByText('The full agenda, papers and who is coming', { exact: true }).click();
  await page.getByLabel('Attendance of Dana Chair').selectOption('present_in_person');
  await page.getByRole('button', { name: 'Save the register' }).click();
  await page
    .getByRole('list', { name: 'Present', exact: true })
    .getByText('Dana Chair (present in the room)')
    .waitFor();
  await checkPage(page, live);

  // A spreadsheet with two bad rows: nothing is imported, and both rows are listed.
  await page.getByRole('link', { name: 'All meetings' }).click();
  await checkPage(page, 'Meetings');
  await page.getByText('Paste attendance from a spreadsheet').click();
  await page
    .getByLabel('Attendance as CSV')
    .fill(
      `date,email,attendance\n2020-01-14,${eliAccount.email},present\n2020-02-11,nobody@example.org,present\n`,
    );
  await page.getByLabel('Why it is added after the meetings').fill('The paper registers of 2020');
  await page.getByRole('button', { name: 'Import attendance' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  await page.getByText(/^Line 2: the group has no meeting on 2020-01-14/).waitFor();
  await page.getByText(/^Line 3: the group has no meeting on 2020-02-11/).waitFor();
  await checkPage(page, 'Meetings');
  await page.getByRole('link', { name: 'Past meetings' }).click();
  await page.getByRole('heading', { name: 'Past meetings', level: 2 }).waitFor();
  await checkPage(page, 'Meetings');

  // Her account: a calendar feed for this group, shown once, then revoked; fewer emails.
  await page.getByRole('link', { name: 'Account' }).click();
  await checkPage(page, 'Your account');
  await page.getByLabel('Which meetings?').selectOption({ label: `Only ${DAY_GROUP}` });
  await page.getByRole('button', { name: 'Make a calendar feed' }).click();
  const feedUrl = page.getByRole('textbox', { name: `Address of “Meetings of ${DAY_GROUP}”` });
  expect(await feedUrl.inputValue()).toMatch(/^https?:\/\//);
  await checkPage(page, 'Your account');
  expect(await fitsWidth(page)).toBe(true);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Revoke the feed Meetings of ${DAY_GROUP}` }).click();
  await page.getByText('You have no calendar feeds.').waitFor();
  const weekBefore = page.getByRole('checkbox', { name: 'A week before' });
  await weekBefore.uncheck();
  await page.getByRole('button', { name: 'Save email settings' }).click();
  await page.getByRole('main').getByText('Your meeting email settings are saved.').waitFor();
  await page.reload();
  await checkPage(page, 'Your account');
  expect(await page.getByRole('checkbox', { name: 'A week before' }).isChecked()).toBe(false);

  // Eli commits four hours a month to the working group, and later steps back.
  const eli = await newPerson(browser, app.url);
  await signIn(eli.page, eliAccount);
  await eli.page.getByRole('link', { name: DAY_GROUP }).click();
  await checkPage(eli.page, DAY_GROUP);
  await eli.page.getByText('Commit time to Transport working group').click();
  await eli.page.getByLabel('Hours a month for Transport working group').fill('4');
  await eli.page.getByRole('button', { name: 'Commit time to this working group' }).click();
  await checkPage(eli.page, 'Transport working group');
  const committed = eli.page.getByRole('list', { name: 'People who have committed time' });
  await committed
    .getByRole('listitem')
    .filter({ hasText: 'Eli Member (you)' })
    .getByText('4 hours a month')
    .waitFor();
  await checkPage(eli.page, 'Transport working group');
  eli.page.once('dialog', (dialog) => void dialog.accept());
  await eli.page.getByRole('button', { name: 'Step back from this working group' }).click();
  await checkPage(eli.page, DAY_GROUP);
  await eli.page
    .getByRole('main')
    .getByText('You have stepped back from Transport working group.')
    .waitFor();

  expect([...dana.blocked, ...eli.blocked]).toEqual([]);
});

const PHONE_GROUP = 'Short breaks group';
const VOTE = 'Saturday sitting service';

test('a member on a 360 px phone opens the running meeting and reaches the open vote without scrolling past the agenda', async () => {
  // Set-up through the API: Fay chairs; Gus and Hal were at two meetings, so they are members.
  const fayApi = app.client();
  await fayApi.register('Fay Chair');
  const created = await ok(fayApi.post('/api/v1/groups', { name: PHONE_GROUP }));
  const groupId = created.group.id as string;
  const base = `/api/v1/groups/${groupId}`;
  await ok(
    fayApi.post(`${base}/terms/draft`, {
      from: 'template',
      choices: {
        inScope: [{ key: 'short_breaks', title: 'Short breaks', description: 'Time off caring.' }],
      },
    }),
  );
  await ok(
    fayApi.post(`${base}/terms/draft/adopt`, { adoptedOn: new Date().toISOString().slice(0, 10) }),
  );
  const invitation = await ok(fayApi.post(`${base}/invitations`, {}));
  const people = [];
  for (const name of ['Gus Member', 'Hal Member', 'Ida Newcomer']) {
    const client = app.client();
    const account = await client.register(name);
    await ok(client.post('/api/v1/join', { token: invitation.token }));
    people.push({ client, account });
  }
  const [gus, hal] = people as [(typeof people)[number], (typeof people)[number]];
  const meeting = async (title: string, startsAt: number) =>
    (
      await ok(
        fayApi.post(`${base}/meetings`, {
          title,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 90 * 60_000).toISOString(),
          place: 'The Carers’ Centre, 1 High Street',
        }),
      )
    ).id as string;
  for (const days of [21, 14]) {
    const past = await meeting('Earlier meeting', Date.now() - days * 86_400_000);
    for (const { account } of [gus, hal]) {
      await ok(
        fayApi.put(`${base}/meetings/${past}/attendance/${account.id}`, {
          mark: 'present_in_person',
          reason: 'Signed the paper register',
        }),
      );
    }
  }
  // The running meeting has a full agenda, papers, and a proposal put to a vote.
  const liveId = await meeting('Short breaks meeting', Date.now() - 20 * 60_000);
  const live = `${base}/meetings/${liveId}`;
  const items: string[] = [];
  for (let n = 1; n <= 8; n++) {
    const item = await ok(
      fayApi.post(`${live}/agenda`, {
        title: `Item ${n}: what carers told us about short breaks, part ${n}`,
        purpose:
          'To hear what carers said in the consultation, agree what it means for the pilot, and decide who follows it up before the next meeting.',
        remitKey: 'short_breaks',
      }),
    );
    items.push(item.id as string);
  }
  // Fay is taking the third item.
  await ok(fayApi.put(`${live}/current-item`, { itemId: items[2] }));
  const upload = (fileName: string, bytes: Uint8Array<ArrayBuffer>) =>
    fayApi.request(
      'POST',
      `${live}/papers?title=${encodeURIComponent(fileName)}&fileName=${encodeURIComponent(fileName)}`,
      undefined,
      { raw: bytes, headers: { 'content-type': 'application/octet-stream' } },
    );
  for (const name of ['pilot-budget.pdf', 'survey-results.pdf', 'timeline.pdf']) {
    expect((await upload(name, onePagePdf(name))).status).toBe(201);
  }
  expect((await upload('map-of-venues.png', solidPng())).status).toBe(201);
  for (const { client } of [gus, hal]) {
    const { code } = await ok(fayApi.get(`${live}/check-in-link`));
    await ok(client.post(`${live}/check-in`, { code, mode: 'in_person' }));
  }
  const proposal = await ok(
    fayApi.post(`${base}/proposals`, {
      title: VOTE,
      text: 'Run a sitting service on Saturday mornings for six months.',
      meetingId: liveId,
    }),
  );
  const path = `${base}/proposals/${proposal.id}`;
  await ok(fayApi.post(`${path}/consensus`, {}));
  await ok(
    hal.client.post(`${path}/consensus/answers`, { answer: 'block', reason: 'Not enough staff.' }),
  );
  await ok(fayApi.post(`${path}/consensus/close`, { outcome: 'no_consensus' }));
  await ok(fayApi.post(`${path}/vote`, {}));

  // Gus opens the meeting on his phone.
  const gusAtPhone = await newPerson(browser, app.url, { width: 360, height: 740 });
  const page = gusAtPhone.page;
  await signIn(page, gus.account);
  await page.goto(`/groups/${groupId}/meetings/${liveId}`);
  const title = await checkMeetingPage(page, /^Short breaks meeting, /);
  const onNow = page.getByRole('heading', { name: 'The meeting is on now' });
  await onNow.waitFor();
  // First under the heading: the item being taken now.
  const now = page.getByText(/^Now: Item 3: what carers told us/);
  await now.waitFor();
  expect(await onNow.evaluate((heading) => heading.nextElementSibling?.textContent ?? '')).toMatch(
    /^Now: Item 3: /,
  );
  await page.getByText(/^You are checked in: present in the room, at /).waitFor();
  const ballot = page.getByRole('group', { name: `Your vote on “${VOTE}”` });
  await ballot.waitFor();

  // What is happening now comes first: the vote is before the agenda, and the full agenda,
  // the papers and who is coming are folded away.
  const agendaHeading = page.getByRole('heading', { name: 'Agenda, in order', level: 2 });
  const ballotBeforeAgenda = await ballot.evaluate(
    (vote, agenda) =>
      !!agenda && (vote.compareDocumentPosition(agenda) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    await agendaHeading.elementHandle(),
  );
  expect(ballotBeforeAgenda).toBe(true);
  const folded = page.locator('details.before-meeting');
  expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  expect(await page.getByRole('list', { name: 'Papers for this meeting' }).isVisible()).toBe(false);
  // Measured from the top of the page: it was 9,555 px tall on a phone, with the agenda first.
  const top = (element: Element) =>
    Math.round(element.getBoundingClientRect().top + window.scrollY);
  const sizes = {
    height: await page.evaluate(() => document.documentElement.scrollHeight),
    voteTop: await ballot.evaluate(top),
    agendaTop: await agendaHeading.evaluate(top),
  };
  console.log(`The running meeting at 360×740: ${JSON.stringify(sizes)}`);
  expect(sizes.voteTop).toBeLessThan(sizes.agendaTop);
  expect(sizes.height).toBeLessThan(9555 / 2);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: process.env.SCREENSHOTS, fullPage: true });
  expect(await fitsWidth(page)).toBe(true);
  await checkPage(page, title);

  // Fay moves on to the fourth item: Gus's page follows without a reload, and says so politely.
  await ok(fayApi.put(`${live}/current-item`, { itemId: items[3] }));
  await page.getByText(/^Now: Item 4: what carers told us/).waitFor();
  await page
    .locator('[role="status"][aria-live="polite"]')
    .getByText(/^Now: Item 4: /)
    .waitFor();
  expect(await fitsWidth(page)).toBe(true);

  // With the keyboard alone, from the top of the page, the first choice of the ballot is
  // reached before anything of the agenda.
  await page.getByRole('heading', { level: 1 }).focus();
  let reached = false;
  for (let presses = 0; presses < 40 && !reached; presses++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        radio: el?.type === 'radio',
        inAgenda: !!el?.closest('.before-meeting, .live-agenda'),
      };
    });
    expect(now.inAgenda, 'Tab went into the agenda before the vote').toBe(false);
    reached = now.radio;
  }
  expect(reached, 'Tab never reached the ballot').toBe(true);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('You have voted.').waitFor();

  // The material for before the meeting is one tap away, and fits the phone too.
  await page.getByText('The full agenda, papers and who is coming', { exact: true }).click();
  await page.getByRole('list', { name: 'Papers for this meeting' }).waitFor();
  await page.getByRole('list', { name: 'Agenda items, in order' }).waitFor();
  expect(await fitsWidth(page)).toBe(true);
  await checkPage(page, title);
  expect(gusAtPhone.blocked).toEqual([]);
});

test('papers open in a preview: an image is shown on the meeting page and a PDF opens in the browser, while uploading shows progress', async () => {
  const chairApi = app.client();
  const jo = await chairApi.register('Jo Chair');
  const created = await ok(chairApi.post('/api/v1/groups', { name: 'Papers group' }));
  const groupId = created.group.id as string;
  const meetingId = (
    await ok(
      chairApi.post(`/api/v1/groups/${groupId}/meetings`, {
        title: 'Papers meeting',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
      }),
    )
  ).id as string;

  const person = await newPerson(browser, app.url, { width: 360, height: 740 });
  const page = person.page;
  await signIn(page, jo);
  await page.goto(`/groups/${groupId}/meetings/${meetingId}`);
  const title = await checkMeetingPage(page, /^Papers meeting, /);

  // Jo adds a map (an image) and a budget (a PDF); a progress bar shows while each uploads.
  // The server's answer is held back until the progress bar has been seen, so a fast
  // upload cannot finish before anyone could see it.
  // Each held upload waits here until the test lets it go: the progress bar can show before
  // the request reaches the handler, so the test waits for the request itself to be held.
  const held: (() => void)[] = [];
  await page.route(/\/papers\?/, async (route) => {
    await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
  });
  const add = async (name: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.getByLabel('Paper title').fill(name);
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Add the paper' }).click();
    const progress = page.getByRole('progressbar', { name: new RegExp(`^Uploading “${name}”`) });
    await progress.waitFor();
    const value = Number(await progress.getAttribute('value'));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    await expect.poll(() => held.length).toBe(1);
    held.shift()!();
    await page
      .getByRole('main')
      .getByText(new RegExp(`^“${name}” is added`))
      .waitFor();
    await progress.waitFor({ state: 'detached' });
  };
  await add('Map of venues', {
    name: 'map.png',
    mimeType: 'image/png',
    buffer: Buffer.from(solidPng(120, 80)),
  });
  await add('Pilot budget', {
    name: 'budget.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(onePagePdf('Pilot budget')),
  });

  // The image is shown inline, drawn from its preview.
  const image = page.getByRole('img', { name: 'The paper “Map of venues”' });
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBe(120);
  expect(await fitsWidth(page)).toBe(true);
  await checkPage(page, title);

  // The PDF's link opens it to be viewed, not saved: inline, as a PDF, under a policy that runs nothing.
  const papers = page.getByRole('list', { name: 'Papers for this meeting' });
  const href = await papers
    .getByRole('link', { name: 'Pilot budget', exact: true })
    .getAttribute('href');
  expect(href).toMatch(/\/papers\/[^/]+\/preview$/);
  const opened = await page.request.get(href!);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('application/pdf');
  expect(opened.headers()['content-disposition']).toMatch(/^inline;/);
  expect(opened.headers()['content-security-policy']).toContain("default-src 'none'");
  expect((await opened.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Each paper can still be downloaded.
  await papers.getByRole('link', { name: 'Download “Pilot budget”' }).waitFor();
  // Followed in the browser, the link opens Chromium's own PDF viewer, sandbox and all.
  await papers.getByRole('link', { name: 'Pilot budget', exact: true }).click();
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if (!frame.url().startsWith('chrome-extension://')) continue;
        if (await frame.evaluate(() => !!document.querySelector('pdf-viewer'))) return true;
      }
      return false;
    })
    .toBe(true);
  expect(page.url()).toContain('/preview');
  expect(person.blocked).toEqual([]);
});
