// Runs after `npm install`: builds the web app into dist/web unless it is already built,
// so that `npm install && npm start` serves it. A failed build fails the install, loudly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = path.join(root, 'dist', 'web', 'index.html');
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

if (fs.existsSync(index)) process.exit(0);

if (!fs.existsSync(viteBin)) {
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
