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
  console.log('Schema and migrations agree.');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
