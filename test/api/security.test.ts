import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { tokenFromLatestMail } from '../support/people.ts';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (l) => lines.push(l) } });
});
afterAll(async () => t.close());

describe('security', () => {
  it('pages and API answers carry a CSP with no inline scripts, and forbid framing and sniffing', async () => {
    for (const path of ['/api/v1/me', '/healthz', '/api/docs/']) {
      const answer = await t.client().get(path);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('logs are JSON lines with request ids, and never hold passwords, tokens, cookies or link secrets', async () => {
    const person = t.client();
    const me = await person.register('Logged Person');
    await t.client().post('/api/v1/session', { email: me.email, password: me.password });
    const created = await person.post('/api/v1/me/tokens', { name: 'log check' });
    const script = t.client();
    script.bearer = created.body.secret;
    await script.get('/api/v1/me');
    const group = await person.post('/api/v1/groups', { name: 'Logged group' });
    const invitation = await person.post(`/api/v1/groups/${group.body.group.id}/invitations`, {});
    await t.client().get(`/api/v1/invitations/${invitation.body.token}`);
    await t.client().post('/api/v1/session/link-requests', { email: me.email });
    const linkSecret = await tokenFromLatestMail(t, me.email, '/sign-in/link');

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.some((l) => typeof l.reqId === 'string')).toBe(true);
    const all = lines.join('\n');
    for (const secret of [
      me.password,
      created.body.secret,
      invitation.body.token,
      linkSecret,
      person.cookies.get('accord_session')!,
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted]');
  });

  it('answers echo a request id so a report can be matched to the log', async () => {
    const answer = await t.client().request('GET', '/healthz', undefined, {
      headers: { 'x-request-id': 'support-ticket-42' },
    });
    expect(answer.headers.get('x-request-id')).toBe('support-ticket-42');
  });
});
