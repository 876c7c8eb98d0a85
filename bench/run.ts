import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fcp } from './lighthouse.ts';
import { bundleSizes } from './bundle.ts';
import { ensureServerBuilt } from '../scripts/build-server.js';
import { csrfTokenFor } from '../src/server/plugins/auth.ts';
import { hashSecret, newSecret } from '../src/server/secrets.ts';

/**
 * `npm run bench -- [--json FILE] [--size small|full] [--engine pglite|postgres|both] [--groups N]`:
 * an installation made by `npm run seed:scale` on each engine, Accord started
 * on it, each case measured from outside the server process, one record per
 * case and engine written to FILE and printed as a table. See bench/README.md.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

type Engine = 'pglite' | 'postgres';
type Size = 'small' | 'full';

/** One measured case: what the issue asks the bench to write. */
export type BenchRecord = {
  case: string;
  engine: Engine | 'web';
  p50_ms: number | null;
  p99_ms: number | null;
  per_s: number | null;
  ceiling_per_s: number | null;
  ratio: number | null;
  /** How many people the case's group has, where that matters. */
  people?: number;
  /** Requests (or operations) measured. */
  n?: number;
  /** Anything else the case reports (sizes, counts), by name. */
  extra?: Record<string, number>;
};

/** The sizes each engine is seeded with, and how long each load runs. */
const SIZES: Record<
  Size,
  {
    seed: Record<Engine, { groups: number; people: number; meetings: number; large: number }>;
    warmUp: number;
    seconds: number;
    samples: number;
    lighthouseRuns: number;
  }
> = {
  small: {
    seed: {
      pglite: { groups: 3, people: 20, meetings: 6, large: 60 },
      postgres: { groups: 3, people: 20, meetings: 6, large: 1000 },
    },
    warmUp: 0,
    seconds: 2,
    samples: 3,
    lighthouseRuns: 1,
  },
  full: {
    seed: {
      pglite: { groups: 100, people: 100, meetings: 60, large: 1000 },
      postgres: { groups: 1000, people: 100, meetings: 60, large: 1000 },
    },
    warmUp: 2,
    seconds: 10,
    samples: 20,
    lighthouseRuns: 3,
  },
};
/**
 * Connections the load generator keeps open: the issue's 50 on PostgreSQL; on
 * the embedded database, which answers one query at a time, 10.
 */
const CONNECTIONS: Record<Engine, number> = { postgres: 50, pglite: 10 };
const STORM_CONCURRENCY = 50;

const children = new Set<ChildProcess>();

function nodeWithTsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
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

const say = (line: string) => process.stderr.write(`${line}\n`);

type Seeded = {
  admin: { email: string; password: string };
  attendanceRows: number;
  largestGroup: { id: string; people: number; chairEmail: string; memberEmail: string };
  typicalGroup: { id: string; people: number; chairEmail: string; memberEmail: string };
  password: string;
  searchWord: string;
};

/** `npm run seed:scale` in its own process; its last line of output is the summary. */
async function seedScale(args: string[]): Promise<{ seeded: Seeded; seconds: number }> {
  const started = Date.now();
  const child = nodeWithTsx('scripts/seed-scale.ts', args, process.env);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    process.stderr.write(chunk);
  });
  const code = await exited(child);
  if (code !== 0) throw new Error(`seed:scale failed (${code}):\n${err.slice(-4000)}`);
  const last = out.trim().split('\n').at(-1) ?? '';
  return { seeded: JSON.parse(last) as Seeded, seconds: (Date.now() - started) / 1000 };
}

type BenchServer = { url: string; stop(): Promise<void> };

/** The environment of a server the bench starts, on the given database and port. */
function serverEnv(databaseEnv: Record<string, string>, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  return Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.join(ROOT, 'dist', 'web'),
    // Every instance on one database shares the server key.
    SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789',
    // The bench measures requests, not the embedded engine's daily backup (taken at start).
    BACKUP_EVERY_HOURS: '0',
    ...databaseEnv,
  });
}

/**
 * bench/server.ts compiled as production runs Accord (plain node on
 * dist/server, ADR 0012): it imports the compiled server beside it rather
 * than the TypeScript, so what the bench measures, memory above all, is what
 * `accord serve` holds (tsx costs some 45 MB of its own). Built once per run.
 */
