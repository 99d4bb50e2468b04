import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmProviderClient, createNotionServiceClient } from '../../../generated/index.js';
import { fakeUpstream } from './fake-upstream.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// A registered SDK is process-wide: this file registers one and takes it down after, so no other test file
// run in the same worker sees spans or metrics.
const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const meterProvider = new MeterProvider({ readers: [reader] });

beforeAll(() => {
  trace.setGlobalTracerProvider(tracerProvider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  metrics.setGlobalMeterProvider(meterProvider);
});

afterAll(async () => {
  trace.disable();
  propagation.disable();
  metrics.disable();
  context.disable();
  await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
});

describe('a generated client traced and measured', () => {
  it('records a call span and one attempt span per attempt, the retry with its reason, and the durations', async () => {
    const up = fakeUpstream([503, 200]);
    const client = createNotionServiceClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: up.fetch,
      credentials: { InternalAuth: 'token' },
      resilience: { retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    });
    const r = await client.getNotionContext({ path: { userId: 'u1' } });
    expect(r.ok).toBe(true);
    const finished = spans.getFinishedSpans();
    const call = finished.find((s) => s.kind === SpanKind.INTERNAL);
    const attempts = finished.filter((s) => s.kind === SpanKind.CLIENT);
    expect(call?.name).toBe('GET /internal/notion/users/{userId}/context');
    expect(call?.attributes).toMatchObject({
      'switchboard.operation_id': 'getNotionContext',
      'peer.service': 'notion-service',
      'url.template': '/internal/notion/users/{userId}/context',
      'switchboard.attempts': 2,
      'switchboard.breaker_state': 'closed',
    });
    expect(attempts.map((s) => s.attributes['http.response.status_code'])).toEqual([503, 200]);
    expect(attempts[0]?.attributes['error.type']).toBe('503');
    expect(attempts[1]?.attributes).toMatchObject({
      'http.request.resend_count': 1,
      'switchboard.retry_reason': 'HTTP 503',
    });
    for (const attempt of attempts)
      expect(attempt.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    // Each attempt carried its own span as the W3C parent of what the downstream does.
    const sent = up.requests.map((req) => req.headers.get('traceparent'));
    expect(sent).toEqual(attempts.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`));

    const { resourceMetrics } = await reader.collect();
    const points = (name: string): { attributes: Record<string, unknown>; value: unknown }[] =>
      resourceMetrics.scopeMetrics
        .flatMap((s) => s.metrics)
        .filter((m) => m.descriptor.name === name)
        .flatMap((m) => m.dataPoints as { attributes: Record<string, unknown>; value: unknown }[]);
    const durations = points('http.client.request.duration');
    expect(durations.map((p) => p.attributes['http.response.status_code']).sort()).toEqual([200, 503]);
    expect(points('switchboard.client.attempts')[0]?.value).toMatchObject({ sum: 2, count: 1 });
  });

  it('counts retries, breaker transitions, refusals and deadlines, and reports breaker state and bulkhead gauges', async () => {
    const up = fakeUpstream([503]);
    const client = createNotionServiceClient({
      baseUrl: 'http://127.0.0.1:19',
      fetch: up.fetch,
      credentials: { InternalAuth: 'token' },
      resilience: {
        retry: { baseDelayMs: 1, maxDelayMs: 2 },
        breaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 },
      },
    });
    const retried = await client.getNotionContext({ path: { userId: 'u1' } }, { maxAttempts: 2 });
    expect(retried.ok).toBe(false);
    const refused = await client.getNotionContext({ path: { userId: 'u1' } });
    expect(refused.ok ? undefined : refused.error.code).toBe('CIRCUIT_OPEN');
    // A deadline already past: the call ends DEADLINE_EXCEEDED without sending, whatever the machine's load.
    const hung = createNotionServiceClient({
      baseUrl: 'http://127.0.0.1:29',
      fetch: fakeUpstream(['hang']).fetch,
      credentials: { InternalAuth: 'token' },
    });
    const late = await hung.getNotionContext({ path: { userId: 'u1' } }, { deadline: Date.now() - 1 });
    expect(late.ok ? undefined : late.error.code).toBe('DEADLINE_EXCEEDED');

    // The gauges hold the downstreams weakly: a collection must not drop those of clients still in use.
    collectGarbage();
    const { resourceMetrics } = await reader.collect();
    expect([client, hung]).toHaveLength(2);
    const points = (name: string, port: number) =>
      resourceMetrics.scopeMetrics
        .flatMap((s) => s.metrics)
        .filter((m) => m.descriptor.name === name)
        .flatMap((m) => m.dataPoints as { attributes: Record<string, unknown>; value: unknown }[])
        .filter((p) => p.attributes['server.port'] === port);
    const op = {
      'server.address': '127.0.0.1',
      'server.port': 19,
      'switchboard.operation_id': 'getNotionContext',
    };
    expect(points('switchboard.client.retries', 19).map((p) => [p.attributes, p.value])).toEqual([[op, 1]]);
    expect(
      points('switchboard.client.rejections', 19).map((p) => [p.attributes['error.type'], p.value]),
    ).toEqual([['CIRCUIT_OPEN', 1]]);
    expect(
      points('switchboard.client.breaker.transitions', 19).map((p) => [
        p.attributes['switchboard.breaker_state'],
        p.value,
      ]),
    ).toEqual([['open', 1]]);
    const states = points('switchboard.client.breaker.state', 19).map((p) => [
      p.attributes['switchboard.breaker_state'],
      p.value,
    ]);
    expect(states.sort()).toEqual([
      ['closed', 0],
      ['half-open', 0],
      ['open', 1],
    ]);
    expect(points('switchboard.client.bulkhead.queued', 19).map((p) => p.value)).toEqual([0]);
    expect(points('switchboard.client.bulkhead.active', 29).map((p) => p.value)).toEqual([0]);
    expect(points('switchboard.client.deadline_exceeded', 29).map((p) => p.value)).toEqual([1]);
    expect(points('switchboard.client.deadline_exceeded', 19)).toEqual([]);
  });

  it('keeps an event stream call span open until the stream is read to its end', async () => {
    const sse = 'data: {"type":"token","text":"a"}\n\ndata: {"type":"done","tokens":1}\n\n';
    const client = createLlmProviderClient({
      baseUrl: 'http://127.0.0.1:39',
      fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
      credentials: { ApiKey: 'key' },
    });
    const streamed = () => spans.getFinishedSpans().filter((s) => s.name === 'POST /v1/completions');
    const r = await client.createCompletion({ body: { model: 'm', prompt: 'p' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(streamed().filter((s) => s.kind === SpanKind.INTERNAL)).toEqual([]);
    const events = [];
    for await (const event of r.value) events.push(event.data);
    expect(events).toEqual([
      { type: 'token', text: 'a' },
      { type: 'done', tokens: 1 },
    ]);
    const [call] = streamed().filter((s) => s.kind === SpanKind.INTERNAL);
    expect(call?.attributes).toMatchObject({ 'switchboard.events': 2, 'switchboard.attempts': 1 });
    expect(call?.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('ends the call span of an event stream dropped without being read, as ABANDONED', async () => {
    const sse = 'data: {"type":"done","tokens":0}\n\n';
    const client = createLlmProviderClient({
      baseUrl: 'http://127.0.0.1:49',
      fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
      credentials: { ApiKey: 'key' },
    });
    const abandoned = () =>
      spans
        .getFinishedSpans()
        .filter((s) => s.kind === SpanKind.INTERNAL && s.attributes['error.type'] === 'ABANDONED');
    const before = abandoned().length;
    await (async () => {
      const r = await client.createCompletion({ body: { model: 'm', prompt: 'p' } });
      expect(r.ok).toBe(true);
    })();
    for (let i = 0; i < 20 && abandoned().length === before; i++) {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(abandoned().length).toBe(before + 1);
  });

  it('names the replica each attempt went to in its span and duration, not the first of the list', async () => {
    const up = fakeUpstream([200]);
    const client = createNotionServiceClient({
      baseUrl: ['http://127.0.0.1:59', 'http://127.0.0.1:69'],
      fetch: up.fetch,
      credentials: { InternalAuth: 'token' },
    });
    for (let i = 0; i < 20; i++)
      expect((await client.getNotionContext({ path: { userId: 'u1' } })).ok).toBe(true);
    const sentTo = new Set(up.requests.map((r) => new URL(r.url).port));
    expect([...sentTo].sort()).toEqual(['59', '69']);
    const attempts = spans
      .getFinishedSpans()
      .filter((s) => s.kind === SpanKind.CLIENT && [59, 69].includes(Number(s.attributes['server.port'])));
    expect(new Set(attempts.map((s) => s.attributes['server.port']))).toEqual(new Set([59, 69]));
    const { resourceMetrics } = await reader.collect();
    const ports = resourceMetrics.scopeMetrics
      .flatMap((m) => m.metrics)
      .filter((m) => m.descriptor.name === 'http.client.request.duration')
      .flatMap((m) => m.dataPoints as { attributes: Record<string, unknown>; value: { count: number } }[])
      .filter((p) => [59, 69].includes(Number(p.attributes['server.port'])));
    expect(ports.reduce((n, p) => n + p.value.count, 0)).toBe(20);
    expect(new Set(ports.map((p) => p.attributes['server.port']))).toEqual(new Set([59, 69]));
  });

  it('marks a failover to another replica within one attempt with an event naming the replica left', async () => {
    const requests: string[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      requests.push(new URL(request.url).port);
      if (request.url.startsWith('http://127.0.0.1:79/'))
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      return new Response(JSON.stringify({ connected: false, token: null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const client = createNotionServiceClient({
      baseUrl: ['http://127.0.0.1:79', 'http://127.0.0.1:89'],
      fetch,
      credentials: { InternalAuth: 'token' },
    });
    // Power of two choices may pick either first: call until one attempt met the refusing replica.
    for (let i = 0; i < 20 && !requests.includes('79'); i++)
      expect((await client.getNotionContext({ path: { userId: 'u1' } })).ok).toBe(true);
    expect(requests).toContain('79');
    const attempt = spans
      .getFinishedSpans()
      .find(
        (s) => s.kind === SpanKind.CLIENT && s.events.some((e) => e.name === 'switchboard.replica_failover'),
      );
    expect(attempt?.attributes['server.port']).toBe(89);
    expect(attempt?.events.map((e) => [e.name, e.attributes?.['server.port']])).toEqual([
      ['switchboard.replica_failover', 79],
    ]);
  });
});
