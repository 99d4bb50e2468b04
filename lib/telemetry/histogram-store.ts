import {
  type Attributes,
  diag,
  type Histogram as HistogramInstrument,
  type HrTime,
  type MetricOptions,
  ValueType,
} from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type CollectionResult,
  DataPointType,
  type HistogramMetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { SCOPE } from './instruments.js';

/** Attribute sets per histogram, the overflow set included (the SDK's default cardinality limit). */
const CARDINALITY_LIMIT = 2000;
const OVERFLOW_KEY = '[["otel.metric.overflow",true]]';

/** One attribute set's aggregation: explicit buckets, sum, count, min and max, as the SDK's histogram keeps. */
interface Point {
  attributes: Attributes;
  counts: number[];
  sum: number;
  count: number;
  min: number;
  max: number;
}

/**
 * A histogram that finds an attribute set's aggregation by the attributes object first: Switchboard records
 * with objects it makes once per route or operation and status, so the lookup is one WeakMap read where the
 * SDK's histogram sorts and stringifies the attributes on every record (about 1.5 µs, 5 % of an observed
 * request). An object seen for the first time is keyed by its sorted entries, so equal sets made separately
 * still share one aggregation. The objects must not be changed after they were recorded with.
 */
class IdentityHistogram implements HistogramInstrument {
  readonly #byObject = new WeakMap<Attributes, Point>();
  readonly #byKey = new Map<string, Point>();
  readonly #boundaries: number[];
  readonly #data: Omit<HistogramMetricData, 'dataPoints'>;

  constructor(name: string, options: MetricOptions) {
    this.#boundaries = options.advice?.explicitBucketBoundaries ?? [
      0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
    ];
    this.#data = {
      descriptor: {
        name,
        description: options.description ?? '',
        unit: options.unit ?? '',
        valueType: ValueType.DOUBLE,
      },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.HISTOGRAM,
    };
  }

  get name(): string {
    return this.#data.descriptor.name;
  }

  record(value: number, attributes: Attributes = {}): void {
    if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
      diag.warn(`${this.#data.descriptor.name}: ${value} is not a histogram value (negative or not finite)`);
      return;
    }
    let point = this.#byObject.get(attributes);
    if (point === undefined) {
      const key = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      point = this.#byKey.get(key) ?? this.#newPoint(key, attributes);
      this.#byObject.set(attributes, point);
    }
    this.#add(point, value);
  }

  /** A new attribute set's aggregation; past the cardinality limit, the one overflow set's, as the SDK does. */
  #newPoint(key: string, attributes: Attributes): Point {
    const overflow = this.#byKey.size >= CARDINALITY_LIMIT - 1;
    const existing = overflow ? this.#byKey.get(OVERFLOW_KEY) : undefined;
    if (existing !== undefined) return existing;
    const point: Point = {
      attributes: overflow ? { 'otel.metric.overflow': true } : { ...attributes },
      counts: new Array(this.#boundaries.length + 1).fill(0),
      sum: 0,
      count: 0,
      min: Number.POSITIVE_INFINITY,
      max: Number.NEGATIVE_INFINITY,
    };
    this.#byKey.set(overflow ? OVERFLOW_KEY : key, point);
    return point;
  }

  #add(point: Point, value: number): void {
    let bucket = 0;
    while (bucket < this.#boundaries.length && value > (this.#boundaries[bucket] as number)) bucket++;
    point.counts[bucket] = (point.counts[bucket] as number) + 1;
    point.sum += value;
    point.count++;
    if (value < point.min) point.min = value;
    if (value > point.max) point.max = value;
  }

  /** The cumulative data since `start`, one point per attribute set. */
  data(start: HrTime, end: HrTime): HistogramMetricData {
    const dataPoints = [...this.#byKey.values()].map((point) => ({
      attributes: point.attributes,
      startTime: start,
      endTime: end,
      value: {
        buckets: { boundaries: this.#boundaries, counts: [...point.counts] },
        sum: point.sum,
        count: point.count,
        min: point.min,
        max: point.max,
      },
    }));
    return { ...this.#data, dataPoints } as HistogramMetricData;
  }
}

/**
 * Switchboard's own histograms (the HTTP durations and attempts per call) and the metric producer that hands
 * them to a reader at collection, beside what the SDK's meter provider collects. `names` renames an
 * instrument for the reader (the Prometheus exporter's `_seconds` suffix).
 */
export class HistogramStore implements MetricProducer {
  readonly #histograms: IdentityHistogram[] = [];
  readonly #resource: Resource;
  readonly #names: ReadonlyMap<string, string>;
  readonly #start: HrTime = nowHrTime();

  constructor(resource: Resource, names: ReadonlyMap<string, string> = new Map()) {
    this.#resource = resource;
    this.#names = names;
  }

  /** A histogram recorded here and collected by this producer. */
  histogram(name: string, options: MetricOptions = {}): HistogramInstrument {
    const exported = this.#names.get(name) ?? name;
    // The same name twice is the same instrument, as with the SDK (two would print one family twice).
    let histogram = this.#histograms.find((h) => h.name === exported);
    if (histogram === undefined) {
      histogram = new IdentityHistogram(exported, options);
      this.#histograms.push(histogram);
    }
    return histogram;
  }

  async collect(): Promise<CollectionResult> {
    const end = nowHrTime();
    return {
      resourceMetrics: {
        resource: this.#resource,
        scopeMetrics: [
          {
            scope: { name: SCOPE },
            metrics: this.#histograms
              .map((h) => h.data(this.#start, end))
              .filter((m) => m.dataPoints.length > 0),
          },
        ],
      },
      errors: [],
    };
  }
}

function nowHrTime(): HrTime {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}
