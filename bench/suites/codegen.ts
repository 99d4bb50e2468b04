/**
 * Suite `codegen`: wall time of `switchboard generate` as a user runs it (a fresh process each time),
 * against the openapi-typescript CLI, with nothing to do, and over synthetic corpora of 1, 10 and 100 specs.
 * Goals and method: bench/README.md.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateCommand,
  manifestIdentity,
  openapiTypescriptCommand,
  sameProgram,
  serviceName,
  serviceSpecs,
  switchboardMode,
} from '../codegen-commands.js';
import { median, round, timeCommand } from '../measure.js';
import type { SuiteResult } from '../suite.js';
import { OPERATIONS_PER_SPEC, writeSyntheticCorpus } from '../synthetic-specs.js';
import { withTempDir } from '../temp-dir.js';
import { TimingRows } from '../timing-rows.js';

export const name = 'codegen';

/** Repetitions per measurement; medians are reported. Sized so the suite takes ~3-4 min on 2 cores. */
const REPS = { full: 5, noop: 7, scaling: 3 } as const;
const CORPUS_SIZES = [1, 10, 100] as const;
const OPENAPI_TS = 'openapi-typescript';

/** Runs the three codegen measurements in a temporary folder that is removed afterwards. */
export async function run(): Promise<SuiteResult> {
  return withTempDir('switchboard-bench-codegen', async (tmp) => {
    const rows = new TimingRows();
    if (switchboardMode() === 'tsx') {
      console.warn(
        'codegen: dist/ is missing or older than lib/, so this times the tsx path; `make build` first',
      );
    }

    const { full, cliTotal } = measureFullVsCli(tmp, rows);
    const noop = measureNoop(tmp, rows);
    const scaling = measureScaling(tmp, rows);
    const med = (size: number) => median(scaling.get(size) ?? []);
    const min = (size: number) => Math.min(...(scaling.get(size) ?? []));
    return {
      metrics: {
        'codegen.full_vs_openapi_typescript_cli': round(full / cliTotal, 3),
        'codegen.noop_seconds': round(noop, 3),
        'codegen.scaling_100_vs_10': round(med(100) / 100 / (med(10) / 10), 3),
        // Less the 1-spec time (process start, module loading, one-time compiles): per-spec work only. Minimums,
        // as contention only adds time and this difference of small numbers is the noisiest figure here.
        'codegen.scaling_100_vs_10_marginal': round((min(100) - min(1)) / 99 / ((min(10) - min(1)) / 9), 3),
      },
      rows: rows.rows,
    };
  });
}

/** One full `generate --force` of specs/ versus one openapi-typescript CLI process per service spec. */
function measureFullVsCli(tmp: string, rows: TimingRows): { full: number; cliTotal: number } {
  const specs = serviceSpecs('specs');
  const generate = generateCommand('specs', join(tmp, 'out'), true);
  const cli = (spec: string) => openapiTypescriptCommand(spec, join(tmp, `${serviceName(spec)}.ts`));
  // Warm-up: fills the tsx transform cache and the OS file cache, which a developer's machine has too.
  timeCommand(generate);
  for (const spec of specs) timeCommand(cli(spec));
  const full: number[] = [];
  const perSpec = new Map<string, number[]>(specs.map((s) => [s, []]));
  const totals: number[] = [];
  const [, program] = sameProgram(() => {
    for (let rep = 1; rep <= REPS.full; rep++) {
      console.log(`codegen: full generation vs openapi-typescript CLI, repetition ${rep}/${REPS.full}`);
      full.push(timeCommand(generate));
      let total = 0;
      for (const spec of specs) {
        const seconds = timeCommand(cli(spec));
        perSpec.get(spec)?.push(seconds);
        total += seconds;
      }
      totals.push(total);
    }
  });
  const all = { subject: 'specs/', specs: specs.length };
  const fullMedian = rows.add({ measurement: 'generate_full', program, ...all }, full);
  const cliTotal = rows.add(
    { measurement: 'openapi_typescript_cli_total', program: OPENAPI_TS, ...all },
    totals,
  );
  for (const [spec, samples] of perSpec) {
    rows.add(
      { measurement: 'openapi_typescript_cli', program: OPENAPI_TS, subject: spec, specs: 1 },
      samples,
    );
  }
  return { full: fullMedian, cliTotal };
}

/** `generate` run again over an up-to-date output folder; fails if any timed run actually wrote. */
function measureNoop(tmp: string, rows: TimingRows): number {
  const out = join(tmp, 'noop');
  const generate = generateCommand('specs', out, false);
  console.log(`codegen: no-op regeneration x${REPS.noop}`);
  timeCommand(generate);
  const before = manifestIdentity(out);
  const [samples, program] = sameProgram(() =>
    Array.from({ length: REPS.noop }, () => timeCommand(generate)),
  );
  if (manifestIdentity(out) !== before) {
    throw new Error('a no-op generate rewrote its output: did specs/ or lib/codegen/ change during the run?');
  }
  const specs = serviceSpecs('specs').length;
  return rows.add({ measurement: 'generate_noop', program, subject: 'specs/', specs }, samples);
}

/** `generate --force` over synthetic corpora; returns the samples (seconds) per corpus size. */
function measureScaling(tmp: string, rows: TimingRows): Map<number, number[]> {
  const corpora = CORPUS_SIZES.map((size) => {
    const dir = join(tmp, `corpus-${size}`);
    writeSyntheticCorpus(join(dir, 'specs'), size);
    const out = join(dir, 'out');
    return { size, out, command: generateCommand(join(dir, 'specs'), out, true), samples: [] as number[] };
  });
  // Round-robin, so a change in machine load hits every size alike.
  const [, program] = sameProgram(() => {
    for (let rep = 1; rep <= REPS.scaling; rep++) {
      console.log(
        `codegen: synthetic corpora of ${CORPUS_SIZES.join('/')} specs, repetition ${rep}/${REPS.scaling}`,
      );
      for (const corpus of corpora) {
        rmSync(corpus.out, { recursive: true, force: true }); // every sample generates into an empty folder
        corpus.samples.push(timeCommand(corpus.command));
      }
    }
  });
  for (const { size, samples } of corpora) {
    const subject = `synthetic ${size} x ${OPERATIONS_PER_SPEC} operations`;
    rows.add({ measurement: 'generate_synthetic', program, subject, specs: size }, samples);
  }
  return new Map(corpora.map((c) => [c.size, c.samples]));
}
