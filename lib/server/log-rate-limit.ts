/** Options of `logRateLimit`. */
export interface LogRateLimitOptions {
  /** One line per key per this many ms. Default 1000. */
  intervalMs?: number;
  /** Keys remembered at once; past it every window is forgotten (keys are reasons, few). Default 1024. */
  maxKeys?: number;
  /** The clock, in ms (tests move it). Default `performance.now`. */
  now?: () => number;
}

/**
 * Admits a repetitive log line or drops it: resolves `{ suppressed }` (how many lines of `key` were dropped
 * since the last one written) when the line should be written, undefined when it should be dropped.
 */
export type LogRateLimit = (key: string) => { suppressed: number } | undefined;

/**
 * One line per `key` per `intervalMs`, so an outage that refuses thousands of requests a second logs each
 * reason about once a second instead of once a request; the next line written says how many were dropped.
 * Drops at the end of an outage are reported with the next line of that key, if any.
 */
export function logRateLimit(options: LogRateLimitOptions = {}): LogRateLimit {
  const intervalMs = options.intervalMs ?? 1000;
  const maxKeys = options.maxKeys ?? 1024;
  const now = options.now ?? (() => performance.now());
  const windows = new Map<string, { until: number; suppressed: number }>();
  return (key) => {
    const t = now();
    const window = windows.get(key);
    if (window !== undefined && t < window.until) {
      window.suppressed++;
      return undefined;
    }
    if (window === undefined && windows.size >= maxKeys) windows.clear();
    windows.set(key, { until: t + intervalMs, suppressed: 0 });
    return { suppressed: window?.suppressed ?? 0 };
  };
}
