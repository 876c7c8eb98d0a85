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
/** Live updates arrive by server-sent events; this allows for the timer they fall back to. */
const LIVE = { timeout: 25_000 };

type Account = { id: string; email: string; name: string; password: string };
type Someone = { api: Client; account: Account };

/** Opens a meeting's page and checks it; its h1 is the meeting's title and day. */
async function openMeeting(page: Page, path: string, title: string): Promise<string> {
  await page.goto(path);
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^${title}, `) });
  await heading.waitFor();
  const text = (await heading.textContent()) ?? '';
  await checkPage(page, text);
  return text;
}

/**
 * A group run by Alex under the template's decision rules (a vote of members,
 * people who have been to more than one meeting). Alex, Bea, Cal and Dee were
 * at two past meetings, so they are members; Eve has just joined. All five are
 * at a meeting happening now.
 */
async function groupInAMeeting(name: string, change: (document: any) => void = () => {}) {
  const join = async (label: string): Promise<Someone> => {
    const api = app.client();
    return { api, account: await api.register(label) };
  };
  const alex = await join('Alex Chair');
  const created = await ok(alex.api.post('/api/v1/groups', { name }));
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
  const draft = await ok(alex.api.get(`${base}/terms/draft`));
  const document = structuredClone(draft.document);
  change(document);
  await ok(alex.api.put(`${base}/terms/draft`, { document }));
  await ok(
    alex.api.post(`${base}/terms/draft/adopt`, {
      adoptedOn: new Date().toISOString().slice(0, 10),
    }),
  );
  const invitation = await ok(alex.api.post(`${base}/invitations`, {}));
  const others: Someone[] = [];
  for (const label of ['Bea Carer', 'Cal Volunteer', 'Dee Officer', 'Eve Newcomer']) {
    const person = await join(label);
    await ok(person.api.post('/api/v1/join', { token: invitation.token }));
    others.push(person);
  }
  const [bea, cal, dee, eve] = others as [Someone, Someone, Someone, Someone];

  const meeting = async (title: string, startsAt: number) => {
    const made = await ok(
      alex.api.post(`${base}/meetings`, {
        title,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60 * 60_000).toISOString(),
        place: 'The Carers’ Centre, 1 High Street',
      }),
    );
    return made.id as string;
  };
  const present = async (meetingId: string, people: Someone[]) => {
    for (const person of people) {
      await ok(
        alex.api.put(`${base}/meetings/${meetingId}/attendance/${person.account.id}`, {
          mark: 'present_in_person',
          reason: 'Signed the paper register',
        }),
      );
    }
  };
  const members = [alex, bea, cal, dee];
  await present(await meeting('Spring meeting', Date.now() - 14 * DAY), members);
  await present(await meeting('Summer meeting', Date.now() - 7 * DAY), members);
  const liveId = await meeting('Decisions meeting', Date.now() - 5 * 60_000);
  await present(liveId, [...members, eve]);

  return {
    groupId,
    base,
    liveId,
    livePath: `/groups/${groupId}/meetings/${liveId}`,
    alex,
    bea,
    cal,
    dee,
    eve,
  };
}

function card(page: Page, title: string): Locator {
  return page
    .getByRole('list', { name: 'Proposals at this meeting' })
    .getByRole('listitem', { name: title });
}

const PROPOSAL = 'Weekend respite pilot';
const BLOCK_REASON = 'Weekend staff would be taken from weekday visits that carers rely on.';

test('a chair raises a proposal; one person blocks it; the chair calls a formal vote, members vote, and the decision keeps the block as a minority view', async () => {
  const g = await groupInAMeeting('Respite decisions group');

  // Alex raises a proposal in the meeting and opens the consensus check.
  const alex = await newPerson(browser, app.url);
  const chair = alex.page;
  await signIn(chair, g.alex.account);
  const meetingTitle = await openMeeting(chair, g.livePath, 'Decisions meeting');
  await chair.getByText('No proposals have been raised here yet.').waitFor();
  const raise = chair.getByRole('form', { name: 'Raise a proposal' });
  await raise.getByLabel('Title of the proposal').fill(PROPOSAL);
  await raise
    .getByLabel('What do you propose?')
    .fill('Run a six-month pilot of weekend respite at home for carers.');
  await raise
    .getByLabel('Which part of our remit does the proposal serve?')
    .selectOption({ label: 'Respite at home' });
  await raise.getByRole('button', { name: 'Raise the proposal' }).click();
  const alexCard = card(chair, PROPOSAL);
  await alexCard.getByText('Draft: not tested yet').waitFor();
  await alexCard.getByText('Respite at home', { exact: true }).waitFor();
  await checkPage(chair, meetingTitle);
  await alexCard.getByRole('button', { name: /^Open the consensus check/ }).click();
  await alexCard.getByText('0 of 5 people at the meeting have answered.').waitFor();
  await checkPage(chair, meetingTitle);

  // Bea, on her phone, blocks it and says why; her answer is confirmed where she is.
  const bea = await newPerson(browser, app.url, { width: 360, height: 800 });
  await signIn(bea.page, g.bea.account);
  await openMeeting(bea.page, g.livePath, 'Decisions meeting');
  const beaCard = card(bea.page, PROPOSAL);
  await beaCard.getByRole('radio', { name: 'Block', exact: true }).check();
  await beaCard.getByLabel('Your reason').fill(BLOCK_REASON);
  await beaCard.getByRole('button', { name: /^Give my answer/ }).click();
  await beaCard
    .getByRole('status')
    .getByText('Your answer is recorded: Block. It is counted without your name.')
    .waitFor();
  expect(await beaCard.getByRole('radio').count()).toBe(0);
  await checkPage(bea.page, meetingTitle);
  expect(await fitsWidth(bea.page)).toBe(true);

  // Everyone else agrees.
  const answers = `${g.base}/proposals`;
  const [{ id: proposalId }] = (await ok(g.alex.api.get(`${answers}?meetingId=${g.liveId}`)))
    .proposals;
  for (const person of [g.alex, g.cal, g.dee, g.eve]) {
    await ok(person.api.post(`${answers}/${proposalId}/consensus/answers`, { answer: 'agree' }));
  }

  // Alex's card catches up by itself: counts and the reason, no names, and what they allow.
  await alexCard.getByText('5 of 5 people at the meeting have answered.').waitFor(LIVE);
  const counts = alexCard.getByRole('list', { name: `Answers on “${PROPOSAL}”, without names` });
  await counts.getByText('Agree: 4').waitFor();
  await counts.getByText('Block: 1').waitFor();
  await counts
    .getByRole('list', { name: 'Reasons given for “Block”' })
    .getByText(BLOCK_REASON)
    .waitFor();
  await alexCard
    .getByText('no consensus, because 1 person blocks the proposal.', { exact: false })
    .waitFor();
  for (const name of ['Bea Carer', 'Cal Volunteer', 'Dee Officer', 'Eve Newcomer']) {
    expect(await alexCard.getByText(name).count()).toBe(0);
  }
  expect(await alexCard.getByRole('button', { name: /^Declare consensus/ }).count()).toBe(0);
  await checkPage(chair, meetingTitle);

  // No consensus: Alex calls a formal test. The four members may vote; Eve may not.
  // Declaring cannot be undone, so Alex is asked first, and told what it does.
  await alexCard.getByRole('button', { name: /^Declare no consensus/ }).click();
  const declare = chair.getByRole('dialog', { name: 'Declare no consensus?' });
  await declare
    .getByText('closes for good: no one can answer after this', { exact: false })
    .waitFor();
  await declare.getByRole('button', { name: 'Declare no consensus' }).click();
  await alexCard.getByText('No consensus', { exact: true }).waitFor();
  await alexCard.getByRole('button', { name: /^Call a formal vote/ }).click();
  await alexCard.getByText('4 people, fixed when the vote opened').waitFor();
  await alexCard.getByText('0 of 4 have voted.').waitFor();
  await alexCard.getByText('You can vote in this vote.').waitFor();
  await checkPage(chair, meetingTitle);

  const eve = await newPerson(browser, app.url);
  await signIn(eve.page, g.eve.account);
  await openMeeting(eve.page, g.livePath, 'Decisions meeting');
  await card(eve.page, PROPOSAL)
    .getByText(
      'You cannot vote in this vote, because only members vote: people who have been to more than one meeting.',
    )
    .waitFor(LIVE);
  expect(await card(eve.page, PROPOSAL).getByRole('radio').count()).toBe(0);

  // Members vote in their browsers: Alex and Cal for it, Bea against; Dee by the API.
  const vote = async (page: Page, choice: 'Yes' | 'No') => {
    const mine = card(page, PROPOSAL);
    await mine.getByRole('radio', { name: choice, exact: true }).check(LIVE);
    await mine.getByRole('button', { name: /^Cast my vote/ }).click();
    const status = mine.getByRole('status');
    await status
      .getByText(`Your vote is cast: ${choice.toLowerCase()}. It is counted when the vote closes.`)
      .waitFor();
    await mine.getByText('You have voted.').waitFor();
  };
  await vote(chair, 'Yes');
  await vote(bea.page, 'No');
  expect(await fitsWidth(bea.page)).toBe(true);
  const cal = await newPerson(browser, app.url);
  await signIn(cal.page, g.cal.account);
  await openMeeting(cal.page, g.livePath, 'Decisions meeting');
  await vote(cal.page, 'Yes');
  await checkPage(cal.page, meetingTitle);
  await ok(g.dee.api.post(`${answers}/${proposalId}/vote/ballots`, { choice: 'yes' }));

  // Alex sees how many have voted (never how), and closes the vote.
  await alexCard.getByText('4 of 4 have voted.').waitFor(LIVE);
  await alexCard.getByText('Everyone who can vote has voted.', { exact: false }).waitFor();
  await checkPage(chair, meetingTitle);
  await alexCard.getByRole('button', { name: /^Close the vote/ }).click();
  const closing = chair.getByRole('dialog', { name: 'Close the vote now?' });
  await closing
    .getByText('No one can vote on', { exact: false })
    .getByText('the result is recorded for good', { exact: false })
    .waitFor();
  await checkPage(chair, meetingTitle);
  await closing.getByRole('button', { name: 'Close the vote', exact: true }).click();
  const tally = alexCard.getByRole('list', { name: `Count of the vote on “${PROPOSAL}”` });
  await tally.getByText('Yes: 3').waitFor();
  await tally.getByText('No: 1').waitFor();
  await alexCard.getByText('Carried.').waitFor();
  await alexCard.getByText('Decided', { exact: true }).waitFor();
  // The dialog is gone with the chair's controls: focus goes to the result, which is read out.
  await chair.waitForFunction(() => document.activeElement?.textContent?.startsWith('Carried.'));
  await chair
    .getByRole('status')
    .filter({ hasText: `The vote on “${PROPOSAL}” is closed.` })
    .waitFor({ state: 'attached' });
  await checkPage(chair, meetingTitle);

  // The decision: carried by a vote, the block kept as a minority view, without a name.
  await alexCard.getByRole('link', { name: /^Read the decision/ }).click();
  const decisionTitle = `Decision 1: ${PROPOSAL}`;
  await checkPage(chair, decisionTitle);
  await chair.getByText('By a formal vote', { exact: true }).waitFor();
  await chair.getByText('Agreed', { exact: true }).waitFor();
  const minority = chair.getByRole('list', { name: 'A minority view' });
  await minority.getByText('Against: 1 person').waitFor();
  await minority.getByText(BLOCK_REASON).waitFor();
  await chair.getByRole('list', { name: 'The majority view' }).getByText('For: 4 people').waitFor();
  await chair.getByRole('list', { name: 'Count of the formal vote' }).getByText('Yes: 3').waitFor();
  expect(await chair.getByRole('main').getByText('Bea Carer').count()).toBe(0);
  await checkPage(chair, decisionTitle);

  // Alex corrects the wording: a new record, linked both ways; the first is kept as it was.
  await chair
    .getByLabel('The corrected text')
    .fill('Run a six-month pilot of weekend respite at home for carers, from April.');
  await chair.getByLabel('Why it is corrected').fill('The start month was agreed but left out.');
  await chair.getByRole('button', { name: 'Record the correction' }).click();
  const correctionTitle = `Decision 2: ${PROPOSAL}`;
  await checkPage(chair, correctionTitle);
  await chair
    .getByRole('main')
    .getByText('The correction is recorded.', { exact: false })
    .waitFor();
  await chair.getByText('A correction', { exact: true }).waitFor();
  await chair.getByText('Why: The start month was agreed but left out.').waitFor();
  await chair.getByRole('link', { name: decisionTitle }).click();
  await checkPage(chair, decisionTitle);
  await chair.getByText('This decision has been corrected.', { exact: false }).waitFor();
  await chair.getByRole('link', { name: correctionTitle }).waitFor();
  expect(await chair.getByRole('button', { name: 'Record the correction' }).count()).toBe(0);

  // The register lists it, from the group's home; Bea reads it on her phone.
  await chair.getByRole('link', { name: 'Respite decisions group' }).first().click();
  await checkPage(chair, 'Respite decisions group');
  await chair.getByRole('link', { name: 'Decision register' }).click();
  await checkPage(chair, 'Decision register');
  const register = chair.getByRole('list', { name: 'Decisions, newest first' });
  await register.getByRole('link', { name: decisionTitle }).waitFor();
  await register.getByRole('link', { name: correctionTitle }).waitFor();
  await register.getByText('By a formal vote', { exact: true }).waitFor();
  const csv = chair.getByRole('link', { name: 'Download as CSV (spreadsheet)' });
  expect(await csv.getAttribute('href')).toBe(`${g.base}/decisions/export?format=csv`);
  await bea.page.goto(`/groups/${g.groupId}/decisions`);
  await checkPage(bea.page, 'Decision register');
  await bea.page.getByRole('link', { name: decisionTitle }).click();
  await checkPage(bea.page, decisionTitle);
  expect(await fitsWidth(bea.page)).toBe(true);

  // Between meetings: a proposal with a closing time, on the group's proposals page.
  await chair.getByRole('link', { name: 'Proposals between meetings' }).click();
  await checkPage(chair, 'Proposals');
  await chair.getByLabel('Title of the proposal').fill('Carers’ newsletter');
  await chair.getByLabel('What do you propose?').fill('Send a short newsletter every quarter.');
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + DAY),
  );
  await chair.getByLabel('Closing date').fill(tomorrow);
  await chair.getByLabel('Closing time').fill('17:00');
  await chair.getByRole('button', { name: 'Raise the proposal' }).click();
  const between = chair
    .getByRole('list', { name: 'Proposals between meetings' })
    .getByRole('listitem', { name: 'Carers’ newsletter' });
  await between.getByText('Closes', { exact: true }).waitFor();
  await checkPage(chair, 'Proposals');

  expect([...alex.blocked, ...bea.blocked, ...cal.blocked, ...eve.blocked]).toEqual([]);
});

test('on a tied vote the chair is told what to do next, gives the casting vote, and the result takes focus and is read out', async () => {
  const g = await groupInAMeeting('Tied vote group', (document) => {
    document.decisions.castingVote = 'chair';
    document.decisions.threshold = { proportion: 'majority', of: 'votes_cast' };
  });
  const proposals = `${g.base}/proposals`;
  const proposal = await ok(
    g.alex.api.post(proposals, {
      title: 'Saturday coffee morning',
      text: 'Hold a coffee morning for carers on the first Saturday of each month.',
      meetingId: g.liveId,
    }),
  );
  const path = `${proposals}/${proposal.id}`;
  await ok(g.alex.api.post(`${path}/consensus`, {}));
  await ok(g.bea.api.post(`${path}/consensus/answers`, { answer: 'block', reason: 'No hall.' }));
  await ok(g.alex.api.post(`${path}/consensus/close`, { outcome: 'no_consensus' }));
  await ok(g.alex.api.post(`${path}/vote`, {}));
  await ok(g.cal.api.post(`${path}/vote/ballots`, { choice: 'yes' }));
  await ok(g.bea.api.post(`${path}/vote/ballots`, { choice: 'no' }));

  const alex = await newPerson(browser, app.url, { width: 360, height: 800 });
  const chair = alex.page;
  await signIn(chair, g.alex.account);
  const meetingTitle = await openMeeting(chair, g.livePath, 'Decisions meeting');
  const mine = card(chair, 'Saturday coffee morning');
  await mine.getByRole('button', { name: /^Close the vote/ }).click();
  const closing = chair.getByRole('dialog', { name: 'Close the vote now?' });
  await closing.getByText('If the vote is tied', { exact: false }).waitFor();
  await closing.getByRole('button', { name: 'Close the vote', exact: true }).click();
  await closing.waitFor({ state: 'hidden' });

  // The vote is tied: the chair's next step has focus, saying what each choice does.
  await chair.waitForFunction(
    () => document.activeElement?.textContent === 'For the chair: the vote is tied',
  );
  await mine.getByText('Nothing is decided until you give it', { exact: false }).waitFor();
  await mine.getByText('The vote is tied: the chair has a casting vote to give.').waitFor();
  await checkPage(chair, meetingTitle);
  expect(await fitsWidth(chair)).toBe(true);
  const casting = mine.getByRole('group', { name: 'Your casting vote' });
  await casting.getByRole('radio', { name: 'No', exact: true }).check();
  await mine.getByRole('button', { name: 'Give the casting vote and close' }).click();
  const giving = chair.getByRole('dialog', { name: 'Give your casting vote against it?' });
  await giving.getByText('it is not carried', { exact: false }).waitFor();
  await giving.getByRole('button', { name: 'Give the casting vote' }).click();
  await giving.waitFor({ state: 'hidden' });

  // Decided: the result has focus, and is read out.
  await chair.waitForFunction(() =>
    document.activeElement?.textContent?.startsWith('Not carried.'),
  );
  await mine.getByText('Decided', { exact: true }).waitFor();
  await chair
    .getByRole('status')
    .filter({
      hasText: 'Your casting vote is given and the vote on “Saturday coffee morning” is closed.',
    })
    .waitFor({ state: 'attached' });
  await checkPage(chair, meetingTitle);
  expect(alex.blocked).toEqual([]);
});

/** What has focus: its role, type and accessible words, for a keyboard-only journey. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', type: '', role: '', text: '', checked: false };
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: input?.type ?? '',
      role: el.getAttribute('role') ?? '',
      text: (input?.labels?.[0]?.textContent ?? el.textContent ?? '').trim(),
      checked: input?.checked ?? false,
    };
  });
}

test('a member casts a ballot with the keyboard alone, and the confirmation is read out', async () => {
  const g = await groupInAMeeting('Keyboard ballot group');
  const proposals = `${g.base}/proposals`;
  const proposal = await ok(
    g.alex.api.post(proposals, {
      title: 'Evening drop-in',
      text: 'Open the carers’ drop-in on Thursday evenings.',
      meetingId: g.liveId,
    }),
  );
  const path = `${proposals}/${proposal.id}`;
  await ok(g.alex.api.post(`${path}/consensus`, {}));
  await ok(
    g.bea.api.post(`${path}/consensus/answers`, { answer: 'block', reason: 'No staff then.' }),
  );
  await ok(g.alex.api.post(`${path}/consensus/close`, { outcome: 'no_consensus' }));
  await ok(g.alex.api.post(`${path}/vote`, {}));

  const cal = await newPerson(browser, app.url);
  const page = cal.page;
  await signIn(page, g.cal.account);
  const meetingTitle = await openMeeting(page, g.livePath, 'Decisions meeting');
  const mine = card(page, 'Evening drop-in');
  await mine.getByRole('group', { name: 'Your vote on “Evening drop-in”' }).waitFor();

  // From the top of the page, Tab until the ballot's first choice has focus.
  let now = await focused(page);
  for (let presses = 0; !(now.type === 'radio' && now.text === 'Yes'); presses++) {
    expect(presses, 'Tab never reached the ballot').toBeLessThan(80);
    await page.keyboard.press('Tab');
    now = await focused(page);
  }
  // The arrow keys move through the choices and choose.
  await page.keyboard.press('ArrowDown');
  now = await focused(page);
  expect(now).toMatchObject({ type: 'radio', text: 'No', checked: true });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toMatchObject({ type: 'radio', text: 'No', checked: true });
  // Tab leaves the group for the button; Enter casts the vote.
  await page.keyboard.press('Tab');
  now = await focused(page);
  expect(now.tag).toBe('button');
  expect(now.text).toMatch(/^Cast my vote/);
  await page.keyboard.press('Enter');

  const confirmation = 'Your vote is cast: no. It is counted when the vote closes.';
  const status = mine.getByRole('status').filter({ hasText: confirmation });
  await status.waitFor();
  expect(await status.getAttribute('aria-live')).toBe('polite');
  now = await focused(page);
  expect(now).toMatchObject({ role: 'status', text: confirmation });
  await mine.getByText('You have voted.').waitFor();
  expect(await mine.getByRole('radio').count()).toBe(0);
  await checkPage(page, meetingTitle);

  const seen = await ok(g.cal.api.get(path));
  expect(seen.vote).toMatchObject({ iHaveVoted: true, voted: 1 });
  expect(cal.blocked).toEqual([]);
});
