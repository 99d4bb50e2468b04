import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../lib/server/index.js';
import { startTelemetry } from '../../../lib/telemetry/index.js';
import { type OtlpReceiver, startOtlpReceiver } from '../../helpers/otlp-receiver.js';

// startTelemetry registers the SDK process-wide: each test takes it down again.
let receiver: OtlpReceiver;
let endpoint: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  endpoint = receiver.endpoint;
});

afterAll(() => receiver.close());

afterEach(() => {
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
  receiver.received.length = 0;
});

describe('startTelemetry', () => {
  it.each([
    ['http/json', 'application/json'],
    ['http/protobuf', 'application/x-protobuf'],
  ])('exports spans over OTLP/HTTP as %s to the endpoint of its env (not process.env)', async (protocol, type) => {
    const telemetry = startTelemetry('svc', {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    });
    trace.getTracer('test').startSpan('one').end();
    await telemetry.shutdown();
    expect(receiver.received.map((r) => [r.url, r.headers['content-type']])).toEqual([['/v1/traces', type]]);
    expect(receiver.received[0]?.body.length).toBeGreaterThan(0);
  });

  it('takes a schedule delay of 0, as the SDK does', async () => {
    const telemetry = startTelemetry('svc', {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '0',
    });
    trace.getTracer('test').startSpan('at once').end();
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));
    await telemetry.shutdown();
  });

  it('refuses a batching variable that is not a positive integer, naming it', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '5s' };
    expect(() => startTelemetry('svc', env)).toThrow(ConfigError);
    expect(() => startTelemetry('svc', env)).toThrow(
      'OTEL_BSP_SCHEDULE_DELAY=5s is not a whole number of ms',
    );
  });

  it('refuses gRPC with a ConfigError naming the variable', () => {
    expect(() => startTelemetry('svc', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(ConfigError);
    expect(() => startTelemetry('svc', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported/,
    );
  });
});
