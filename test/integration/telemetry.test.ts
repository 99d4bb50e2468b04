import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../helpers/otlp-receiver.js';
import { freePort } from '../helpers/redis-server.js';

// Three services as real processes (llm-orchestrator → user-service, notion-service), each starting the
// OpenTelemetry SDK from the standard variables and exporting spans as OTLP/HTTP JSON to a receiver here.

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string;
}

const INTERNAL = randomBytes(24).toString('hex');
const children: ChildProcess[] = [];
let receiver: OtlpReceiver;

/** Every span the receiver got, with the service that sent it. */
function received(): ReceivedSpan[] {
  return receiver.received
    .filter((r) => r.url === '/v1/traces')
    .flatMap(({ body }) => {
      const data = JSON.parse(body.toString()) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: OtlpSpan[] }[];
        }[];
      };
      return data.resourceSpans.flatMap((rs) => {
        const service =
          rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, service })));
      });
    });
}
const urls: Record<string, string> = {};

function startService(name: string, port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', `services/${name}/main.ts`],
    {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL,
        OTEL_SERVICE_NAME: name,
        OTEL_EXPORTER_OTLP_ENDPOINT: urls.receiver ?? '',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '50',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.push(child);
  return child;
}

async function healthy(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not become healthy`);
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  urls.receiver = receiver.endpoint;
  const [users, notion, orchestrator] = [await freePort(), await freePort(), await freePort()];
  urls.users = `http://127.0.0.1:${users}`;
  urls.notion = `http://127.0.0.1:${notion}`;
  urls.orchestrator = `http://127.0.0.1:${orchestrator}`;
  startService('user-service', users, {
    LLM_KEYS_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    AUTH_SERVICE_URL: 'http://127.0.0.1:9',
  });
  startService('notion-service', notion, {});
  startService('llm-orchestrator', orchestrator, {
    AUTH_SERVICE_URL: 'http://127.0.0.1:9',
    INTEXURAOS_USER_SERVICE_URL: urls.users,
    INTEXURAOS_NOTION_SERVICE_URL: urls.notion,
  });
  await Promise.all([healthy(urls.users), healthy(urls.notion), healthy(urls.orchestrator)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) resolve();
          else {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }
        }),
    ),
  );
  await receiver?.close();
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value === undefined ? undefined : Object.values(value)[0];
};

describe('traces and metrics across three services', () => {
  it('one readiness call gives one trace over the three services, with parent/child links right', async () => {
    const r = await fetch(`${urls.orchestrator}/internal/llm/users/usr_otel/readiness`, {
      headers: { 'x-internal-auth': INTERNAL },
    });
    expect(r.status).toBe(200);
    const root = await expect
      .poll(
        () =>
          received().find(
            (s) => s.service === 'llm-orchestrator' && s.name === 'GET /internal/llm/users/{uid}/readiness',
          ),
        { timeout: 10_000 },
      )
      .toBeDefined()
      .then(() =>
        received().find(
          (s) => s.service === 'llm-orchestrator' && s.name === 'GET /internal/llm/users/{uid}/readiness',
        ),
      );
    if (root === undefined) throw new Error('no root span');
    expect(root.parentSpanId ?? '').toBe('');
    expect(root.kind).toBe(2); // SERVER
    const trace = () => received().filter((s) => s.traceId === root.traceId);
    // The two downstream servers export on their own schedule.
    await expect.poll(() => new Set(trace().map((s) => s.service)).size, { timeout: 10_000 }).toBe(3);
    const spans = trace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const [service, route, operationId] of [
      ['user-service', '/internal/users/{uid}/llm-keys', 'getLlmKeys'],
      ['notion-service', '/internal/notion/users/{userId}/context', 'getNotionContext'],
    ] as const) {
      const server = spans.find((s) => s.service === service && s.kind === 2);
      expect(server?.name).toBe(`GET ${route}`);
      const attempt = byId.get(server?.parentSpanId ?? '');
      expect(attempt?.service).toBe('llm-orchestrator');
      expect(attempt?.kind).toBe(3); // CLIENT
      const call = byId.get(attempt?.parentSpanId ?? '');
      expect(call?.name).toBe(`GET ${route}`);
      expect(call?.kind).toBe(1); // INTERNAL
      expect(attribute(call as OtlpSpan, 'switchboard.operation_id')).toBe(operationId);
      expect(attribute(call as OtlpSpan, 'url.template')).toBe(route);
      expect(call?.parentSpanId).toBe(root.spanId);
    }
  }, 30_000);

  it('serves Prometheus metrics behind the internal token, with the HTTP duration histograms', async () => {
    expect((await fetch(`${urls.orchestrator}/metrics`)).status).toBe(401);
    const res = await fetch(`${urls.orchestrator}/metrics`, { headers: { 'x-internal-auth': INTERNAL } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).split('\n');
    const line = (prefix: string, ...parts: string[]) =>
      lines.find((l) => l.startsWith(`${prefix}{`) && parts.every((p) => l.includes(p)));
    expect(
      line(
        'http_server_request_duration_seconds_bucket',
        'http_route="/internal/llm/users/{uid}/readiness"',
        'http_response_status_code="200"',
        'le="0.005"',
      ),
    ).toBeDefined();
    expect(
      line(
        'http_client_request_duration_seconds_count',
        'switchboard_operation_id="getLlmKeys"',
        'url_template="/internal/users/{uid}/llm-keys"',
        'http_response_status_code="404"',
        'peer_service="user-service"',
      ),
    ).toMatch(/ 1$/);
    expect(line('switchboard_client_attempts_count', 'switchboard_operation_id="getNotionContext"')).toMatch(
      / 1$/,
    );
    const users = await fetch(`${urls.users}/metrics`, { headers: { 'x-internal-auth': INTERNAL } });
    expect(await users.text()).toMatch(/http_server_request_duration_seconds_bucket\{/);
  });
});
