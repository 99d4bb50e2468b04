/**
 * Suite `server`: requests per second of a generated internal route (auth, correlation, deadline, validation,
 * response serialization) against a bare Fastify route (without and with the same schemas) and against
 * fastify-openapi-glue on the same spec.
 * Each server runs in its own child process; autocannon loads it from this one. Goals and method:
 * bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { canPin, pinSelf } from '../cpu-pin.js';
import { median, round } from '../measure.js';
import { SINK_ENV } from '../observed/observability.js';
import { startOtlpSink } from '../observed/sink-process.js';
import { type LoadOptions, runLoad } from '../server/load.js';
import { type ServerProcess, startServer } from '../server/server-process.js';
import { CONTEXT_BODY, REQUEST_PATH, requestHeaders, VARIANTS, type Variant } from '../server/variants.js';
import type { SuiteResult } from '../suite.js';

export const name = 'server';

/**
 * Load shape: 50 keep-alive connections; each server warmed for 2 s, then 9 rounds of 2 s per variant, the
 * variants taken in turn within a round (order reversed every other round). Interleaving puts every variant
 * through the same spells of noise from other tenants of the machine, and a ratio is the median of the
 * per-round ratios, so one slow spell moves it little.
 */
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const ROUND_SECONDS = 2;
const ROUNDS = 9;

/** Set to a folder to run every server child with `--cpu-prof` writing its profile there. */
const CPU_PROFILE_ENV = 'SWITCHBOARD_BENCH_CPU_PROF';

const DESCRIPTIONS: Readonly<Record<Variant, string>> = {
  generated:
    'createServiceApp + notionServiceRoutesPlugin + internalAuthenticator, as notion-service (a leaf)',
  generated_propagating:
    'the same with the request context propagated in AsyncLocalStorage (a service that calls others)',
  bare_fastify: 'Fastify, one route, no schema',
  bare_fastify_schema:
    "Fastify, one route with the generated route's params and response schemas (Ajv, fast-json-stringify)",
  openapi_glue: 'fastify-openapi-glue 4.10.2, same document and auth check',
  generated_observed:
    "generated, with the OpenTelemetry SDK as switchboard/telemetry starts it: every span sampled, batch-exported over OTLP/HTTP JSON by Switchboard's span processor to a loopback sink; metrics on",
  generated_observed_sampled:
    'generated_observed keeping one trace in ten (parentbased_traceidratio 0.1, what a busy service would set); metrics on every request',
  generated_traced_unexported:
    'generated_observed with no span processor: every span made, sampled and ended by the SDK, none exported (what the spans alone cost); metrics on',
  generated_metrics_only:
    'generated with only the meter provider startTelemetry registers (no tracer provider: no spans); metrics on',
  fastify_otel:
    'bare_fastify_schema with @fastify/otel 0.21.2 registered (request, handler and hook spans), on the SDK set up the usual way (BatchSpanProcessor + OTLP/HTTP exporter)',
};

/** One variant in one round. */
interface Sample {
  rps: number;
  totalRequests: number;
  wallSeconds: number;
  latencyMeanMs: number;
  latencyP99Ms: number;
  serverCpuSeconds: number;
  loadgenCpuSeconds: number;
}

/** One measured variant, over all rounds. */
interface ServerRow {
  variant: Variant;
  stack: string;
  connections: number;
  rounds: number;
  round_seconds: number;
  /** Median over the rounds of autocannon's mean requests per second. */
  rps: number;
  rps_per_round: number[];
  total_requests: number;
  /** Median over the rounds. */
  latency_mean_ms: number;
  latency_p99_ms: number;
  /** Server child CPU seconds per wall second: near 1 means the server's one JS thread was the limit. */
  server_cpu_share: number;
  /** The same for this process, which runs autocannon. */
  loadgen_cpu_share: number;
  /** Server child CPU microseconds per answered request, median over the rounds. */
  server_cpu_us_per_request: number;
  load_avg_1m: number;
}

interface Running {
  variant: Variant;
  server: ServerProcess;
  load: LoadOptions;
  samples: Sample[];
}

