import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type IBreaker,
  SamplingBreaker,
} from 'cockatiel';
import { HalfOpenBackoff, InconclusiveProbe } from './half-open-backoff.js';

/** Consecutive-failure mode: `failureThreshold` failures in a row open the circuit. */
export interface ConsecutiveBreakerOptions {
  mode: 'consecutive';
  failureThreshold: number;
  /** Longest the circuit stays open before a probe, in ms (the cap of the doubling interval). */
  halfOpenAfterMs: number;
  /** How long it stays open before the first probe, in ms; doubled after each failed probe. */
  firstHalfOpenAfterMs: number;
  /** Successes needed after a probe before failures count normally again; one failure meanwhile reopens. */
  successThreshold: number;
}

/** Ratio mode: the failure share over a sliding window opens the circuit, once traffic is above a minimum. */
export interface RatioBreakerOptions {
  mode: 'ratio';
  /** Share of failed calls, 0–1, that opens the circuit. */
  failureRatio: number;
  windowMs: number;
  /** Calls per second below which the ratio is not trusted and the circuit stays closed. */
  minimumRps: number;
  halfOpenAfterMs: number;
  firstHalfOpenAfterMs: number;
  successThreshold: number;
}

export type BreakerOptions = ConsecutiveBreakerOptions | RatioBreakerOptions;
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Wraps a cockatiel breaker so that closing takes `successThreshold` successes: cockatiel closes after one
 * successful probe; until the next successes arrive, any failure reopens the circuit at once.
 */
class ProbationBreaker implements IBreaker {
  probation = 0;
  constructor(
    private readonly inner: IBreaker,
    private readonly successThreshold: number,
  ) {}
  get state(): unknown {
    return this.inner.state;
  }
  set state(value: unknown) {
    this.inner.state = value;
  }
  success(state: CircuitState): void {
    if (state === CircuitState.HalfOpen) this.probation = this.successThreshold - 1;
    else if (this.probation > 0) this.probation--;
    this.inner.success(state);
  }
  failure(state: CircuitState): boolean {
    if (state !== CircuitState.HalfOpen && this.probation > 0) {
      this.probation = 0;
      return true;
    }
    return this.inner.failure(state);
  }
}

/** A failed outcome the breaker must count, carried through cockatiel and unwrapped again. */
class CountedFailure<T> extends Error {
  constructor(readonly outcome: T) {
    super('counted failure');
  }
}

/** The circuit breaker of one downstream origin, on cockatiel's CircuitBreakerPolicy. */
export class DownstreamBreaker {
  readonly #policy: CircuitBreakerPolicy;
  readonly #breaker: ProbationBreaker;
  readonly #onState: (state: BreakerState) => void;
  readonly #isFailure: (error: unknown) => boolean;
  readonly #halfOpenAfter: HalfOpenBackoff;
  #reported: BreakerState = 'closed';

  constructor(
    options: BreakerOptions,
    onState: (state: BreakerState) => void,
    isFailure: (error: unknown) => boolean,
  ) {
    this.#onState = onState;
    this.#isFailure = isFailure;
    this.#halfOpenAfter = new HalfOpenBackoff(options.firstHalfOpenAfterMs, options.halfOpenAfterMs);
    const inner =
      options.mode === 'consecutive'
        ? new ConsecutiveBreaker(options.failureThreshold)
        : new SamplingBreaker({
            threshold: options.failureRatio,
            duration: options.windowMs,
            minimumRps: options.minimumRps,
          });
    this.#breaker = new ProbationBreaker(inner, options.successThreshold);
    this.#policy = circuitBreaker(
      handleWhen((e) => e instanceof CountedFailure || e instanceof InconclusiveProbe || isFailure(e)),
      { breaker: this.#breaker, halfOpenAfter: this.#halfOpenAfter },
    );
    this.#policy.onStateChange(() => this.#report());
  }

  /**
   * Tells `onState` when `state` changed. Not only on cockatiel's transitions: the end of probation (the
   * last of `successThreshold` successes) closes the circuit without one, and cockatiel's half-open → closed
   * while still on probation is no change.
   */
  #report(): void {
    const state = this.state;
    if (state === this.#reported) return;
    this.#reported = state;
    if (state === 'closed') this.#halfOpenAfter.reset();
    this.#onState(state);
  }

  /** closed, open, or half-open (probing, or closed but still on probation). */
  get state(): BreakerState {
    const s = this.#policy.state;
    if (s === CircuitState.Open || s === CircuitState.Isolated) return 'open';
    if (s === CircuitState.HalfOpen || this.#breaker.probation > 0) return 'half-open';
    return 'closed';
  }

  /**
   * Runs `fn` through the breaker; an outcome for which `countsAsFailure` is true is counted as a failure but
   * still returned. Throws BrokenCircuitError while open. A probe that throws what is no failure (its caller
   * aborted it) reopens the circuit for the next call to probe: cockatiel would close it without a success.
   */
  async execute<T>(fn: () => Promise<T>, countsAsFailure: (outcome: T) => boolean): Promise<T> {
    try {
      return await this.#policy.execute(async () => {
        // cockatiel runs a call while still open only as its half-open probe.
        const probing = this.#policy.state === CircuitState.Open;
        let outcome: T;
        try {
          outcome = await fn();
        } catch (error) {
          throw probing && !this.#isFailure(error) ? new InconclusiveProbe(error) : error;
        }
        if (countsAsFailure(outcome)) throw new CountedFailure(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof CountedFailure) return error.outcome as T;
      if (error instanceof InconclusiveProbe) throw error.reason;
      throw error;
    } finally {
      this.#report();
    }
  }
}

export { BrokenCircuitError };
