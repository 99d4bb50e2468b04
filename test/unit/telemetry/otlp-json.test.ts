import {
  type Attributes,
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { exportRequestBody, spanJson } from '../../../lib/telemetry/otlp-json.js';
import { SpanTextBuffer } from '../../../lib/telemetry/span-text-buffer.js';

/** Spans of every shape the SDK can end, made by a real tracer. */
function endedSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'svc "quoted"', 'host.cores': 2 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { attributeCountLimit: 8 },
  });
  const tracer = provider.getTracer('scope-a', '1.2.3');
  const other = provider.getTracer('scope-b');
  const attributes: Attributes = {
    text: 'line\nbreak "quote" \u2028 é',
    int: 42,
    negative: -7,
    double: 1.5,
    huge: 2 ** 60,
    notANumber: Number.NaN,
    infinite: Number.NEGATIVE_INFINITY,
    yes: true,
    list: ['a', 'b'],
    numbers: [1, 2.5],
  };
  const root = tracer.startSpan('GET /users/{id}', { kind: SpanKind.SERVER, attributes }, ROOT_CONTEXT);
  const remote = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: new TraceState('vendor=value,other=1'),
  });
  const child = tracer.startSpan('child', { kind: SpanKind.CLIENT }, remote);
  child.addEvent('retry', { attempt: 2 });
  child.addEvent('bare');
  child.addLink({ context: root.spanContext(), attributes: { why: 'follows' } });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom "x"' });
  child.end();
  const local = other.startSpan('local child', {}, trace.setSpan(ROOT_CONTEXT, root));
  local.setStatus({ code: SpanStatusCode.OK });
  local.end();
  root.end();
  return exporter.getFinishedSpans();
}

/** Drops what the OTLP JSON mapping lets a writer leave out: empty lists, zero counts, unset status. */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === 0 || (Array.isArray(field) && field.length === 0)) continue;
    if (
      key === 'status' &&
      (field as { code?: number }).code === 0 &&
      !(field as { message?: string }).message
    )
      continue;
    out[key] = withoutDefaults(field);
  }
  return out;
}

describe('OTLP/JSON writer', () => {
  it('writes the same export request as the SDK serializer, fields at their defaults aside', () => {
    const spans = endedSpans();
    expect(spans).toHaveLength(3);
    const resource = spans[0]?.resource;
    if (resource === undefined) throw new Error('no resource');
    const byScope = new Map<ReadableSpan['instrumentationScope'], SpanTextBuffer>();
    for (const span of spans) {
      const text = byScope.get(span.instrumentationScope) ?? new SpanTextBuffer();
      text.push(spanJson(span));
      byScope.set(span.instrumentationScope, text);
    }
    const body = exportRequestBody(
      resource,
      [...byScope].map(([scope, text]) => ({ scope, spans: text.take(text.count) })),
    );
    const ours = JSON.parse(body.toString());
    const theirs = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans) ?? []).toString());
    // The SDK writes NaN and infinities as JSON null (JSON.stringify's way), and an integer past 2^53 as a
    // number that a 64-bit reader gets wrong; the mapping wants strings for both.
    const fixed = JSON.stringify(theirs)
      .replace('"intValue":1152921504606847000', '"intValue":"1152921504606846976"')
      .replace(
        /"key":"(notANumber|infinite)","value":\{"doubleValue":null\}/g,
        (_all, key: string) =>
          `"key":"${key}","value":{"doubleValue":"${key === 'infinite' ? '-Infinity' : 'NaN'}"}`,
      );
    expect(withoutDefaults(ours)).toEqual(withoutDefaults(JSON.parse(fixed)));
    // The cases the comparison must cover are there: a remote parent's flag, a trace state, a link, events.
    const child = ours.resourceSpans[0].scopeSpans[0].spans.find((s: { name: string }) => s.name === 'child');
    expect(child).toMatchObject({
      parentSpanId: 'b7ad6b7169203331',
      flags: 0x301,
      kind: 3,
      status: { code: 2, message: 'boom "x"' },
    });
    expect(child).not.toHaveProperty('droppedAttributesCount');
    expect(child.events).toHaveLength(2);
    expect(child.links).toHaveLength(1);
    const root = ours.resourceSpans[0].scopeSpans[0].spans.find((s: { kind: number }) => s.kind === 2);
    expect(root.attributes).toContainEqual({ key: 'huge', value: { intValue: String(2n ** 60n) } });
  });

  it('counts attributes over the span limit as dropped', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      spanLimits: { attributeCountLimit: 2 },
    });
    provider
      .getTracer('t')
      .startSpan('s', { attributes: { a: 1, b: 2, c: 3 } }, context.active())
      .end();
    const [span] = exporter.getFinishedSpans();
    if (span === undefined) throw new Error('no span');
    const parsed = JSON.parse(spanJson(span));
    expect(parsed.attributes).toHaveLength(2);
    expect(parsed.droppedAttributesCount).toBe(1);
    expect(parsed.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(BigInt(parsed.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(parsed.startTimeUnixNano));
  });
});

describe('attribute text reuse', () => {
  it('writes the right value for repeated and for ever-new values (past the 256 a key keeps)', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer('t');
    for (let i = 0; i < 300; i++)
      tracer
        .startSpan(
          's',
          { attributes: { method: 'GET', id: `user-${i}`, n: i, ok: i % 2 === 0 } },
          ROOT_CONTEXT,
        )
        .end();
    const written = exporter.getFinishedSpans().map((span) => JSON.parse(spanJson(span)).attributes);
    written.forEach((attributes, i) => {
      expect(attributes).toEqual([
        { key: 'method', value: { stringValue: 'GET' } },
        { key: 'id', value: { stringValue: `user-${i}` } },
        { key: 'n', value: { intValue: i } },
        { key: 'ok', value: { boolValue: i % 2 === 0 } },
      ]);
    });
  });
});

describe('SpanTextBuffer', () => {
  it('takes spans in order as comma-separated UTF-8, and what it gave stays intact as it grows', () => {
    const text = new SpanTextBuffer();
    const long = `{"name":"${'é€'.repeat(20_000)}"}`;
    text.push('{"a":1}');
    text.push('{"b":"ü"}');
    const first = text.take(1);
    // Past the first 64 KiB: the buffer grows and moves what is not taken.
    for (let i = 0; i < 3; i++) text.push(long);
    text.push('{"c":3}');
    expect(text.count).toBe(5);
    const rest = text.take(5);
    expect(first.toString()).toBe('{"a":1}');
    expect(JSON.parse(`[${rest.toString()}]`)).toEqual([
      { b: 'ü' },
      ...Array.from({ length: 3 }, () => JSON.parse(long)),
      { c: 3 },
    ]);
    expect(text.count).toBe(0);
    text.push('{"d":4}');
    expect(text.take(1).toString()).toBe('{"d":4}');
    expect(first.toString()).toBe('{"a":1}');
  });
});
