import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMeetingReminders } from '../../src/server/modules/meetings/reminders.service.ts';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../harness.ts';
import { registerPerson } from '../support/people.ts';
import { expectError } from '../support/errors.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';

const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // The first account is created at once; everyone after it registers by email.
  await t.client().register('Installation Administrator');
});
afterAll(async () => t.close());

/** A header as its reader sees it: RFC 2047 encoded words (such as Welsh letters) decoded. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** Mail delivered to `email` whose subject matches, newest last. */
async function mailTo(email: string, subject: RegExp) {
  await t.app.mail.drain();
  return t
    .mailbox!.to(email)
    .map((m) => ({ ...m, subject: decodeHeader(m.subject) }))
    .filter((m) => subject.test(m.subject));
}

/** A group whose chair writes in English, with one Welsh-speaking and one English-speaking member. */
async function bilingualGroup(name: string) {
  const chair = await registerPerson(t, 'Chair Person', { language: 'en-GB' });
  const groupId = await createGroup(chair.client, name);
  const welsh = await registerPerson(t, 'Siân Cymraeg', { language: 'cy' });
  const english = await registerPerson(t, 'Sam English');
  for (const p of [welsh, english]) await joinGroup(chair.client, p.client, groupId);
  await adoptTerms(chair.client, groupId);
  return { chair, welsh, english, groupId };
}

describe('the language kept on an account', () => {
  it('starts unchosen, is changed through PATCH /me, shows in the session, and refuses a language Accord does not speak', async () => {
    const p = await registerPerson(t, 'Language Chooser');
    expect((await p.client.get('/api/v1/me')).body.language).toBeNull();
    const saved = await p.client.patch('/api/v1/me', { language: 'cy' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ language: 'cy', name: 'Language Chooser' });
    expect((await p.client.get('/api/v1/session')).body.user.language).toBe('cy');
    for (const wrong of ['fr', 'CY', '', 7, null]) {
      expectError(await p.client.patch('/api/v1/me', { language: wrong }), {
        status: 422,
        code: 'validation_failed',
        field: 'language',
      });
    }
    expect((await p.client.get('/api/v1/me')).body.language).toBe('cy');
  });

  it('the database refuses a language outside the list, whatever the application does', async () => {
    await expect(
      t.database.query(`update users set language = 'fr' where name = 'Language Chooser'`),
    ).rejects.toThrow(/users_language_known/);
  });
});

