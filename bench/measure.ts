import { spawnSync } from 'node:child_process';

/** One process to time: `node <args>` unless `command` says otherwise. */
export interface Command {
  args: string[];
  cwd: string;
  /** Executable; default the running node (`process.execPath`). */
  command?: string;
  /** Kill the process and fail after this long. Default 120 000 ms, so a hung run cannot stall the suite. */
  timeoutMs?: number;
}

/**
 * Runs `cmd` to completion and returns its wall time in seconds, spawn to exit. Throws, with the end of
 * its stderr, when it fails or times out: a benchmark of a failing command measures nothing.
 */
export function timeCommand(cmd: Command): number {
  const started = performance.now();
  const result = spawnSync(cmd.command ?? process.execPath, cmd.args, {
    cwd: cmd.cwd,
    encoding: 'utf8',
    timeout: cmd.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? `exit ${String(result.status ?? result.signal)}`;
    const tail = `${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd.command ?? 'node'} ${cmd.args.join(' ')} failed (${why})\n${tail}`);
  }
  return seconds;
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/** Rounds to `digits` decimals (default 4: sub-millisecond for seconds), so results read and diff cleanly. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
