/**
 * Suite `client`: throughput and CPU cost of the full generated client (auth, correlation, deadline, retry,
 * breaker, bulkhead, timeout, pooled undici transport) against raw `undici.request` and plain openapi-fetch on
 * global fetch, 50 requests in flight on loopback. The upstream is a bare node:http server in its own child
 * process; the clients run in this process one after another. Goals and method: bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { closedLoop, quantile } from '../client/closed-loop.js';
import { CONTEXT_BODY } from '../client/upstream-messages.js';
import { startUpstream, type UpstreamProcess } from '../client/upstream-process.js';
import { createVariant, STACKS, VARIANTS, type Variant } from '../client/variants.js';
import { round } from '../measure.js';
import type { SuiteResult } from '../suite.js';

export const name = 'client';

/** Load shape: exactly 50 calls in flight, a 2 s warm-up, then one 8 s measured run per variant. */
const CONCURRENCY = 50;
const WARMUP_MS = 2_000;
const DURATION_MS = 8_000;

/** One measured variant. */
interface ClientRow {
  variant: Variant;
  stack: string;
  concurrency: number;
  duration_seconds: number;
  requests: number;
  rps: number;
  /** CPU (user + system) of this process, which runs only the client, per completed request. */
  cpu_us_per_request: number;
  /** This process's CPU seconds per wall second: near 1 means the client's JS thread was the limit. */
  client_cpu_share: number;
  /** The same for the upstream child: near 1 means the server was the limit. */
  upstream_cpu_share: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  load_avg_1m: number;
}

/** Starts the upstream once, then checks, warms and loads each client variant in turn. */
export async function run(): Promise<SuiteResult> {
  const token = randomBytes(32).toString('hex');
  const upstream = await startUpstream(token);
  const rows: ClientRow[] = [];
  try {
    for (const variant of VARIANTS) rows.push(await measure(variant, upstream, token));
  } finally {
    await upstream.stop();
  }
  const row = (variant: Variant) => rows.find((r) => r.variant === variant);
  const rps = (variant: Variant) => row(variant)?.rps ?? Number.NaN;
  const cpu = (variant: Variant) => row(variant)?.cpu_us_per_request ?? Number.NaN;
  return {
    metrics: {
      'client.full_stack_vs_undici_request': round(rps('switchboard') / rps('undici_request'), 3),
      'client.full_stack_vs_openapi_fetch': round(rps('switchboard') / rps('openapi_fetch'), 3),
      'client.cpu_per_request_vs_undici': round(cpu('switchboard') / cpu('undici_request'), 3),
    },
    rows,
  };
}

async function measure(variant: Variant, upstream: UpstreamProcess, token: string): Promise<ClientRow> {
  const client = createVariant(variant, upstream.baseUrl, token);
  try {
    const body = await client.call();
    if (!isDeepStrictEqual(body, CONTEXT_BODY))
      throw new Error(`${variant}: unexpected answer ${JSON.stringify(body)}`);
    console.log(
      `client: ${variant}, ${CONCURRENCY} in flight, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s`,
    );
    // The upstream's CPU is read around the whole loop (warm-up included): its share is a rate, so the
    // longer window only smooths it.
    const upstreamCpu0 = await upstream.cpuSeconds();
    const started = performance.now();
    const loop = await closedLoop(client.call, CONCURRENCY, WARMUP_MS, DURATION_MS);
    const upstreamShare =
      ((await upstream.cpuSeconds()) - upstreamCpu0) / ((performance.now() - started) / 1000);
    return {
      variant,
      stack: STACKS[variant],
      concurrency: CONCURRENCY,
      duration_seconds: round(loop.seconds, 3),
      requests: loop.requests,
      rps: Math.round(loop.requests / loop.seconds),
      cpu_us_per_request: round((loop.cpuSeconds * 1e6) / loop.requests, 1),
      client_cpu_share: round(loop.cpuSeconds / loop.seconds, 3),
      upstream_cpu_share: round(upstreamShare, 3),
      latency_p50_ms: round(quantile(loop.latenciesMs, 0.5), 3),
      latency_p99_ms: round(quantile(loop.latenciesMs, 0.99), 3),
      load_avg_1m: round(loadavg()[0] ?? Number.NaN, 2),
    };
  } finally {
    await client.close();
  }
}
