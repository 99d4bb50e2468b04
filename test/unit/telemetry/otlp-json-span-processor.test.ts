import http, { type IncomingHttpHeaders } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { context, DiagLogLevel, diag, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { isTracingSuppressed } from '@opentelemetry/core';
import { BasicTracerProvider, type Sampler, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  OtlpJsonSpanProcessor,
  type SpanBatchLimits,
} from '../../../lib/telemetry/otlp-json-span-processor.js';
import { type OtlpReceiver, startOtlpReceiver } from '../../helpers/otlp-receiver.js';

let receiver: OtlpReceiver;
let url: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  url = `${receiver.endpoint}/v1/traces`;
});

afterAll(() => receiver.close());

afterEach(() => {
  receiver.received.length = 0;
  receiver.failures.length = 0;
  vi.unstubAllEnvs();
});

/** The export requests received so far: their headers and the names of the spans each carried. */
function received(): { headers: IncomingHttpHeaders; names: string[] }[] {
  return receiver.received.map(({ headers, body }) => {
    const data = JSON.parse(body.toString()) as {
      resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[];
    };
    return {
      headers,
      names: data.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))),
    };
  });
}

function setUp(limits: SpanBatchLimits, sampler?: Sampler) {
  const processor = new OtlpJsonSpanProcessor(url, limits);
  const provider = new BasicTracerProvider({ spanProcessors: [processor], ...(sampler ? { sampler } : {}) });
  const tracer = provider.getTracer('test');
  const span = (name: string) => tracer.startSpan(name, {}, ROOT_CONTEXT).end();
  return { processor, provider, span };
}

describe('OtlpJsonSpanProcessor', () => {
  it('sends a batch as soon as it is full, and the rest on flush', async () => {
    const { processor, span } = setUp({ maxExportBatchSize: 3, scheduledDelayMs: 60_000 });
    for (let i = 0; i < 7; i++) span(`s${i}`);
    await vi.waitFor(() => expect(received()).toHaveLength(2));
    await processor.forceFlush();
    // Two exports may be in flight at once: they can arrive in either order.
    expect(
      received()
        .map((r) => r.names.join())
        .sort(),
    ).toEqual(['s0,s1,s2', 's3,s4,s5', 's6']);
    expect(received()[0]?.headers['content-type']).toBe('application/json');
    await processor.shutdown();
  });

  it('sends a batch that is not full after the scheduled delay, without a flush', async () => {
    const { processor, span } = setUp({ scheduledDelayMs: 30 });
    span('alone');
    await vi.waitFor(() => expect(received().map((r) => r.names)).toEqual([['alone']]), { timeout: 2000 });
    await processor.shutdown();
  });

  it('sends nothing for a span that was recorded but not sampled', async () => {
    const recordOnly: Sampler = { shouldSample: () => ({ decision: SamplingDecision.RECORD }) };
    const { processor, span } = setUp({}, recordOnly);
    span('recorded');
    await processor.forceFlush();
    expect(received()).toEqual([]);
    await processor.shutdown();
  });

  it('retries an export the collector answered 503, through the OTLP transport', async () => {
    receiver.failures.push(503);
    const { processor, span } = setUp({});
    span('again');
    await processor.forceFlush();
    expect(received().map((r) => r.names)).toEqual([['again']]);
    expect(receiver.failures).toEqual([]);
    await processor.shutdown();
  });

  it('sends the headers of OTEL_EXPORTER_OTLP_HEADERS', async () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_HEADERS', 'x-api-key=secret');
    const { processor, span } = setUp({});
    span('with header');
    await processor.forceFlush();
    expect(received()[0]?.headers['x-api-key']).toBe('secret');
    await processor.shutdown();
  });

  it('holds batches while two exports are in flight, and drops spans past the queue size, saying how many', async () => {
    const warnings: string[] = [];
    diag.setLogger(
      { error: () => {}, warn: (m) => warnings.push(m), info: () => {}, debug: () => {}, verbose: () => {} },
      DiagLogLevel.WARN,
    );
    try {
      // Both first exports are answered 503 and retried after a backoff: meanwhile two spans wait (the queue's
      // size) and the fifth is dropped.
      receiver.failures.push(503, 503);
      const { processor, span } = setUp({ maxExportBatchSize: 1, maxQueueSize: 2, scheduledDelayMs: 60_000 });
      for (let i = 0; i < 5; i++) span(`d${i}`);
      await processor.forceFlush();
      expect(
        received()
          .map((r) => r.names.join())
          .sort(),
      ).toEqual(['d0', 'd1', 'd2', 'd3']);
      expect(warnings).toEqual([expect.stringMatching(/^OTLP span export: 1 spans dropped, 2 were waiting/)]);
      await processor.shutdown();
    } finally {
      diag.disable();
    }
  });

  it('shares one shutdown between calls, and ignores spans that end once it began', async () => {
    const { processor, span } = setUp({ scheduledDelayMs: 60_000 });
    span('before');
    const first = processor.shutdown();
    span('during');
    expect(processor.shutdown()).toBe(first);
    await first;
    expect(received().map((r) => r.names)).toEqual([['before']]);
  });

  it('suppresses tracing around the export when an instrumentation has wrapped node:http', async () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    const original = http.request;
    const seen: boolean[] = [];
    const wrapped = ((...args: Parameters<typeof http.request>) => {
      seen.push(isTracingSuppressed(context.active()));
      return original(...args);
    }) as typeof http.request & { __wrapped?: boolean };
    wrapped.__wrapped = true;
    http.request = wrapped;
    // The transport imports node:http as a module: its named export follows the patch only once synced.
    syncBuiltinESMExports();
    try {
      const { processor, span } = setUp({});
      span('suppressed');
      await processor.forceFlush();
      expect(received().map((r) => r.names)).toEqual([['suppressed']]);
      expect(seen).toEqual([true]);
      await processor.shutdown();
    } finally {
      http.request = original;
      syncBuiltinESMExports();
      context.disable();
    }
  });

  it('sends what waits when shut down and ignores spans after', async () => {
    const { processor, span } = setUp({ scheduledDelayMs: 60_000 });
    span('before');
    await processor.shutdown();
    span('after');
    await processor.forceFlush();
    expect(received().map((r) => r.names)).toEqual([['before']]);
  });
});
