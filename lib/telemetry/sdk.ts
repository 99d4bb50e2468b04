import { createRequire } from 'node:module';
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ConfigError } from '../server/config-error.js';
import type { MetricsHandler } from '../server/metrics-plugin.js';
import type { RunnableService } from '../server/run-service.js';
import { HistogramStore } from './histogram-store.js';
import { OtlpJsonSpanProcessor, type SpanBatchLimits } from './otlp-json-span-processor.js';
import { PooledIdGenerator } from './pooled-id-generator.js';
import { StoreMeterProvider } from './store-meter-provider.js';

/** What a service gets from startTelemetry. */
export interface ServiceTelemetry {
  /** Serves the service's metrics as Prometheus text (give it to createServiceApp as `metrics`). */
  metrics: MetricsHandler;
  /** Flushes pending spans and stops the providers. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK for a service, configured only by the standard variables: `OTEL_SERVICE_NAME`
 * (default `name`), `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (unset: no span is
 * exported), `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/json`, the default here, or `http/protobuf`; gRPC is refused),
 * `OTEL_TRACES_SAMPLER` / `_ARG`, `OTEL_BSP_SCHEDULE_DELAY` and the rest the SDK reads itself. Registers
 * the W3C trace-context propagator and an AsyncLocalStorage context manager, and a meter provider whose
 * Prometheus exporter serves `/metrics` (names as it writes them: `http_server_request_duration_seconds`).
 */
export function startTelemetry(name: string, env: NodeJS.ProcessEnv = process.env): ServiceTelemetry {
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/json';
  if (protocol !== 'http/json' && protocol !== 'http/protobuf')
    throw new ConfigError(
      `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported: use http/json or http/protobuf (OTLP over HTTP)`,
    );
  const resource = defaultResource().merge(
    resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || name }),
  );
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const traces = new NodeTracerProvider({
    resource,
    idGenerator: new PooledIdGenerator(),
    spanProcessors:
      endpoint === undefined || endpoint === ''
        ? []
        : [spanProcessor(protocol, tracesUrl(env, endpoint), env)],
  });
  traces.register();
  const meters = prometheusMeters(resource);
  metrics.setGlobalMeterProvider(meters.provider);
  return {
    metrics: (request, response) => meters.prometheus.getMetricsRequestHandler(request, response),
    shutdown: async () => {
      await Promise.allSettled([traces.shutdown(), meters.sdk.shutdown()]);
    },
  };
}

/** The meter provider a service registers, and what serves and stops it. */
export interface PrometheusMeters {
  /** The provider to register: the SDK's, with Switchboard's histograms from a HistogramStore. */
  provider: StoreMeterProvider;
  /** The SDK's meter provider (shut it down to stop). */
  sdk: MeterProvider;
  /** The reader that serves the Prometheus text. */
  prometheus: PrometheusExporter;
}

/**
 * The meter provider of `startTelemetry`: the SDK's with the Prometheus exporter as its reader, Switchboard's
 * histograms made and aggregated by a HistogramStore the exporter also collects. This exporter version does
 * not append unit suffixes: the duration histograms are named as the Prometheus compatibility rules do (unit
 * `s` → `_seconds`).
 */
export function prometheusMeters(resource: Resource): PrometheusMeters {
  const names = new Map(
    ['http.server.request.duration', 'http.client.request.duration'].map((name) => [name, `${name}_seconds`]),
  );
  const store = new HistogramStore(resource, names);
  const prometheus = new PrometheusExporter({ preventServerStart: true, metricProducers: [store] });
  // The same names for the duration histograms that other instrumentations record through the SDK.
  const views = [...names].map(([instrumentName, name]) => ({ instrumentName, name }));
  const sdk = new MeterProvider({ resource, readers: [prometheus], views });
  return { provider: new StoreMeterProvider(sdk, store), sdk, prometheus };
}

/**
 * A service's `runService` build step with telemetry: starts the SDK first (the app's telemetry plugin hooks
 * in only when one is registered as the app is built), hands `build` the `/metrics` handler, and shuts the
 * SDK down after the service's own `close`.
 */
export function withTelemetry(
  name: string,
  build: (metrics: MetricsHandler) => Promise<RunnableService>,
): () => Promise<RunnableService> {
  return async () => {
    const telemetry = startTelemetry(name);
    const service = await build(telemetry.metrics);
    const close = service.close;
    return {
      ...service,
      close: async () => {
        await close?.();
        await telemetry.shutdown();
      },
    };
  };
}

/**
 * The traces URL from `env` (not `process.env`, which the exporter would read): the signal-specific variable
 * as it is, the general one with `/v1/traces` appended, as the OTLP exporter specification says.
 */
function tracesUrl(env: NodeJS.ProcessEnv, endpoint: string): string {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return endpoint;
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

const require = createRequire(import.meta.url);

/**
 * The span processor for `protocol`: for JSON Switchboard's own (the same OTLP/HTTP transport and batching
 * variables as the SDK's; each span written as OTLP/JSON text when it ends); for protobuf the SDK's batch
 * processor with `@opentelemetry/exporter-trace-otlp-proto` (loaded only when asked for, so a project
 * without it still starts with the default).
 */
function spanProcessor(
  protocol: 'http/json' | 'http/protobuf',
  url: string,
  env: NodeJS.ProcessEnv,
): SpanProcessor {
  if (protocol === 'http/json') return new OtlpJsonSpanProcessor(url, batchLimits(env));
  let proto: { OTLPTraceExporter: new (config: { url: string }) => SpanExporter };
  try {
    proto = require('@opentelemetry/exporter-trace-otlp-proto') as typeof proto;
  } catch {
    throw new ConfigError(
      'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf needs @opentelemetry/exporter-trace-otlp-proto: npm install it (switchboard init adds it)',
    );
  }
  return new BatchSpanProcessor(new proto.OTLPTraceExporter({ url }));
}

/**
 * The `OTEL_BSP_*` batching limits in `env`: the delay a whole number of ms (0 allowed), the sizes positive
 * integers; anything else is a ConfigError naming the variable. `OTEL_BSP_EXPORT_TIMEOUT` is not read: the
 * export's time is `OTEL_EXPORTER_OTLP_TIMEOUT`'s.
 */
function batchLimits(env: NodeJS.ProcessEnv): SpanBatchLimits {
  const limits: SpanBatchLimits = {};
  const read = (name: string, least = 1): number | undefined => {
    const text = env[name];
    if (text === undefined || text.trim() === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < least)
      throw new ConfigError(
        `${name}=${text} is not ${least === 0 ? 'a whole number of ms' : 'a positive integer'}`,
      );
    return value;
  };
  const delay = read('OTEL_BSP_SCHEDULE_DELAY', 0);
  const queue = read('OTEL_BSP_MAX_QUEUE_SIZE');
  const batch = read('OTEL_BSP_MAX_EXPORT_BATCH_SIZE');
  if (delay !== undefined) limits.scheduledDelayMs = delay;
  if (queue !== undefined) limits.maxQueueSize = queue;
  if (batch !== undefined) limits.maxExportBatchSize = batch;
  return limits;
}
