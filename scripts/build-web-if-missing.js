// Runs after `npm install` and before `npm start`: builds the web app into dist/web
// when it is missing or older than its sources, so that `npm install && npm start`
// serves the current app without rebuilding on every start. A failed build fails loudly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = path.join(root, 'dist', 'web', 'index.html');
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** The newest modification time of the files the web app is built from. */
function newestSource() {
  let newest = 0;
  const visit = (entry) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of [
    'src/web',
    'src/contracts',
    'src/policy',
    'vite.config.ts',
    'package-lock.json',
  ]) {
    const entry = path.join(root, source);
    if (fs.existsSync(entry)) visit(entry);
  }
  return newest;
}

if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource()) process.exit(0);

if (!fs.existsSync(viteBin)) {
  if (fs.existsSync(index)) process.exit(0);
  // An install without dev dependencies (npm install --omit=dev) cannot build; the API still runs.
  console.warn(
    'accord: the web app is not built and Vite is not installed (were dev dependencies left out?).\n' +
      'accord: the API will run without it. To build it: npm install && npm run build:web',
  );
  process.exit(0);
}

console.log('accord: building the web app into dist/web …');
const result = spawnSync(
  process.execPath,
  [viteBin, 'build', '--config', path.join(root, 'vite.config.ts')],
  { cwd: root, stdio: 'inherit' },
);

if (result.error || result.status !== 0) {
  const why = result.error
    ? result.error.message
    : `vite exited with ${result.status ?? result.signal}`;
  console.error(
    `accord: building the web app failed (${why}).\n` +
      'accord: see the messages above; run `npm run build:web` to try again.',
  );
  process.exit(1);
}

if (!fs.existsSync(index)) {
  console.error(`accord: the build finished but ${index} is missing.`);
  process.exit(1);
}
