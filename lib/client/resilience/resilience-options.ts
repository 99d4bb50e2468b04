import { countedEvents } from '../../telemetry/counted-events.js';
import { boundedOption } from '../bounded-option.js';
import type { BreakerOptions } from './circuit-breaker.js';
import type { RetryBudgetOptions } from './retry-budget.js';

/** Options of `createResilientPolicy`; every limit is explicit, nothing is unbounded. */
export interface ResilienceOptions {
  /** Total budget of a call that carries no deadline of its own, in ms. Default 30000. */
  deadlineMs?: number;
  retry?: {
    /** Backoff before the second attempt, in ms; later ones grow exponentially with jitter. Default 50. */
    baseDelayMs?: number;
    /** Longest backoff, in ms. Default 1000. */
    maxDelayMs?: number;
    /** Retry budget per downstream origin. Default 10 % of requests plus 5 retries/s over 10 s. */
    budget?: RetryBudgetOptions;
  };
  /**
   * Circuit breaker per downstream origin, or false for none. Default consecutive, 5 failures, 1 success;
   * open 1 s (`firstHalfOpenAfterMs`, at most `halfOpenAfterMs`) before the first probe, doubled after each
   * failed probe up to `halfOpenAfterMs` (10 s), back to the first interval once closed.
   */
  breaker?: Partial<BreakerOptions> | false;
  /** Concurrent calls per downstream origin and how many may wait. Default 128 and 256. */
  bulkhead?: { maxConcurrent?: number; maxQueue?: number };
  /** Called on every retry, breaker state change and rejection: feed logs and metrics from here. */
  onEvent?: (event: ResilienceEvent) => void;
}

/** What the policy tells `onEvent`. */
export type ResilienceEvent =
  | { type: 'retry'; origin: string; operationId: string; attempt: number; delayMs: number; reason: string }
  | { type: 'breaker'; origin: string; state: 'closed' | 'open' | 'half-open' }
  | {
      type: 'rejected';
      origin: string;
      operationId: string;
      code: 'CIRCUIT_OPEN' | 'BULKHEAD_FULL' | 'RETRY_BUDGET_EXHAUSTED';
    };

/** Options with every default filled in. */
export interface ResolvedResilience {
  deadlineMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  budget: RetryBudgetOptions;
  breaker: BreakerOptions | false;
  maxConcurrent: number;
  maxQueue: number;
  onEvent: (event: ResilienceEvent) => void;
}

function bounded(name: string, value: number, min: number, max: number): number {
  return boundedOption(`resilience option ${name}`, value, min, max);
}

/** Fills defaults and checks every limit once, at construction; a bad value throws RangeError naming it. */
export function resolveResilience(options: ResilienceOptions = {}): ResolvedResilience {
  const breaker = options.breaker === false ? false : resolveBreaker(options.breaker ?? {});
  const budget = options.retry?.budget ?? {};
  bounded('retry.budget.ratio', budget.ratio ?? 0.1, 0, 1);
  bounded('retry.budget.minRetriesPerSecond', budget.minRetriesPerSecond ?? 5, 0, 10_000);
  bounded('retry.budget.windowMs', budget.windowMs ?? 10_000, 100, 600_000);
  const baseDelayMs = bounded('retry.baseDelayMs', options.retry?.baseDelayMs ?? 50, 0, 60_000);
  return {
    deadlineMs: bounded('deadlineMs', options.deadlineMs ?? 30_000, 1, 600_000),
    baseDelayMs,
    maxDelayMs: bounded('retry.maxDelayMs', options.retry?.maxDelayMs ?? 1000, baseDelayMs, 60_000),
    budget,
    breaker,
    maxConcurrent: bounded('bulkhead.maxConcurrent', options.bulkhead?.maxConcurrent ?? 128, 1, 100_000),
    maxQueue: bounded('bulkhead.maxQueue', options.bulkhead?.maxQueue ?? 256, 0, 1_000_000),
    onEvent: countedEvents(options.onEvent),
  };
}

function resolveBreaker(options: Partial<BreakerOptions>): BreakerOptions {
  const halfOpenAfterMs = bounded('breaker.halfOpenAfterMs', options.halfOpenAfterMs ?? 10_000, 1, 3_600_000);
  const firstHalfOpenAfterMs = bounded(
    'breaker.firstHalfOpenAfterMs',
    options.firstHalfOpenAfterMs ?? Math.min(1000, halfOpenAfterMs),
    1,
    halfOpenAfterMs,
  );
  const successThreshold = bounded('breaker.successThreshold', options.successThreshold ?? 1, 1, 100);
  if (options.mode === 'ratio') {
    const o = options as Partial<Extract<BreakerOptions, { mode: 'ratio' }>>;
    return {
      mode: 'ratio',
      failureRatio: bounded('breaker.failureRatio', o.failureRatio ?? 0.5, 0.01, 1),
      windowMs: bounded('breaker.windowMs', o.windowMs ?? 10_000, 100, 600_000),
      minimumRps: bounded('breaker.minimumRps', o.minimumRps ?? 5, 0, 100_000),
      halfOpenAfterMs,
      firstHalfOpenAfterMs,
      successThreshold,
    };
  }
  const o = options as Partial<Extract<BreakerOptions, { mode: 'consecutive' }>>;
  return {
    mode: 'consecutive',
    failureThreshold: bounded('breaker.failureThreshold', o.failureThreshold ?? 5, 1, 1000),
    halfOpenAfterMs,
    firstHalfOpenAfterMs,
    successThreshold,
  };
}
