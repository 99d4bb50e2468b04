/** What a policy knows about the attempt it wraps. */
export interface AttemptContext {
  service: string;
  operationId: string;
  method: string;
  idempotent: boolean;
  /** Per-attempt timeout in ms, already resolved from call, client, spec (`x-timeout-ms`) and default. */
  timeoutMs: number;
  /** Epoch ms by which the whole call must settle (caller's deadline or the inbound request's, the sooner). */
  deadline: number | undefined;
  /** The caller's own signal; aborting it aborts the call. */
  signal: AbortSignal | undefined;
}

/**
 * Where resilience plugs in: `execute` runs `attempt` one or more times, handing each attempt a signal that
 * aborts the request. The default only applies the per-attempt timeout and the deadline; the resilient
 * policy (retry, breaker, bulkhead) implements the same interface.
 */
export interface CallPolicy {
  execute<T>(context: AttemptContext, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Thrown by a policy when the call's deadline has already passed or passes during an attempt. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
}

/** The default policy: one attempt, aborted at its timeout, at the deadline or by the caller. */
export const singleAttemptPolicy: CallPolicy = {
  async execute(context, attempt) {
    const budget = context.deadline === undefined ? Number.POSITIVE_INFINITY : context.deadline - Date.now();
    if (budget <= 0) throw new DeadlineExceededError('deadline exceeded before the call started');
    const signals = [AbortSignal.timeout(Math.max(1, Math.min(context.timeoutMs, budget)))];
    if (context.signal !== undefined) signals.push(context.signal);
    return attempt(AbortSignal.any(signals));
  },
};
