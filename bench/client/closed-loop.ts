/** What one closed-loop run measured (the measured window only; warm-up excluded). */
export interface LoopResult {
  /** Wall seconds of the measured window. */
  seconds: number;
  /** Requests completed in the window. */
  requests: number;
  /** This process's CPU seconds (user + system) in the window. */
  cpuSeconds: number;
  /** Latency in ms of every request completed in the window, sorted ascending. */
  latenciesMs: Float64Array;
}

/**
 * Keeps exactly `concurrency` calls in flight (one worker per slot, each starting its next call as soon as
 * the previous one settles) for `warmupMs`, then measures for `durationMs`: requests completed, their
 * latencies and this process's CPU time. Rejects with the first failed call: a benchmark that fails
 * requests measures nothing.
 */
export async function closedLoop(
  call: () => Promise<unknown>,
  concurrency: number,
  warmupMs: number,
  durationMs: number,
): Promise<LoopResult> {
  let measuring = false;
  let stopped = false;
  const latencies: number[] = [];
  const worker = async () => {
    while (!stopped) {
      const started = performance.now();
      await call();
      if (measuring && !stopped) latencies.push(performance.now() - started);
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  const failed = Promise.all(workers).then(() => undefined);
  failed.catch(() => {
    stopped = true;
  });

  await Promise.race([sleep(warmupMs), failed]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  measuring = true;
  await Promise.race([sleep(durationMs), failed]);
  stopped = true;
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  await failed; // drain the calls still in flight; rethrows a failure
  const latenciesMs = Float64Array.from(latencies).sort();
  return { seconds, requests: latencies.length, cpuSeconds: (cpu.user + cpu.system) / 1e6, latenciesMs };
}

/** The `p`-quantile (0–1) of ascending `sorted` values, nearest rank. */
export function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
