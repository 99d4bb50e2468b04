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

/** Consecutive-failure mode: `failureThreshold` failures in a row open the circuit. */
export interface ConsecutiveBreakerOptions {
  mode: 'consecutive';
  failureThreshold: number;
  halfOpenAfterMs: number;
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
  #reported: BreakerState = 'closed';

  constructor(
    options: BreakerOptions,
    onState: (state: BreakerState) => void,
    isFailure: (error: unknown) => boolean,
  ) {
    this.#onState = onState;
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
      handleWhen((e) => e instanceof CountedFailure || isFailure(e)),
      {
        breaker: this.#breaker,
        halfOpenAfter: options.halfOpenAfterMs,
      },
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
   * still returned. Throws BrokenCircuitError while open.
   */
  async execute<T>(fn: () => Promise<T>, countsAsFailure: (outcome: T) => boolean): Promise<T> {
    try {
      return await this.#policy.execute(async () => {
        const outcome = await fn();
        if (countsAsFailure(outcome)) throw new CountedFailure(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof CountedFailure) return error.outcome as T;
      throw error;
    } finally {
      this.#report();
    }
  }
}

export { BrokenCircuitError };