let benchServerFile: Promise<string> | undefined;
function compiledBenchServer(): Promise<string> {
  benchServerFile ??= (async () => {
    await ensureServerBuilt();
    const esbuild = await import('esbuild');
    const outfile = path.join(ROOT, 'dist', 'bench', 'server.js');
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [path.join(ROOT, 'bench', 'server.ts')],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      plugins: [
        {
          name: 'the-compiled-server',
          setup(build) {
            // ../src/server/main.ts is dist/server/server/main.js, seen from dist/bench.
            build.onResolve({ filter: /^\.\.\/src\// }, (args) => ({
              path: args.path.replace(/^\.\.\/src\//, '../server/').replace(/\.ts$/, '.js'),
              external: true,
            }));
          },
        },
      ],
    });
    return outfile;
  })();
  return benchServerFile;
}

/** bench/server.ts, compiled, in its own process: resolves with its address once it listens. */
async function startServer(databaseEnv: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, [await compiledBenchServer()], {
    cwd: ROOT,
    env: serverEnv(databaseEnv, 0),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      180_000,
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
  await settled(url);
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

/**
 * Waits until the server answers the bare route promptly five times in a row:
 * whatever it does at start (topping up schedules, say) is not measured as load.
 */
async function settled(url: string): Promise<void> {
  const until = Date.now() + 300_000;
  let prompt = 0;
  while (prompt < 5) {
    if (Date.now() > until) throw new Error(`${url} did not settle after starting`);
    const started = performance.now();
    const response = await fetch(`${url}/bench/bare`);
    await response.arrayBuffer();
    prompt = response.ok && performance.now() - started < 100 ? prompt + 1 : 0;
    if (prompt === 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A person with a cookie jar who echoes the CSRF cookie, as the web app does. */
class Person {
  readonly cookies = new Map<string, string>();
  constructor(private readonly url: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call(method: string, urlPath: string, body?: unknown, base = this.url): Promise<any> {
    if (method !== 'GET' && !this.cookies.has('accord_csrf'))
      await this.call('GET', '/api/v1/csrf', undefined, base);
    const headers: Record<string, string> = { cookie: this.cookieHeader };
    const csrf = this.cookies.get('accord_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(base + urlPath, {
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
      throw new Error(`${method} ${urlPath} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return text ? JSON.parse(text) : undefined;
  }

  static async signIn(url: string, email: string, password: string): Promise<Person> {
    const person = new Person(url);
    await person.call('POST', '/api/v1/session', { email, password });
    return person;
  }
}

type Load = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

/** autocannon in bench/load.ts, a separate process; fails on any non-2xx, error or timeout. */
async function load(
  url: string,
  headers: Record<string, string>,
  options: {
    seconds: number;
    connections: number;
    timeout?: number;
    label: string;
    /** A warm-up may see no answer in time when the server is busy. */
    warmUp?: boolean;
  },
): Promise<Load> {
  const child = nodeWithTsx(
    'bench/load.ts',
    [
      JSON.stringify({
        url,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeout ?? 10,
        headers,
      }),
    ],
    process.env,
  );
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await exited(child);
  if (code !== 0) throw new Error(`the load generator failed (${code}):\n${err}`);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Load;
  const nothing = result.total === 0 && !options.warmUp;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || nothing)
    throw new Error(`${options.label}: ${JSON.stringify(result)}`);
  return result;
}

/** A short warm-up without another process: a few requests, one after another. */
async function warmUpOneByOne(url: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}`);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, at)]!;
}

/** Times `n` calls made one after another. */
async function sequential(
  n: number,
  fn: (i: number) => Promise<unknown>,
  before?: (i: number) => Promise<unknown>,
) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await before?.(i);
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), perS: 1000 / mean, n };
}

const round = (value: number | null, digits = 1) =>
  value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));

function record(
  engine: Engine | 'web',
  name: string,
  m: { p50Ms: number | null; p99Ms: number | null; perS: number | null; n?: number },
  ceiling: number | null,
  more: Partial<BenchRecord> = {},
): BenchRecord {
  const rec: BenchRecord = {
    case: name,
    engine,
    p50_ms: round(m.p50Ms),
    p99_ms: round(m.p99Ms),
    per_s: round(m.perS),
    ceiling_per_s: round(ceiling),
    ratio: m.perS !== null && ceiling ? round(m.perS / ceiling, 3) : null,
    ...(m.n === undefined ? {} : { n: m.n }),
    ...more,
  };
  say(
    `  ${engine} ${name}: p50 ${rec.p50_ms} ms, p99 ${rec.p99_ms} ms, ${rec.per_s}/s${rec.ratio === null ? '' : ` (${rec.ratio} of ceiling)`}`,
  );
  return rec;
}

const fromLoad = (l: Load) => ({
  p50Ms: l.p50Ms,
  p99Ms: l.p99Ms,
  perS: l.requestsPerSecond,
  n: l.total,
});

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

/** A proposal in the group, past its consensus check (the template asks for consensus first). */
async function proposalReadyToVote(chair: Person, groupId: string, title: string) {
  const base = `/api/v1/groups/${groupId}/proposals`;
  const made = await chair.call('POST', base, {
    title,
    text: 'Measured by the bench.',
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await chair.call('POST', `${base}/${made.id}/consensus`);
  return `${base}/${made.id}`;
}

type Context = {
  engine: Engine;
  size: Size;
  server: BenchServer;
  seeded: Seeded;
  /** PostgreSQL only: where a second instance connects, and the bench sets up voters. */
  databaseUrl?: string;
  records: BenchRecord[];
};

async function measureEngine(ctx: Context): Promise<void> {
  const { engine, server, seeded, records } = ctx;
  const size = SIZES[ctx.size];
  const url = server.url;
  const typical = seeded.typicalGroup;
  const largest = seeded.largestGroup;
  const member = await Person.signIn(url, typical.memberEmail, seeded.password);
  const largeMember = await Person.signIn(url, largest.memberEmail, seeded.password);
  const largeChair = await Person.signIn(url, largest.chairEmail, seeded.password);
  const me = await member.call('GET', '/api/v1/me');
  const memberHeaders = { cookie: member.cookieHeader };
  const largeHeaders = { cookie: largeMember.cookieHeader };
  const loadFor = async (
    urlPath: string,
    headers: Record<string, string>,
    label: string,
    extra: { timeout?: number } = {},
  ) => {
    const connections = CONNECTIONS[engine];
    if (size.warmUp > 0)
      await load(url + urlPath, headers, {
        ...extra,
        connections,
        seconds: size.warmUp,
        label,
        warmUp: true,
      });
    else await warmUpOneByOne(url + urlPath, headers);
    return load(url + urlPath, headers, { ...extra, connections, seconds: size.seconds, label });
  };

  // The ceilings: no database, then one select by primary key; under load and one at a time.
  const bare = await loadFor('/bench/bare', memberHeaders, 'bare route');
  records.push(record(engine, 'ceiling: bare route', fromLoad(bare), null));
  const select = await loadFor(`/bench/select/${me.id}`, memberHeaders, 'select by key');
  records.push(record(engine, 'ceiling: select by key', fromLoad(select), null));
  const selectOne = await sequential(size.samples * 5, () =>
    member.call('GET', `/bench/select/${me.id}`),
  );
  records.push(record(engine, 'ceiling: select by key, one at a time', selectOne, null));
  const ceiling = select.requestsPerSecond;
  const ceilingOne = selectOne.perS;

  // The group page as a member, under load.
  const groupPage = await loadFor(`/api/v1/groups/${typical.id}`, memberHeaders, 'group page');
  records.push(
    record(engine, 'group page', fromLoad(groupPage), ceiling, { people: typical.people }),
  );

  // Membership lists, one request after another (a slow one would time out under load).
  for (const [group, who, label] of [
    [typical, member, 'membership list (typical group)'],
    [largest, largeMember, 'membership list (large group)'],
  ] as const) {
    const m = await sequential(size.samples, () =>
      who.call('GET', `/api/v1/groups/${group.id}/membership`),
    );
    records.push(record(engine, label, m, ceilingOne, { people: group.people }));
  }
  // The same right after a change to the group's attendance, when it is worked out afresh.
  const afresh = await sequential(
    size.samples,
    () => largeMember.call('GET', `/api/v1/groups/${largest.id}/membership`),
    () => largeMember.call('POST', `/bench/changed/${largest.id}`),
  );
  records.push(
    record(engine, 'membership list right after a change (large group)', afresh, ceilingOne, {
      people: largest.people,
    }),
  );

  // The eligibility snapshot a vote takes when it opens, in the large group.
  let eligible = 0;
  const snapshot = await sequential(size.samples, async () => {
    const answer = await member.call('GET', `/bench/eligibility/${largest.id}`);
    eligible = answer.eligible;
  });
  records.push(
    record(engine, 'eligibility snapshot (large group)', snapshot, ceilingOne, {
      people: largest.people,
      extra: { eligible },
    }),
  );

  // Opening a formal vote in the large group, one after another.
  const ready: string[] = [];
  for (let i = 0; i < size.samples; i++)
    ready.push(await proposalReadyToVote(largeChair, largest.id, `Bench vote ${i + 1}`));
  const opened = await sequential(size.samples, (i) =>
    largeChair.call('POST', `${ready[i]}/vote`, {}),
  );
  records.push(
    record(engine, 'open a vote (large group)', opened, ceilingOne, { people: largest.people }),
  );

  // Search the notes of a group for the word the seed wrote in them.
  const searchPath = `/api/v1/groups/${typical.id}/search?q=${encodeURIComponent(seeded.searchWord)}`;
  const found = await member.call('GET', searchPath);
  if (!Array.isArray(found.results) || found.results.length === 0)
    throw new Error(`search for "${seeded.searchWord}" found nothing`);
  const search = await sequential(size.samples, () => member.call('GET', searchPath));
  records.push(
    record(engine, 'search', search, ceilingOne, { extra: { results: found.results.length } }),
  );

  if (engine === 'pglite') {
    // The group page while two other clients read the large group's membership
    // list, and how long the event loop waited meanwhile: first as reads come
    // (the kept list), then with a change before every read (worked out afresh).
    for (const afterChange of [false, true]) {
      const suffix = afterChange ? ', each read after a change' : '';
      await member.call('GET', '/bench/event-loop?reset=1');
      const membershipPath = `/api/v1/groups/${largest.id}/membership`;
      const [underLoad, membership] = await Promise.all([
        load(`${url}/api/v1/groups/${typical.id}`, memberHeaders, {
          connections: CONNECTIONS[engine],
          seconds: size.seconds,
          label: `group page under membership load${suffix}`,
          timeout: 60,
        }),
        afterChange
          ? changingReads(largeMember, largest.id, membershipPath, size.seconds)
          : load(url + membershipPath, largeHeaders, {
              seconds: size.seconds,
              connections: 2,
              timeout: 120,
              label: 'membership load',
            }),
      ]);
      const loop = await member.call('GET', '/bench/event-loop');
      records.push(
        record(engine, `group page under membership load${suffix}`, fromLoad(underLoad), ceiling, {
          people: typical.people,
        }),
      );
      records.push(
        record(
          engine,
          `event-loop delay under membership load${suffix}`,
          { p50Ms: loop.p50Ms, p99Ms: loop.p99Ms, perS: membership.requestsPerSecond },
          null,
          { extra: { maxMs: round(loop.maxMs) ?? 0, rssMb: loop.rssMb } },
        ),
      );
    }
  }

  if (engine === 'postgres' && ctx.databaseUrl) {
    records.push(await ballotStorm(ctx, largeChair, ceiling));
  }
}

/** Two clients that each mark the group changed, then read its membership, for `seconds`. */
async function changingReads(
  who: Person,
  groupId: string,
  urlPath: string,
  seconds: number,
): Promise<{ requestsPerSecond: number }> {
  const until = performance.now() + seconds * 1000;
  let reads = 0;
  const client = async () => {
    while (performance.now() < until) {
      await who.call('POST', `/bench/changed/${groupId}`);
      await who.call('GET', urlPath);
      reads++;
    }
  };
  await Promise.all([client(), client()]);
  return { requestsPerSecond: reads / seconds };
}

/**
 * Everyone eligible in the large group casts one ballot, half through each of
 * two instances on the same database, STORM_CONCURRENCY at a time. Counted
 * exactly: every ballot answered 200, and the closed vote's tally is the
 * number sent.
 */
async function ballotStorm(ctx: Context, chair: Person, ceiling: number): Promise<BenchRecord> {
  const largest = ctx.seeded.largestGroup;
  const second = await startServer({ DATABASE_URL: ctx.databaseUrl! });
  try {
    // A vote to warm both instances up on (the second has just started), then the one measured.
    const warmUpAt = await proposalReadyToVote(chair, largest.id, 'Bench ballot storm warm-up');
    await chair.call('POST', `${warmUpAt}/vote`, {});
    const voteAt = await proposalReadyToVote(chair, largest.id, 'Bench ballot storm');
    await chair.call('POST', `${voteAt}/vote`, {});
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    let voters: { cookie: string; csrf: string }[];
    try {
      const proposalId = voteAt.split('/').at(-1);
      const { rows } = await db.query<{ user_id: string }>(
        'select user_id from vote_eligible where proposal_id = $1',
        [proposalId],
      );
      // Each voter is signed in (a session as signing in writes one).
      voters = [];
      for (const row of rows) {
        const token = newSecret();
        await db.query('insert into sessions (id_hash, user_id, expires_at) values ($1, $2, $3)', [
          hashSecret(token),
          row.user_id,
          new Date(Date.now() + 86_400_000),
        ]);
        voters.push({
          cookie: `accord_session=${token}; accord_csrf=${csrfTokenFor(token)}`,
          csrf: csrfTokenFor(token),
        });
      }
    } finally {
      await db.end();
    }
    if (voters.length === 0) throw new Error('nobody in the large group may vote');
    const urls = [ctx.server.url, second.url];
    const storm = async (at: string) => {
      const times: number[] = [];
      let next = 0;
      let ok = 0;
      const failures: string[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(STORM_CONCURRENCY, voters.length) }, async () => {
          while (next < voters.length) {
            const i = next++;
            const voter = voters[i]!;
            const t = performance.now();
            const response = await fetch(urls[i % 2] + `${at}/vote/ballots`, {
              method: 'POST',
              headers: {
                cookie: voter.cookie,
                'x-csrf-token': voter.csrf,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ choice: i % 3 === 0 ? 'no' : 'yes' }),
            });
            const text = await response.text();
            times.push(performance.now() - t);
            if (response.status === 200) ok++;
            else failures.push(`${response.status} ${text.slice(0, 200)}`);
          }
        }),
      );
      return { times, ok, failures, seconds: (performance.now() - started) / 1000 };
    };
    const warm = await storm(warmUpAt);
    if (warm.failures.length > 0)
      throw new Error(`ballot storm warm-up: ${warm.failures.slice(0, 3).join(' | ')}`);
    await chair.call('POST', `${warmUpAt}/vote/close`, {});
    const { times, ok, failures, seconds } = await storm(voteAt);
    const closed = await chair.call('POST', `${voteAt}/vote/close`, {});
    const tally = closed.vote?.tally;
    const counted = tally ? tally.yes + tally.no + tally.abstain : -1;
    if (failures.length > 0 || ok !== voters.length || counted !== voters.length)
      throw new Error(
        `ballot storm: sent ${voters.length}, answered 200 ${ok}, tallied ${counted}; ${failures.slice(0, 3).join(' | ')}`,
      );
    times.sort((a, b) => a - b);
    return record(
      'postgres',
      'ballot storm (large group, two instances)',
      {
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
        perS: voters.length / seconds,
        n: voters.length,
      },
      ceiling,
      { people: largest.people, extra: { sent: voters.length, tallied: counted } },
    );
  } finally {
    await second.stop();
  }
}

