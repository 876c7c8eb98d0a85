import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../../harness.ts';
import { addMeeting } from '../../support/meetings.ts';
import {
  latestMail,
  registerPerson,
  tokenFromLatestMail,
  type Person,
} from '../../support/people.ts';
import { linkToken } from '../../support/mailbox.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  admin = await registerPerson(t, 'Installation Admin');
});
afterAll(async () => t.close());

/** Every link secret a piece of text offers (`#token=…`, `#…`, `?code=…`). */
function secretsIn(text: string): string[] {
  return [...text.matchAll(/[#?&](?:token=|code=)?([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]!);
}

function at(client: Client, address: string): Client {
  client.address = address;
  return client;
}

describe('secrets in mail', () => {
  it('the outbox never shows a usable sign-in/reset/invitation/email-change link to an administrator', async () => {
    const person = await registerPerson(t, 'Outbox Target');
    await t.client().post('/api/v1/session/link-requests', { email: person.email });
    await t.client().post('/api/v1/password-resets', { email: person.email });
    const groupId = await createGroup(person.client, 'Outbox group');
    const invited = await person.client.post(`/api/v1/groups/${groupId}/invitations`, {
      email: 'outbox.friend@example.org',
    });
    expect(invited.status).toBe(201);
    const moved = `outbox.moved.${Date.now()}@example.org`;
    expect((await person.client.post('/api/v1/me/email', { email: moved })).status).toBe(202);
    await t.app.mail.drain();

    // The secrets that were really delivered.
    const delivered = t
      .mailbox!.messages.filter((m) =>
        [person.email, 'outbox.friend@example.org', moved].some((to) => m.to.includes(to)),
      )
      .flatMap((m) => secretsIn(m.text));
    expect(delivered.length).toBeGreaterThanOrEqual(4);

    const page = await admin.client.get('/api/v1/admin/outbox');
    expect(page.status).toBe(200);
    const rows = await t.database.query<{ row: string }>(
      'select row_to_json(o)::text as row from outbox o',
    );
    const readable = [page.text, ...rows.map((r) => r.row)].join('\n');
    for (const secret of delivered) expect(readable).not.toContain(secret);

    // Whatever looks like a link secret on the page works for nothing.
    for (const secret of secretsIn(page.text)) {
      const thief = t.client();
      expect((await thief.post('/api/v1/session/link', { token: secret })).status).not.toBe(200);
      expect(
        (
          await thief.post('/api/v1/password-resets/complete', {
            token: secret,
            password: 'the thief chose this',
          })
        ).status,
      ).not.toBe(200);
      expect((await thief.post('/api/v1/me/email/confirm', { token: secret })).status).not.toBe(
        200,
      );
      expect((await t.client().get(`/api/v1/invitations/${secret}`)).status).toBe(404);
    }
    // The page still says what went to whom.
    expect(page.body.messages.map((m: { subject: string }) => m.subject)).toContain(
      'Your Accord sign-in link',
    );
  });

  it('check-in codes are not stored in clear', async () => {
    const chair = await registerPerson(t, 'Check-in Chair');
    const member = await registerPerson(t, 'Check-in Member');
    const groupId = await createGroup(chair.client, 'Check-in group');
    await joinGroup(chair.client, member.client, groupId);
    const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() - 10 * 60_000));
    const path = `/api/v1/groups/${groupId}/meetings/${meetingId}`;
    const link = await chair.client.get(`${path}/check-in-link`);
    expect(link.status).toBe(200);
    const code = link.body.code as string;

    const [stored] = await t.database.query<{ n: string | number }>(
      `select count(*) as n from meetings m where row_to_json(m)::text like '%' || $1 || '%'`,
      [code],
    );
    expect(Number(stored!.n)).toBe(0);
    // The chair can show it again during the meeting, and it checks people in.
    expect((await chair.client.get(`${path}/check-in-link`)).body.code).toBe(code);
    const checkedIn = await member.client.post(`${path}/check-in`, { code, mode: 'online' });
    expect(checkedIn.status, checkedIn.text).toBe(200);
  });
});

describe('throttling that cannot be turned against the owner', () => {
  it("ten wrong passwords from a stranger's address do not block the owner signing in from theirs", async () => {
    const owner = await registerPerson(t, 'Locked Out Owner');
    const stranger = at(t.client(), '203.0.113.10');
    for (let i = 0; i < 10; i++) {
      const answer = await stranger.post('/api/v1/session', {
        email: owner.email,
        password: 'a stranger guessing',
      });
      expect([401, 429]).toContain(answer.status);
    }
    const fromHome = at(t.client(), '198.51.100.20');
    const signedIn = await fromHome.post('/api/v1/session', {
      email: owner.email,
      password: owner.password,
    });
    expect(signedIn.status, signedIn.text).toBe(200);
  });

  it("a stranger's link/reset requests do not stop the owner's link arriving and working", async () => {
    const owner = await registerPerson(t, 'Flooded Owner');
    const stranger = at(t.client(), '203.0.113.11');
    for (let i = 0; i < 6; i++) {
      expect(
        (await stranger.post('/api/v1/session/link-requests', { email: owner.email })).status,
      ).toBe(202);
      expect((await stranger.post('/api/v1/password-resets', { email: owner.email })).status).toBe(
        202,
      );
    }
    const home = at(t.client(), '198.51.100.21');
    const asked = await home.post('/api/v1/session/link-requests', { email: owner.email });
    expect(asked.status, asked.text).toBe(202);
    const signIn = await tokenFromLatestMail(t, owner.email, '/sign-in/link');
    expect((await home.post('/api/v1/session/link', { token: signIn })).status).toBe(200);

    const reset = await home.post('/api/v1/password-resets', { email: owner.email });
    expect(reset.status, reset.text).toBe(202);
    const resetToken = await tokenFromLatestMail(t, owner.email, '/reset-password');
    const done = await home.post('/api/v1/password-resets/complete', {
      token: resetToken,
      password: 'a brand new password',
    });
    expect(done.status, done.text).toBe(200);
    // At most one mail of each kind went out for all those requests.
    await t.app.mail.drain();
    const subjects = t.mailbox!.to(owner.email).map((m) => m.subject);
    expect(subjects.filter((s) => s === 'Your Accord sign-in link')).toHaveLength(1);
    expect(subjects.filter((s) => s === 'Reset your Accord password')).toHaveLength(1);
  });

  it('every 429 carries Retry-After', async () => {
    const owner = await registerPerson(t, 'Retry Owner');
    const answers = [];
    const guesser = at(t.client(), '203.0.113.12');
    for (let i = 0; i < 6; i++) {
      answers.push(
        await guesser.post('/api/v1/session', { email: owner.email, password: 'wrong guess' }),
      );
    }
    const asker = at(t.client(), '203.0.113.13');
    for (let i = 0; i < 21; i++) {
      answers.push(
        await asker.post('/api/v1/session/link-requests', { email: `nobody${i}@example.org` }),
      );
    }
    const registrar = at(t.client(), '203.0.113.14');
    for (let i = 0; i < 21; i++) {
      answers.push(
        await registrar.post('/api/v1/accounts', {
          name: 'Someone',
          email: `retry.${i}.${Date.now()}@example.org`,
          password: 'correct horse battery',
        }),
      );
    }
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    for (const answer of limited) {
      expect(answer.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    }
  });

  it('blocked attempts do not extend the delay', async () => {
    const owner = await registerPerson(t, 'Patient Owner');
    const me = at(t.client(), '203.0.113.15');
    for (let i = 0; i < 5; i++) {
      expect(
        (await me.post('/api/v1/session', { email: owner.email, password: 'misremembered' }))
          .status,
      ).toBe(401);
    }
    const blocked = await me.post('/api/v1/session', {
      email: owner.email,
      password: 'misremembered',
    });
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) {
      const again = await me.post('/api/v1/session', {
        email: owner.email,
        password: 'misremembered',
      });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(wait);
    }
    // Once the first delay has passed, the right password works.
    await t.database.query(
      `update auth_attempts set attempted_at = attempted_at - make_interval(secs => $1) where key like '%' || $2 || '%'`,
      [wait + 1, owner.email],
    );
    expect(
      (await me.post('/api/v1/session', { email: owner.email, password: owner.password })).status,
    ).toBe(200);
  });
});

describe('registration', () => {
  it('registering an email that has an account answers exactly like a new one and emails the owner', async () => {
    const owner = await registerPerson(t, 'Existing Owner');
    const attempt = async (email: string) => {
      const client = t.client();
      await client.get('/api/v1/csrf');
      const started = performance.now();
      const answer = await client.post('/api/v1/accounts', {
        name: 'Curious Stranger',
        email,
        password: 'correct horse battery',
      });
      return { answer, ms: performance.now() - started };
    };
    const taken = await attempt(owner.email);
    const fresh = await attempt(`fresh.${Date.now()}@example.org`);
    expect(taken.answer.status).toBe(fresh.answer.status);
    expect(taken.answer.text).toBe(fresh.answer.text);
    const headerNames = (h: Headers) =>
      [...h.keys()].filter((k) => !['date', 'x-request-id', 'content-length'].includes(k)).sort();
    expect(headerNames(taken.answer.headers)).toEqual(headerNames(fresh.answer.headers));
    expect(taken.answer.headers.getSetCookie()).toEqual([]);
    expect(fresh.answer.headers.getSetCookie()).toEqual([]);
    // The password is hashed either way, so neither answer is quick.
    expect(taken.ms).toBeGreaterThan(fresh.ms * 0.3);

    const told = await latestMail(t, owner.email);
    expect(told.subject).toBe('You already have an Accord account');
    expect(told.text).toContain('/forgot-password');
    expect(linkToken(told.text)).toBeUndefined();
  });

  it('registration is rate limited per address', async () => {
    const crowd = at(t.client(), '203.0.113.16');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await crowd.post('/api/v1/accounts', {
        name: 'Bulk Account',
        email: `bulk.${i}.${Date.now()}@example.org`,
        password: 'correct horse battery',
      });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.headers.get('retry-after')).toMatch(/^[1-9]/);
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const elsewhere = at(t.client(), '198.51.100.22');
    expect(
      (
        await elsewhere.post('/api/v1/accounts', {
          name: 'Someone Else',
          email: `elsewhere.${Date.now()}@example.org`,
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(202);
  });
});
