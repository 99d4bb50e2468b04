// A vitest reporter for scripts/run-tests.js. It counts every failure: failed tests, plus each test file or
// `describe` that failed outside a test (import error, error in beforeAll/afterAll), plus each unhandled
// error. Vitest's JSON report counts only failed tests (a file that failed to load read as "0 failed"), keeps
// one error message per file, and has neither `describe`-level hook errors nor unhandled errors. Writes a
// `TestSummary` to the file named by SWITCHBOARD_TEST_SUMMARY.
import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule, TestSuite } from 'vitest/node';

/** What `run-tests.js` reads. `failed` counts failed tests plus one per entry of `outsideTests`. */
export interface TestSummary {
  passed: number;
  failed: number;
  /** Skipped, todo, and tests that never ran because a hook before them failed. */
  skipped: number;
  total: number;
  /** One line per failure that is not a failed test: "<file>[ > <describe>]: <first error>". */
  outsideTests: string[];
}

function describeErrors(suite: TestModule | TestSuite): string | undefined {
  const [first, ...more] = suite.errors();
  if (first === undefined) return undefined;
  const where =
    suite.type === 'module' ? suite.relativeModuleId : `${suite.module.relativeModuleId} > ${suite.fullName}`;
  const firstLine = first.message.split('\n')[0] ?? '';
  return `${where}: ${first.name ?? 'Error'}: ${firstLine}${more.length > 0 ? ` (+${more.length} more)` : ''}`;
}

export default class TestSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const summary: TestSummary = { passed: 0, failed: 0, skipped: 0, total: 0, outsideTests: [] };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        summary.total++;
        const { state } = test.result();
        if (state === 'passed') summary.passed++;
        else if (state === 'failed') summary.failed++;
        else summary.skipped++;
      }
      for (const suite of [module, ...module.children.allSuites()]) {
        const line = describeErrors(suite);
        if (line !== undefined) summary.outsideTests.push(line);
      }
    }
    for (const error of unhandledErrors) {
      summary.outsideTests.push(`unhandled error: ${error.name ?? 'Error'}: ${error.message.split('\n')[0]}`);
    }
    summary.failed += summary.outsideTests.length;
    const file = process.env.SWITCHBOARD_TEST_SUMMARY;
    if (file !== undefined) writeFileSync(file, JSON.stringify(summary));
  }
}
