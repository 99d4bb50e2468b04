import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../lib/server/index.js';
import { startTelemetry } from '../../../lib/telemetry/index.js';

// startTelemetry registers the SDK process-wide: each test takes it down again.
const received: { url: string; headers: IncomingHttpHeaders; bytes: number }[] = [];
let collector: Server;
let endpoint: string;

beforeAll(async () => {
  collector = createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, bytes });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});

afterAll(() => collector.close());

afterEach(() => {
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
  received.length = 0;
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
    expect(received.map((r) => [r.url, r.headers['content-type']])).toEqual([['/v1/traces', type]]);
    expect(received[0]?.bytes).toBeGreaterThan(0);
  });

  it('takes a schedule delay of 0, as the SDK does', async () => {
    const telemetry = startTelemetry('svc', {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '0',
    });
    trace.getTracer('test').startSpan('at once').end();
    await vi.waitFor(() => expect(received).toHaveLength(1));
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
