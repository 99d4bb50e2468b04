import type { Meter, MeterOptions, MeterProvider, MetricOptions } from '@opentelemetry/api';
import type { HistogramStore } from './histogram-store.js';
import { SCOPE } from './instruments.js';

/**
 * The meter provider `startTelemetry` registers: the SDK's, except that the histograms of Switchboard's own
 * scope are made by `store` (see HistogramStore), which the metric reader collects beside the SDK's data.
 * The library still records through the metrics API only.
 */
export class StoreMeterProvider implements MeterProvider {
  readonly #sdk: MeterProvider;
  readonly #store: HistogramStore;

  constructor(sdk: MeterProvider, store: HistogramStore) {
    this.#sdk = sdk;
    this.#store = store;
  }

  getMeter(name: string, version?: string, options?: MeterOptions): Meter {
    const meter = this.#sdk.getMeter(name, version, options);
    if (name !== SCOPE) return meter;
    const store = this.#store;
    return {
      createHistogram: (instrument: string, metricOptions?: MetricOptions) =>
        store.histogram(instrument, metricOptions),
      createCounter: (...args) => meter.createCounter(...args),
      createUpDownCounter: (...args) => meter.createUpDownCounter(...args),
      createGauge: (...args) => meter.createGauge(...args),
      createObservableGauge: (...args) => meter.createObservableGauge(...args),
      createObservableCounter: (...args) => meter.createObservableCounter(...args),
      createObservableUpDownCounter: (...args) => meter.createObservableUpDownCounter(...args),
      addBatchObservableCallback: (...args) => meter.addBatchObservableCallback(...args),
      removeBatchObservableCallback: (...args) => meter.removeBatchObservableCallback(...args),
    };
  }
}
