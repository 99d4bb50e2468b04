import { context, metrics, propagation, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestContextPlugin, telemetryPlugin } from '../../../lib/server/index.js';
import { prometheusMeters } from '../../../lib/telemetry/sdk.js';

// A registered SDK is process-wide: this file registers one and takes it down after.
const spans = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const PARENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT_SPAN = 'b7ad6b7169203331';

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});

afterAll(async () => {
  trace.disable();
  propagation.disable();
  context.disable();
  await provider.shutdown();
});

afterEach(() => spans.reset());

/** A route that says whether its request context carries the request's own server span. */
function addRoute(app: FastifyInstance): void {
  app.get('/items/:id', { config: { path: '/items/{id}', operationId: 'getItem' } }, async (request) => ({
    sameSpan:
      request.span !== null &&
      request.context.span?.spanContext().spanId === request.span.spanContext().spanId,
  }));
}

async function call(app: FastifyInstance) {
  const response = await app.inject({
    url: '/items/42?x=1',
    headers: { traceparent: `00-${PARENT_TRACE}-${PARENT_SPAN}-01` },
  });
  return { status: response.statusCode, body: response.json() as { sameSpan: boolean } };
}

function expectServerSpan(): void {
  const [span, ...others] = spans.getFinishedSpans();
  expect(others).toEqual([]);
  expect(span?.name).toBe('GET /items/{id}');
  expect(span?.kind).toBe(SpanKind.SERVER);
  expect(span?.spanContext().traceId).toBe(PARENT_TRACE);
  expect(span?.parentSpanContext?.spanId).toBe(PARENT_SPAN);
  expect(span?.attributes).toMatchObject({
    'http.route': '/items/{id}',
    'url.path': '/items/42',
    'http.response.status_code': 200,
  });
}

/** An app with the request context plugin, then the telemetry plugin, then the route, in one context. */
async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(requestContextPlugin, { requestIdIsCorrelationId: true });
  await app.register(telemetryPlugin);
  addRoute(app);
  return app;
}

describe('telemetryPlugin', () => {
  it('starts the server span from the request context hook, continuing the caller trace', async () => {
    const app = await buildApp();
    expect(await call(app)).toEqual({ status: 200, body: { sameSpan: true } });
    expectServerSpan();
    await app.close();
  });

  it('adds a hook of its own when registered in a context below the request context plugin', async () => {
    const app = Fastify({ logger: false });
    await app.register(requestContextPlugin, { requestIdIsCorrelationId: true });
    await app.register(async (child) => {
      await child.register(telemetryPlugin);
      addRoute(child);
    });
    expect(await call(app)).toEqual({ status: 200, body: { sameSpan: true } });
    expectServerSpan();
    await app.close();
  });

  it('records the request duration per route, for an unmatched request and one refused before it started', async () => {
    const meters = prometheusMeters(resourceFromAttributes({ 'service.name': 'svc' }));
    metrics.setGlobalMeterProvider(meters.provider);
    const app = await buildApp();
    await call(app);
    await call(app);
    expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
    // Under the least budget: answered 503 by the request context hook, before the span's start.
    const refused = await app.inject({ url: '/items/7', headers: { 'x-deadline-ms': '1' } });
    expect(refused.statusCode).toBe(503);
    await app.close();
    const { resourceMetrics } = await meters.prometheus.collect();
    metrics.disable();
    await meters.sdk.shutdown();
    const counts = new PrometheusSerializer()
      .serialize(resourceMetrics)
      .split('\n')
      .filter((line) => line.startsWith('http_server_request_duration_seconds_count'))
      .map((line) => line.replace(/,?otel_scope_\w+="[^"]*"/g, ''));
    expect(counts.sort()).toEqual([
      'http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="/items/{id}",switchboard_operation_id="getItem"} 2',
      'http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="404"} 1',
      'http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="503",http_route="/items/{id}",switchboard_operation_id="getItem",error_type="503"} 1',
    ]);
  });
});
