import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

function linkToken(text: string): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in ${text}`);
  return match[1];
}

/** Mail delivered to `email`, newest first, as it arrived (links intact). */
async function outboxFor(email: string) {
  await t.app.mail.drain();
  return t
    .mailbox!.to(email)
    .map((m) => ({ to_address: email, subject: m.subject, body_text: m.text }))
    .reverse();
}

describe('accounts', () => {
  it('the first account on an empty installation becomes the administrator, later ones do not', async () => {
    const first = await t.client().register('First Person');
    const second = await t.client().register('Second Person');
    expect(first).toMatchObject({ isAdmin: true });
    expect(second).toMatchObject({ isAdmin: false });
  });

  it('registering emails a link; opening it with the password chosen creates the account and signs you in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const person = t.client();
    const email = `cookie.${Date.now()}@example.org`;
    await person.get('/api/v1/csrf');
    const asked = await person.post('/api/v1/accounts', {
      name: 'Cookie',
      email,
      password: 'long enough pass',
    });
    expect(asked.status).toBe(202);
    expect(asked.headers.getSetCookie().some((c) => c.startsWith('accord_session='))).toBe(false);
    expect((await person.get('/api/v1/me')).status).toBe(401);
    const token = await person.tokenFromMail(email, '/register/confirm');
    const wrong = await person.post('/api/v1/accounts/confirm', {
      token,
      password: 'not what I chose',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.fields).toHaveProperty('password');
    const answer = await person.post('/api/v1/accounts/confirm', {
      token,
      password: 'long enough pass',
    });
    expect(answer.status).toBe(201);
    expect(
      (await t.client().post('/api/v1/accounts/confirm', { token, password: 'long enough pass' }))
        .status,
    ).toBe(401);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('accord_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await person.get('/api/v1/me')).body).toMatchObject({ email, name: 'Cookie' });
  });

  it('an email is registered once, whatever its case', async () => {
    const person = t.client();
    const email = `Dup.${Date.now()}@Example.org`;
    const lower = email.toLowerCase();
    expect(
      (await person.post('/api/v1/accounts', { name: 'A', email, password: 'long enough pass' }))
        .status,
    ).toBe(202);
    const token = await person.tokenFromMail(lower, '/register/confirm');
    expect(
      (await person.post('/api/v1/accounts/confirm', { token, password: 'long enough pass' }))
        .status,
    ).toBe(201);
    const again = await t.client().post('/api/v1/accounts', {
      name: 'B',
      email: lower,
      password: 'long enough pass',
    });
    expect(again.status).toBe(202);
    const [told] = await outboxFor(lower);
    expect(told!.subject).toBe('You already have an Accord account');
    const [row] = await t.database.query<{ n: string | number }>(
      'select count(*) as n from users where email = $1',
      [lower],
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('signing in rotates the session and signing out destroys it', async () => {
    const person = t.client();
    const me = await person.register('Rotating');
    const before = person.cookies.get('accord_session');
    const signIn = await person.post('/api/v1/session', { email: me.email, password: me.password });
    expect(signIn.status).toBe(200);
    const after = person.cookies.get('accord_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // The old session no longer works.
    const stale = t.client();
    stale.cookies.set('accord_session', before!);
    expect((await stale.get('/api/v1/me')).status).toBe(401);
    expect((await person.delete('/api/v1/session')).status).toBe(200);
    const replay = t.client();
    replay.cookies.set('accord_session', after!);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
  });

  it('asking who is signed in answers 200 in every state: no one, the account, and no one again after signing out or with a stale cookie', async () => {
    const person = t.client();
    const signedOut = await person.get('/api/v1/session');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ user: null });
    const me = await person.register('Session Check');
    const signedIn = await person.get('/api/v1/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email: me.email, name: 'Session Check' });
    const stale = t.client();
    stale.cookies.set('accord_session', person.cookies.get('accord_session')!);
    expect((await person.delete('/api/v1/session')).status).toBe(200);
    expect((await person.get('/api/v1/session')).body).toEqual({ user: null });
    expect((await stale.get('/api/v1/session')).body).toEqual({ user: null });
  });

  it('a wrong password is refused without saying whether the account exists', async () => {
    const me = await t.client().register('Wrong Password');
    const wrong = await t
      .client()
      .post('/api/v1/session', { email: me.email, password: 'not the password' });
    const nobody = await t
      .client()
      .post('/api/v1/session', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body).toEqual(nobody.body);
  });

  it('sign-in attempts are limited per account and address, counted in the database', async () => {
    const me = await t.client().register('Limited');
    const guesser = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await guesser.post('/api/v1/session', { email: me.email, password: 'wrong password' }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // From that address, even the right password waits out the delay.
    expect(
      (await guesser.post('/api/v1/session', { email: me.email, password: me.password })).status,
    ).toBe(429);
    const [row] = await t.database.query<{ n: string | number }>(
      'select count(*) as n from auth_attempts where key like $1',
      [`password:${me.email}|%`],
    );
    expect(Number(row!.n)).toBe(5);
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const person = t.client();
    await person.register('Csrf');
    const answer = await person.request(
      'POST',
      '/api/v1/groups',
      { name: 'X' },
      { headers: { 'x-csrf-token': 'wrong-token-value-here' } },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.fields).toHaveProperty('x-csrf-token');
  });

  it('an emailed sign-in link works once, within 15 minutes', async () => {
    const me = await t.client().register('Link User');
    const ask = await t.client().post('/api/v1/session/link-requests', { email: me.email });
    expect(ask.status).toBe(202);
    const [mail] = await outboxFor(me.email);
    expect(mail?.subject).toBe('Your Accord sign-in link');
    const token = linkToken(mail!.body_text);
    const person = t.client();
    const first = await person.post('/api/v1/session/link', { token });
    expect(first.status).toBe(200);
    expect((await person.get('/api/v1/me')).body.email).toBe(me.email);
    expect((await t.client().post('/api/v1/session/link', { token })).status).toBe(401);
  });

  it('a sign-in link can carry the page to return to, which must be a path on this site', async () => {
    const me = await t.client().register('Returning Joiner');
    const next = '/join#token=abc';
    const ask = await t.client().post('/api/v1/session/link-requests', { email: me.email, next });
    expect(ask.status, ask.text).toBe(202);
    const [mail] = await outboxFor(me.email);
    expect(mail!.body_text).toContain(`&next=${encodeURIComponent(next)}`);
    for (const bad of [
      '//evil.example',
      'https://evil.example/',
      '/\\evil.example',
      'join',
      '/a\nb',
    ]) {
      const answer = await t
        .client()
        .post('/api/v1/session/link-requests', { email: me.email, next: bad });
      expect(answer.status, bad).toBe(422);
      expect(answer.body.error.fields, bad).toHaveProperty('next');
    }
  });

  it('an expired sign-in link is refused', async () => {
    const me = await t.client().register('Expired Link');
    await t.client().post('/api/v1/session/link-requests', { email: me.email });
    const [mail] = await outboxFor(me.email);
    await t.database.query(`update one_time_tokens set expires_at = now() - interval '1 second'`);
    expect(
      (await t.client().post('/api/v1/session/link', { token: linkToken(mail!.body_text) })).status,
    ).toBe(401);
  });

  it('asking for a link for an unknown email answers the same and sends nothing', async () => {
    const answer = await t
      .client()
      .post('/api/v1/session/link-requests', { email: 'ghost@example.org' });
    expect(answer.status).toBe(202);
    expect(await outboxFor('ghost@example.org')).toHaveLength(0);
  });

  it('a password reset link sets a new password and signs out other sessions', async () => {
    const person = t.client();
    const me = await person.register('Resetter');
    await t.client().post('/api/v1/password-resets', { email: me.email });
    const [mail] = await outboxFor(me.email);
    const fresh = t.client();
    const reset = await fresh.post('/api/v1/password-resets/complete', {
      token: linkToken(mail!.body_text),
      password: 'a brand new password',
    });
    expect(reset.status).toBe(200);
    expect((await person.get('/api/v1/me')).status).toBe(401);
    expect(
      (
        await t
          .client()
          .post('/api/v1/session', { email: me.email, password: 'a brand new password' })
      ).status,
    ).toBe(200);
    expect(
      (await t.client().post('/api/v1/session', { email: me.email, password: me.password })).status,
    ).toBe(401);
  });

  it('API tokens authenticate scripts, are listed without their secret, and stop working when revoked', async () => {
    const person = t.client();
    await person.register('Scripter');
    const created = await person.post('/api/v1/me/tokens', { name: 'My script' });
    expect(created.status).toBe(201);
    const script = t.client();
    script.bearer = created.body.secret;
    expect((await script.get('/api/v1/me')).status).toBe(200);
    // Bearer requests need no CSRF token.
    expect((await script.post('/api/v1/groups', { name: 'From a script' })).status).toBe(201);
    const list = await person.get('/api/v1/me/tokens');
    expect(list.body.tokens).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect((await person.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(200);
    expect((await script.get('/api/v1/me')).status).toBe(401);
    expect((await person.get('/api/v1/me/tokens')).body.tokens).toHaveLength(0);
  });

  it('nobody can revoke another person’s token', async () => {
    const owner = t.client();
    await owner.register('Owner');
    const created = await owner.post('/api/v1/me/tokens', { name: 'mine' });
    const other = t.client();
    await other.register('Other');
    expect((await other.delete(`/api/v1/me/tokens/${created.body.token.id}`)).status).toBe(404);
  });
});

describe('your own account', () => {
  it('you change your name and the names you go by; each is kept once, and bad names are refused naming the field', async () => {
    const person = t.client();
    await person.register('Samantha Okafor');
    const changed = await person.patch('/api/v1/me', {
      name: 'Samantha Okafor-Reid',
      knownAs: ['Sammy', ' sammy ', 'Mrs O'],
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Samantha Okafor-Reid',
      knownAs: ['Sammy', 'Mrs O'],
    });
    expect((await person.get('/api/v1/me')).body.knownAs).toEqual(['Sammy', 'Mrs O']);

    for (const [body, field] of [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ knownAs: ['Sam\u0000'] }, 'knownAs.0'],
      [{ knownAs: ['<script>'] }, 'knownAs.0'],
      [{ knownAs: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'knownAs'],
      [{ knownAs: 'Sam' }, 'knownAs'],
      [{ email: 'x@example.org' }, 'email'],
    ] as const) {
      const answer = await person.patch('/api/v1/me', body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.fields, JSON.stringify(body)).toHaveProperty([field]);
    }
    expect((await person.get('/api/v1/me')).body.name).toBe('Samantha Okafor-Reid');
    expect((await t.client().patch('/api/v1/me', { name: 'Nobody' })).status).toBe(401);
  });

  it('your job title and organisation are kept trimmed, cleared when emptied, and bad ones are refused naming the field', async () => {
    const person = t.client();
    const me = await person.register('Priya Manager');
    expect(me).toMatchObject({ jobTitle: null, organisation: null });
    const set = await person.patch('/api/v1/me', {
      jobTitle: '  Practice manager ',
      organisation: 'Elm Street Surgery',
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({
      name: 'Priya Manager',
      jobTitle: 'Practice manager',
      organisation: 'Elm Street Surgery',
    });
    expect((await person.get('/api/v1/me')).body).toMatchObject({
      jobTitle: 'Practice manager',
      organisation: 'Elm Street Surgery',
    });

    for (const [body, field] of [
      [{ jobTitle: 'x'.repeat(121) }, 'jobTitle'],
      [{ organisation: 'x'.repeat(121) }, 'organisation'],
      [{ jobTitle: 'GP\u0000' }, 'jobTitle'],
      [{ organisation: 'Citizens\u0000Advice' }, 'organisation'],
      [{ jobTitle: 42 }, 'jobTitle'],
      [{ organisation: ['Citizens Advice'] }, 'organisation'],
    ] as const) {
      const answer = await person.patch('/api/v1/me', body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body.error.fields, JSON.stringify(body)).toHaveProperty([field]);
    }
    // 120 characters is the most; nothing above changed what was kept.
    const longest = await person.patch('/api/v1/me', { organisation: 'o'.repeat(120) });
    expect(longest.status, longest.text).toBe(200);
    expect(longest.body).toMatchObject({ jobTitle: 'Practice manager' });

    // Empty (after trimming) or null clears each; what is not sent stays.
    const cleared = await person.patch('/api/v1/me', { jobTitle: '   ', organisation: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toMatchObject({ jobTitle: null, organisation: null });
    expect((await person.get('/api/v1/me')).body).toMatchObject({
      name: 'Priya Manager',
      jobTitle: null,
      organisation: null,
    });
  });

  it('a new email address takes effect only from the link sent to it; the old address is told; a taken address changes nothing', async () => {
    const person = t.client();
    const me = await person.register('Mover');
    const newEmail = `moved.${Date.now()}@example.org`;
    const asked = await person.post('/api/v1/me/email', { email: newEmail });
    expect(asked.status, asked.text).toBe(202);
    // Nothing changes until the link is opened.
    expect((await person.get('/api/v1/me')).body.email).toBe(me.email);
    const [mail] = await outboxFor(newEmail);
    const token = linkToken(mail!.body_text);
    expect(mail!.body_text).toContain('/account/email#token=');

    // The link works once, for whoever opens it: the token is the proof.
    const confirmed = await t.client().post('/api/v1/me/email/confirm', { token });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.user.email).toBe(newEmail);
    expect((await person.get('/api/v1/me')).body.email).toBe(newEmail);
    expect((await t.client().post('/api/v1/me/email/confirm', { token })).status).toBe(401);
    const [notice] = await outboxFor(me.email);
    expect(notice!.body_text).toContain('now uses a new email address');
    // Signing in now uses the new address.
    const signIn = await t
      .client()
      .post('/api/v1/session', { email: newEmail, password: me.password });
    expect(signIn.status).toBe(200);

    // An address that already has an account: the same answer, that address is told, nothing moves.
    const other = await t.client().register('Other');
    const taken = await person.post('/api/v1/me/email', { email: other.email });
    expect(taken.status).toBe(202);
    const [told] = await outboxFor(other.email);
    expect(told!.body_text).toContain('already has an Accord account');
    expect(told!.body_text).not.toMatch(/#token=/);
    expect((await person.get('/api/v1/me')).body.email).toBe(newEmail);

    const same = await person.post('/api/v1/me/email', { email: newEmail });
    expect(same.status).toBe(422);
    expect(same.body.error.fields).toHaveProperty('email');
  });

  it('a confirmed email change loses to an account that took the address first', async () => {
    const person = t.client();
    await person.register('Slow Mover');
    const wanted = `wanted.${Date.now()}@example.org`;
    await person.post('/api/v1/me/email', { email: wanted });
    const [mail] = await outboxFor(wanted);
    const quick = t.client();
    const first = await quick.post('/api/v1/accounts', {
      name: 'Quick',
      email: wanted,
      password: 'correct horse battery',
    });
    expect(first.status).toBe(202);
    const token = await quick.tokenFromMail(wanted, '/register/confirm');
    expect(
      (await quick.post('/api/v1/accounts/confirm', { token, password: 'correct horse battery' }))
        .status,
    ).toBe(201);
    const late = await t
      .client()
      .post('/api/v1/me/email/confirm', { token: linkToken(mail!.body_text) });
    expect(late.status).toBe(409);
  });
});

describe('mail in development', () => {
  it('with MAIL_PRINT_LINKS and no mail server, a link reaches the console once; production refuses the setting', async () => {
    const lines: string[] = [];
    const dev = await startTestApp(
      { SMTP_URL: '', MAIL_PRINT_LINKS: 'true', LOG_LEVEL: 'info' },
      { logStream: { write: (line) => lines.push(line) } },
    );
    try {
      const me = await dev.client().register('Developer');
      await dev.client().post('/api/v1/session/link-requests', { email: me.email });
      await dev.app.mail.drain();
      const printed = lines.filter((l) => l.includes('MAIL_PRINT_LINKS'));
      expect(printed).toHaveLength(1);
      const token = /\/sign-in\/link#token=([A-Za-z0-9_-]+)/.exec(printed[0]!)?.[1];
      expect(token).toBeDefined();
      expect((await dev.client().post('/api/v1/session/link', { token })).status).toBe(200);
      const [row] = await dev.database.query<{ status: string; deliverable_text: string | null }>(
        'select status, deliverable_text from outbox where to_address = $1',
        [me.email],
      );
      expect(row).toEqual({ status: 'logged', deliverable_text: null });
    } finally {
      await dev.close();
    }
    expect(() => loadConfig({ MAIL_PRINT_LINKS: 'true', NODE_ENV: 'production' })).toThrow(
      /MAIL_PRINT_LINKS/,
    );
  });
});