/** The web app's size, and first contentful paint of the sign-in page and a group page. */
/** A port nothing listens on just now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Accord started as `npm start` runs it (compiled, plain node) on the data the
 * bench has just used: the time from starting the process until a group page
 * answers a signed-in member (whose session was made before the restart), and
 * the process's memory once it has been idle a while. Three starts.
 */
async function measureStart(
  engine: Engine,
  databaseEnv: Record<string, string>,
  cookie: string,
  groupId: string,
  records: BenchRecord[],
  size: Size,
): Promise<void> {
  await ensureServerBuilt();
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const env = serverEnv(databaseEnv, port);
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'accord.js'), 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`accord serve exited:\n${err}`);
        if (performance.now() - started > 120_000) throw new Error('accord serve did not answer');
        const answered = await fetch(`http://127.0.0.1:${port}/api/v1/groups/${groupId}`, {
          headers: { cookie },
        }).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status !== 200 && r.status !== 503) throw new Error(`group page: ${r.status}`);
            return r.status === 200;
          },
          () => false,
        );
        if (answered) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - started);
      // Idle: what the process holds between requests.
      await new Promise((resolve) => setTimeout(resolve, size === 'full' ? 10_000 : 2_000));
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      rss.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
  times.sort((a, b) => a - b);
  records.push(
    record(
      engine,
      'start on existing data: first group page',
      { p50Ms: percentile(times, 50), p99Ms: times.at(-1) ?? null, perS: null, n: times.length },
      null,
      { extra: { idleRssMb: Math.round(Math.max(...rss)) } },
    ),
  );
}

