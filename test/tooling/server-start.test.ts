import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What the server loads when it starts: the modules its entry reaches through
 * static imports, worked out by esbuild from the source (dynamic imports
 * become chunks of their own, loaded only when first called).
 */
async function loadedAtStart(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // Packages are bundled too, so that a package's own files show which package was reached.
    external: ['pg-native'],
    // Native addons and data files are not code to follow.
    loader: { '.node': 'empty', '.wasm': 'empty', '.data': 'empty' },
    outdir: path.resolve('dist/.server-start-probe'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const { outputs } = result.metafile as Metafile;
  const entryOutput = Object.entries(outputs).find(([, out]) => out.entryPoint === entry);
  if (!entryOutput) throw new Error(`esbuild wrote nothing for ${entry}`);
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = outputs[file];
    if (!out) return;
    for (const input of Object.keys(out.inputs)) inputs.add(input);
    for (const imported of out.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput[0]);
  return [...inputs];
}

describe('starting the server', () => {
  it('loads the app’s code while the database opens, not before', async () => {
    const first = await loadedAtStart('src/cli/main.ts');
    expect(first).toContain('src/server/main.ts');
    expect(first).toContain('src/server/db/client.ts');
    // Fetched by serve() as it opens the database (in a thread of its own when embedded).
    expect(first).not.toContain('src/server/app.ts');
    expect(first).not.toContain('src/server/modules/notes/notes.service.ts');
  }, 60_000);

  it('does not load the attribution check’s language model (about 1 MB), only the notes do', async () => {
    const atStart = await loadedAtStart('src/server/app.ts');
    // The probe reaches the server at all: the notes service, and the people the check is given.
    expect(atStart).toContain('src/server/modules/notes/notes.service.ts');
    expect(atStart).toContain('src/policy/attribution/people.ts');
    expect(atStart.filter((file) => /node_modules[\\/]wink-/.test(file))).toEqual([]);
    expect(atStart).not.toContain('src/policy/attribution/nlp.ts');
    expect(atStart).not.toContain('src/policy/attribution/check.ts');
  }, 60_000);
});
