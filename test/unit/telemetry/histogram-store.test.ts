import type { Attributes } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { HTTP_DURATION_BUCKETS, SCOPE } from '../../../lib/telemetry/instruments.js';
import { prometheusMeters } from '../../../lib/telemetry/sdk.js';

const resource = resourceFromAttributes({ 'service.name': 'svc' });
const NAME = 'http.server.request.duration';
const options = {
  unit: 's',
  description: 'Duration of HTTP server requests.',
  advice: { explicitBucketBoundaries: HTTP_DURATION_BUCKETS },
};

/** Prometheus text of `reader`'s collection, only the lines of the server duration histogram. */
async function histogramLines(reader: PrometheusExporter): Promise<string[]> {
  const { resourceMetrics } = await reader.collect();
  return new PrometheusSerializer()
    .serialize(resourceMetrics)
    .split('\n')
    .filter((line) => line.includes('http_server_request_duration_seconds'));
}

describe('HistogramStore (behind prometheusMeters)', () => {
  it('serves the same Prometheus text as the SDK histogram for the same records', async () => {
    const sdkReader = new PrometheusExporter({ preventServerStart: true });
    const sdk = new MeterProvider({
      resource,
      readers: [sdkReader],
      views: [{ instrumentName: NAME, name: `${NAME}_seconds` }],
    });
    const ours = prometheusMeters(resource);
    const theirs = sdk.getMeter(SCOPE).createHistogram(NAME, options);
    const mine = ours.provider.getMeter(SCOPE).createHistogram(NAME, options);
    const ok = {
      'http.request.method': 'GET',
      'http.route': '/users/{id}',
      'http.response.status_code': 200,
    };
    const failed = { 'http.response.status_code': 503, 'http.request.method': 'GET', 'error.type': '503' };
    // On a boundary, between, past the last, zero; the same set given as a new object with its keys reordered.
    const records: [number, Attributes][] = [
      [0.005, ok],
      [0.0051, ok],
      [0, ok],
      [12, ok],
      [0.3, { 'http.response.status_code': 200, 'http.route': '/users/{id}', 'http.request.method': 'GET' }],
      [0.02, failed],
      [1, failed],
    ];
    for (const [value, attributes] of records) {
      theirs.record(value, attributes);
      mine.record(value, attributes);
    }
    const expected = await histogramLines(sdkReader);
    expect(expected.filter((l) => l.includes('_count{'))).toHaveLength(2);
    expect(await histogramLines(ours.prometheus)).toEqual(expected);
    await Promise.all([sdk.shutdown(), ours.sdk.shutdown()]);
  });

  it('drops a negative or infinite value, as the SDK histogram does', async () => {
    const ours = prometheusMeters(resource);
    const histogram = ours.provider.getMeter(SCOPE).createHistogram(NAME, options);
    histogram.record(-1, { a: 1 });
    histogram.record(Number.POSITIVE_INFINITY, { a: 1 });
    histogram.record(Number.NaN, { a: 1 });
    expect(await histogramLines(ours.prometheus)).toEqual([]);
    histogram.record(0.1, { a: 1 });
    expect((await histogramLines(ours.prometheus)).filter((l) => l.includes('_count{'))).toEqual([
      expect.stringMatching(/ 1$/),
    ]);
    await ours.sdk.shutdown();
  });

  it('leaves the instruments of other scopes and Switchboard counters to the SDK', async () => {
    const ours = prometheusMeters(resource);
    ours.provider.getMeter(SCOPE).createCounter('switchboard.client.retries').add(2, { x: 'y' });
    ours.provider.getMeter('other').createHistogram('other.duration').record(1);
    const { resourceMetrics } = await ours.prometheus.collect();
    const text = new PrometheusSerializer().serialize(resourceMetrics);
    expect(text).toMatch(/switchboard_client_retries(_total)?\{[^}]*x="y"[^}]*\} 2/);
    expect(text).toMatch(/other_duration_count\{[^}]*\} 1/);
    await ours.sdk.shutdown();
  });

  it('gives the same instrument for the same name, and folds sets past 2000 into one overflow set', async () => {
    const ours = prometheusMeters(resource);
    const meter = ours.provider.getMeter(SCOPE);
    const histogram = meter.createHistogram(NAME, options);
    expect(meter.createHistogram(NAME, options)).toBe(histogram);
    for (let i = 0; i < 2100; i++) histogram.record(0.1, { i });
    const lines = await histogramLines(ours.prometheus);
    // One family: a second instrument of the same name would print its TYPE line again.
    expect(lines.filter((l) => l.startsWith('# TYPE'))).toHaveLength(1);
    const counts = lines.filter((l) => l.includes('_count{'));
    expect(counts).toHaveLength(2000);
    expect(counts.filter((l) => l.includes('otel_metric_overflow="true"'))).toEqual([
      expect.stringMatching(/ 101$/),
    ]);
    await ours.sdk.shutdown();
  });
});
