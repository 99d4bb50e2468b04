/**
 * The OpenTelemetry SDK as a service runs it, for the observed bench variants: every span sampled and sent
 * by a batch processor over OTLP/HTTP (JSON) to the loopback sink (Switchboard's or the SDK's, see Pipeline), the W3C propagator, an AsyncLocalStorage
 * context manager, and a meter provider with the Prometheus exporter (metrics recorded, served on request).
 * It can be switched on and off between measurements in one process (the client suite does so).
 */
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { OtlpJsonSpanProcessor } from '../../lib/telemetry/otlp-json-span-processor.js';
import { PooledIdGenerator } from '../../lib/telemetry/pooled-id-generator.js';
import { prometheusMeters } from '../../lib/telemetry/sdk.js';

/** Environment variable choosing the OTLP protocol the observed variants export with. */
export const PROTOCOL_ENV = 'SWITCHBOARD_BENCH_OTLP_PROTOCOL';

/** Environment variable through which a bench hands the sink's endpoint to an observed server child. */
export const SINK_ENV = 'SWITCHBOARD_BENCH_OTLP_ENDPOINT';

/** An SDK that can be registered globally and taken down again. */
export interface Observability {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider;
  /** Registers the tracer, meter provider, propagator and context manager globally. */
  enable(): void;
  /** Unregisters them (spans and metrics become no-ops again); the providers stay usable for `enable`. */
  disable(): void;
  /** Flushes pending spans and stops the providers. */
  shutdown(): Promise<void>;
}

/**
 * How spans are exported: `switchboard` as `startTelemetry` does (its own OTLP/JSON span processor), `sdk` as
 * a team instrumenting the usual way would (the SDK's batch span processor with the OTLP/HTTP exporter).
 */
export type Pipeline = 'switchboard' | 'sdk';

/**
 * What becomes of spans: `exported` through the pipeline's processor, `unexported` made and ended by the SDK
 * with no processor to take them (what the spans alone cost), `none` no tracer provider registered at all
 * (metrics only).
 */
export type Spans = 'exported' | 'unexported' | 'none';

/**
 * Builds the SDK exporting spans to `endpoint` (the sink's base URL) through `pipeline`, keeping every trace
 * or, with `ratio` below 1, that share of them as `OTEL_TRACES_SAMPLER=parentbased_traceidratio` does.
 */
export function createObservability(
  serviceName: string,
  endpoint: string,
  pipeline: Pipeline,
  ratio = 1,
  spans: Spans = 'exported',
): Observability {
  const resource = resourceFromAttributes({ 'service.name': serviceName });
  const url = `${endpoint}/v1/traces`;
  // SWITCHBOARD_BENCH_OTLP_PROTOCOL=http/protobuf measures the other protocol (default: http/json), which both
  // pipelines send through the SDK's processor.
  const processor =
    process.env[PROTOCOL_ENV] === 'http/protobuf'
      ? new BatchSpanProcessor(new ProtoTraceExporter({ url }))
      : pipeline === 'switchboard'
        ? new OtlpJsonSpanProcessor(url)
        : new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  const traces = new NodeTracerProvider({
    resource,
    // Switchboard's pipeline cuts IDs from a random pool, as startTelemetry does.
    ...(pipeline === 'switchboard' ? { idGenerator: new PooledIdGenerator() } : {}),
    sampler:
      ratio >= 1
        ? new AlwaysOnSampler()
        : new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: spans === 'exported' ? [processor] : [],
  });
  // Switchboard's pipeline registers the meter provider startTelemetry does (its histograms in a store).
  const switchboardMeters = pipeline === 'switchboard' ? prometheusMeters(resource) : undefined;
  const meters =
    switchboardMeters?.sdk ??
    new MeterProvider({ resource, readers: [new PrometheusExporter({ preventServerStart: true })] });
  const registered = switchboardMeters?.provider ?? meters;
  const propagator = new W3CTraceContextPropagator();
  return {
    tracerProvider: traces,
    meterProvider: meters,
    enable() {
      // As a service's SDK start does: tracer provider, propagator and an AsyncLocalStorage context manager.
      if (spans !== 'none') traces.register({ propagator });
      metrics.setGlobalMeterProvider(registered);
    },
    disable() {
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
    async shutdown() {
      await Promise.allSettled([traces.shutdown(), meters.shutdown()]);
    },
  };
}
