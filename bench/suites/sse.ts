/**
 * Suite `sse`: Server-Sent Events per second of the generated llm-provider route (handler returning an async
 * iterable, event data through the route's serializer) against a hand-written Fastify SSE route, and what the
 * generated client's EventStream costs on the reading side. Each server runs in its own child process; the
 * streams are read from this one. Goals and method: bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { canPin, pinSelf } from '../cpu-pin.js';
import { type ListeningChild, startListeningChild } from '../listening-child.js';
import { median, round } from '../measure.js';
import { clientReader, rawReader, type StreamReader } from '../sse/readers.js';
import { API_KEY_ENV, REQUEST_BODY, REQUEST_PATH, SERVERS, type Server } from '../sse/variants.js';
import type { SuiteResult } from '../suite.js';

export const name = 'sse';

/**
 * Each variant is warmed with 2 streams, then read in 7 rounds of 3 streams one after the other, the variants
 * taken in turn within a round (order reversed every other round), so a ratio is the median of per-round
 * ratios taken through the same spells of noise.
 */
const WARMUP_STREAMS = 2;
const STREAMS_PER_ROUND = 3;
const ROUNDS = 7;

/** Set to a folder to run every server child with `--cpu-prof` writing its profile there. */
const CPU_PROFILE_ENV = 'SWITCHBOARD_BENCH_CPU_PROF';

/** The measured variants: which server, read how. */
const VARIANTS = {
  generated: { server: 'generated', reader: 'raw' },
  fastify_sse: { server: 'fastify_sse', reader: 'raw' },
  generated_with_client: { server: 'generated', reader: 'client' },
} as const satisfies Record<string, { server: Server; reader: 'raw' | 'client' }>;
type Variant = keyof typeof VARIANTS;

const STACKS: Readonly<Record<Variant, string>> = {
  generated: 'createServiceApp + llmProviderRoutesPlugin; raw reader',
  fastify_sse: 'Fastify, reply.hijack(), raw.write per event; raw reader',
  generated_with_client: 'createServiceApp + llmProviderRoutesPlugin; createLlmProviderClient EventStream',
};

/** One variant in one round. */
interface Sample {
  events: number;
  seconds: number;
  serverCpuSeconds: number;
  readerCpuSeconds: number;
  loadAvg: number;
}

interface Running {
  variant: Variant;
  server: ListeningChild;
  reader: StreamReader;
  samples: Sample[];
}

/** Starts both servers, checks and warms every variant, then reads them in interleaved rounds. */
export async function run(): Promise<SuiteResult> {
  const apiKey = randomBytes(24).toString('hex');
  const profileDir = process.env[CPU_PROFILE_ENV] || undefined;
  const servers = new Map<Server, ListeningChild>();
  const running: Running[] = [];
  // Readers (this process) on CPU 0, every server on CPU 1, when the machine allows it.
  const pinned = canPin() && pinSelf(0);
  try {
    for (const server of SERVERS) {
      servers.set(server, await startSseServer(server, apiKey, profileDir, pinned ? 1 : undefined));
    }
    for (const [variant, { server, reader }] of Object.entries(VARIANTS) as [
      Variant,
      (typeof VARIANTS)[Variant],
    ][]) {
      const child = servers.get(server) as ListeningChild;
      const baseUrl = `http://127.0.0.1:${child.port}`;
      const read = reader === 'raw' ? rawReader(baseUrl, apiKey) : clientReader(baseUrl, apiKey);
      running.push({ variant, server: child, reader: read, samples: [] });
    }
    await checkRefusesWithoutKey(servers.get('generated') as ListeningChild);
    for (const r of running) {
      console.log(`sse: ${r.variant}: ${WARMUP_STREAMS} warm-up streams`);
      for (let i = 0; i < WARMUP_STREAMS; i++) await r.reader.read();
    }
    for (let round = 0; round < ROUNDS; round++) {
      console.log(`sse: round ${round + 1} of ${ROUNDS}, ${STREAMS_PER_ROUND} streams per variant`);
      for (const r of round % 2 === 0 ? running : [...running].reverse()) r.samples.push(await sample(r));
    }
  } finally {
    await Promise.all(running.map((r) => r.reader.close()));
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
  const samples = (variant: Variant) => running.find((r) => r.variant === variant)?.samples ?? [];
  /** Median over the rounds of `of(a) / of(b)` within the same round. */
  const ratio = (a: Variant, b: Variant, of: (s: Sample) => number) => {
    const other = samples(b);
    return round(median(samples(a).map((s, i) => of(s) / of(other[i] as Sample))), 3);
  };
  const rate = (s: Sample) => s.events / s.seconds;
  const perCpuSecond = (s: Sample) => s.events / s.serverCpuSeconds;
  const medianRate = (variant: Variant) => round(median(samples(variant).map(rate)), 0);
  return {
    metrics: {
      'sse.generated_vs_fastify_sse': ratio('generated', 'fastify_sse', rate),
      // Events per server CPU second: the same comparison where the server was not the only limit.
      'sse.generated_vs_fastify_sse_per_cpu_second': ratio('generated', 'fastify_sse', perCpuSecond),
      // No goal: what parsing every event in the generated client costs end to end, same server.
      'sse.client_vs_raw_reader': ratio('generated_with_client', 'generated', rate),
      'sse.generated_events_per_second': medianRate('generated'),
      'sse.fastify_sse_events_per_second': medianRate('fastify_sse'),
    },
    rows: running.flatMap((r) =>
      r.samples.map((s, i) => ({
        variant: r.variant,
        stack: STACKS[r.variant],
        round: i + 1,
        streams: STREAMS_PER_ROUND,
        events: s.events,
        seconds: round(s.seconds, 4),
        events_per_second: round(rate(s), 0),
        server_cpu_seconds: round(s.serverCpuSeconds, 2),
        server_cpu_share: round(s.serverCpuSeconds / s.seconds, 2),
        reader_cpu_share: round(s.readerCpuSeconds / s.seconds, 2),
        load_avg_1m: round(s.loadAvg, 2),
        pinned,
      })),
    ),
  };
}

function startSseServer(
  server: Server,
  apiKey: string,
  profileDir: string | undefined,
  cpu: number | undefined,
): Promise<ListeningChild> {
  return startListeningChild(join(import.meta.dirname, '..', 'sse', 'serve.ts'), [server], {
    label: `sse server ${server}`,
    env: { [API_KEY_ENV]: apiKey },
    ...(profileDir === undefined ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] }),
    ...(cpu === undefined ? {} : { cpu }),
  });
}

/** `STREAMS_PER_ROUND` streams one after the other, timed together. */
async function sample(r: Running): Promise<Sample> {
  const serverCpuBefore = await r.server.cpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  for (let i = 0; i < STREAMS_PER_ROUND; i++) events += await r.reader.read();
  const seconds = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  return {
    events,
    seconds,
    serverCpuSeconds: (await r.server.cpuSeconds()) - serverCpuBefore,
    readerCpuSeconds: (ownCpu.user + ownCpu.system) / 1e6,
    loadAvg: loadavg()[0] ?? 0,
  };
}

/** Refuses to measure a generated server that streams without the API key: its auth would not be running. */
async function checkRefusesWithoutKey(server: ListeningChild): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${server.port}${REQUEST_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REQUEST_BODY),
  });
  await res.arrayBuffer();
  if (res.status !== 401)
    throw new Error(`generated: answered ${res.status} without an API key, expected 401`);
}
