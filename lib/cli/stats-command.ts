import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { envInternalToken } from './env-token.js';
import {
  histogramQuantile,
  type PrometheusSample,
  PrometheusTextError,
  parsePrometheusText,
} from './prometheus-text.js';

const DEFAULT_INTERVAL_SECONDS = 5;
const SCRAPE_TIMEOUT_MS = 5000;
const CLIENT = 'http_client_request_duration_seconds';
const SERVER = 'http_server_request_duration_seconds';

const HELP = `usage: switchboard stats --url <service-url> [--url …] [--token T] [--interval S] [--json]

Reads each service's GET <url>/metrics (Prometheus text) twice, --interval seconds apart, and prints per
caller → downstream operation (http.client.request.duration) and per own route (http.server.request.duration):
calls per second, error % (calls with an error.type) and p50/p95/p99 interpolated within the histogram
buckets as Prometheus' histogram_quantile does, all over the calls between the two scrapes. The caller is the
service's service_name (from target_info), else its URL. Exits 0, or 2 on bad input or a failed scrape.

  --url URL        a service's base URL, e.g. http://127.0.0.1:3002 (repeatable)
  --token T        sent as X-Internal-Auth (default: env INTERNAL_AUTH_TOKEN, or
                   INTEXURAOS_INTERNAL_AUTH_TOKEN, which wins; the first of comma-separated values)
  --interval S     seconds between the two scrapes (default ${DEFAULT_INTERVAL_SECONDS}); 0 scrapes once and shows
                   the totals since each service started, without rates
  --json           print the same figures as JSON (latencies in milliseconds, to the microsecond)`;

/** The figures of one caller → downstream operation, or of one of a service's own routes. */
export interface CallStats {
  count: number;
  errors: number;
  /** Errors per 100 calls; null without calls. */
  errorPercent: number | null;
  /** Calls per second over the interval; null for a single scrape. */
  rate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** Calls a service made to one operation of another. */
export interface ClientRow extends CallStats {
  caller: string;
  peer: string;
  operation: string;
}

/** Requests a service answered on one of its routes. */
export interface RouteRow extends CallStats {
  service: string;
  method: string;
  route: string;
  operation: string;
}

/** What `switchboard stats` found: the calls between services and each service's own routes. */
export interface StatsReport {
  /** Seconds between the two scrapes; 0 when the figures are totals of a single scrape. */
  intervalSeconds: number;
  services: Array<{ url: string; service: string }>;
  calls: ClientRow[];
  routes: RouteRow[];
}

interface Options {
  urls: string[];
  token: string | undefined;
  intervalSeconds: number;
  json: boolean;
}

class StatsInputError extends Error {}

/** `switchboard stats`: exit 0 with the figures printed, 2 on bad usage or a scrape that fails. */
export async function statsCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const options = readOptions(args, env);
    if (options === 'help') {
      console.log(HELP);
      return 0;
    }
    const report = await collectStats(options);
    console.log(options.json ? JSON.stringify(report, null, 2) : formatStats(report));
    return 0;
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    console.error(`switchboard stats: ${error.message}`);
    return 2;
  }
}

