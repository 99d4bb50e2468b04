import http from 'node:http';
import https from 'node:https';
import { context, diag, TraceFlags } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { IOtlpExportDelegate } from '@opentelemetry/otlp-exporter-base';
import {
  convertLegacyHttpOptions,
  createOtlpHttpExportDelegate,
} from '@opentelemetry/otlp-exporter-base/node-http';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { exportRequestBody, type ScopeBatch, spanJson } from './otlp-json.js';
import { SpanTextBuffer } from './span-text-buffer.js';

/** Batching limits, as the `OTEL_BSP_*` variables give them to the SDK's batch span processor. */
export interface SpanBatchLimits {
  /** Longest a span waits before it is sent, in ms (`OTEL_BSP_SCHEDULE_DELAY`). Default 5000. */
  scheduledDelayMs?: number;
  /**
   * Most spans held, waiting or in flight (`OTEL_BSP_MAX_QUEUE_SIZE`): a full batch is sent at once, and at most
   * `maxQueueSize / maxExportBatchSize` export requests are in flight; a batch beyond that is dropped. Default 2048.
   */
  maxQueueSize?: number;
  /** Most spans in one export request (`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`). Default 512. */
  maxExportBatchSize?: number;
}

/** Whether an OpenTelemetry instrumentation has wrapped Node's HTTP clients (its shimmer marks what it wraps). */
function httpInstrumented(): boolean {
  const wrapped = (request: unknown) => (request as { __wrapped?: boolean }).__wrapped === true;
  return wrapped(http.request) || wrapped(https.request);
}

/** One export request's spans: all of one resource, grouped by instrumentation scope. */
interface Batch {
  resource: Resource;
  scopes: ScopeBatch[];
  count: number;
}

/** Spans waiting, per instrumentation scope (one per tracer, so one resource each). */
interface Waiting {
  scope: ReadableSpan['instrumentationScope'];
  resource: Resource;
  text: SpanTextBuffer;
}

/** Export requests in flight at once; more batches wait in the queue (the SDK's processor sends one at a time). */
const MAX_IN_FLIGHT = 2;

/**
 * A batch span processor that exports over OTLP/HTTP as JSON: what the SDK's `BatchSpanProcessor` with the
 * OTLP/HTTP JSON exporter does, for less cost per span. Each sampled span is written as OTLP/JSON text when it
 * ends (see otlp-json.ts), so nothing holds the span object afterwards; the waiting text is sent when
 * `maxExportBatchSize` spans wait or `scheduledDelayMs` after the first, two requests at most in flight,
 * through the OTLP exporter's own HTTP transport (its URL, `OTEL_EXPORTER_OTLP_HEADERS`, `_TIMEOUT` and
 * `_COMPRESSION` handling, retries with backoff). Spans that end while `maxQueueSize` wait are dropped and
 * counted in a diagnostic warning, and spans that end once shutdown began are ignored, as the SDK's
 * processor does.
 */
export class OtlpJsonSpanProcessor implements SpanProcessor {
  readonly #delegate: IOtlpExportDelegate<Batch>;
  readonly #delayMs: number;
  readonly #batchSize: number;
  readonly #maxQueued: number;
  readonly #waiting = new Map<ReadableSpan['instrumentationScope'], Waiting>();
  #queued = 0;
  #inFlight = 0;
  #dropped = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #shutdown: Promise<void> | undefined;

