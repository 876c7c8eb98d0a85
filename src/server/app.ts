import { randomUUID } from 'node:crypto';
import { defineMessages } from '@formatjs/intl';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Deps } from './deps.ts';
import { modules } from './api.ts';
import { AppError } from './errors.ts';
import { accountLanguage, pruneExpired } from './modules/accounts/accounts.service.ts';
import { sendReviewNotices } from './modules/terms/terms.service.ts';
import { createEventBus } from './modules/events/bus.ts';
import { closeDueVotes } from './modules/decisions/votes.service.ts';
import { remindOverdueActions } from './modules/notes/actions.service.ts';
import { topUpSchedules } from './modules/meetings/scheduling.service.ts';
import { sendMeetingReminders } from './modules/meetings/reminders.service.ts';
import { loadServerKey } from './secrets.ts';
import { startMailSender, type MailSender } from './modules/mail/sender.ts';
import { registerAuth } from './plugins/auth.ts';
import {
  clientErrorHandler,
  frameworkErrors,
  registerErrorHandler,
} from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { registerWeb } from './plugins/web.ts';
import { backupIfDue } from './db/scheduled-backups.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Where logs go (standard output unless a test captures them). */
  logStream?: { write(line: string): void };
  /** Extra routes for benchmarks; never in production. */
  extraRoutes?: (app: FastifyInstance, deps: Deps) => void;
};

export type App = FastifyInstance & { deps: Deps; mail: MailSender };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Secrets in paths (invitation tokens, calendar feeds) never reach the log. */
export function redactUrl(url: string): string {
  const [pathname = '', query] = url.split('?');
  const safePath = pathname
    .split('/')
    .map((part) => (part.length >= 20 && !UUID.test(part) ? '[redacted]' : part))
    .join('/');
  return query ? `${safePath}?[query]` : safePath;
}

/**
 * JSON bodies must be valid UTF-8: a broken byte is refused with a 400, never
 * quietly replaced by U+FFFD and stored. The rest is Fastify's own parser
 * (which refuses `__proto__` and `constructor` poisoning).
 */
const utf8Messages = defineMessages({
  notUtf8: {
    id: 'api.request.notUtf8',
    defaultMessage: 'The request body is not valid UTF-8 text.',
  },
  bodyNotUtf8: {
    id: 'api.field.notUtf8',
    defaultMessage: 'must be JSON encoded as UTF-8 (it has bytes that are not UTF-8)',
  },
});

function registerStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let decoded: string;
    try {
      decoded = utf8.decode(body as Buffer);
    } catch {
      done(
        new AppError('malformed_request', utf8Messages.notUtf8, { body: utf8Messages.bodyNotUtf8 }),
        undefined,
      );
      return;
    }
    parseJson(request, decoded, done);
  });
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const keyFromFile = !config.secretKey;
  config.secretKey ??= loadServerKey(config.dataDir);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
      },
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given)
        ? given
        : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  });

  if (keyFromFile && database.engine === 'postgres') {
    app.log.warn(
      'SECRET_KEY is not set: this instance keeps its own key in DATA_DIR/secret-key. Set the same SECRET_KEY in every instance, or check-in links from one will not work on another.',
    );
  }
  let sender: MailSender | null = null;
  const deps: Deps = {
    config,
    database,
    db: database.db,
    log: app.log,
    kickMail: () => sender?.kick(),
    events: await createEventBus(database, app.log),
  };

  // Plugins, in a fixed and visible order.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: any other body type gets a clear 415.
  app.removeContentTypeParser(['text/plain']);
  registerStrictJsonParser(app);
  registerErrorHandler(app, (userId) => accountLanguage(deps, userId));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await registerSecurityHeaders(app, config);
  await app.register(cookie);
  await registerOpenApi(app, config);
  registerAuth(app, deps);

  // Modules, in the order api.ts lists them.
  for (const registerModule of modules) registerModule(app, deps);
  options.extraRoutes?.(app, deps);
  await registerWeb(app, config.webDistDir);

  const mail = startMailSender(deps);
  sender = mail;
  // Hourly housekeeping, safe in every instance: expired rows, review notices.
  const pruner = setInterval(() => {
    pruneExpired(deps).catch((error) => app.log.warn({ err: error }, 'pruning failed'));
    sendReviewNotices(deps).catch((error) => app.log.warn({ err: error }, 'review notices failed'));
    topUpSchedules(deps).catch((error) => app.log.warn({ err: error }, 'schedule top-up failed'));
    remindOverdueActions(deps).catch((error) =>
      app.log.warn({ err: error }, 'overdue action reminders failed'),
    );
  }, 3600_000);
  pruner.unref();
  // Meeting reminders go out within a quarter of an hour of falling due.
  const reminders = setInterval(() => {
    sendMeetingReminders(deps).catch((error) =>
      app.log.warn({ err: error }, 'meeting reminders failed'),
    );
  }, 15 * 60_000);
  // Votes close at their closing time, within a minute.
  const voteCloser = setInterval(() => {
    closeDueVotes(deps).catch((error) => app.log.warn({ err: error }, 'closing votes failed'));
  }, 60_000);
  voteCloser.unref();
  reminders.unref();
  // Scheduled backups (on by default on the embedded database, which only this
  // process can open): checked every 10 minutes, taken when the newest is due.
  let backingUp = false;
  const backupEvery = config.backupEveryHours ?? (deps.database.engine === 'pglite' ? 24 : 0);
  const backups =
    backupEvery > 0
      ? setInterval(() => {
          if (backingUp) return;
          backingUp = true;
          backupIfDue(deps.database, {
            folder: config.backupDir,
            everyHours: backupEvery,
            keep: config.backupKeep,
          })
            .then(
              (taken) =>
                taken && app.log.info({ file: taken.file, rows: taken.rows }, 'backup taken'),
              (error: unknown) => app.log.error({ err: error }, 'scheduled backup failed'),
            )
            .finally(() => {
              backingUp = false;
            });
        }, 10 * 60_000)
      : null;
  backups?.unref();
  app.addHook('onClose', async () => {
    clearInterval(pruner);
    clearInterval(reminders);
    clearInterval(voteCloser);
    if (backups) clearInterval(backups);
    await mail.stop();
    await deps.events.close();
  });

  const built = app as unknown as App;
  built.deps = deps;
  built.mail = mail;
  return built;
}
