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
import { createVariant, STACKS, VARIANTS, type Variant, type VariantClient } from '../client/variants.js';
import { canPin, pinSelf } from '../cpu-pin.js';
import { median, round } from '../measure.js';
import { createObservability } from '../observed/observability.js';
import { startOtlpSink } from '../observed/sink-process.js';
import type { SuiteResult } from '../suite.js';

export const name = 'client';

/**
 * Load shape: exactly 50 calls in flight. Each client is warmed for 2 s, then 9 rounds run every client in
 * turn (order reversed every other round) for 0.3 s unmeasured + 2 s measured. Interleaving puts every
 * client through the same spells of noise from other tenants of the machine; a ratio is the median of the
 * per-round ratios.
 */
const CONCURRENCY = 50;
const WARMUP_MS = 2_000;
const ROUND_WARMUP_MS = 300;
const ROUND_MS = 2_000;
const ROUNDS = 9;

/** One client in one round. */
interface Sample {
  seconds: number;
  requests: number;
  cpuSeconds: number;
  upstreamCpuSeconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/** One measured variant, over all rounds (medians unless said otherwise). */
interface ClientRow {
  variant: Variant;
  stack: string;
  concurrency: number;
  rounds: number;
  round_seconds: number;
  /** Requests completed in all measured windows. */
  requests: number;
  rps: number;
  rps_per_round: number[];
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

interface Running {
  variant: Variant;
  client: VariantClient;
  samples: Sample[];
}

/** Starts the upstream once, checks and warms every client, then loads them in interleaved rounds. */
export async function run(): Promise<SuiteResult> {
  const token = randomBytes(32).toString('hex');
  // The clients (this process) on CPU 0, the upstream on CPU 1, when the machine allows it.
  const pinned = canPin() && pinSelf(0);
  const upstream = await startUpstream(token, pinned ? 1 : undefined);
  // The sink shares the upstream's core: the observed clients pay only for making and sending their spans.
  const sink = await startOtlpSink(pinned ? 1 : undefined);
  const observability = {
    switchboard: createObservability('bench-client', sink.endpoint, 'switchboard'),
    sdk: createObservability('bench-client', sink.endpoint, 'sdk'),
  };
  const running: Running[] = [];
  try {
    for (const variant of VARIANTS) {
      const client = createVariant(variant, upstream.baseUrl, token, observability);
      running.push({ variant, client, samples: [] });
      client.before?.();
      try {
        const body = await client.call();
        if (!isDeepStrictEqual(body, CONTEXT_BODY))
          throw new Error(`${variant}: unexpected answer ${JSON.stringify(body)}`);
        console.log(`client: ${variant}: ${WARMUP_MS / 1000} s warm-up, ${CONCURRENCY} in flight`);
        await closedLoop(client.call, CONCURRENCY, WARMUP_MS, 100);
      } finally {
        client.after?.();
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      console.log(`client: round ${round + 1} of ${ROUNDS}, ${ROUND_MS / 1000} s per client`);
      for (const r of round % 2 === 0 ? running : [...running].reverse())
        r.samples.push(await sample(r.client, upstream));
    }
  } finally {
    await Promise.all(running.map((r) => r.client.close()));
    await Promise.all([observability.switchboard.shutdown(), observability.sdk.shutdown()]);
    await Promise.all([upstream.stop(), sink.stop()]);
  }
  const samples = (variant: Variant) => running.find((r) => r.variant === variant)?.samples ?? [];
  /** Median over the rounds of `of(a) / of(b)` within the same round. */
  const ratio = (a: Variant, b: Variant, of: (s: Sample) => number) => {
    const other = samples(b);
    return round(median(samples(a).map((s, i) => of(s) / of(other[i] as Sample))), 3);
  };
  const rps = (s: Sample) => s.requests / s.seconds;
  const cpu = (s: Sample) => s.cpuSeconds / s.requests;
  return {
    metrics: {
      'client.full_stack_vs_undici_request': ratio('switchboard', 'undici_request', rps),
      'client.full_stack_vs_openapi_fetch': ratio('switchboard', 'openapi_fetch', rps),
      'client.cpu_per_request_vs_undici': ratio('switchboard', 'undici_request', cpu),
      'client.observed_vs_unobserved': ratio('switchboard_observed', 'switchboard', rps),
      'client.observed_vs_openapi_fetch_otel': ratio('switchboard_observed', 'openapi_fetch_otel', rps),
    },
    rows: running.map((r) => ({ ...rowOf(r), pinned })),
  };
}

async function sample(client: VariantClient, upstream: UpstreamProcess): Promise<Sample> {
  // The upstream's CPU is read around the whole loop (its short warm-up included): a rate, so this only smooths it.
  const upstreamCpu0 = await upstream.cpuSeconds();
  client.before?.();
  let loop: Awaited<ReturnType<typeof closedLoop>>;
  try {
    loop = await closedLoop(client.call, CONCURRENCY, ROUND_WARMUP_MS, ROUND_MS);
  } finally {
    client.after?.();
  }
  const upstreamCpuSeconds =
    (((await upstream.cpuSeconds()) - upstreamCpu0) * loop.seconds) / (loop.seconds + ROUND_WARMUP_MS / 1000);
  return {
    seconds: loop.seconds,
    requests: loop.requests,
    cpuSeconds: loop.cpuSeconds,
    upstreamCpuSeconds,
    latencyP50Ms: quantile(loop.latenciesMs, 0.5),
    latencyP99Ms: quantile(loop.latenciesMs, 0.99),
  };
}

function rowOf(r: Running): ClientRow {
  const med = (of: (s: Sample) => number) => median(r.samples.map(of));
  return {
    variant: r.variant,
    stack: STACKS[r.variant],
    concurrency: CONCURRENCY,
    rounds: r.samples.length,
    round_seconds: ROUND_MS / 1000,
    requests: r.samples.reduce((sum, s) => sum + s.requests, 0),
    rps: Math.round(med((s) => s.requests / s.seconds)),
    rps_per_round: r.samples.map((s) => Math.round(s.requests / s.seconds)),
    cpu_us_per_request: round(
      med((s) => (s.cpuSeconds * 1e6) / s.requests),
      1,
    ),
    client_cpu_share: round(
      med((s) => s.cpuSeconds / s.seconds),
      3,
    ),
    upstream_cpu_share: round(
      med((s) => s.upstreamCpuSeconds / s.seconds),
      3,
    ),
    latency_p50_ms: round(
      med((s) => s.latencyP50Ms),
      3,
    ),
    latency_p99_ms: round(
      med((s) => s.latencyP99Ms),
      3,
    ),
    load_avg_1m: round(loadavg()[0] ?? Number.NaN, 2),
  };
}