  /** Exports to `url` (the full traces URL, `…/v1/traces`). */
  constructor(url: string, limits: SpanBatchLimits = {}) {
    this.#delayMs = limits.scheduledDelayMs ?? 5000;
    this.#maxQueued = limits.maxQueueSize ?? 2048;
    this.#batchSize = Math.min(limits.maxExportBatchSize ?? 512, this.#maxQueued);
    // The exporter's own configuration (URL, OTEL_EXPORTER_OTLP_* variables, defaults), as its OTLPTraceExporter
    // builds it: the peer range pins the exporter base to this minor version, whose API this uses.
    this.#delegate = createOtlpHttpExportDelegate(
      convertLegacyHttpOptions({ url, concurrencyLimit: MAX_IN_FLIGHT + 1 }, 'TRACES', 'v1/traces', {
        'Content-Type': 'application/json',
      }),
      {
        serializeRequest: (batch: Batch) => exportRequestBody(batch.resource, batch.scopes),
        deserializeResponse: (data: Uint8Array) =>
          data.length === 0 ? {} : JSON.parse(Buffer.from(data).toString()),
      },
      'switchboard_otlp_json_span_exporter',
      { name: 'span', countItems: (batch: Batch) => batch.count },
      undefined,
    );
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if (this.#stopped || (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    if (this.#queued >= this.#maxQueued) {
      this.#dropped++;
      return;
    }
    const scope = span.instrumentationScope;
    let waiting = this.#waiting.get(scope);
    if (waiting === undefined) {
      waiting = { scope, resource: span.resource, text: new SpanTextBuffer() };
      this.#waiting.set(scope, waiting);
    }
    waiting.text.push(spanJson(span));
    this.#queued++;
    if (this.#queued >= this.#batchSize) this.#pump(false);
    else this.#arm();
  }

  /** Sends every span waiting now and waits for the exports in flight. */
  async forceFlush(): Promise<void> {
    // Bounded: spans that keep ending meanwhile are the next flush's.
    for (let rounds = Math.ceil(this.#queued / this.#batchSize) + 1; rounds > 0; rounds--) {
      if (this.#queued === 0 && this.#inFlight === 0) return;
      this.#pump(true);
      await this.#delegate.forceFlush();
    }
  }

  /** Stops taking spans, sends what waits, then stops the exporter. Later calls share the first one's work. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      this.#stopped = true;
      await this.forceFlush();
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      await this.#delegate.shutdown();
    })();
    return this.#shutdown;
  }

  /** Sends full batches (and with `all` the last, partial one) while fewer than MAX_IN_FLIGHT are out. */
  #pump(all: boolean): void {
    while (this.#inFlight < MAX_IN_FLIGHT && (this.#queued >= this.#batchSize || (all && this.#queued > 0)))
      this.#send(this.#batchSize);
    if (this.#queued > 0) this.#arm();
    else if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Sends what waits `scheduledDelayMs` from now, unless a timer is armed already. */
  #arm(): void {
    if (this.#timer !== undefined || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump(true);
    }, this.#delayMs);
    this.#timer.unref();
  }

  /** Takes up to `limit` waiting spans off the queue and exports them, one request per resource. */
  #send(limit: number): void {
    const batches = new Map<Resource, Batch>();
    let left = limit;
    for (const [scope, waiting] of this.#waiting) {
      if (left === 0) break;
      const count = Math.min(waiting.text.count, left);
      if (count === 0) continue;
      const spans = waiting.text.take(count);
      left -= count;
      let batch = batches.get(waiting.resource);
      if (batch === undefined) {
        batch = { resource: waiting.resource, scopes: [], count: 0 };
        batches.set(waiting.resource, batch);
      }
      batch.scopes.push({ scope, spans });
      batch.count += count;
    }
    this.#queued -= limit - left;
    if (this.#dropped > 0) {
      diag.warn(`OTLP span export: ${this.#dropped} spans dropped, ${this.#maxQueued} were waiting already`);
      this.#dropped = 0;
    }
    const exportAll = () => {
      for (const batch of batches.values()) {
        this.#inFlight++;
        this.#delegate.export(batch, (result) => {
          this.#inFlight--;
          if (result.error !== undefined)
            diag.error(`OTLP span export failed, ${batch.count} spans dropped: ${result.error.message}`);
          if (!this.#stopped) this.#pump(false);
        });
      }
    };
    // An instrumented HTTP client must not trace the export: tracing is suppressed as the SDK's processor does
    // it, but only when node:http is wrapped, since entering a context switches on AsyncLocalStorage's hooks
    // for the whole process (about 1.5 µs per request in a service that does not propagate its context).
    if (httpInstrumented()) context.with(suppressTracing(context.active()), exportAll);
    else exportAll();
  }
}
