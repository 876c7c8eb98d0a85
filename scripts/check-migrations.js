// Fails when the Drizzle schema and the committed migrations disagree:
// generates into a scratch copy of the migrations folder and looks for new files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const committed = 'src/server/db/migrations';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-migrations-'));
fs.cpSync(committed, scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));
try {
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      'src/server/db/schema/index.ts',
      '--out',
      scratch,
    ],
    { stdio: 'pipe' },
  );
  const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length > 0) {
    console.error(
      `The schema has changes with no migration (${added.join(', ')}). Run "npm run db:generate" and commit the result.`,
    );
    process.exit(1);
  }
  const drifted = checksThatDrifted(scratch);
  if (drifted.length > 0) {
    console.error(
      `CHECK constraints differ from the migrations' (drizzle-kit does not notice these): ${drifted.join(', ')}. ` +
        'Write a migration that drops and adds each (npx drizzle-kit generate --custom) and put the new ' +
        "text in the latest snapshot's checkConstraints.",
    );
    process.exit(1);
  }
  console.log('Schema and migrations agree.');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

/**
 * The CHECK constraints whose text in the schema differs from the latest
 * migration snapshot's: drizzle-kit compares them by name only, so changing a
 * list of allowed values would otherwise pass with no migration.
 */
function checksThatDrifted(folder) {
  const exported = execFileSync(
    'npx',
    [
      'drizzle-kit',
      'export',
      '--dialect',
      'postgresql',
      '--schema',
      'src/server/db/schema/index.ts',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  const inSchema = checksIn(exported);
  const snapshots = fs
    .readdirSync(path.join(folder, 'meta'))
    .filter((f) => f.endsWith('_snapshot.json'))
    .sort();
  const latest = JSON.parse(fs.readFileSync(path.join(folder, 'meta', snapshots.at(-1)), 'utf8'));
  const inMigrations = new Map();
  for (const table of Object.values(latest.tables)) {
    for (const check of Object.values(table.checkConstraints ?? {})) {
      inMigrations.set(check.name, check.value);
    }
  }
  const names = new Set([...inSchema.keys(), ...inMigrations.keys()]);
  return [...names].filter((name) => inSchema.get(name) !== inMigrations.get(name)).sort();
}

/** Each `CONSTRAINT "name" CHECK (…)` of exported SQL, by name, with the text inside its parentheses. */
function checksIn(exported) {
  const checks = new Map();
  const start = /CONSTRAINT "([^"]+)" CHECK \(/g;
  for (let match = start.exec(exported); match; match = start.exec(exported)) {
    let depth = 1;
    let i = start.lastIndex;
    let quoted = false;
    for (; i < exported.length && depth > 0; i++) {
      const ch = exported[i];
      if (ch === "'") quoted = !quoted;
      else if (!quoted && ch === '(') depth++;
      else if (!quoted && ch === ')') depth--;
    }
    checks.set(match[1], exported.slice(start.lastIndex, i - 1));
  }
  return checks;
}
