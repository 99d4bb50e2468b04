import { createRequire } from 'node:module';

/** What the `server` suite asks of one autocannon run. */
export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

/** The part of autocannon's result the suite reads (autocannon ships no types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { average: number; p50: number; p99: number };
  requests: { average: number; total: number };
}

type Autocannon = (options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  pipelining: number;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One load run: request rate, latency percentiles (ms) and the count of failed requests. */
export interface LoadResult {
  rps: number;
  totalRequests: number;
  durationSeconds: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Socket errors, timeouts and non-2xx answers: any of them makes the run worthless. */
  failed: number;
}

/**
 * Runs autocannon (keep-alive, no pipelining) against `url` in this process. `rps` is autocannon's mean of
 * its per-second samples, the "Req/Sec Avg" its CLI prints.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
  });
  return {
    rps: result.requests.average,
    totalRequests: result.requests.total,
    durationSeconds: result.duration,
    latencyMeanMs: result.latency.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}
