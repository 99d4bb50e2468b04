/**
 * Suite `server`: requests per second of a generated internal route (auth, correlation, deadline, validation,
 * response serialization) against a bare Fastify route and against fastify-openapi-glue on the same spec.
 * Each server runs in its own child process; autocannon loads it from this one. Goals and method:
 * bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { round } from '../measure.js';
import { type LoadOptions, runLoad } from '../server/load.js';
import { type ServerProcess, startServer } from '../server/server-process.js';
import { CONTEXT_BODY, REQUEST_PATH, requestHeaders, VARIANTS, type Variant } from '../server/variants.js';
import type { SuiteResult } from '../suite.js';

export const name = 'server';

/** Load shape: 50 keep-alive connections, a 2 s warm-up, then one 10 s measured run per variant. */
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;

/** Set to a folder to run every server child with `--cpu-prof` writing its profile there. */
const CPU_PROFILE_ENV = 'SWITCHBOARD_BENCH_CPU_PROF';

const DESCRIPTIONS: Readonly<Record<Variant, string>> = {
  generated: 'createServiceApp + notionServiceRoutesPlugin + internalAuthenticator',
  bare_fastify: 'Fastify, one route, no schema',
  openapi_glue: 'fastify-openapi-glue 4.10.2, same document and auth check',
};

/** One measured variant. */
interface ServerRow {
  variant: Variant;
  stack: string;
  connections: number;
  duration_seconds: number;
  rps: number;
  total_requests: number;
  latency_mean_ms: number;
  latency_p50_ms: number;
  latency_p99_ms: number;
  /** Server child CPU seconds per wall second of the run: near 1 means the server's one JS thread was the limit. */
  server_cpu_share: number;
  /** The same for this process, which runs autocannon. */
  loadgen_cpu_share: number;
  /** Server child CPU microseconds per answered request: what a request costs, whoever limited the rate. */
  server_cpu_us_per_request: number;
  load_avg_1m: number;
}

/** Starts, checks, warms and loads each variant in turn, one server process at a time. */
export async function run(): Promise<SuiteResult> {
  const token = randomBytes(32).toString('hex');
  const profileDir = process.env[CPU_PROFILE_ENV] || undefined;
  const rows: ServerRow[] = [];
  for (const variant of VARIANTS) {
    const server = await startServer(variant, token, profileDir);
    try {
      rows.push(await measure(variant, server, token));
    } finally {
      await server.stop();
    }
  }
  const row = (variant: Variant) => rows.find((r) => r.variant === variant);
  const rps = (variant: Variant) => row(variant)?.rps ?? Number.NaN;
  const cpu = (variant: Variant) => row(variant)?.server_cpu_us_per_request ?? Number.NaN;
  return {
    metrics: {
      'server.generated_vs_bare_fastify': round(rps('generated') / rps('bare_fastify'), 3),
      'server.generated_vs_openapi_glue': round(rps('generated') / rps('openapi_glue'), 3),
      // Requests per server CPU second, generated over the other: the same comparison when the server was not
      // the bottleneck (autocannon shares the machine's cores with it).
      'server.generated_vs_bare_fastify_per_cpu_second': round(cpu('bare_fastify') / cpu('generated'), 3),
      'server.generated_vs_openapi_glue_per_cpu_second': round(cpu('openapi_glue') / cpu('generated'), 3),
    },
    rows,
  };
}

async function measure(variant: Variant, server: ServerProcess, token: string): Promise<ServerRow> {
  const url = `http://127.0.0.1:${server.port}${REQUEST_PATH}`;
  await checkAnswers(variant, url, token);
  const load: LoadOptions = {
    url,
    headers: requestHeaders(token),
    connections: CONNECTIONS,
    durationSeconds: 0,
  };
  console.log(`server: ${variant}: ${WARMUP_SECONDS} s warm-up, then ${DURATION_SECONDS} s measured`);
  const warmup = await runLoad({ ...load, durationSeconds: WARMUP_SECONDS });
  if (warmup.failed > 0) throw new Error(`${variant}: ${warmup.failed} failed requests during warm-up`);

  const serverCpuBefore = await server.cpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runLoad({ ...load, durationSeconds: DURATION_SECONDS });
  const wallSeconds = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serverCpu = (await server.cpuSeconds()) - serverCpuBefore;
  if (result.failed > 0)
    throw new Error(`${variant}: ${result.failed} failed requests (errors, timeouts, non-2xx)`);
  return {
    variant,
    stack: DESCRIPTIONS[variant],
    connections: CONNECTIONS,
    duration_seconds: result.durationSeconds,
    rps: round(result.rps, 0),
    total_requests: result.totalRequests,
    latency_mean_ms: round(result.latencyMeanMs, 2),
    latency_p50_ms: result.latencyP50Ms,
    latency_p99_ms: result.latencyP99Ms,
    server_cpu_share: round(serverCpu / wallSeconds, 2),
    loadgen_cpu_share: round((ownCpu.user + ownCpu.system) / 1e6 / wallSeconds, 2),
    server_cpu_us_per_request: round((serverCpu * 1e6) / result.totalRequests, 1),
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
  if (variant === 'bare_fastify') return;
  const refused = await fetch(url);
  await refused.arrayBuffer();
  if (refused.status !== 401)
    throw new Error(`${variant}: answered ${refused.status} without auth, expected 401`);
  if (variant === 'generated' && ok.headers.get('x-correlation-id') === null) {
    throw new Error(
      'generated: no X-Correlation-ID on the answer; is the request context plugin registered?',
    );
  }
}
