import type { IBackoff, IBackoffFactory, IHalfOpenAfterBackoffContext } from 'cockatiel';

/** A half-open probe that ended without a verdict on the downstream (its caller aborted it). */
export class InconclusiveProbe extends Error {
  constructor(readonly reason: unknown) {
    super('half-open probe ended without an answer');
  }
}

/** Doublings after which the interval is at any cap up to 2^20 times the first one. */
const MAX_DOUBLINGS = 20;

/**
 * How long an open circuit waits before its next probe: `firstMs` when it opens, doubled after each
 * failed probe up to `maxMs`, back to `firstMs` after `reset()` (the circuit closed). A short outage so
 * costs about a second of refusals, a long one probes at most every `maxMs`. An inconclusive probe
 * reopens it without a wait or a doubling, so the next call probes at once.
 */
export class HalfOpenBackoff implements IBackoffFactory<IHalfOpenAfterBackoffContext> {
  #failedProbes = 0;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  /** Starts again from `firstMs`: the circuit closed. */
  reset(): void {
    this.#failedProbes = 0;
  }

  next(context: IHalfOpenAfterBackoffContext): IBackoff<IHalfOpenAfterBackoffContext> {
    const inconclusive = 'error' in context.result && context.result.error instanceof InconclusiveProbe;
    const doublings = Math.min(this.#failedProbes, MAX_DOUBLINGS);
    if (!inconclusive) this.#failedProbes++;
    const duration = inconclusive ? 0 : Math.min(this.maxMs, this.firstMs * 2 ** doublings);
    return { duration, next: (c) => this.next(c) };
  }
}
