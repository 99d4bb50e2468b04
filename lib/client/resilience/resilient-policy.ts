import { BulkheadPolicy, BulkheadRejectedError, ExponentialBackoff, type IBackoff } from 'cockatiel';
import { type WatchedDownstream, watchDownstream } from '../../telemetry/resilience-metrics.js';
import {
  type AttemptContext,
  type AttemptOutcome,
  type CallPolicy,
  DeadlineExceededError,
  PolicyError,
  runAttempt,
} from '../call-policy.js';
import { type BreakerState, BrokenCircuitError, DownstreamBreaker } from './circuit-breaker.js';
import {
  isBreakerFailureStatus,
  isConnectionRefused,
  isRetryableStatus,
  isTransportFailure,
} from './classify.js';
import { type ResilienceOptions, resolveResilience } from './resilience-options.js';
import { parseRetryAfter } from './retry-after.js';
import { RetryBudget } from './retry-budget.js';
import { sleepUntil, withDeadline } from './timing.js';

interface Downstream {
  budget: RetryBudget;
  breaker: DownstreamBreaker | undefined;
  bulkhead: BulkheadPolicy;
  watched: WatchedDownstream;
}

/** The resilient policy, plus what it knows about each downstream. */
export interface ResilientPolicy extends CallPolicy {
  /** The breaker state of a downstream origin (closed when it has none or was never called). */
  breakerState(origin: string): BreakerState;
}

/**
 * Total deadline → retry (idempotent calls only, jittered exponential backoff, `Retry-After` as a floor,
 * a retry budget per downstream) → bulkhead → circuit breaker per downstream → per-attempt timeout that
 * aborts the request. Built on cockatiel's breaker, bulkhead and backoff. Options are checked here, once.
 */
