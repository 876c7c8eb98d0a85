import path from 'node:path';
import { z } from 'zod';
import type { PostgresTimeouts } from './db/client.ts';

/**
 * Every setting Accord reads from the environment. Start-up fails fast with a
 * message naming each bad variable; nothing else reads process.env.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(4000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  DATABASE_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(10_000),
  BASE_URL: z.string().url('must be a full URL such as https://accord.example.org').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Accord <accord@localhost>'),
  /** Development only (`npm run dev` sets it): with no SMTP_URL, each mail's links go to the log once. */
  MAIL_PRINT_LINKS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Derives check-in codes; the same in every instance. Unset: one is made in DATA_DIR/secret-key. */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').max(512).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  WEB_DIST_DIR: z.string().optional(),
  /** Backups the server takes itself: every N hours (0: none). By default 24 on the embedded database, none on PostgreSQL. */
  BACKUP_EVERY_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 31)
    .optional(),
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  LIVE_STREAMS_MAX: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** PostgreSQL timeouts of the request path (defaults keep a request within 5 s). */
  databaseTimeouts: PostgresTimeouts;
  baseUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Development only: with no SMTP_URL, links in mail go to the log once. */
  mailPrintLinks: boolean;
  /** From SECRET_KEY; unset: the app keeps one in DATA_DIR/secret-key. */
  secretKey: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  sessionDays: number;
  webDistDir: string;
  /** Undefined: the engine's default (24 embedded, 0 on PostgreSQL). */
  backupEveryHours: number | undefined;
  backupDir: string;
  backupKeep: number;
  /** Live-update streams one instance holds open at once, from everyone together. */
  liveStreamsMax: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Accord cannot start: bad configuration\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MAIL_PRINT_LINKS && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Accord cannot start: bad configuration\n  MAIL_PRINT_LINKS: is for development only; set SMTP_URL in production',
    );
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: e.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: e.DATABASE_IDLE_TX_TIMEOUT_MS,
    },
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPrintLinks: e.MAIL_PRINT_LINKS && !e.SMTP_URL,
    secretKey: e.SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionDays: e.SESSION_DAYS,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? 'dist/web'),
    backupEveryHours: e.BACKUP_EVERY_HOURS,
    backupDir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
    backupKeep: e.BACKUP_KEEP,
    liveStreamsMax: e.LIVE_STREAMS_MAX,
  };
}
