import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../harness.ts';
import { parseMessage } from '../support/mailbox.ts';

type Received = { mailFrom: string; rcptTo: string[]; raw: string; encrypted: boolean };

/** A real SMTP server on 127.0.0.1 that keeps what it receives; it can refuse the first deliveries. */
async function startMailServer(options: { refuseFirst?: number } & SMTPServerOptions = {}) {
  const received: Received[] = [];
  let refusals = options.refuseFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    ...options,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = new Error('Mailbox busy, try again later') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          encrypted: session.secure,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('mail through a real SMTP server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(options: Parameters<typeof startMailServer>[0], query = '') {
    const mail = await startMailServer(options);
    cleanups.push(mail.close);
    const t: TestApp = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${mail.port}${query}`,
      MAIL_FROM: 'Accord <accord@example.org>',
    });
    cleanups.push(t.close);
    const me = await t.client().register('Mail Reader');
    return { mail, t, me };
  }

  it('a sign-in link is delivered by SMTP and signs the reader in', async () => {
    const { mail, t, me } = await setUp({ disabledCommands: ['STARTTLS'] });

    const asked = await new Client(t.url).post('/api/v1/session/link-requests', {
      email: me.email,
    });
    expect(asked.status).toBe(202);
    await t.app.mail.drain();

    expect(mail.received).toHaveLength(1);
    const [delivered] = mail.received;
    expect(delivered!.mailFrom).toBe('accord@example.org');
    expect(delivered!.rcptTo).toEqual([me.email]);
    const message = parseMessage(delivered!.raw);
    expect(message.headers.get('subject')).toBe('Your Accord sign-in link');
    expect(message.headers.get('from')).toBe('Accord <accord@example.org>');
    const link = /(http\S+\/sign-in\/link)#token=([A-Za-z0-9_-]+)/.exec(message.text);
    expect(link?.[1]).toBe(`${t.url}/sign-in/link`);

    const reader = new Client(t.url);
    const signedIn = await reader.post('/api/v1/session/link', { token: link![2] });
    expect(signedIn.status).toBe(200);
    expect((await reader.get('/api/v1/me')).body).toMatchObject({ id: me.id });
    const [row] = await t.database.query<{ status: string; attempts: number }>(
      'select status, attempts from outbox where to_address = $1',
      [me.email],
    );
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  });

  it('a relay offering STARTTLS with a self-signed certificate is used when SMTP_URL allows it', async () => {
    const { mail, t, me } = await setUp({}, '?tls.rejectUnauthorized=false');

    await new Client(t.url).post('/api/v1/session/link-requests', { email: me.email });
    await t.app.mail.drain();

    expect(mail.received.map((m) => [m.rcptTo, m.encrypted])).toEqual([[[me.email], true]]);
  });

  it('a refused delivery is retried later, and then sent', async () => {
    const { mail, t, me } = await setUp({ disabledCommands: ['STARTTLS'], refuseFirst: 1 });

    await new Client(t.url).post('/api/v1/session/link-requests', { email: me.email });
    await t.app.mail.drain();

    expect(mail.received).toEqual([]);
    const [waiting] = await t.database.query<{
      status: string;
      attempts: number;
      last_error: string;
      later: boolean;
    }>(
      `select status, attempts, last_error, next_attempt_at > now() as later
       from outbox where to_address = $1`,
      [me.email],
    );
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, later: true });
    expect(waiting!.last_error).toContain('451');

    // Nothing is due yet: draining again sends nothing.
    await t.app.mail.drain();
    expect(mail.received).toEqual([]);

    await t.database.query('update outbox set next_attempt_at = now() where to_address = $1', [
      me.email,
    ]);
    await t.app.mail.drain();

    expect(mail.received.map((m) => m.rcptTo)).toEqual([[me.email]]);
    const [sent] = await t.database.query<{ status: string; attempts: number }>(
      'select status, attempts from outbox where to_address = $1',
      [me.email],
    );
    expect(sent).toEqual({ status: 'sent', attempts: 2 });
  });
});