/**
 * The Chatham House check on a note of about 1,000 words (issue 14's budget:
 * under 20 ms), built from the corpus's development set, in this process:
 * the same module the server runs for each check while a note-taker types.
 */
async function measureAttribution(records: BenchRecord[]): Promise<void> {
  const { checkAttribution } = await import('../src/policy/attribution/index.ts');
  const { optionsFor } = await import('../scripts/eval-attribution.ts');
  const corpus = path.join(ROOT, 'corpus', 'attribution');
  const groups = JSON.parse(
    fs.readFileSync(path.join(corpus, 'groups.json'), 'utf8'),
  ) as Parameters<typeof optionsFor>[0][];
  const items = fs
    .readFileSync(path.join(corpus, 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { group: string; paragraph: string[]; text: string })
    .filter((item) => item.group === 'g1');
  let note = '';
  for (const item of items) {
    if (note.split(/\s+/).length >= 1000) break;
    note += `${[...item.paragraph, item.text].join(' ')}\n\n`;
  }
  const options = optionsFor(groups[0]!);
  checkAttribution(note, options);
  const whole = await sequential(51, async () => checkAttribution(note, options));
  records.push(
    record('web', 'attribution check: 1,000-word note', { ...whole, perS: null }, null, {
      extra: { words: note.split(/\s+/).filter(Boolean).length },
    }),
  );
  // The biggest group: 1,000 people, given afresh for each check as the server gives them.
  const { attributionPerson } = await import('../src/policy/attribution/index.ts');
  const group = () =>
    Array.from({ length: 1000 }, (_, n) =>
      attributionPerson(`Person${n} Surname${n}`, n % 7 === 0 ? [`P${n}`] : [], {
        role: n === 0 ? 'chair' : 'member',
        jobTitle: n % 10 === 0 ? 'Service Manager' : null,
        organisation: n % 4 === 0 ? 'Northfield Council' : null,
      }),
    );
  const paragraph =
    'Person12 Surname12 opened the item. She felt the line should stay open. The council officer said no.';
  checkAttribution(paragraph, { people: group() });
  let people = group();
  const large = await sequential(
    21,
    async () => checkAttribution(paragraph, { people }),
    // The people are built afresh before each check, outside its time.
    async () => (people = group()),
  );
  records.push(
    record(
      'web',
      'attribution check: paragraph, 1,000-person group',
      { ...large, perS: null },
      null,
    ),
  );
}

async function measureWeb(ctx: Context): Promise<void> {
  await measureAttribution(ctx.records);
  const dist = path.join(ROOT, 'dist', 'web');
  const sizes = bundleSizes(dist);
  ctx.records.push(
    record('web', 'web bundle (JS and CSS)', { p50Ms: null, p99Ms: null, perS: null }, null, {
      extra: {
        rawKb: sizes.rawKb,
        gzipKb: sizes.gzipKb,
        brotliKb: sizes.brotliKb,
        firstRouteJsRawKb: sizes.firstRouteJsRawKb,
        firstRouteJsGzipKb: sizes.firstRouteJsGzipKb,
        firstRouteJsBrotliKb: sizes.firstRouteJsBrotliKb,
      },
    }),
  );
  const runs = SIZES[ctx.size].lighthouseRuns;
  const member = await Person.signIn(
    ctx.server.url,
    ctx.seeded.typicalGroup.memberEmail,
    ctx.seeded.password,
  );
  for (const [label, urlPath, cookie] of [
    ['first contentful paint: sign-in page', '/sign-in', ''],
    [
      'first contentful paint: group page',
      `/groups/${ctx.seeded.typicalGroup.id}`,
      member.cookieHeader,
    ],
  ] as const) {
    const times = (await fcp(ctx.server.url + urlPath, cookie, runs)).sort((a, b) => a - b);
    // The same page with Chromium slowed down for real (see Throttling in lighthouse.ts).
    const applied = (await fcp(ctx.server.url + urlPath, cookie, runs, 'devtools')).sort(
      (a, b) => a - b,
    );
    ctx.records.push(
      record(
        ctx.engine,
        label,
        { p50Ms: percentile(times, 50), p99Ms: times.at(-1) ?? null, perS: null, n: times.length },
        null,
        {
          extra: {
            appliedThrottlingP50Ms: round(percentile(applied, 50)) ?? 0,
            appliedThrottlingMaxMs: round(applied.at(-1) ?? null) ?? 0,
          },
        },
      ),
    );
  }
}

/** The cases each engine must have a complete record of, for the run to count. */
function expectedCases(engine: Engine, withWeb: boolean): string[] {
  const cases = [
    'ceiling: bare route',
    'ceiling: select by key',
    'ceiling: select by key, one at a time',
    'group page',
    'membership list (typical group)',
    'membership list (large group)',
    'eligibility snapshot (large group)',
    'open a vote (large group)',
    'search',
  ];
  if (engine === 'pglite')
    cases.push(
      'group page under membership load',
      'event-loop delay under membership load',
      'group page under membership load, each read after a change',
      'event-loop delay under membership load, each read after a change',
    );
  if (engine === 'postgres') cases.push('ballot storm (large group, two instances)');
  cases.push('start on existing data: first group page');
  if (withWeb)
    cases.push('first contentful paint: sign-in page', 'first contentful paint: group page');
  return cases;
}

function checkComplete(records: BenchRecord[], engines: Engine[], webOn: Engine | null): void {
  const missing: string[] = [];
  for (const engine of engines) {
    for (const name of expectedCases(engine, engine === webOn)) {
      const r = records.find((x) => x.engine === engine && x.case === name);
      if (!r || r.p50_ms === null || r.p99_ms === null) missing.push(`${engine}: ${name}`);
      else if (!/^(first contentful|start on existing data)/.test(name) && r.per_s === null)
        missing.push(`${engine}: ${name} (no rate)`);
    }
  }
  if (webOn && !records.some((r) => r.engine === 'web' && r.extra?.gzipKb))
    missing.push('web: bundle size');
  if (webOn && !records.some((r) => r.case === 'attribution check: 1,000-word note'))
    missing.push('web: attribution check');
  if (missing.length > 0) throw new Error(`incomplete records:\n  ${missing.join('\n  ')}`);
}

function printTable(records: BenchRecord[]): void {
  const cols: [string, number, (r: BenchRecord) => string][] = [
    ['engine', 9, (r) => r.engine],
    ['case', 44, (r) => r.case],
    ['people', 7, (r) => (r.people === undefined ? '' : String(r.people))],
    ['p50 ms', 9, (r) => fmt(r.p50_ms)],
    ['p99 ms', 9, (r) => fmt(r.p99_ms)],
    ['per s', 9, (r) => fmt(r.per_s)],
    ['ceiling/s', 10, (r) => fmt(r.ceiling_per_s)],
    ['ratio', 7, (r) => (r.ratio === null ? '' : r.ratio.toFixed(2))],
    [
      '',
      0,
      (r) =>
        r.extra
          ? Object.entries(r.extra)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')
          : '',
    ],
  ];
  console.log('');
  console.log(cols.map(([h, w], i) => (i < 2 ? h.padEnd(w) : h.padStart(w))).join(' '));
  for (const r of records)
    console.log(cols.map(([, w, f], i) => (i < 2 ? f(r).padEnd(w) : f(r).padStart(w))).join(' '));
  console.log('');
}

function fmt(value: number | null): string {
  if (value === null) return '';
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

function groupsFor(option: string | undefined, engine: Engine): { groups?: number } {
  if (!option) return {};
  for (const part of option.split(',')) {
    const [name, n] = part.includes(':') ? part.split(':') : [engine, part];
    if (name !== engine) continue;
    const groups = Number(n);
    if (!Number.isInteger(groups) || groups < 1) throw new Error(`--groups: bad count "${part}"`);
    return { groups };
  }
  return {};
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string', default: path.join(HERE, 'results', 'latest.json') },
      size: { type: 'string', default: 'small' },
      engine: { type: 'string', default: 'both' },
      // Fewer groups than the size says, for a shorter run on a slow machine (recorded in
      // FILE): N for every engine, or per engine as pglite:N,postgres:M.
      groups: { type: 'string' },
    },
  });
  const size = values.size as Size;
  if (!(size in SIZES)) throw new Error('--size small|full');
  if (!['pglite', 'postgres', 'both'].includes(values.engine))
    throw new Error('--engine pglite|postgres|both');
  const wanted: Engine[] =
    values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    say('Building the web app (dist/web) …');
    const build = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build-web-if-missing.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if ((await exited(build)) !== 0) throw new Error('the web app did not build');
  }
  const records: BenchRecord[] = [];
  const engines: Engine[] = [];
  const seededAt: Record<string, unknown> = {};
  let webOn: Engine | null = null;
  const adminUrl = wanted.includes('postgres') ? await postgresAdminUrl() : null;
  if (wanted.includes('postgres') && !adminUrl) {
    if (values.engine === 'postgres') throw new Error('no PostgreSQL server answered');
    say('No PostgreSQL server answered: measuring the embedded engine only.');
  }

  for (const engine of wanted) {
    if (engine === 'postgres' && !adminUrl) continue;
    const s = {
      ...SIZES[size].seed[engine],
      ...groupsFor(values.groups, engine),
    };
    const seedArgs = [
      '--groups',
      String(s.groups),
      '--people',
      String(s.people),
      '--meetings',
      String(s.meetings),
      '--large',
      String(s.large),
      '--engine',
      engine,
    ];
    const run = async (databaseEnv: Record<string, string>, where: string[]) => {
      say(
        `\n${engine}: seeding ${s.groups} groups × ${s.people} people × ${s.meetings} meetings, and one group of ${s.large}`,
      );
      const { seeded, seconds } = await seedScale([...seedArgs, ...where]);
      seededAt[engine] = {
        ...s,
        attendanceRows: seeded.attendanceRows,
        seconds: Math.round(seconds),
      };
      const server = await startServer(databaseEnv);
      let cookie = '';
      try {
        const ctx: Context = {
          engine,
          size,
          server,
          seeded,
          records,
          ...(databaseEnv.DATABASE_URL ? { databaseUrl: databaseEnv.DATABASE_URL } : {}),
        };
        await measureEngine(ctx);
        if (!webOn) {
          webOn = engine;
          await measureWeb(ctx);
        }
        const member = await Person.signIn(
          server.url,
          seeded.typicalGroup.memberEmail,
          seeded.password,
        );
        cookie = member.cookieHeader;
      } finally {
        await server.stop();
      }
      await measureStart(engine, databaseEnv, cookie, seeded.typicalGroup.id, records, size);
    };
    if (engine === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
      try {
        await run({ DATA_DIR: dataDir }, ['--data-dir', dataDir]);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    } else {
      await onPostgres(adminUrl!, (url) => run({ DATABASE_URL: url }, ['--database-url', url]));
    }
    engines.push(engine);
  }

  printTable(records);
  checkComplete(records, engines, webOn);
  const results = {
    at: new Date().toISOString(),
    size,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
      node: process.version,
    },
    seeded: seededAt,
    records,
  };
  fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
  fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${values.json}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
}
