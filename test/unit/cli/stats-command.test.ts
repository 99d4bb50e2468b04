import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type StatsReport, statsCommand } from '../../../lib/cli/stats-command.js';

const TOKEN = 'metrics-secret';
const BOUNDS = ['0.005', '0.01', '0.025', '0.05', '+Inf'];
const CALL =
  'http_request_method="GET",url_template="/internal/users/{uid}/llm-keys",server_address="127.0.0.1",' +
  'server_port="39175",peer_service="user-service",switchboard_operation_id="getLlmKeys"';

function histogram(name: string, labels: string, cumulative: number[]): string[] {
  const count = cumulative.at(-1) as number;
  return [
    ...cumulative.map(
      (c, i) => `${name}_bucket{${labels},otel_scope_name="switchboard",le="${BOUNDS[i]}"} ${c}`,
    ),
    `${name}_count{${labels},otel_scope_name="switchboard"} ${count}`,
    `${name}_sum{${labels},otel_scope_name="switchboard"} 0.1`,
  ];
}

// Between the scrapes: 8 answered calls and 2 failed ones (cumulative 4, 8, 9, 10, 10 together), and 5 requests
// served on a route first seen in the second scrape.
const SCRAPES = [
  [
    'target_info{service_name="llm-orchestrator",telemetry_sdk_language="nodejs"} 1',
    ...histogram(
      'http_client_request_duration_seconds',
      `${CALL},http_response_status_code="200"`,
      [1, 2, 2, 3, 3],
    ),
    ...histogram(
      'http_client_request_duration_seconds',
      `${CALL},http_response_status_code="404",error_type="404"`,
      [0, 1, 1, 1, 1],
    ),
  ],
  [
    'target_info{service_name="llm-orchestrator",telemetry_sdk_language="nodejs"} 1',
    ...histogram(
      'http_client_request_duration_seconds',
      `${CALL},http_response_status_code="200"`,
      [5, 8, 9, 11, 11],
    ),
    ...histogram(
      'http_client_request_duration_seconds',
      `${CALL},http_response_status_code="404",error_type="404"`,
      [0, 3, 3, 3, 3],
    ),
    ...histogram(
      'http_server_request_duration_seconds',
      'http_request_method="GET",http_response_status_code="200",http_route="/internal/llm/users/{uid}/readiness",switchboard_operation_id="getReadiness"',
      [5, 5, 5, 5, 5],
    ),
  ],
];

let served = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    if (req.headers['x-internal-auth'] !== TOKEN)
      return void res.writeHead(401).end('{"error":"unauthorized"}');
    const text = SCRAPES[Math.min(served++, SCRAPES.length - 1)] as string[];
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${text.join('\n')}\n`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  served = 0;
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await statsCommand(args, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('switchboard stats', () => {
  it('computes rate, error % and quantiles over the calls between two scrapes', async () => {
    const r = await run(['--url', url, '--interval', '0.5', '--json'], {
      INTERNAL_AUTH_TOKEN: `${TOKEN},older`,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as StatsReport;
    expect(report.intervalSeconds).toBe(0.5);
    expect(report.services).toEqual([{ url, service: 'llm-orchestrator' }]);
    expect(report.calls).toHaveLength(1);
    const call = report.calls[0];
    expect(call).toMatchObject({
      caller: 'llm-orchestrator',
      peer: 'user-service',
      operation: 'getLlmKeys',
      count: 10,
      errors: 2,
      errorPercent: 20,
      rate: 20,
    });
    expect(call?.p50Ms).toBeCloseTo(6.25, 9);
    expect(call?.p95Ms).toBeCloseTo(37.5, 9);
    expect(call?.p99Ms).toBeCloseTo(47.5, 9);
    expect(report.routes).toHaveLength(1);
    expect(report.routes[0]).toMatchObject({
      service: 'llm-orchestrator',
      method: 'GET',
      route: '/internal/llm/users/{uid}/readiness',
      operation: 'getReadiness',
      count: 5,
      errors: 0,
      errorPercent: 0,
      rate: 10,
    });
    expect(report.routes[0]?.p50Ms).toBeCloseTo(2.5, 9);
  });

  it('prints aligned tables', async () => {
    const r = await run(['--url', url, '--interval', '0.2', '--token', TOKEN]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`scraped llm-orchestrator (${url})`);
    expect(r.out).toContain('calls to other services over 0.2 s');
    expect(r.out).toMatch(/caller +service +operation +rate\/s +error % +p50 ms +p95 ms +p99 ms +calls/);
    expect(r.out).toMatch(
      /llm-orchestrator +→ +user-service +getLlmKeys +50\.00 +20\.0% +6\.25 +37\.5 +47\.5 +10\n/,
    );
    expect(r.out).toMatch(
      /llm-orchestrator +GET +\/internal\/llm\/users\/\{uid\}\/readiness +getReadiness +25\.00 +0\.0% +2\.50 +4\.75 +4\.95 +5$/,
    );
    const lines = r.out.split('\n');
    const head = lines.find((l) => l.includes('caller')) as string;
    const row = lines.find((l) => l.includes('getLlmKeys')) as string;
    expect(row.length).toBe(head.length);
  });

  it('shows totals without a rate for --interval 0', async () => {
    const r = await run(['--url', `${url}/`, '--interval', '0', '--token', TOKEN, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as StatsReport;
    expect(report.intervalSeconds).toBe(0);
    expect(report.calls[0]).toMatchObject({ count: 4, errors: 1, errorPercent: 25, rate: null });
    expect(report.calls[0]?.p50Ms).toBeCloseTo(7.5, 9);
    expect(report.routes).toEqual([]);
    const table = await run(['--url', url, '--interval', '0', '--token', TOKEN]);
    expect(table.out).toContain('since each service started (one scrape)');
    expect(table.out).toMatch(/getLlmKeys +n\/a +25\.0% +7\.50/);
  });

  it('exits 2 naming the URL and the status when the scrape is refused', async () => {
    const r = await run(['--url', url, '--interval', '0'], { INTERNAL_AUTH_TOKEN: 'wrong' });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `switchboard stats: GET ${url}/metrics answered 401 Unauthorized; pass --token or set INTERNAL_AUTH_TOKEN (with make dev: set -a; . .switchboard/dev-secrets.env; set +a)`,
    );
  });

  it('exits 2 for a URL that does not answer, and without --url', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const r = await run(['--url', `http://127.0.0.1:${port}`, '--interval', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `switchboard stats: GET http://127.0.0.1:${port}/metrics got no answer (ECONNREFUSED)`,
    );
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toBe("switchboard stats: --url is required (see 'switchboard help stats')");
    const bad = await run(['--url', url, '--interval', 'soon']);
    expect(bad.err).toBe("switchboard stats: --interval must be a number of seconds, got 'soon'");
  });
});
