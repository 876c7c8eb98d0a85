import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../harness.ts';
import { expectError } from '../../support/errors.ts';
import { registerPerson, rowCounts } from '../../support/people.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('CSRF', () => {
  it('a change sent to an encoded spelling of an API path (/%61pi/...) without the token is refused', async () => {
    const person = await registerPerson(t, 'Encoded Path');
    const before = await rowCounts(t, ['groups', 'sessions']);

    const created = await person.client.request(
      'POST',
      '/%61pi/v1/groups',
      { name: 'Made across sites' },
      { headers: { 'x-csrf-token': '' } },
    );
    expectError(created, { status: 403, code: 'forbidden', field: 'x-csrf-token' });

    // Signing someone in as the attacker (login CSRF) is refused the same way.
    const stranger = t.client();
    const signIn = await stranger.request(
      'POST',
      '/%61pi/v1/session',
      { email: person.email, password: person.password },
      { headers: { 'x-csrf-token': '' } },
    );
    expectError(signIn, { status: 403, code: 'forbidden', field: 'x-csrf-token' });
    expect(await rowCounts(t, ['groups', 'sessions'])).toEqual(before);

    // The same spelling with the right token is the same route, acting as the person.
    const allowed = await person.client.post('/%61pi/v1/groups', { name: 'Made at home' });
    expect(allowed.status).toBe(201);
  });

  it("a token from another session is refused, and the session's own token passes", async () => {
    const victim = await registerPerson(t, 'Csrf Victim');
    const attacker = await registerPerson(t, 'Csrf Attacker');
    const attackerToken = attacker.client.cookies.get('accord_csrf')!;
    expect(attackerToken).toBeTruthy();

    // The attacker plants their own token as the victim's cookie and echoes it.
    victim.client.cookies.set('accord_csrf', attackerToken);
    const forged = await victim.client.request(
      'POST',
      '/api/v1/groups',
      { name: 'Forged' },
      { headers: { 'x-csrf-token': attackerToken } },
    );
    expectError(forged, { status: 403, code: 'forbidden', field: 'x-csrf-token' });

    // Any GET gives the victim back their own session's token, which passes.
    const fresh = await victim.client.get('/api/v1/csrf');
    expect(fresh.body.csrfToken).not.toBe(attackerToken);
    expect(victim.client.cookies.get('accord_csrf')).toBe(fresh.body.csrfToken);
    const own = await victim.client.post('/api/v1/groups', { name: 'Mine' });
    expect(own.status).toBe(201);
  });

  it('each session has its own token, and a new session brings a new one', async () => {
    const person = await registerPerson(t, 'Two Sessions');
    const first = person.client.cookies.get('accord_csrf');
    const again = t.client();
    await again.post('/api/v1/session', { email: person.email, password: person.password });
    const second = again.cookies.get('accord_csrf');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const crossed = await again.request(
      'POST',
      '/api/v1/groups',
      { name: 'Crossed' },
      { headers: { 'x-csrf-token': first! } },
    );
    expectError(crossed, { status: 403, code: 'forbidden' });
  });

  it('GET /api/v1/csrf answers the token its one cookie holds, before and after signing in', async () => {
    const browser = t.client();
    const first = await browser.get('/api/v1/csrf');
    const cookies = first.headers.getSetCookie().filter((c) => c.startsWith('accord_csrf='));
    expect(cookies).toHaveLength(1);
    expect(browser.cookies.get('accord_csrf')).toBe(first.body.csrfToken);
    expect((await browser.get('/api/v1/csrf')).body.csrfToken).toBe(first.body.csrfToken);

    const me = await browser.register('Token Reader');
    const signedIn = await browser.get('/api/v1/csrf');
    expect(signedIn.body.csrfToken).not.toBe(first.body.csrfToken);
    expect(signedIn.body.csrfToken).toBe(browser.cookies.get('accord_csrf'));
    expect(me.name).toBe('Token Reader');
  });

  it('API tokens need no CSRF token, as no browser sends them by itself', async () => {
    const person = await registerPerson(t, 'Script Writer');
    const created = await person.client.post('/api/v1/me/tokens', { name: 'script' });
    const script = t.client();
    script.bearer = created.body.secret;
    const answer = await script.post('/api/v1/groups', { name: 'From a script' });
    expect(answer.status).toBe(201);
  });
});