describe('emails in the recipient’s language', () => {
  it('registering in Welsh sends the link in Welsh and keeps Welsh on the new account; registering without a language writes in English', async () => {
    const welshEmail = `cymraeg.${Date.now()}@example.org`;
    const client = t.client();
    const asked = await client.post('/api/v1/accounts', {
      name: 'Gwen',
      email: welshEmail,
      password: 'long enough pass',
      language: 'cy',
    });
    expect(asked.status, asked.text).toBe(202);
    const [welshMail] = await mailTo(welshEmail, /./);
    expect(welshMail?.subject).toBe('Gorffen creu eich cyfrif Accord');
    expect(welshMail?.text).toMatch(/^Helo Gwen,\n\nAgorwch y ddolen hon/);
    expect(welshMail?.text).toContain('am 24 awr');
    const token = await client.tokenFromMail(welshEmail, '/register/confirm');
    const confirmed = await client.post('/api/v1/accounts/confirm', {
      token,
      password: 'long enough pass',
    });
    expect(confirmed.status, confirmed.text).toBe(201);
    expect(confirmed.body.user.language).toBe('cy');

    // Asking again for the same address tells its owner, in the account's language.
    await t.client().post('/api/v1/accounts', {
      name: 'Gwen',
      email: welshEmail,
      password: 'long enough pass',
    });
    const [already] = await mailTo(welshEmail, /yn barod/);
    expect(already?.subject).toBe('Mae gennych gyfrif Accord yn barod');

    const englishEmail = `english.${Date.now()}@example.org`;
    const english = await t.client().post('/api/v1/accounts', {
      name: 'Ed',
      email: englishEmail,
      password: 'long enough pass',
    });
    expect(english.status, english.text).toBe(202);
    const [englishMail] = await mailTo(englishEmail, /./);
    expect(englishMail?.subject).toBe('Finish creating your Accord account');
    expect(englishMail?.text).toMatch(/^Hello Ed,\n\nOpen this link/);

    expectError(
      await t.client().post('/api/v1/accounts', {
        name: 'Wrong',
        email: `wrong.${Date.now()}@example.org`,
        password: 'long enough pass',
        language: 'de',
      }),
      { status: 422, code: 'validation_failed', field: 'language' },
    );
  });

  it('a sign-in link goes in the account’s language', async () => {
    const p = await registerPerson(t, 'Link Person', { language: 'cy' });
    const asked = await t.client().post('/api/v1/session/link-requests', { email: p.email });
    expect(asked.status, asked.text).toBe(202);
    const [mail] = await mailTo(p.email, /dolen/);
    expect(mail?.subject).toBe('Eich dolen fewngofnodi Accord');
    expect(mail?.text).toContain('am 15 munud');
  });

  it('a meeting reminder is in each person’s language, with the day in that language and the group’s time zone, and names the group once', async () => {
    const g = await bilingualGroup('Carers Voice');
    // Titled with the group's name, as a meeting is by default.
    const startsAt = new Date(Date.now() + 3 * DAY);
    await addMeeting(g.chair.client, g.groupId, startsAt);
    await sendMeetingReminders(t.app.deps);

    const [welsh] = await mailTo(g.welsh.email, /Carers Voice/);
    const [english] = await mailTo(g.english.email, /Carers Voice/);
    const londonDay = (locale: string) =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'Europe/London',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(startsAt);

    expect(welsh?.subject).toBe(`Yr wythnos nesaf: Carers Voice, ${londonDay('cy-GB')}`);
    expect(welsh?.text).toMatch(
      /^Helo Siân Cymraeg,\n\nMae Carers Voice yn cyfarfod yr wythnos nesaf/,
    );
    expect(welsh?.text).toMatch(/am \d\d:\d\d (GMT|BST)/);
    expect(welsh?.text).toContain('Dywedwch a allwch chi ddod');
    expect(welsh?.text).not.toContain('Hello');

    expect(english?.subject).toBe(`Next week: Carers Voice, ${londonDay('en-GB')}`);
    expect(english?.text).toMatch(/^Hello Sam English,\n\nCarers Voice meets next week/);
    expect(english?.text).toContain('Say whether you can come');

    for (const mail of [welsh, english]) {
      expect(mail?.subject.match(/Carers Voice/g)).toHaveLength(1);
      expect(mail?.text.match(/Carers Voice/g)).toHaveLength(1);
    }
  });

  it('a meeting with its own title names the group after it in the reminder', async () => {
    const g = await bilingualGroup('Transport working group');
    await addMeeting(g.chair.client, g.groupId, new Date(Date.now() + 3 * DAY), 120, {
      title: 'Bus routes workshop',
    });
    await sendMeetingReminders(t.app.deps);
    const [english] = await mailTo(g.english.email, /Bus routes workshop/);
    expect(english?.text).toContain(
      'Bus routes workshop (Transport working group) meets next week',
    );
  });

  it('notes ready for comments are announced in each person’s language', async () => {
    const g = await bilingualGroup('Notes group');
    const meetingId = await addMeeting(g.chair.client, g.groupId, new Date(Date.now() - 5 * DAY));
    const url = `/api/v1/groups/${g.groupId}/meetings/${meetingId}/notes`;
    const draft = await g.chair.client.put(url, {
      content: { summary: 'The group went through the bus timetable.', items: [] },
    });
    expect(draft.status, draft.text).toBe(200);
    const circulated = await g.chair.client.post(`${url}/circulate`);
    expect(circulated.status, circulated.text).toBe(200);

    const [welsh] = await mailTo(g.welsh.email, /Nodiadau/);
    const [english] = await mailTo(g.english.email, /Notes of/);
    expect(welsh?.subject).toMatch(
      /^Nodiadau Notes group, Dydd \S+, \d+ \S+ \d{4}: yn barod am sylwadau$/,
    );
    expect(welsh?.text).toContain('yn barod i chi roi sylwadau arnyn nhw');
    expect(welsh?.text).toContain('Maen nhw’n gyfrinachol i’r grŵp.');
    expect(welsh?.text).toContain(`/groups/${g.groupId}/meetings/${meetingId}/notes`);
    expect(english?.subject).toMatch(
      /^Notes of Notes group, \w+day, \d+ \w+ \d{4}: ready for comments$/,
    );
    expect(english?.text).toContain('They are confidential to the group.');
    expect(await mailTo(g.english.email, /Nodiadau/)).toHaveLength(0);
  });

  it('an invitation is written in the invitee’s language if they have an account, else in the inviter’s', async () => {
    const chair = await registerPerson(t, 'Cadeirydd', { language: 'cy' });
    const groupId = await createGroup(chair.client, 'Llais Gofalwyr');
    const english = await registerPerson(t, 'Invited English', { language: 'en-GB' });
    const nobody = `newcomer.${Date.now()}@example.org`;
    for (const email of [english.email, nobody]) {
      const invited = await chair.client.post(`/api/v1/groups/${groupId}/invitations`, { email });
      expect(invited.status, invited.text).toBe(201);
    }
    const [toEnglish] = await mailTo(english.email, /invited/);
    expect(toEnglish?.subject).toBe('You are invited to join Llais Gofalwyr on Accord');
    const [toNewcomer] = await mailTo(nobody, /Llais Gofalwyr/);
    expect(toNewcomer?.subject).toBe('Gwahoddiad i ymuno â Llais Gofalwyr ar Accord');
    expect(toNewcomer?.text).toContain('Mae croeso i bawb.');
  });
});
