// Compiles the server (src/cli, src/server and the src/policy, src/contracts and src/i18n
// code it runs) into dist/server, one JavaScript file per TypeScript file in the same
// layout, and copies beside them the files read at run time: the migrations and the
// message catalogues. Types are checked by `npm run check`, not here: this only strips
// them, as tsx does for `npm run dev` and the tests. See
// docs/decisions/0012-production-runs-compiled-javascript.md.
//
// `node scripts/build-server.js` builds unconditionally; bin/accord.js calls
// `ensureServerBuilt()`, which builds only when the build is missing or older than
// its sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'server');
/** Written last: its time is the build's, and without it there is no complete build. */
const stamp = path.join(outDir, '.built');
/** What `accord` runs. */
export const serverEntry = path.join(outDir, 'cli', 'main.js');

/** The source folders the server is compiled from (src/web is the browser's). */
const SOURCES = ['src/cli', 'src/server', 'src/policy', 'src/contracts', 'src/i18n'];
/** Files read from beside the compiled code at run time, and the embedded database's worker (plain JavaScript): copied as they are. */
const COPIED = /\.(json|sql|js)$/;
/** Files the server never runs: tests, and each repository's SQL on file for review. */
const SKIPPED = /(\.test\.ts$)|([\\/]server[\\/]queries[\\/])/;

function sourceFiles() {
  const files = [];
  const visit = (entry) => {
    if (SKIPPED.test(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else files.push({ file: entry, mtimeMs: stat.mtimeMs });
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return files;
}

/** Whether dist/server is missing, or older than a source, this script or the lockfile. */
export function serverBuildIsStale() {
  if (!fs.existsSync(stamp) || !fs.existsSync(serverEntry)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const inputs = [
    ...sourceFiles().map((s) => s.mtimeMs),
    fs.statSync(fileURLToPath(import.meta.url)).mtimeMs,
    fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
  ];
  return inputs.some((mtimeMs) => mtimeMs > built);
}

/**
 * Relative imports stay imports of the compiled file beside this one
 * (`./config.ts` becomes `./config.js`); packages come from node_modules.
 */
const eachFileOnItsOwn = {
  name: 'each-file-on-its-own',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => ({
      path: args.path.replace(/\.ts$/, '.js'),
      external: true,
    }));
  },
};

/**
 * Builds into a scratch folder, then moves each file into dist/server with a
 * rename, so that a process starting meanwhile (or a second build at the same
 * time) never reads half a file.
 */
export async function buildServer() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('esbuild is not installed: run npm install');
  }
  const files = sourceFiles();
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, 'dist', '.server-'));
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: files.filter((s) => s.file.endsWith('.ts')).map((s) => s.file),
      outbase: path.join(root, 'src'),
      outdir: scratch,
      bundle: true,
      packages: 'external',
      plugins: [eachFileOnItsOwn],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    for (const { file } of files.filter((s) => COPIED.test(s.file))) {
      const target = path.join(scratch, path.relative(path.join(root, 'src'), file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    }
    const moved = [];
    const move = (folder) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const from = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          move(from);
          continue;
        }
        const to = path.join(outDir, path.relative(scratch, from));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.renameSync(from, to);
        moved.push(to);
      }
    };
    move(scratch);
    // A file whose source has gone goes too, so the build holds exactly what the sources make.
    const kept = new Set([...moved, stamp]);
    for (const name of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(outDir, name);
      if (!kept.has(file) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
        fs.rmSync(file, { force: true });
      }
    }
    fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
    return moved.length;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The compiled entry point, built first when it is missing or out of date.
 * Where the build cannot be made (no esbuild) an existing one is used as it is.
 */
export async function ensureServerBuilt() {
  if (!serverBuildIsStale()) return serverEntry;
  const had = fs.existsSync(serverEntry);
  console.error('accord: compiling the server into dist/server …');
  try {
    await buildServer();
  } catch (error) {
    if (!had) throw error;
    console.error(`accord: could not rebuild the server (${error.message}); using the last build.`);
  }
  return serverEntry;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const started = performance.now();
  const count = await buildServer();
  const ms = Math.round(performance.now() - started);
  console.log(`accord: compiled the server into dist/server (${count} files, ${ms} ms).`);
}
