import {
  createNoopMeter,
  type Histogram,
  type Meter,
  type MeterProvider,
  metrics,
  type ProxyTracerProvider,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { makeResilienceInstruments, type ResilienceInstruments } from './resilience-metrics.js';

/** The instrumentation scope of every span and metric Switchboard records. */
export const SCOPE = 'switchboard';

/** The OpenTelemetry advised bucket boundaries for HTTP durations, in seconds. */
export const HTTP_DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** The instruments Switchboard records into, from the meter provider registered now. */
export interface Instruments {
  /** False when no meter provider is registered (every instrument is a no-op). */
  enabled: boolean;
  serverDuration: Histogram;
  clientDuration: Histogram;
  /** Attempts per call (1 when it was not retried). */
  clientAttempts: Histogram;
  /** Retries, rejections, breaker transitions, deadline exceeded; breaker and bulkhead gauges. */
  resilience: ResilienceInstruments;
}

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;
const made = new WeakMap<MeterProvider, Instruments>();

/**
 * The instruments, made from the global meter provider. The metrics API has no proxy provider, so a meter
 * taken before the SDK registers would stay a no-op: the provider is looked up on every call (one property
 * read) and the instruments taken again when it changed; made once per provider, so a provider registered
 * again (after `metrics.disable()`) does not get its gauges' callbacks twice.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) {
    let forProvider = made.get(provider);
    if (forProvider === undefined) {
      forProvider = make(provider.getMeter(SCOPE));
      made.set(provider, forProvider);
    }
    cached = { provider, instruments: forProvider };
  }
  return cached.instruments;
}

const NOOP_METER = createNoopMeter();

let tracerOf: { delegate: TracerProvider; tracer: Tracer | undefined } | undefined;

/**
 * The tracer of Switchboard's spans from the tracer provider registered now, or undefined when none is (spans
 * would be no-ops). Taken again only when the registered provider changes: a proxy tracer would stay bound to
 * the first provider it saw, and asking the provider on every request costs a lookup.
 */
export function activeTracer(): Tracer | undefined {
  const proxy = trace.getTracerProvider() as Partial<ProxyTracerProvider>;
  const delegate = proxy.getDelegate?.() ?? (proxy as TracerProvider);
  if (tracerOf?.delegate !== delegate) tracerOf = { delegate, tracer: proxy.getDelegateTracer?.(SCOPE) };
  return tracerOf.tracer;
}

function make(meter: Meter): Instruments {
  const advice = { explicitBucketBoundaries: HTTP_DURATION_BUCKETS };
  return {
    enabled: meter !== NOOP_METER,
    serverDuration: meter.createHistogram('http.server.request.duration', {
      description: 'Duration of HTTP server requests.',
      unit: 's',
      advice,
    }),
    clientDuration: meter.createHistogram('http.client.request.duration', {
      description: 'Duration of HTTP client requests (each attempt of a call).',
      unit: 's',
      advice,
    }),
    clientAttempts: meter.createHistogram('switchboard.client.attempts', {
      description: 'Attempts per call of a generated client.',
      unit: '{attempt}',
      advice: { explicitBucketBoundaries: [1, 2, 3, 4, 5] },
    }),
    resilience: makeResilienceInstruments(meter),
  };
}
