import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived at the SMTP server. */
export type Delivered = { to: string[]; subject: string; text: string };

/** Headers and decoded text of a single-part message. */
export function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { headers, text: body.replace(/\r\n/g, '\n') };
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives: the
 * app delivers to it exactly as to a relay, and tests read their links here
 * (the outbox keeps only copies with the links removed).
 */
export class Mailbox {
  readonly messages: Delivered[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<Mailbox> {
    const holder: { box?: Mailbox } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const message = parseMessage(Buffer.concat(chunks).toString('utf8'));
          holder.box?.receive({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: message.headers.get('subject') ?? '',
            text: message.text,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    holder.box = new Mailbox(server, `smtp://127.0.0.1:${port}`);
    return holder.box;
  }

  private receive(message: Delivered) {
    this.messages.push(message);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Messages to `email`, oldest first. */
  to(email: string): Delivered[] {
    return this.messages.filter((m) => m.to.includes(email));
  }

  /** Waits (at most `timeoutMs`) until a message to `email` matches. */
  async waitFor(
    email: string,
    matches: (m: Delivered) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Delivered> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(email).filter(matches).at(-1);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${email} arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The secret of the link in a message (`#token=…` or `#…`). */
export function linkToken(text: string, path?: string): string | undefined {
  const pattern = path
    ? new RegExp(`${path.replace(/[/.]/g, '\\$&')}#(?:token=)?([A-Za-z0-9_-]{20,})`)
    : /#(?:token=)?([A-Za-z0-9_-]{20,})/;
  return pattern.exec(text)?.[1];
}
