import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { REPO_ROOT } from './codegen-commands.js';
import { type MeasuredRun, measuredRun } from './measured-run.js';

/** How a type-check of generated output ended. */
export type TypeCheckStatus = 'ok' | 'errors' | 'timeout' | 'crashed';

/** The diagnostics of one `tsc --noEmit` over a generated folder, with what the run cost. */
export interface TypeCheck {
  status: TypeCheckStatus;
  /** Diagnostics in files under the generated folder. */
  inOutput: number;
  /** Diagnostics anywhere else (the `lib/` runtime it imports, global ones): the output cannot be blamed. */
  elsewhere: number;
  /** The first few diagnostic lines, as tsc prints them (paths relative to the repository). */
  first: string[];
  run: MeasuredRun;
}

const DIAGNOSTIC = /^(?:(.+)\(\d+,\d+\): )?error TS\d+: /;
const FIRST = 3;

/**
 * Type-checks `outDir` (generated code, inside the repository) under the repository's own tsconfig, as a team's
 * project would: `dir/tsconfig.json` extends it and includes only `outDir`, so `switchboard/client` resolves by
 * the package self-reference and the `switchboard-source` condition. The root tsconfig excludes `.tmp-*`
 * folders, so `dir` must sit in one (and this config clears `exclude`).
 */
export async function typeCheckOutput(dir: string, outDir: string, timeoutMs: number): Promise<TypeCheck> {
  const tsconfig = join(dir, 'tsconfig.json');
  const config = {
    extends: relative(dir, join(REPO_ROOT, 'tsconfig.json')).split(sep).join('/'),
    include: [relative(dir, outDir).split(sep).join('/')],
    exclude: [],
  };
  writeFileSync(tsconfig, `${JSON.stringify(config, null, 2)}\n`);
  const logFile = join(dir, 'tsc.log');
  const run = await measuredRun({
    command: process.execPath,
    args: ['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', tsconfig],
    cwd: REPO_ROOT,
    logFile,
    timeoutMs,
  });
  let inOutput = 0;
  let elsewhere = 0;
  const first: string[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const match = DIAGNOSTIC.exec(line);
    if (match === null) continue;
    const file = match[1];
    if (file !== undefined && resolve(REPO_ROOT, file).startsWith(outDir + sep)) inOutput++;
    else elsewhere++;
    if (first.length < FIRST) first.push(line);
  }
  const status: TypeCheckStatus = run.timedOut
    ? 'timeout'
    : inOutput + elsewhere > 0
      ? 'errors'
      : run.exitCode === 0
        ? 'ok'
        : 'crashed';
  return { status, inOutput, elsewhere, first, run };
}
