/**
 * The breaking-change gate against oasdiff: runs `compareFiles` over every pair of ../shared/corpora/oasdiff
 * (oasdiff's own checker tests, labelled breaking or compatible) and ../shared/corpora/oasdiff-warn (pairs
 * oasdiff rates WARN), and counts how often `switchboard diff` reaches the same verdict. Every pair is a row;
 * `agrees: false` rows are the mismatches to look at.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareFiles, type DiffReport, severityOf } from '../../lib/contract/diff/index.js';
import { REPO_ROOT } from '../codegen-commands.js';
import type { SuiteResult } from '../suite.js';

/** Suite name; results go to bench/results/diff.json. */
export const name = 'diff';

/** The corpora folder (`SWITCHBOARD_CORPORA` overrides it). */
const CORPORA = process.env.SWITCHBOARD_CORPORA ?? join(REPO_ROOT, '..', 'shared', 'corpora');

interface PairRow {
  corpus: string;
  pair: string;
  expected: string;
  got: string;
  agrees: boolean;
  /** The rule ids at the level we reported, or the error that stopped the comparison. */
  detail: string;
}

/** Scores the diff against oasdiff's labels; skips (no metrics) when the corpora are absent. */
export async function run(): Promise<SuiteResult> {
  const oasdiff = join(CORPORA, 'oasdiff');
  if (!existsSync(oasdiff)) {
    console.log(`diff: ${oasdiff} is absent, so there is nothing to score; skipping`);
    return { metrics: {}, rows: [] };
  }
  const rows = [...scoreCorpus(oasdiff, 'oasdiff'), ...scoreCorpus(join(CORPORA, 'oasdiff-warn'), 'warn')];
  const main = rows.filter((r) => r.corpus === 'oasdiff');
  const warn = rows.filter((r) => r.corpus === 'oasdiff-warn');
  for (const row of rows.filter((r) => !r.agrees)) {
    console.log(`diff: ${row.corpus}/${row.pair}: expected ${row.expected}, got ${row.got} (${row.detail})`);
  }
  const agreeing = main.filter((r) => r.agrees).length;
  return {
    metrics: {
      'diff.oasdiff_agreement': main.length === 0 ? 0 : Math.round((agreeing / main.length) * 1000) / 1000,
      'diff.oasdiff_pairs': main.length,
      'diff.oasdiff_agreeing_pairs': agreeing,
      'diff.warn_pairs': warn.length,
      'diff.warn_pairs_as_warning': warn.filter((r) => r.agrees).length,
    },
    rows,
  };
}

/**
 * Compares every `<pair>/{base,head}.yaml` of `dir`. In `oasdiff/`, `breaking` must come out breaking and
 * `compatible` must not (a warning exits 0 under the default `--fail-on breaking`); in `warn` mode every
 * pair must come out exactly as a warning.
 */
function scoreCorpus(dir: string, mode: 'oasdiff' | 'warn'): PairRow[] {
  if (!existsSync(dir)) return [];
  const corpus = relative(CORPORA, dir);
  return readdirSync(dir)
    .filter((pair) => existsSync(join(dir, pair, 'base.yaml')))
    .sort()
    .map((pair) => {
      const expectFile = join(dir, pair, 'expect');
      const expected =
        mode === 'warn' ? 'warning' : existsSync(expectFile) ? readFileSync(expectFile, 'utf8').trim() : '?';
      let report: DiffReport;
      try {
        report = compareFiles(join(dir, pair, 'base.yaml'), join(dir, pair, 'head.yaml'), (f) => f);
      } catch (error) {
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { corpus, pair, expected, got: 'error', agrees: false, detail: detail ?? '' };
      }
      const got = severityOf(report) ?? 'none';
      const agrees =
        mode === 'warn'
          ? got === 'warning'
          : expected === 'breaking'
            ? got === 'breaking'
            : got !== 'breaking';
      const level = got === 'none' ? [] : report.changes.filter((c) => c.severity === got);
      return {
        corpus,
        pair,
        expected,
        got,
        agrees,
        detail: [...new Set(level.map((c) => c.kind))].join(' '),
      };
    });
}
