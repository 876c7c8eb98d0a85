// Prints "label: N passed, N failed" from Vitest JSON reports, and fails when
// a report is missing, failed, or ran no test. With several files, prints the total.
import fs from 'node:fs';

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.json'));
const label = args.find((a) => !a.endsWith('.json')) ?? 'total';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
