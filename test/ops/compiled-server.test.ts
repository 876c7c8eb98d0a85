import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverEntry } from '../../scripts/build-server.js';
import { ENGINE } from '../harness.ts';
import { cleanUp, freshEngineEnv, logLines, ROOT, tempFolder } from './processes.ts';

/**
 * Production runs the compiled server (dist/server) with plain Node. Each
 * process here is started with a module hook that refuses to load any
 * TypeScript file or tsx, so a command that still needed them would fail.
 */
let hook: string;
let web: string;

/** A file an earlier build made from a source that has since gone. */
const LEFT_OVER = path.join(ROOT, 'dist', 'server', 'server', 'left-over.js');

beforeAll(async () => {
  fs.mkdirSync(path.dirname(LEFT_OVER), { recursive: true });
  fs.writeFileSync(LEFT_OVER, 'export {};\n');
  await buildServer();
  const folder = tempFolder('accord-compiled-');
  const refuse = path.join(folder, 'refuse-typescript.mjs');
  fs.writeFileSync(
    refuse,
    [
      'export async function resolve(specifier, context, next) {',
      '  const resolved = await next(specifier, context);',
      "  if (/\\.tsx?$/.test(resolved.url) || resolved.url.includes('/node_modules/tsx/')) {",
      "    throw new Error('the compiled server loaded ' + resolved.url);",
      '  }',
      '  return resolved;',
      '}',
    ].join('\n'),
  );
  hook = path.join(folder, 'hook.mjs');
  fs.writeFileSync(
    hook,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(refuse).href)});\n`,
  );
  web = path.join(folder, 'web');
  fs.mkdirSync(web);
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Accord</title>');
}, 120_000);

afterAll(cleanUp);

type Run = { code: number | null; stdout: string; stderr: string };

/** The compiled `accord` with plain Node: no tsx, no loader but the hook that refuses TypeScript. */
function compiled(args: string[], env: Record<string, string>, until?: (out: string) => boolean) {
  const child = spawn(process.execPath, ['--import', hook, serverEntry, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: web,
      // On PostgreSQL too: the server key is kept in a data folder, never the checkout's.
      DATA_DIR: tempFolder(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (until?.(stdout)) child.emit('ready');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Run>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const result = await compiled(args, env).exited;
  if (result.code !== 0) {
    throw new Error(`accord ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result;
}

describe(`the compiled server (${ENGINE})`, () => {
  it('is JavaScript, with the migrations and message catalogues beside it, and nothing its sources do not make', () => {
    expect(serverEntry.endsWith(path.join('dist', 'server', 'cli', 'main.js'))).toBe(true);
    const dist = path.join(ROOT, 'dist', 'server');
    expect(fs.readdirSync(path.join(dist, 'server', 'db', 'migrations'))).toEqual(
      fs.readdirSync(path.join(ROOT, 'src', 'server', 'db', 'migrations')),
    );
    expect(fs.existsSync(path.join(dist, 'i18n', 'cy', 'api.json'))).toBe(true);
    expect(fs.existsSync(LEFT_OVER)).toBe(false);
  });

  it('serves: /healthz and /readyz answer, page addresses get the web app, errors come in Welsh', async () => {
    const server = compiled(['serve'], await freshEngineEnv(), (out) =>
      logLines(out).some((line) => line.msg?.startsWith('Accord is ready')),
    );
    const ready = await Promise.race([
      new Promise<true>((resolve) => server.child.once('ready', () => resolve(true))),
      server.exited.then((exit) => {
        throw new Error(`accord serve exited ${exit.code}:\n${exit.stdout}\n${exit.stderr}`);
      }),
    ]);
    expect(ready).toBe(true);
    const listening = logLines(server.output().stdout).find((l) =>
      l.msg?.startsWith('Server listening at '),
    );
    const url = listening!.msg!.slice('Server listening at '.length);
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const signIn = await fetch(`${url}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await signIn.text()).toContain('<title>Accord</title>');
      // The API's words come from the catalogues copied beside the compiled code.
      const welsh = await fetch(`${url}/api/v1/groups`, { headers: { 'accept-language': 'cy' } });
      expect(welsh.status).toBe(401);
      const english = await fetch(`${url}/api/v1/groups`);
      const [cy, en] = [await welsh.json(), await english.json()] as {
        error: { message: string };
      }[];
      expect(cy!.error.message).not.toBe(en!.error.message);
    } finally {
      server.child.kill('SIGTERM');
    }
    const exit = await server.exited;
    expect(exit.stderr).not.toContain('the compiled server loaded');
  });

  it('migrates, creates an administrator, backs up and restores', async () => {
    const source = await freshEngineEnv();
    expect((await run(['migrate'], source)).stdout).toMatch(/^Migrated the \w+ database/);
    await run(['create-admin', '--email', 'admin@example.org', '--name', 'Ada Admin'], {
      ...source,
      ACCORD_ADMIN_PASSWORD: 'a long enough password',
    });
    const file = path.join(tempFolder(), 'backup.jsonl');
    expect((await run(['backup', file], source)).stdout).toMatch(/^Backed up \d+ rows/);
    expect(fs.readFileSync(file, 'utf8')).toContain('admin@example.org');
    const target = await freshEngineEnv();
    expect((await run(['restore', file], target)).stdout).toMatch(/^Restored \d+ rows/);
  }, 180_000);
});
