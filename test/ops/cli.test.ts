import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, ROOT, runCli, tempFolder } from './processes.ts';

/**
 * The command line reads each command's arguments strictly: help is help,
 * and a mistake is named before anything is opened or written.
 */
const folder = tempFolder('accord-cli-');
const env = { DATA_DIR: path.join(folder, 'data') };

afterAll(cleanUp);

describe('accord on the command line', () => {
  it('`backup --help` shows the command, exits 0 and writes no file named "--help"', async () => {
    const result = await runCli(['backup', '--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('accord backup FILE');
    expect(fs.existsSync(path.join(ROOT, '--help'))).toBe(false);
    expect(fs.existsSync(env.DATA_DIR)).toBe(false);
  });

  it('an option a command does not take is named, exits 1 and opens no database', async () => {
    const result = await runCli(['backup', '--replace', path.join(folder, 'b.json')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('accord backup FILE');
    expect(result.stderr).toContain("'--replace'");
    expect(fs.existsSync(path.join(folder, 'b.json'))).toBe(false);
    expect(fs.existsSync(env.DATA_DIR)).toBe(false);
  });

  it('a missing or extra file is named as a usage mistake', async () => {
    const none = await runCli(['restore'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('accord restore FILE [--replace]');
    expect(none.stderr).toContain('Name one file.');
    const two = await runCli(['backup', 'one.json', 'two.json'], env);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('Name one file.');
    const extra = await runCli(['migrate', 'now'], env);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain('This command takes no file.');
    expect(fs.existsSync(env.DATA_DIR)).toBe(false);
  });

  it('an unknown command shows the whole usage', async () => {
    const result = await runCli(['bakup', 'x.json'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "bakup"');
    expect(result.stderr).toContain('restore FILE');
  });
});
