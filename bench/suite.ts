/**
 * The contract between `bench/run.ts` and a benchmark suite. A suite is a module in `bench/suites/` whose
 * named exports `name` and `run` satisfy {@link Suite}; the runner writes what `run` returns, wrapped in a
 * {@link ResultFile}, to `bench/results/<name>.json`.
 */

/** What one run of a suite measured. */
export interface SuiteResult {
  /**
   * Headline figures by dotted name (`<suite>.<metric>`), each a finite number. Ratios are unitless; absolute
   * times end in `_seconds`. Return them in a fixed order: the file keeps the order given.
   */
  metrics: Record<string, number>;
  /** The raw measurements behind the metrics, one object per measured thing, every row with the same keys. */
  rows: object[];
}

/** A benchmark suite: `name` equals the file's base name (`bench/suites/<name>.ts`). */
export interface Suite {
  name: string;
  /** Runs the whole suite once. Must be bounded (minutes, not hours) and clean up after itself. */
  run(): Promise<SuiteResult>;
}

/** The JSON written to `bench/results/<suite>.json`, keys in this order. */
export interface ResultFile extends SuiteResult {
  suite: string;
  /** When the run finished, ISO 8601. */
  date: string;
  /** `process.version` of the runner. */
  node: string;
  /** `os.cpus().length` of the machine. */
  cpus: number;
}
