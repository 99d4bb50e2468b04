import { existsSync, readFileSync } from 'node:fs';
import type { MeasuredRun } from './measured-run.js';
import type { TypeCheckStatus } from './type-check-output.js';

/** One spec's row in `bench/results/conformance.json`; the columns are described in bench/README.md. */
export interface ConformanceRow {
  spec: string;
  source: string;
  input_bytes: number;
  input_sha256: string;
  program: string;
  ok: boolean;
  generated: boolean;
  generate_exit: number | null;
  operations: number | null;
  problems: number | null;
  /** Operations generate --skip-unsupported left out (unsupported constructs, `x-switchboard-skip`). */
  skipped_operations: number;
  /** Examples that do not match their schema, left out of the fakes with a warning each. */
  invalid_examples_left_out: number;
  /** Every warning generate printed. */
  warnings: number;
  generate_errors: string[];
  tsc: TypeCheckStatus | 'not run';
  tsc_errors_in_output: number | null;
  tsc_errors_elsewhere: number | null;
  tsc_first_errors: string[];
  tsc_seconds: number | null;
  tsc_peak_rss_mb: number | null;
  switchboard_seconds: number;
  switchboard_peak_rss_mb: number | null;
  switchboard_bytes: number | null;
  switchboard_files: number | null;
  openapi_typescript_exit: number | null;
  openapi_typescript_error: string | null;
  openapi_typescript_seconds: number;
  openapi_typescript_peak_rss_mb: number | null;
  openapi_typescript_bytes: number | null;
  time_vs_openapi_typescript: number | null;
  rss_vs_openapi_typescript: number | null;
  bytes_vs_openapi_typescript: number | null;
  switchboard_samples_seconds: number[];
  openapi_typescript_samples_seconds: number[];
  rss_source: string;
  load_avg_1m: number;
}

const MAX_LINES = 3;
const MAX_LINE_CHARS = 240;

/** The number `pattern` captures in generate's output (`N operations`, `N problems in specs`). */
export function countOf(pattern: RegExp, log: string): number | null {
  const match = pattern.exec(log);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** How many lines of generate's output match `pattern` (one warning is one line, its hint another). */
export function countLines(pattern: RegExp, log: string): number {
  return log.split('\n').filter((l) => pattern.test(l)).length;
}

/** The first located errors (`file:line:col error [rule] ...`), else the end of the output (a crash). */
export function errorLines(log: string, run: MeasuredRun | undefined, timeoutMs: number): string[] {
  if (run?.timedOut === true) return [`timed out after ${timeoutMs / 1000} s`];
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  const located = lines.filter((l) => / error \[/.test(l) || /^\s*(\S+ )?error\b/i.test(l));
  const picked = located.length > 0 ? located.slice(0, MAX_LINES) : lines.slice(-MAX_LINES);
  return picked.map(clip);
}

/** One line, trimmed and cut to a length a table can show. */
export function clip(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > MAX_LINE_CHARS ? `${trimmed.slice(0, MAX_LINE_CHARS - 1)}…` : trimmed;
}

/** A child's log, or nothing when the child never started. */
export function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
