import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { ResultFile, SuiteResult } from './suite.js';

/**
 * Wraps what a suite returned into the committed result shape, after checking it: every metric a finite
 * number, every row a plain object with the same keys as the first, so files diff cleanly between runs.
 */
export function toResultFile(suite: string, result: SuiteResult, date = new Date()): ResultFile {
  for (const [name, value] of Object.entries(result.metrics)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`suite '${suite}': metric '${name}' is ${String(value)}, not a finite number`);
    }
  }
  const shape = (row: object) => Object.keys(row).join(',');
  const first = result.rows[0];
  for (const [i, row] of result.rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new Error(`suite '${suite}': row ${i} is not an object`);
    }
    if (first !== undefined && shape(row) !== shape(first)) {
      throw new Error(
        `suite '${suite}': row ${i} has keys [${shape(row)}], expected [${shape(first)}] like row 0`,
      );
    }
  }
  return {
    suite,
    date: date.toISOString(),
    node: process.version,
    cpus: cpus().length,
    metrics: result.metrics,
    rows: result.rows,
  };
}

/** Writes `file` to `<dir>/<suite>.json` (two-space JSON, trailing newline) and returns the path. */
export function writeResultFile(dir: string, file: ResultFile): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${file.suite}.json`);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return path;
}
