import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { z } from 'zod';
import { buildApp, type App, type AppOptions } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { hash } from '@node-rs/argon2';
import { writeAudit } from '../src/server/modules/audit/audit.repository.ts';
import * as accountsRepo from '../src/server/modules/accounts/accounts.repository.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/server/http.ts';
import { csrfTokenFor } from '../src/server/plugins/auth.ts';
import { hashSecret, newSecret } from '../src/server/secrets.ts';
import type { errorBody } from '../src/contracts/common.ts';
import { operations, type OperationId, type Operations } from '../src/server/api.ts';
import type { AnyEndpoint, Reply, Request } from '../src/server/endpoints.ts';
import { withDatabase } from './global-setup.ts';
import { linkToken, Mailbox } from './support/mailbox.ts';

export const ENGINE: 'pglite' | 'postgres' = inject('databaseUrl') ? 'postgres' : 'pglite';

/** A fresh, migrated database: a copy of the run's template. */
export async function freshDatabase(): Promise<Database> {
  const databaseUrl = inject('databaseUrl');
  if (!databaseUrl) {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    return openDatabase({ pgliteFrom: new Blob([dump]) });
  }
  const name = `${inject('postgresTemplate')}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ databaseUrl: withDatabase(databaseUrl, name), poolSize: 20 });
}

/** The URL of a fresh PostgreSQL database (for tests that start server processes). */
export async function freshPostgresUrl(): Promise<string> {
  const database = await freshDatabase();
  const url = database.pool?.options.connectionString;
  await database.close();
  if (!url) throw new Error('not on PostgreSQL');
  return url;
}

export type TestApp = {
  app: App;
  url: string;
  config: Config;
  database: Database;
  /** Where the app's mail arrives (a real SMTP server), unless the test set SMTP_URL itself. */
  mailbox: Mailbox | undefined;
  client(): Client;
  close(): Promise<void>;
};

/** The real app on an ephemeral port, over a fresh database. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    database?: Database;
    logStream?: { write(line: string): void };
    /** A mailbox shared with other instances (it is not closed with this app). */
    mailbox?: Mailbox;
    /** Routes a test declares for itself, beside the app's own. */
    extraRoutes?: AppOptions['extraRoutes'];
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await freshDatabase());
  const ownMailbox = !options.mailbox && !('SMTP_URL' in env) ? await Mailbox.start() : undefined;
  const mailbox = options.mailbox ?? ownMailbox;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-data-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    // Each Client comes from its own address (X-Forwarded-For), as people do.
    TRUST_PROXY: 'true',
    ...(mailbox ? { SMTP_URL: mailbox.url } : {}),
    ...env,
  });
  const app = await buildApp({
    config,
    database,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  if (!env.BASE_URL) config.baseUrl = url;
  return {
    app,
    url,
    config,
    database,
    mailbox,
    client: () =>
      new Client(url, mailbox && { mailbox, drain: () => app.mail.drain() }, (account) =>
        seedAccount(database, config.sessionDays, account),
      ),
    async close() {
      await app.close();
      await database.close();
      await ownMailbox?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The password every test account has. */
export const TEST_PASSWORD = 'correct horse battery';

/** TEST_PASSWORD's hash, made once a run (the app's own argon2 settings do not matter to verify). */
let testPasswordHash: Promise<string> | undefined;

type SeededAccount = { id: string; email: string; name: string; sessionToken: string };

/**
 * An account written through the repositories as confirming a registration
 * writes it (the user and its audit entry), and a session for it: set-up for
 * tests whose subject is not registering. Registering itself is tested over HTTP.
 */
async function seedAccount(
  database: Database,
  sessionDays: number,
  account: { name: string; email: string },
): Promise<SeededAccount> {
  testPasswordHash ??= hash(TEST_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const passwordHash = await testPasswordHash;
  const user = await database.db.transaction(async (tx) => {
    await accountsRepo.lockInstallation(tx);
    if ((await accountsRepo.countUsers(tx)) === 0) return null;
    const created = await accountsRepo.insertUser(tx, { ...account, passwordHash, isAdmin: false });
    await writeAudit(tx, {
      actorId: created.id,
      action: 'account.registered',
      subjectType: 'user',
      subjectId: created.id,
    });
    return created;
  });
  if (!user) throw new FirstAccount();
  const sessionToken = newSecret();
  await accountsRepo.insertSession(database.db, {
    idHash: hashSecret(sessionToken),
    userId: user.id,
    expiresAt: new Date(Date.now() + sessionDays * 86_400_000),
  });
  return { id: user.id, email: user.email, name: user.name, sessionToken };
}

/** The first account of an installation becomes its administrator: that one registers over HTTP. */
class FirstAccount extends Error {}

/** A registered account as the API answers it, and its password. */
export type Registered = {
  id: string;
  email: string;
  name: string;
  knownAs: string[];
  jobTitle: string | null;
  organisation: string | null;
  isAdmin: boolean;
  language: string | null;
  password: string;
};

export type Answer<T = any> = { status: number; body: T; headers: Headers; text: string };

/** An error answer's body: the one error shape. */
export type Problem = z.output<typeof errorBody>;

/**
 * What calling an operation answers: its success answer, typed from its
 * schemas, or an error in the one shape; `ok` says which (a 2xx status).
 */
export type Called<T> = (Answer<T> & { ok: true }) | (Answer<Problem> & { ok: false });

/** What a test sends an operation (see Client.call). */
export type CallInput<K extends OperationId> = Request<Operations[K]>;

/** What an operation answers a test when it succeeds. */
export type CallReply<K extends OperationId> = Reply<Operations[K]>;

/** The input of an operation, left out when it needs none. */
type InputOf<K extends OperationId> =
  Partial<Request<Operations[K]>> extends Request<Operations[K]>
    ? [input?: Request<Operations[K]>]
    : [input: Request<Operations[K]>];

/** The names of a schema's fields (the runtime side of path parameters and query). */
function fieldNames(schema: AnyEndpoint['params']): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * The request an operation's row describes for `input`: the path parameters
 * put into its URL, its query fields in the query string, and the rest as its
 * body, as registerEndpoints takes them apart (a body that is not a field
 * object, such as a file, is `input.body`).
 */
function requestFor(declared: AnyEndpoint, input: Record<string, unknown>) {
  const [method, route] = declared.route.split(' ') as [string, string];
  const pathNames = fieldNames(declared.params);
  const queryNames = fieldNames(declared.query);
  const named = new Set([...pathNames, ...queryNames]);
  const urlPath = route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (input[name] === undefined) throw new Error(`${declared.route} needs ${name}`);
    return encodeURIComponent(String(input[name]));
  });
  const query = new URLSearchParams();
  for (const name of queryNames) {
    const value = input[name];
    for (const each of Array.isArray(value) ? value : [value]) {
      if (each !== undefined) query.append(name, String(each));
    }
  }
  const bodyIsFields =
    declared.body instanceof z.ZodObject &&
    !Object.keys(declared.body.shape).some((k) => named.has(k));
  const fields = Object.fromEntries(Object.entries(input).filter(([k]) => !named.has(k)));
  const body = bodyIsFields ? fields : declared.body ? input.body : undefined;
  const search = query.size > 0 ? `?${query}` : '';
  return { method, url: urlPath + search, body };
}

/** A person using the API: keeps cookies and echoes the CSRF token, as the web app does. */
export class Client {
  readonly cookies = new Map<string, string>();
  bearer: string | undefined;
  /** The address this person's requests come from (sent as X-Forwarded-For). */
  address = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

  constructor(
    readonly baseUrl: string,
    /** Where this person's mail arrives, to follow the links in it (registering, say). */
    readonly mail?: { mailbox: Mailbox; drain?: () => Promise<void> },
    /** Writes an account and a session straight to the database (see seedAccount). */
    readonly seed?: (account: { name: string; email: string }) => Promise<SeededAccount>,
  ) {}

  async request<T = any>(
    method: string,
    urlPath: string,
    body?: unknown,
    options: { headers?: Record<string, string>; raw?: string | Uint8Array<ArrayBuffer> } = {},
  ): Promise<Answer<T>> {
    if (!this.bearer && !this.cookies.has('accord_csrf') && method !== 'GET') {
      await this.request('GET', '/api/v1/csrf');
    }
    const headers: Record<string, string> = {
      'x-forwarded-for': this.address,
      ...options.headers,
    };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const csrf = this.cookies.get('accord_csrf');
    if (csrf && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + urlPath, { method, headers, body: payload });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  /**
   * Calls an operation by its operationId, from the same row the server
   * registers: its input (path parameters, query and body fields as one
   * value) and its answer are typed from the row's schemas.
   */
  async call<K extends OperationId>(
    operationId: K,
    ...[input]: InputOf<K>
  ): Promise<Called<Reply<Operations[K]>>> {
    const declared: AnyEndpoint = operations[operationId];
    const { method, url, body } = requestFor(declared, (input ?? {}) as Record<string, unknown>);
    const answer =
      body instanceof Uint8Array
        ? await this.request(method, url, undefined, {
            raw: new Uint8Array(body),
            headers: { 'content-type': declared.consumes?.[0] ?? 'application/octet-stream' },
          })
        : await this.request(method, url, body);
    return { ...answer, ok: answer.status >= 200 && answer.status < 300 };
  }

  /** Calls an operation that must succeed (set-up), and answers its typed body. */
  async callOk<K extends OperationId>(
    operationId: K,
    ...input: InputOf<K>
  ): Promise<Reply<Operations[K]>> {
    const answer = await this.call(operationId, ...input);
    if (!answer.ok) throw new Error(`${operationId} failed: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  get = <T = any>(p: string) => this.request<T>('GET', p);
  post = <T = any>(p: string, body?: unknown) => this.request<T>('POST', p, body);
  patch = <T = any>(p: string, body?: unknown) => this.request<T>('PATCH', p, body);
  put = <T = any>(p: string, body?: unknown) => this.request<T>('PUT', p, body);
  delete = <T = any>(p: string) => this.request<T>('DELETE', p);

  /**
   * A new account with a unique email, signed in: for set-up, written straight
   * to the database (the first account of an installation, its administrator,
   * registers over HTTP). `{ overHttp: true }` registers as a person does.
   */
  async register(name = 'Test Person', options: { overHttp?: boolean } = {}): Promise<Registered> {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${crypto.randomBytes(4).toString('hex')}@example.org`;
    const password = TEST_PASSWORD;
    if (this.seed && !options.overHttp) {
      try {
        const seeded = await this.seed({ name, email });
        this.cookies.set(SESSION_COOKIE, seeded.sessionToken);
        this.cookies.set(CSRF_COOKIE, csrfTokenFor(seeded.sessionToken));
        // What registering answers, as the API says it.
        const { id, email: address, name: named } = seeded;
        return {
          id,
          email: address,
          name: named,
          knownAs: [],
          jobTitle: null,
          organisation: null,
          isAdmin: false,
          language: null,
          password,
        };
      } catch (error) {
        if (!(error instanceof FirstAccount)) throw error;
      }
    }
    const answer = await this.callOk('register', { name, email, password });
    // 201: registered and signed in at once; 202: the confirmation link is mailed.
    if ('user' in answer) return { ...answer.user, password };
    if (!this.mail) throw new Error(`register needs a mailbox: ${answer.message}`);
    const token = await this.tokenFromMail(email, '/register/confirm');
    const { user } = await this.callOk('confirmRegistration', { token, password });
    return { ...user, password };
  }

  /** The secret of the newest link (to `path`, if given) mailed to `email`. */
  async tokenFromMail(email: string, path?: string): Promise<string> {
    if (!this.mail) throw new Error('this client has no mailbox');
    await this.mail.drain?.();
    const message = await this.mail.mailbox.waitFor(email, (m) => !!linkToken(m.text, path));
    return linkToken(message.text, path)!;
  }
}

/** Creates a group chaired by `chair` and returns its id. */
export async function createGroup(chair: Client, name = 'Steering group', parentId?: string) {
  const { group } = await chair.callOk('createGroup', {
    name,
    purpose: 'Implement the consultation decisions',
    ...(parentId ? { parentId } : {}),
  });
  return group.id;
}

/** Invites and joins `person` into the group as a participant. */
export async function joinGroup(chair: Client, person: Client, groupId: string) {
  const { token } = await chair.callOk('createInvitation', { groupId });
  await person.callOk('joinGroup', { token });
}
