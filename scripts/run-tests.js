// `make test`: runs vitest in two passes — the main and consumer suites in parallel, then the chaos suite
// alone, since it asserts timings — and prints one plain closing line ("N passed, N failed, N skipped")
// that CI reads. "failed" counts every failure: failed tests, test files or `describe`s that failed outside a
// test (see test-summary-reporter.ts), unhandled errors, and a vitest exit code that nothing else explains.
// Extra arguments are passed to both passes; `--preflight` alone only checks that redis-server runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const closingLine = ({ passed, failed, skipped }) =>
  `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;

// The Redis suites start their own redis-server (test/helpers/redis-server.ts, which also honours
// REDIS_SERVER): without one, stop before running anything rather than fail five suites halfway.
const redisServer = process.env.REDIS_SERVER || 'redis-server';
const probe = spawnSync(redisServer, ['--version'], { stdio: 'ignore' });
if (probe.error !== undefined || probe.status !== 0) {
  const install = 'install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)';
  const why = probe.error?.code ?? `exit ${probe.status}`;
  console.error(
    process.env.REDIS_SERVER
      ? `tests need redis-server: REDIS_SERVER=${redisServer} does not run (${why}); ${install}`
      : `tests need redis-server, not found on PATH: ${install}, or set REDIS_SERVER to its path`,
  );
  console.log(`\n${closingLine({ passed: 0, failed: 1, skipped: 0 })}`);
  process.exit(1);
}
// `make test` runs this check first, before the drift check and tsc, so a missing Redis stops it at once.
if (process.argv[2] === '--preflight') process.exit(0);

/** The reporter's `TestSummary`, or undefined when vitest wrote none (it crashed, or was killed). */
function readSummary(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

mkdirSync('.switchboard', { recursive: true });
const passes = [
  ['--project', 'main', '--project', 'consumers'],
  ['--project', 'chaos'],
];
const totals = { passed: 0, failed: 0, skipped: 0, total: 0 };
const outsideTests = [];
let status = 0;
for (const [i, projects] of passes.entries()) {
  const summaryFile = `.switchboard/test-summary-${i}.json`;
  rmSync(summaryFile, { force: true });
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...projects,
      // A file filter in the arguments may match nothing in one pass; "no test ran" is checked below.
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=./scripts/test-summary-reporter.ts',
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_TEST_SUMMARY: summaryFile } },
  );
  const exit = run.error?.message ?? (run.signal ? `signal ${run.signal}` : `code ${run.status}`);
  const summary = readSummary(summaryFile);
  if (summary === undefined) {
    outsideTests.push(`vitest (${projects.join(' ')}) wrote no summary; exit ${exit}`);
    totals.failed++;
  } else {
    totals.passed += summary.passed;
    totals.failed += summary.failed;
    totals.skipped += summary.skipped;
    totals.total += summary.total;
    outsideTests.push(...summary.outsideTests);
  }
  if (run.status !== 0) {
    status = status || run.status || 1;
    if (summary !== undefined && summary.failed === 0) {
      outsideTests.push(
        `vitest (${projects.join(' ')}) exited with ${exit} but reported no failure: see its output above`,
      );
      totals.failed++;
    }
  }
}
if (totals.total === 0) {
  if (totals.failed === 0) {
    outsideTests.push('no test ran');
    totals.failed++;
  }
  status = status || 1;
}
if (outsideTests.length > 0) {
  console.error(`\nfailed outside a test (${outsideTests.length}, counted in "failed"):`);
  for (const line of outsideTests) console.error(`  ${line}`);
}
console.log(`\n${closingLine(totals)}`);
process.exit(status);
