/**
 * `npm test`: every suite (unit, integration on PGlite and on a PostgreSQL server, end-to-end in Chromium).
 * With CI=true a missing PostgreSQL or Chromium fails the run (the suites' global setups throw) instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-test-')), 'results.json');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

type Results = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
let summary = 'no test results';
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as Results;
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  if (process.env.CI === 'true' && r.numPendingTests > 0)
    console.warn(`\n⚠ ${r.numPendingTests} tests ignorés en CI`);
}
console.log(`\n${summary}`);
process.exit(run.status ?? 1);
