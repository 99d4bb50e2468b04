/**
 * Suite `conformance`: does `switchboard generate` take the specs teams already have? Over the real specs in
 * ../shared/corpora/real-specs (when present) and GitHub's: generated or refused, tsc diagnostics of the output
 * under our tsconfig, and seconds, peak RSS and output bytes against the openapi-typescript CLI.
 * Goals and method: bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../codegen-commands.js';
import type { ConformanceRow } from '../conformance-row.js';
import { githubSpec } from '../github-spec.js';
import { corpusSpecs, REAL_SPECS_DIR, type RealSpec } from '../real-specs.js';
import { measureSpec, type StepTimeouts } from '../spec-conformance.js';
import type { SuiteResult } from '../suite.js';

export const name = 'conformance';

/** Repetitions per spec: GitHub's carries the headline ratios, so it gets a median of three. */
const REPS = { corpus: 1, github: 3 } as const;
/** GitHub's output took 12 s to generate and its type-check 1.6 GB and minutes before schemas went by reference. */
const TIMEOUTS: StepTimeouts = { generate: 300_000, openapiTypescript: 300_000, tsc: 300_000 };

/** Measures every spec in turn, in a `.tmp-conformance-*` folder of the repository that is removed afterwards. */
export async function run(): Promise<SuiteResult> {
  const corpus = corpusSpecs();
  if (corpus === null) {
    console.warn(
      `conformance: ${REAL_SPECS_DIR} is absent, so only GitHub's spec is measured (specs_total 1)`,
    );
  }
  const specs: RealSpec[] = [...(corpus ?? []), githubSpec()];
  // Inside the repository so the output resolves `switchboard/client` by self-reference; `.tmp-*` is
  // git-ignored, biome-ignored and excluded from the root tsconfig.
  const work = mkdtempSync(join(REPO_ROOT, '.tmp-conformance-'));
  try {
    const rows: ConformanceRow[] = [];
    for (const spec of specs) {
      const reps = spec.name === 'github' ? REPS.github : REPS.corpus;
      const row = await measureSpec(spec, work, reps, TIMEOUTS);
      console.log(`conformance: ${spec.name}: ${verdict(row)}`);
      rows.push(row);
    }
    return { metrics: metrics(rows), rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function metrics(rows: ConformanceRow[]): Record<string, number> {
  const out: Record<string, number> = {
    'conformance.specs_ok': rows.filter((r) => r.ok).length,
    'conformance.specs_total': rows.length,
  };
  const github = rows.find((r) => r.spec === 'github');
  const ratios = {
    'conformance.github_time_vs_openapi_typescript': github?.time_vs_openapi_typescript,
    'conformance.github_rss_vs_openapi_typescript': github?.rss_vs_openapi_typescript,
    'conformance.github_bytes_vs_openapi_typescript': github?.bytes_vs_openapi_typescript,
  };
  for (const [key, value] of Object.entries(ratios)) {
    // A refused spec has no output to compare; a missing key says so, a made-up number would not.
    if (typeof value === 'number') out[key] = value;
    else console.warn(`conformance: ${key} left out: GitHub's spec did not generate (see its row)`);
  }
  return out;
}

function verdict(row: ConformanceRow): string {
  if (!row.generated) return `refused (exit ${String(row.generate_exit)}): ${row.generate_errors[0] ?? ''}`;
  if (row.ok) return `ok, ${row.operations ?? '?'} operations, ${row.switchboard_bytes} bytes`;
  return `generated, tsc ${row.tsc} (${row.tsc_errors_in_output} in output, ${row.tsc_errors_elsewhere} elsewhere)`;
}
