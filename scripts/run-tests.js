// `make test`: runs vitest in two passes — the main and consumer suites in parallel, then the chaos suite
// alone, since it asserts timings — and prints one plain closing line ("N passed, N failed, N skipped")
// that CI reads. Extra arguments are passed to both passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.switchboard', { recursive: true });
const passes = [
  ['--project', 'main', '--project', 'consumers'],
  ['--project', 'chaos'],
];
const totals = { passed: 0, failed: 0, skipped: 0, total: 0 };
let status = 0;
for (const [i, projects] of passes.entries()) {
  const report = `.switchboard/vitest-report-${i}.json`;
  rmSync(report, { force: true });
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...projects,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    totals.total += r.numTotalTests;
  } catch {
    console.error(`vitest wrote no report for ${projects.join(' ')}`);
    status = status || run.status || 1;
  }
  if (run.status !== 0) status = status || run.status || 1;
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.total === 0) {
  console.error('no test ran');
  process.exit(1);
}
process.exit(status);
