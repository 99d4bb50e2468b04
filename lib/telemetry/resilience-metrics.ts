import type { Attributes, BatchObservableResult, Counter, Meter, ObservableGauge } from '@opentelemetry/api';

/** What a resilient policy knows about one downstream origin, read when metrics are collected. */
export interface WatchedDownstream {
  /** `http://host:port` of the downstream. */
  readonly origin: string;
  /** closed, open or half-open; undefined when the policy has no breaker. */
  breakerState(): 'closed' | 'open' | 'half-open' | undefined;
  /** Calls waiting for a bulkhead slot. */
  queued(): number;
  /** Calls holding a bulkhead slot. */
  active(): number;
}

/** The resilience events metrics are counted from (a subset of the policy's `onEvent` events). */
export type CountedEvent =
  | { type: 'retry'; origin: string; operationId: string }
  | { type: 'breaker'; origin: string; state: string }
  | { type: 'rejected'; origin: string; operationId: string; code: string };

/** The counters and gauges of the resilient policy, made from one meter. */
export interface ResilienceInstruments {
  retries: Counter;
  rejections: Counter;
  breakerTransitions: Counter;
  deadlineExceeded: Counter;
}

const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;

const watched = new Set<WeakRef<WatchedDownstream>>();
const forgotten = new FinalizationRegistry<WeakRef<WatchedDownstream>>((ref) => watched.delete(ref));

/**
 * Registers a downstream so that its breaker state and bulkhead occupancy are reported as gauges
 * (`switchboard.client.breaker.state`, `switchboard.client.bulkhead.queued` / `.active`). Held weakly: the
 * caller keeps `downstream` for as long as it should be reported (the policy keeps it with the downstream's
 * state), and once it is collected its entry goes too.
 */
export function watchDownstream(downstream: WatchedDownstream): void {
  const ref = new WeakRef(downstream);
  watched.add(ref);
  forgotten.register(downstream, ref);
}

const origins = new Map<string, Attributes>();

/** `server.address` and `server.port` of an origin, parsed once per origin. */
export function originAttributes(origin: string): Attributes {
  let attributes = origins.get(origin);
  if (attributes === undefined) {
    const url = new URL(origin);
    attributes = {
      'server.address': url.hostname,
      'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    };
    origins.set(origin, attributes);
  }
  return attributes;
}

/** Counts one resilience event into `meters` (retries, rejections by code, breaker transitions by state). */
export function countEvent(meters: ResilienceInstruments, event: CountedEvent): void {
  const base = originAttributes(event.origin);
  if (event.type === 'retry')
    meters.retries.add(1, { ...base, 'switchboard.operation_id': event.operationId });
  else if (event.type === 'rejected')
    meters.rejections.add(1, {
      ...base,
      'switchboard.operation_id': event.operationId,
      'error.type': event.code,
    });
  else meters.breakerTransitions.add(1, { ...base, 'switchboard.breaker_state': event.state });
}

/** Makes the resilience counters and the gauges that read every watched downstream at collection. */
export function makeResilienceInstruments(meter: Meter): ResilienceInstruments {
  const breakerState = meter.createObservableGauge('switchboard.client.breaker.state', {
    description: 'Circuit breaker state per downstream: 1 for the current state, 0 for the others.',
    unit: '{state}',
  });
  const queued = meter.createObservableGauge('switchboard.client.bulkhead.queued', {
    description: 'Calls waiting for a bulkhead slot, per downstream.',
    unit: '{call}',
  });
  const active = meter.createObservableGauge('switchboard.client.bulkhead.active', {
    description: 'Calls holding a bulkhead slot, per downstream.',
    unit: '{call}',
  });
  meter.addBatchObservableCallback(
    (result) => observeDownstreams(result, breakerState, queued, active),
    [breakerState, queued, active],
  );
  return {
    retries: meter.createCounter('switchboard.client.retries', {
      description: 'Retries of generated-client calls (attempts after the first).',
      unit: '{retry}',
    }),
    rejections: meter.createCounter('switchboard.client.rejections', {
      description:
        'Calls refused before sending: open circuit, full bulkhead or spent retry budget (error.type).',
      unit: '{call}',
    }),
    breakerTransitions: meter.createCounter('switchboard.client.breaker.transitions', {
      description: 'Circuit breaker state changes per downstream, by the state entered.',
      unit: '{transition}',
    }),
    deadlineExceeded: meter.createCounter('switchboard.client.deadline_exceeded', {
      description: 'Calls that ended because their deadline passed.',
      unit: '{call}',
    }),
  };
}

const STATE_RANK = { closed: 0, 'half-open': 1, open: 2 } as const;

/**
 * Several policies may call the same origin (one per client): their queues add up and the worst breaker
 * state wins, so each origin is reported once.
 */
function observeDownstreams(
  result: BatchObservableResult,
  breakerState: ObservableGauge,
  queued: ObservableGauge,
  active: ObservableGauge,
): void {
  const byOrigin = new Map<string, { state: number; queued: number; active: number; breaker: boolean }>();
  for (const ref of watched) {
    const downstream = ref.deref();
    if (downstream === undefined) {
      watched.delete(ref);
      continue;
    }
    const seen = byOrigin.get(downstream.origin) ?? { state: 0, queued: 0, active: 0, breaker: false };
    const state = downstream.breakerState();
    if (state !== undefined) {
      seen.breaker = true;
      seen.state = Math.max(seen.state, STATE_RANK[state]);
    }
    seen.queued += downstream.queued();
    seen.active += downstream.active();
    byOrigin.set(downstream.origin, seen);
  }
  for (const [origin, seen] of byOrigin) {
    const base = originAttributes(origin);
    result.observe(queued, seen.queued, base);
    result.observe(active, seen.active, base);
    if (!seen.breaker) continue;
    for (const state of BREAKER_STATES)
      result.observe(breakerState, STATE_RANK[state] === seen.state ? 1 : 0, {
        ...base,
        'switchboard.breaker_state': state,
      });
  }
}
