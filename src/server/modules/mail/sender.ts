import nodemailer, { type Transporter } from 'nodemailer';
import type { Deps } from '../../deps.ts';
import { claimDue, markDelivered, markFailed } from './outbox.repository.ts';

const MAX_ATTEMPTS = 8;
const POLL_MS = 5000;
/** How long claimDue reserves a batch (its "2 minutes"). */
const LEASE_MS = 120_000;

/** 30 s, 1 min, 2 min, ... capped at an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

export type MailSender = { kick(): void; drain(): Promise<void>; stop(): Promise<void> };

/**
 * Delivers the outbox through SMTP_URL; without it, mail is written to the log
 * (recipient and subject only: bodies carry sign-in links) and stays readable,
 * links removed, in the administrator's outbox. Once a message has left (or
 * been given up on), its deliverable body is blanked.
 */
export function startMailSender(deps: Omit<Deps, 'kickMail'>): MailSender {
  // Timeouts well inside the claim's two-minute lease (nodemailer waits up to ten
  // minutes by default): a hung relay must not let another instance claim and
  // send the same mail, nor hold up shutdown. Options in SMTP_URL's query win.
  const transport: Transporter | null = deps.config.smtpUrl
    ? nodemailer.createTransport({
        url: deps.config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function runOnce(): Promise<void> {
    for (;;) {
      const batch = await claimDue(deps.db, 10);
      if (batch.length === 0) return;
      const claimedAt = Date.now();
      for (const mail of batch) {
        // Past half the lease, leave the rest: it is claimed again when the lease ends.
        if (Date.now() - claimedAt > LEASE_MS / 2) break;
        const text = mail.deliverableText ?? mail.bodyText;
        if (!transport) {
          deps.log.info(
            { mailId: mail.id, to: mail.toAddress, subject: mail.subject },
            'mail (no SMTP_URL: read it, links removed, in the outbox)',
          );
          if (deps.config.mailPrintLinks) {
            // Development only: the one place a link is shown, so a developer can sign in.
            deps.log.info(
              { mailId: mail.id, to: mail.toAddress, links: text.match(/https?:\/\/\S+/g) ?? [] },
              'mail links (MAIL_PRINT_LINKS, development only)',
            );
          }
          await markDelivered(deps.db, mail.id, 'logged');
          continue;
        }
        try {
          await transport.sendMail({
            from: deps.config.mailFrom,
            to: mail.toAddress,
            subject: mail.subject,
            text,
          });
          await markDelivered(deps.db, mail.id, 'sent');
        } catch (error) {
          const attempt = mail.attempts + 1;
          const retry = attempt >= MAX_ATTEMPTS ? null : backoffSeconds(attempt);
          deps.log.warn({ mailId: mail.id, attempt, err: error }, 'mail delivery failed');
          await markFailed(deps.db, mail.id, String((error as Error).message), retry);
        }
      }
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error) => deps.log.error({ err: error }, 'mail sender failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  timer = setInterval(kick, POLL_MS);
  timer.unref();
  return {
    kick,
    async drain() {
      kick();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      while (running) await running;
      transport?.close();
    },
  };
}
