import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { Client, ENGINE, freshPostgresUrl } from '../harness.ts';
import { Mailbox } from '../support/mailbox.ts';

/**
 * Runs the real `accord` command in child processes, as an operator would,
 * and makes sure none outlives the test file.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'accord.js');

/** Accord's own settings are never inherited from the test run: each child gets exactly its own. */
const ACCORD_VARIABLES = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'BASE_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'MAIL_PRINT_LINKS',
  'SECRET_KEY',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'SESSION_DAYS',
  'WEB_DIST_DIR',
];

const children = new Set<ChildProcess>();
const folders = new Set<string>();

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ACCORD_VARIABLES) delete base[name];
  return {
    ...base,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: path.join(os.tmpdir(), 'accord-no-web'),
    ...env,
  };
}

export function tempFolder(prefix = 'accord-ops-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

let migratedFolder: Promise<string> | undefined;

/**
 * A fresh embedded data folder, already migrated: a copy of the run's template
 * folder (test/global-setup.ts), or of one made by `accord migrate` when the
 * run has none (a PostgreSQL run that still needs an embedded folder).
 */
export async function freshDataDir(): Promise<string> {
  migratedFolder ??= (async () => {
    if (inject('pgliteFolder')) return inject('pgliteFolder');
    const template = tempFolder('accord-template-');
    const { code, stderr } = await runCli(['migrate'], { DATA_DIR: template });
    if (code !== 0) throw new Error(`accord migrate failed: ${stderr}`);
    return template;
  })();
  const template = await migratedFolder;
  const dataDir = tempFolder();
  fs.cpSync(path.join(template, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}

/** The database settings for one fresh, migrated database on the run's engine. */
export async function freshEngineEnv(): Promise<Record<string, string>> {
  if (ENGINE === 'postgres') return { DATABASE_URL: await freshPostgresUrl() };
  return { DATA_DIR: await freshDataDir() };
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Running = {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
};

export function spawnAccord(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('could not start node');
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, exited };
}

/** Runs one CLI command to completion. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnAccord(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const { code } = await run.exited;
  clearTimeout(timer);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

export type Server = Running & {
  url: string;
  /** Where its mail arrives (a real SMTP server), unless the test set SMTP_URL. */
  mailbox: Mailbox | undefined;
  /** A person using it, who can follow the links mailed to them. */
  client(): Client;
  stop(): Promise<Exit>;
  kill(): Promise<Exit>;
};

type LogLine = { msg?: string };

/** The complete JSON log lines written so far. */
export function logLines(text: string): LogLine[] {
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * `accord serve` on an ephemeral port: resolves once it logs that it is ready,
 * rejects (with its output) if it exits first or takes longer than the timeout.
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<Server> {
  const mailbox = 'SMTP_URL' in env ? undefined : await Mailbox.start();
  const run = spawnAccord(['serve'], mailbox ? { SMTP_URL: mailbox.url, ...env } : env);
  if (mailbox) void run.exited.then(() => mailbox.close());
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('was not ready in time')), timeoutMs);
    const check = () => {
      const lines = logLines(run.stdout());
      if (!lines.some((l) => l.msg?.startsWith('Accord is ready'))) return;
      clearTimeout(timer);
      run.child.stdout?.off('data', check);
      const listening = lines.find((l) => l.msg?.startsWith('Server listening at '));
      const url = listening?.msg?.slice('Server listening at '.length);
      if (url) resolve(url);
      else reject(new Error('was ready without logging its address'));
    };
    run.child.stdout?.on('data', check);
    void run.exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`exited (${exit.code ?? exit.signal}) before it was ready`));
    });
  });
  let url: string;
  try {
    url = await ready;
  } catch (error) {
    run.child.kill('SIGKILL');
    await run.exited;
    throw new Error(`accord serve ${(error as Error).message}:\n${run.stdout()}\n${run.stderr()}`);
  }
  return {
    ...run,
    url,
    mailbox,
    client: () => new Client(url, mailbox && { mailbox }),
    async stop() {
      run.child.kill('SIGTERM');
      return run.exited;
    },
    async kill() {
      run.child.kill('SIGKILL');
      return run.exited;
    },
  };
}

/** For afterAll: kills every child still running and removes the temporary folders. */
export async function cleanUp(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  folders.clear();
  migratedFolder = undefined;
}
