import { loadavg } from 'node:os';
import { median, round } from './measure.js';

/** What was timed: the identifying columns of a {@link TimingRow}. */
export interface Timed {
  measurement: string;
  /** The program that ran, e.g. `switchboard (dist)` or `openapi-typescript`. */
  program: string;
  subject: string;
  /** How many specs the measured work covered. */
  specs: number;
}

/** One measured thing: identifying columns, then its statistics and every sample in seconds, in order. */
export interface TimingRow extends Timed {
  /** The 1-minute load average when the measurement finished: high values mean contended, slower samples. */
  load_avg_1m: number;
  median_seconds: number;
  min_seconds: number;
  samples_seconds: number[];
}

/** Collects rows of timings, all of the same shape, for a suite's `rows`. */
export class TimingRows {
  readonly rows: TimingRow[] = [];

  /** Adds a row for `samples` (seconds) and returns their median, rounded as written. */
  add(what: Timed, samples: readonly number[]): number {
    const median_seconds = round(median(samples));
    this.rows.push({
      ...what,
      load_avg_1m: round(loadavg()[0] ?? 0, 2),
      median_seconds,
      min_seconds: round(Math.min(...samples)),
      samples_seconds: samples.map((s) => round(s)),
    });
    return median_seconds;
  }
}