export function createResilientPolicy(options: ResilienceOptions = {}): ResilientPolicy {
  const o = resolveResilience(options);
  const backoff = new ExponentialBackoff({
    initialDelay: Math.max(1, o.baseDelayMs),
    maxDelay: o.maxDelayMs,
  });
  const backoffFor = (context: AttemptContext) => {
    const spec = context.retryDelays;
    if (spec === undefined) return backoff;
    const initialDelay = Math.max(1, spec.baseDelayMs ?? o.baseDelayMs);
    return new ExponentialBackoff({
      initialDelay,
      maxDelay: Math.max(initialDelay, spec.maxDelayMs ?? o.maxDelayMs),
    });
  };
  const downstreams = new Map<string, Downstream>();
  const downstream = (origin: string): Downstream => {
    let d = downstreams.get(origin);
    if (d === undefined) {
      const breaker =
        o.breaker === false
          ? undefined
          : new DownstreamBreaker(
              o.breaker,
              (state) => o.onEvent({ type: 'breaker', origin, state }),
              isTransportFailure,
            );
      const bulkhead = new BulkheadPolicy(o.maxConcurrent, o.maxQueue);
      // Kept with the downstream's state: the metrics registry holds it weakly, for as long as the policy lives.
      const watched: WatchedDownstream = {
        origin,
        breakerState: () => breaker?.state,
        queued: () => o.maxQueue - bulkhead.queueSlots,
        active: () => o.maxConcurrent - bulkhead.executionSlots,
      };
      d = { budget: new RetryBudget(o.budget), breaker, bulkhead, watched };
      downstreams.set(origin, d);
      watchDownstream(watched);
    }
    return d;
  };

  async function once<T extends AttemptOutcome>(
    d: Downstream,
    context: AttemptContext,
    attempt: (s: AbortSignal) => Promise<T>,
  ): Promise<T> {
    try {
      // Only a call that may wait (bulkhead full, or a breaker probe in flight) needs its own deadline race;
      // a call that starts at once is bounded by its attempt signal, and skipping the race saves a timer.
      const mayWait = d.bulkhead.executionSlots === 0 || d.breaker?.state === 'half-open';
      // Inline arrows, not named consts: a named closure per call costs a name definition under tsx.
      const breaker = d.breaker;
      const running = d.bulkhead.execute(
        breaker === undefined
          ? () => runAttempt(context, attempt)
          : () => breaker.execute(() => runAttempt(context, attempt), countsAsBreakerFailure),
      );
      return await (mayWait ? withDeadline(running, context.deadline as number) : running);
    } catch (error) {
      if (error instanceof BrokenCircuitError)
        throw new PolicyError('CIRCUIT_OPEN', `circuit to ${context.origin} is open`, { cause: error });
      if (error instanceof BulkheadRejectedError)
        throw new PolicyError('BULKHEAD_FULL', `too many calls in flight to ${context.origin}`, {
          cause: error,
        });
      throw error;
    }
  }

  return {
    breakerState: (origin) => downstreams.get(origin)?.breaker?.state ?? 'closed',
    async execute<T extends AttemptOutcome>(
      given: AttemptContext,
      attempt: (signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      const deadline = given.deadline ?? Date.now() + o.deadlineMs;
      const context = { ...given, deadline };
      const d = downstream(context.origin);
      d.budget.recordRequest();
      let delays: IBackoff<unknown> | undefined;
      for (let n = 1; ; n++) {
        let outcome: T | undefined;
        let failure: unknown;
        try {
          outcome = await once(d, context, attempt);
        } catch (error) {
          if (error instanceof PolicyError && error.code !== 'TIMEOUT') {
            if (error.code === 'CIRCUIT_OPEN' || error.code === 'BULKHEAD_FULL')
              o.onEvent({
                type: 'rejected',
                origin: context.origin,
                operationId: context.operationId,
                code: error.code,
              });
            throw error;
          }
          failure = error;
        }
        const retryable =
          outcome !== undefined
            ? context.idempotent && isRetryableStatus(outcome.response.status)
            : isTransportFailure(failure) && (context.idempotent || isConnectionRefused(failure));
        if (!retryable || n >= context.maxAttempts) return finish(outcome, failure);
        delays = delays === undefined ? backoffFor(context).next() : delays.next(undefined);
        const retryAfter =
          outcome === undefined ? undefined : parseRetryAfter(outcome.response.headers.get('retry-after'));
        const remaining = deadline - Date.now();
        if (retryAfter !== undefined && retryAfter >= remaining) {
          throw new DeadlineExceededError(
            `Retry-After asks for ${retryAfter} ms but only ${Math.max(0, remaining)} ms of the deadline remain`,
          );
        }
        const delayMs = Math.min(Math.max(delays.duration, retryAfter ?? 0), remaining);
        if (delayMs >= remaining) return finish(outcome, failure);
        // Taken only once the retry will really happen, so a give-up above spends no token.
        if (!d.budget.tryRetry()) {
          o.onEvent({
            type: 'rejected',
            origin: context.origin,
            operationId: context.operationId,
            code: 'RETRY_BUDGET_EXHAUSTED',
          });
          if (outcome !== undefined) return outcome;
          throw new PolicyError('RETRY_BUDGET_EXHAUSTED', `retry budget for ${context.origin} is spent`, {
            cause: failure,
          });
        }
        const reason =
          outcome === undefined
            ? String((failure as Error)?.message ?? failure)
            : `HTTP ${outcome.response.status}`;
        o.onEvent({
          type: 'retry',
          origin: context.origin,
          operationId: context.operationId,
          attempt: n + 1,
          delayMs,
          reason,
        });
        await sleepUntil(Date.now() + Math.max(delayMs, retryAfter ?? 0), context.signal);
      }
    },
  };
}

function countsAsBreakerFailure(outcome: AttemptOutcome): boolean {
  return isBreakerFailureStatus(outcome.response.status);
}

function finish<T>(outcome: T | undefined, failure: unknown): T {
  if (outcome !== undefined) return outcome;
  throw failure;
}
