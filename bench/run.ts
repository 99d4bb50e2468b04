/**
 * Benchmark runner: `npx tsx bench/run.ts [suite...]` runs every suite in `bench/suites/` (or the named
 * ones), writes `bench/results/<suite>.json` and prints a summary. Exit 1 when a suite fails, 2 on an
 * unknown suite name. See bench/README.md.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSuite } from './load-suite.js';
import { toResultFile, writeResultFile } from './result-file.js';
import { summaryTable } from './summary-table.js';

const here = dirname(fileURLToPath(import.meta.url));
const suitesDir = join(here, 'suites');
const resultsDir = join(here, 'results');

const available = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npx tsx bench/run.ts [suite...]\n\nsuites: ${available.join(', ')}`);
  process.exit(0);
}
const unknown = args.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown suite ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of args.length > 0 ? args : available) {
  const started = performance.now();
  console.log(`bench: running ${name}`);
  try {
    const suite = await loadSuite(join(suitesDir, `${name}.ts`), name);
    const file = toResultFile(name, await suite.run());
    const path = writeResultFile(resultsDir, file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${summaryTable(file)}\n\nbench: ${name} took ${seconds} s; wrote ${path}\n`);
  } catch (error) {
    failed++;
    console.error(
      `bench: suite ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
process.exitCode = failed > 0 ? 1 : 0;
