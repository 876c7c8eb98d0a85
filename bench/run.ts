import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * `npm run bench`: Accord on each engine, loaded from a separate process, one
 * table. See bench/README.md for what each case measures.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;

type Engine = 'pglite' | 'postgres';
type CaseName = 'bare' | 'select' | 'getGroup';
type Load = {
  requestsPerSecond: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};
type Row = { engine: Engine; case: CaseName; label: string } & Load;

const LABELS: Record<CaseName, string> = {
  bare: '(a) bare route',
  select: '(b) select by primary key',
  getGroup: '(c) getGroup as participant',
};

const children = new Set<ChildProcess>();

function nodeWithTsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

type BenchServer = { url: string; stop(): Promise<void> };

/** bench/server.ts in its own process: resolves with its address once it listens. */
async function startServer(databaseEnv: Record<string, string>): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  Object.assign(env, {
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.join(os.tmpdir(), 'accord-bench-no-web'),
    ...databaseEnv,
  });
  const child = nodeWithTsx('server.ts', [], env);
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      120_000,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      output += chunk;
      const match = /\{"benchReady":"([^"]+)"\}/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** A person with a cookie jar who echoes the CSRF cookie, as the web app does. */
class Person {
  readonly cookies = new Map<string, string>();
  constructor(private readonly url: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call(method: string, urlPath: string, body?: unknown): Promise<any> {
    if (method !== 'GET' && !this.cookies.has('accord_csrf'))
      await this.call('GET', '/api/v1/csrf');
    const headers: Record<string, string> = { cookie: this.cookieHeader };
    const csrf = this.cookies.get('accord_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.url + urlPath, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    if (response.status >= 300) {
      throw new Error(`${method} ${urlPath} answered ${response.status}: ${text}`);
    }
    return text ? JSON.parse(text) : undefined;
  }
}

/** A chair makes a group; a participant joins it by its invitation link. */
async function seed(url: string) {
  const stamp = `${process.pid}.${Date.now()}`;
  const password = 'bench password 123';
  const chair = new Person(url);
  await chair.call('POST', '/api/v1/accounts', {
    name: 'Bench Chair',
    email: `chair.${stamp}@example.org`,
    password,
  });
  const { group } = await chair.call('POST', '/api/v1/groups', {
    name: 'Bench steering group',
    purpose: 'Measured',
  });
  await chair.call('POST', '/api/v1/groups', {
    name: 'Bench working group',
    purpose: 'Measured too',
    parentId: group.id,
  });
  const { token } = await chair.call('POST', `/api/v1/groups/${group.id}/invitations`, {});
  const participant = new Person(url);
  const { user } = await participant.call('POST', '/api/v1/accounts', {
    name: 'Bench Participant',
    email: `participant.${stamp}@example.org`,
    password,
  });
  await participant.call('POST', '/api/v1/join', { token });
  const seen = await participant.call('GET', `/api/v1/groups/${group.id}`);
  if (seen.myRole !== 'participant') throw new Error(`unexpected role ${seen.myRole}`);
  const selected = await participant.call('GET', `/bench/select/${user.id}`);
  if (selected.id !== user.id) throw new Error('the select route did not find the user');
  return {
    headers: { cookie: participant.cookieHeader },
    paths: {
      bare: '/bench/bare',
      select: `/bench/select/${user.id}`,
      getGroup: `/api/v1/groups/${group.id}`,
    } satisfies Record<CaseName, string>,
  };
}

/** autocannon in bench/load.ts, a separate process. */
async function load(url: string, headers: Record<string, string>, seconds: number) {
  const child = nodeWithTsx(
    'load.ts',
    [JSON.stringify({ url, connections: CONNECTIONS, duration: seconds, headers })],
    process.env,
  );
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await exited(child);
  if (code !== 0) throw new Error(`the load generator failed (${code}):\n${err}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Load;
}

/** A PostgreSQL server to measure against, or null when none answers. */
async function postgresAdminUrl(): Promise<string | null> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onPostgres<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `accord_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

async function measure(engine: Engine, databaseEnv: Record<string, string>): Promise<Row[]> {
  const server = await startServer(databaseEnv);
  try {
    const { headers, paths } = await seed(server.url);
    const rows: Row[] = [];
    for (const name of ['bare', 'select', 'getGroup'] as const) {
      const url = server.url + paths[name];
      await load(url, headers, WARM_UP_SECONDS);
      const result = await load(url, headers, SECONDS);
      if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
        throw new Error(`${engine} ${name}: ${JSON.stringify(result)}`);
      }
      rows.push({ engine, case: name, label: LABELS[name], ...result });
      process.stderr.write(
        `  ${engine} ${LABELS[name]}: ${Math.round(result.requestsPerSecond)} req/s\n`,
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}

function ratio(rows: Row[], engine: Engine): number | null {
  const b = rows.find((r) => r.engine === engine && r.case === 'select');
  const c = rows.find((r) => r.engine === engine && r.case === 'getGroup');
  return b && c ? c.requestsPerSecond / b.requestsPerSecond : null;
}

function printTable(rows: Row[], engines: Engine[]): void {
  const pad = (text: string, width: number) => text.padEnd(width);
  const num = (value: number, width: number) => String(Math.round(value)).padStart(width);
  console.log('');
  console.log(
    `${pad('engine', 10)}${pad('case', 30)}${'req/s'.padStart(9)}${'p99 ms'.padStart(9)}`,
  );
  for (const engine of engines) {
    for (const row of rows.filter((r) => r.engine === engine)) {
      console.log(
        `${pad(engine, 10)}${pad(row.label, 30)}${num(row.requestsPerSecond, 9)}${num(row.p99Ms, 9)}`,
      );
    }
    const r = ratio(rows, engine);
    if (r !== null) console.log(`${pad(engine, 10)}${pad('c/b', 30)}${r.toFixed(2).padStart(9)}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const engines: Engine[] = ['pglite'];
  process.stderr.write(
    `Each case: ${CONNECTIONS} connections, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up.\n`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  try {
    rows.push(...(await measure('pglite', { DATA_DIR: dataDir })));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const adminUrl = await postgresAdminUrl();
  if (adminUrl) {
    engines.push('postgres');
    rows.push(...(await onPostgres(adminUrl, (url) => measure('postgres', { DATABASE_URL: url }))));
  } else {
    process.stderr.write('No PostgreSQL server answered: measured the embedded engine only.\n');
  }

  printTable(rows, engines);
  const results = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    load: { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS },
    engines: Object.fromEntries(
      engines.map((engine) => [
        engine,
        {
          cases: Object.fromEntries(
            rows
              .filter((r) => r.engine === engine)
              .map((r) => [
                r.case,
                {
                  requestsPerSecond: Math.round(r.requestsPerSecond),
                  p99Ms: r.p99Ms,
                  requests: r.total,
                },
              ]),
          ),
          cOverB: Number(ratio(rows, engine)?.toFixed(3)),
        },
      ]),
    ),
  };
  fs.mkdirSync(path.join(HERE, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(HERE, 'results', 'latest.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log('Wrote bench/results/latest.json');
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
}
