import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { REPO_ROOT, switchboardMode } from './codegen-commands.js';
import { type ConformanceRow, clip, countLines, countOf, errorLines, readLog } from './conformance-row.js';
import { median, round } from './measure.js';
import { type MeasuredRun, measuredRun, toMb } from './measured-run.js';
import { type RealSpec, sha256Prefix, totalBytes } from './real-specs.js';
import { type TypeCheck, typeCheckOutput } from './type-check-output.js';

/** Per-step limits: a hung or runaway step is killed and counts as a failure, so the suite stays bounded. */
export interface StepTimeouts {
  generate: number;
  openapiTypescript: number;
  tsc: number;
}

/**
 * Runs `switchboard generate` and the openapi-typescript CLI on `spec` `reps` times, alternating which goes
 * first (a failure is not repeated), then type-checks our last output. Works in `work/<spec>/` (inside the
 * repository, for the package self-reference) and removes it afterwards.
 */
export async function measureSpec(
  spec: RealSpec,
  work: string,
  reps: number,
  timeouts: StepTimeouts,
): Promise<ConformanceRow> {
  const dir = join(work, spec.name);
  const out = join(dir, 'out');
  const types = join(dir, 'openapi-typescript', 'types.ts');
  mkdirSync(dirname(types), { recursive: true });
  const ours: MeasuredRun[] = [];
  const theirs: MeasuredRun[] = [];
  const programs = new Set<string>();
  const ourLog = join(dir, 'generate.log');
  const theirLog = join(dir, 'openapi-typescript.log');
  const runOurs = async () => {
    rmSync(out, { recursive: true, force: true });
    programs.add(`switchboard (${switchboardMode()})`);
    // Skipped operations and invalid examples count as generated: the row records how many of each.
    const args = [
      'bin/switchboard.js',
      'generate',
      '--specs',
      spec.specsDir,
      '--out',
      out,
      '--force',
      '--skip-unsupported',
    ];
    const command = { command: process.execPath, args, cwd: REPO_ROOT, logFile: ourLog };
    ours.push(await measuredRun({ ...command, timeoutMs: timeouts.generate }));
  };
  const runTheirs = async () => {
    rmSync(types, { force: true });
    const args = ['node_modules/openapi-typescript/bin/cli.js', spec.root, '-o', types];
    const command = { command: process.execPath, args, cwd: REPO_ROOT, logFile: theirLog };
    theirs.push(await measuredRun({ ...command, timeoutMs: timeouts.openapiTypescript }));
  };
  try {
    for (let rep = 0; rep < reps; rep++) {
      console.log(`conformance: ${spec.name}: generate vs openapi-typescript, repetition ${rep + 1}/${reps}`);
      for (const step of rep % 2 === 0 ? [runOurs, runTheirs] : [runTheirs, runOurs]) await step();
      if (!succeeded(ours.at(-1)) || !succeeded(theirs.at(-1))) break;
    }
    const generated = succeeded(ours.at(-1));
    const theirsOk = succeeded(theirs.at(-1));
    let check: TypeCheck | undefined;
    if (generated) {
      console.log(`conformance: ${spec.name}: tsc --noEmit of the output`);
      check = await typeCheckOutput(dir, out, timeouts.tsc);
    }
    const ourBytes = generated ? totalBytes(out) : null;
    const theirBytes = theirsOk ? statSync(types).size : null;
    const ourSeconds = median(ours.map((r) => r.seconds));
    const theirSeconds = median(theirs.map((r) => r.seconds));
    const ourRss = medianOrNull(ours.map((r) => r.peakRssBytes));
    const theirRss = medianOrNull(theirs.map((r) => r.peakRssBytes));
    const both = generated && theirsOk;
    const ratio = (a: number | null, b: number | null) =>
      both && a !== null && b !== null ? round(a / b, 3) : null;
    // Error locations relative to the spec's folder: `github.json:8772:7 error [...]`.
    const ourText = readLog(ourLog).replaceAll(`${relative(REPO_ROOT, spec.specsDir)}${sep}`, '');
    const last = ours.at(-1);
    return {
      spec: spec.name,
      source: spec.source,
      input_bytes: totalBytes(spec.specsDir),
      input_sha256: sha256Prefix(spec.root),
      program: [...programs].join(' / '),
      ok: generated && check?.status === 'ok',
      generated,
      generate_exit: last?.exitCode ?? null,
      operations: countOf(/^\s*generated\s+\S+\s+(\d+) operations?/m, ourText),
      problems: generated ? 0 : countOf(/^switchboard: (\d+) problems? in specs/m, ourText),
      skipped_operations: countLines(/ warning \[(unsupported-construct|x-switchboard-skip)\]/, ourText),
      invalid_examples_left_out: countLines(/ warning \[invalid-example\]/, ourText),
      warnings: countLines(/ warning \[/, ourText),
      generate_errors: generated ? [] : errorLines(ourText, last, timeouts.generate),
      tsc: check?.status ?? 'not run',
      tsc_errors_in_output: check?.inOutput ?? null,
      tsc_errors_elsewhere: check?.elsewhere ?? null,
      tsc_first_errors: (check?.first ?? []).map(clip),
      tsc_seconds: check === undefined ? null : round(check.run.seconds, 2),
      tsc_peak_rss_mb: toMb(check?.run.peakRssBytes ?? null),
      switchboard_seconds: round(ourSeconds, 3),
      switchboard_peak_rss_mb: toMb(ourRss),
      switchboard_bytes: ourBytes,
      switchboard_files: generated ? countFiles(out) : null,
      openapi_typescript_exit: theirs.at(-1)?.exitCode ?? null,
      openapi_typescript_error: theirsOk
        ? null
        : (errorLines(readLog(theirLog), theirs.at(-1), timeouts.openapiTypescript)[0] ?? null),
      openapi_typescript_seconds: round(theirSeconds, 3),
      openapi_typescript_peak_rss_mb: toMb(theirRss),
      openapi_typescript_bytes: theirBytes,
      time_vs_openapi_typescript: ratio(ourSeconds, theirSeconds),
      rss_vs_openapi_typescript: ratio(ourRss, theirRss),
      bytes_vs_openapi_typescript: ratio(ourBytes, theirBytes),
      switchboard_samples_seconds: ours.map((r) => round(r.seconds, 3)),
      openapi_typescript_samples_seconds: theirs.map((r) => round(r.seconds, 3)),
      rss_source: last?.rssSource ?? '',
      load_avg_1m: round(loadavg()[0] ?? 0, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function succeeded(run: MeasuredRun | undefined): boolean {
  return run !== undefined && !run.timedOut && run.exitCode === 0;
}

function medianOrNull(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : median(known);
}

function countFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  }
  return count;
}