/** Starts and checks every variant, warms each, then loads them in interleaved rounds. */
export async function run(): Promise<SuiteResult> {
  const token = randomBytes(32).toString('hex');
  const profileDir = process.env[CPU_PROFILE_ENV] || undefined;
  const running: Running[] = [];
  // autocannon (this process) on CPU 0, every server on CPU 1, when the machine allows it.
  const pinned = canPin() && pinSelf(0);
  // The sink shares autocannon's core: the observed servers pay only for making and sending their spans.
  const sink = await startOtlpSink(pinned ? 0 : undefined);
  try {
    for (const variant of VARIANTS) {
      const env = { [SINK_ENV]: sink.endpoint };
      const server = await startServer(variant, token, profileDir, pinned ? 1 : undefined, env);
      running.push({ variant, server, load: loadOf(server, token), samples: [] });
    }
    for (const r of running) {
      await checkAnswers(r.variant, r.load.url, token);
      console.log(`server: ${r.variant}: ${WARMUP_SECONDS} s warm-up`);
      const warmup = await runLoad({ ...r.load, durationSeconds: WARMUP_SECONDS });
      if (warmup.failed > 0) throw new Error(`${r.variant}: ${warmup.failed} failed requests during warm-up`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      console.log(`server: round ${round + 1} of ${ROUNDS}, ${ROUND_SECONDS} s per variant`);
      for (const r of round % 2 === 0 ? running : [...running].reverse()) r.samples.push(await sample(r));
    }
  } finally {
    await Promise.all(running.map((r) => r.server.stop()));
    await sink.stop();
  }
  const samples = (variant: Variant) => running.find((r) => r.variant === variant)?.samples ?? [];
  /** Median over the rounds of `of(a) / of(b)` within the same round. */
  const ratio = (a: Variant, b: Variant, of: (s: Sample) => number) => {
    const other = samples(b);
    return round(median(samples(a).map((s, i) => of(s) / of(other[i] as Sample))), 3);
  };
  const cpuPerRequest = (s: Sample) => s.serverCpuSeconds / s.totalRequests;
  return {
    metrics: {
      'server.generated_vs_bare_fastify': ratio('generated', 'bare_fastify', (s) => s.rps),
      'server.generated_vs_bare_fastify_schema': ratio('generated', 'bare_fastify_schema', (s) => s.rps),
      'server.generated_vs_openapi_glue': ratio('generated', 'openapi_glue', (s) => s.rps),
      'server.observed_vs_unobserved': ratio('generated_observed', 'generated', (s) => s.rps),
      'server.observed_vs_fastify_otel': ratio('generated_observed', 'fastify_otel', (s) => s.rps),
      // No goal: what one trace in ten costs, with metrics on every request.
      'server.observed_sampled_vs_unobserved': ratio('generated_observed_sampled', 'generated', (s) => s.rps),
      // No goal: where observed's cost lies. Spans made by the SDK but not exported, then metrics alone.
      'server.traced_unexported_vs_unobserved': ratio(
        'generated_traced_unexported',
        'generated',
        (s) => s.rps,
      ),
      'server.metrics_only_vs_unobserved': ratio('generated_metrics_only', 'generated', (s) => s.rps),
      // No goal: what a service that calls others pays for AsyncLocalStorage on Node 20.
      'server.generated_propagating_vs_openapi_glue': ratio(
        'generated_propagating',
        'openapi_glue',
        (s) => s.rps,
      ),
      // Requests per server CPU second, generated over the other: the same comparison when the server was not
      // the bottleneck (autocannon shares the machine's cores with it).
      'server.generated_vs_bare_fastify_per_cpu_second': ratio('bare_fastify', 'generated', cpuPerRequest),
      'server.generated_vs_bare_fastify_schema_per_cpu_second': ratio(
        'bare_fastify_schema',
        'generated',
        cpuPerRequest,
      ),
      'server.generated_vs_openapi_glue_per_cpu_second': ratio('openapi_glue', 'generated', cpuPerRequest),
    },
    rows: running.map((r) => ({ ...rowOf(r), pinned })),
  };
}

function loadOf(server: ServerProcess, token: string): LoadOptions {
  return {
    url: `http://127.0.0.1:${server.port}${REQUEST_PATH}`,
    headers: requestHeaders(token),
    connections: CONNECTIONS,
    durationSeconds: ROUND_SECONDS,
  };
}

async function sample(r: Running): Promise<Sample> {
  const serverCpuBefore = await r.server.cpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runLoad(r.load);
  const wallSeconds = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serverCpuSeconds = (await r.server.cpuSeconds()) - serverCpuBefore;
  if (result.failed > 0)
    throw new Error(`${r.variant}: ${result.failed} failed requests (errors, timeouts, non-2xx)`);
  return {
    rps: result.rps,
    totalRequests: result.totalRequests,
    wallSeconds,
    latencyMeanMs: result.latencyMeanMs,
    latencyP99Ms: result.latencyP99Ms,
    serverCpuSeconds,
    loadgenCpuSeconds: (ownCpu.user + ownCpu.system) / 1e6,
  };
}

function rowOf(r: Running): ServerRow {
  const med = (of: (s: Sample) => number) => median(r.samples.map(of));
  return {
    variant: r.variant,
    stack: DESCRIPTIONS[r.variant],
    connections: CONNECTIONS,
    rounds: r.samples.length,
    round_seconds: ROUND_SECONDS,
    rps: round(
      med((s) => s.rps),
      0,
    ),
    rps_per_round: r.samples.map((s) => round(s.rps, 0)),
    total_requests: r.samples.reduce((sum, s) => sum + s.totalRequests, 0),
    latency_mean_ms: round(
      med((s) => s.latencyMeanMs),
      2,
    ),
    latency_p99_ms: med((s) => s.latencyP99Ms),
    server_cpu_share: round(
      med((s) => s.serverCpuSeconds / s.wallSeconds),
      2,
    ),
    loadgen_cpu_share: round(
      med((s) => s.loadgenCpuSeconds / s.wallSeconds),
      2,
    ),
    server_cpu_us_per_request: round(
      med((s) => (s.serverCpuSeconds * 1e6) / s.totalRequests),
      1,
    ),
    load_avg_1m: round(loadavg()[0] ?? 0, 2),
  };
}

/**
 * Refuses to load a server that answers wrongly: the request must get 200 with exactly the fixed body, and
 * where the variant checks auth, the same request without `X-Internal-Auth` must get 401.
 */
async function checkAnswers(variant: Variant, url: string, token: string): Promise<void> {
  const ok = await fetch(url, { headers: requestHeaders(token) });
  const body: unknown = await ok.json();
  if (ok.status !== 200 || !isDeepStrictEqual(body, CONTEXT_BODY)) {
    throw new Error(
      `${variant}: answered ${ok.status} ${JSON.stringify(body)}, expected 200 with the fixed body`,
    );
  }
  if (variant === 'bare_fastify' || variant === 'bare_fastify_schema' || variant === 'fastify_otel') return;
  const refused = await fetch(url);
  await refused.arrayBuffer();
  if (refused.status !== 401)
    throw new Error(`${variant}: answered ${refused.status} without auth, expected 401`);
  if (variant.startsWith('generated') && ok.headers.get('x-correlation-id') === null) {
    throw new Error(
      'generated: no X-Correlation-ID on the answer; is the request context plugin registered?',
    );
  }
}