function readOptions(args: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(args));
  } catch (error) {
    throw new StatsInputError(`${(error as Error).message} (see 'switchboard help stats')`);
  }
  if (values.help === true) return 'help';
  const urls = values.url ?? [];
  if (urls.length === 0) throw new StatsInputError("--url is required (see 'switchboard help stats')");
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new StatsInputError(`--url must be an http(s) URL, got '${url}'`);
  }
  const rawInterval = values.interval ?? String(DEFAULT_INTERVAL_SECONDS);
  if (!/^\d+(\.\d+)?$/.test(rawInterval))
    throw new StatsInputError(`--interval must be a number of seconds, got '${rawInterval}'`);
  return {
    urls,
    token: values.token ?? envInternalToken(env),
    intervalSeconds: Number(rawInterval),
    json: values.json === true,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      url: { type: 'string', multiple: true },
      token: { type: 'string' },
      interval: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

interface Scrape {
  url: string;
  service: string;
  samples: PrometheusSample[];
}

async function collectStats(options: Options): Promise<StatsReport> {
  const scrapeAll = () => Promise.all(options.urls.map((url) => scrape(url, options.token)));
  const first = await scrapeAll();
  let scrapes = first;
  if (options.intervalSeconds > 0) {
    await sleep(options.intervalSeconds * 1000);
    const second = await scrapeAll();
    scrapes = second.map((s, i) => ({ ...s, samples: increase((first[i] as Scrape).samples, s.samples) }));
  }
  const interval = options.intervalSeconds > 0 ? options.intervalSeconds : undefined;
  const byName = (a: { sortKey: string }, b: { sortKey: string }) => a.sortKey.localeCompare(b.sortKey);
  const calls = scrapes.flatMap((s) =>
    [...group(s.samples, CLIENT, clientKey).values()].map((g) => ({
      sortKey: `${s.service}\0${g.key}`,
      row: {
        caller: s.service,
        peer: peerOf(g.labels),
        operation: operationOf(g.labels),
        ...figures(g, interval),
      },
    })),
  );
  const routes = scrapes.flatMap((s) =>
    [...group(s.samples, SERVER, routeKey).values()].map((g) => ({
      sortKey: `${s.service}\0${g.key}`,
      row: {
        service: s.service,
        method: g.labels.http_request_method ?? '',
        route: g.labels.http_route ?? '(unmatched)',
        operation: g.labels.switchboard_operation_id ?? '',
        ...figures(g, interval),
      },
    })),
  );
  return {
    intervalSeconds: interval ?? 0,
    services: scrapes.map((s) => ({ url: s.url, service: s.service })),
    calls: calls.sort(byName).map((c) => c.row),
    routes: routes.sort(byName).map((r) => r.row),
  };
}

async function scrape(url: string, token: string | undefined): Promise<Scrape> {
  const metricsUrl = `${url.replace(/\/+$/, '')}/metrics`;
  let response: Response;
  try {
    response = await fetch(metricsUrl, {
      headers: token === undefined ? {} : { 'x-internal-auth': token },
      signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new StatsInputError(`GET ${metricsUrl} got no answer (${cause})`);
  }
  const text = await response.text();
  if (response.status !== 200) {
    const hint =
      response.status === 401
        ? '; pass --token or set INTERNAL_AUTH_TOKEN (with make dev: set -a; . .switchboard/dev-secrets.env; set +a)'
        : '';
    throw new StatsInputError(`GET ${metricsUrl} answered ${response.status} ${response.statusText}${hint}`);
  }
  let samples: PrometheusSample[];
  try {
    samples = parsePrometheusText(text);
  } catch (error) {
    if (!(error instanceof PrometheusTextError)) throw error;
    throw new StatsInputError(`GET ${metricsUrl} is not Prometheus text: ${error.message}`);
  }
  const service = samples.find((s) => s.name === 'target_info')?.labels.service_name ?? url;
  return { url, service, samples };
}

function seriesKey(sample: PrometheusSample): string {
  return `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/** Each series' growth between two scrapes; a series that shrank was reset (a restart) and counts anew. */
function increase(before: PrometheusSample[], after: PrometheusSample[]): PrometheusSample[] {
  const earlier = new Map(before.map((s) => [seriesKey(s), s.value]));
  return after.map((s) => {
    const was = earlier.get(seriesKey(s)) ?? 0;
    return { ...s, value: s.value >= was ? s.value - was : s.value };
  });
}

interface Histogram {
  key: string;
  labels: Record<string, string>;
  count: number;
  errors: number;
  buckets: Map<number, number>;
}

// Everything else in a series' labels (status, address, error type) is summed over.
function clientKey(labels: Record<string, string>): string {
  return `${peerOf(labels)}\0${operationOf(labels)}`;
}

function routeKey(labels: Record<string, string>): string {
  return `${labels.http_route ?? ''}\0${labels.http_request_method ?? ''}`;
}

function peerOf(labels: Record<string, string>): string {
  return labels.peer_service ?? `${labels.server_address ?? '?'}:${labels.server_port ?? '?'}`;
}

function operationOf(labels: Record<string, string>): string {
  return (
    labels.switchboard_operation_id ??
    `${labels.http_request_method ?? ''} ${labels.url_template ?? ''}`.trim()
  );
}

function group(
  samples: PrometheusSample[],
  metric: string,
  keyOf: (labels: Record<string, string>) => string,
): Map<string, Histogram> {
  const groups = new Map<string, Histogram>();
  for (const sample of samples) {
    const part = sample.name.startsWith(metric) ? sample.name.slice(metric.length) : undefined;
    if (part !== '_bucket' && part !== '_count') continue;
    const key = keyOf(sample.labels);
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, labels: sample.labels, count: 0, errors: 0, buckets: new Map() };
      groups.set(key, g);
    }
    if (part === '_count') {
      g.count += sample.value;
      if ((sample.labels.error_type ?? '') !== '') g.errors += sample.value;
    } else {
      const raw = sample.labels.le ?? '';
      const le = raw === '+Inf' ? Number.POSITIVE_INFINITY : Number(raw);
      if (raw !== '' && !Number.isNaN(le)) g.buckets.set(le, (g.buckets.get(le) ?? 0) + sample.value);
    }
  }
  return groups;
}

function figures(g: Histogram, intervalSeconds: number | undefined): CallStats {
  const buckets = [...g.buckets].map(([le, count]) => ({ le, count }));
  const quantileMs = (q: number) => {
    const seconds = histogramQuantile(q, buckets);
    return Number.isFinite(seconds) ? Math.round(seconds * 1e6) / 1000 : null;
  };
  return {
    count: g.count,
    errors: g.errors,
    errorPercent: g.count > 0 ? (100 * g.errors) / g.count : null,
    rate: intervalSeconds === undefined ? null : g.count / intervalSeconds,
    p50Ms: quantileMs(0.5),
    p95Ms: quantileMs(0.95),
    p99Ms: quantileMs(0.99),
  };
}

/** The report as two aligned tables: calls between services, then each service's own routes. */
export function formatStats(report: StatsReport): string {
  const over =
    report.intervalSeconds > 0
      ? `over ${report.intervalSeconds} s`
      : 'since each service started (one scrape)';
  const numbers = (r: CallStats) => [
    r.rate === null ? 'n/a' : r.rate.toFixed(2),
    r.errorPercent === null ? '-' : `${r.errorPercent.toFixed(1)}%`,
    ms(r.p50Ms),
    ms(r.p95Ms),
    ms(r.p99Ms),
    String(r.count),
  ];
  const numberHeads = ['rate/s', 'error %', 'p50 ms', 'p95 ms', 'p99 ms', 'calls'];
  const calls = table(
    ['caller', '', 'service', 'operation', ...numberHeads],
    report.calls.map((r) => [r.caller, '→', r.peer, r.operation, ...numbers(r)]),
    4,
  );
  const routes = table(
    ['service', 'method', 'route', 'operation', ...numberHeads],
    report.routes.map((r) => [r.service, r.method, r.route, r.operation, ...numbers(r)]),
    4,
  );
  const scraped = report.services.map((s) => (s.service === s.url ? s.url : `${s.service} (${s.url})`));
  return [
    `scraped ${scraped.join(', ')}`,
    '',
    `calls to other services ${over}`,
    ...(report.calls.length > 0 ? calls : ['  (none recorded)']),
    '',
    `requests served ${over}`,
    ...(report.routes.length > 0 ? routes : ['  (none recorded)']),
  ].join('\n');
}

function ms(value: number | null): string {
  if (value === null) return '-';
  return value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
}

/** Rows padded to their columns' widths; columns from `firstNumber` on are right-aligned. */
function table(head: string[], rows: string[][], firstNumber: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i >= firstNumber ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()}`;
  return [line(head), ...rows.map(line)];
}
