import { EventEmitter, getMaxListeners, setMaxListeners } from 'node:events';
import { LightAbortController } from './transport/light-abort.js';

/** What a policy knows about the call it runs. */
export interface AttemptContext {
  service: string;
  operationId: string;
  method: string;
  /** The downstream origin (`http://127.0.0.1:3002`): breakers, budgets and bulkheads are kept per origin. */
  origin: string;
  idempotent: boolean;
  /** Per-attempt timeout in ms, already resolved from call, client, spec (`x-timeout-ms`) and default. */
  timeoutMs: number;
  /** Most attempts allowed for this call (1 = no retry), already resolved like `timeoutMs`. */
  maxAttempts: number;
  /** Backoff bounds from the spec's `x-retry`, when it sets them; otherwise the policy's own. */
  retryDelays?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Epoch ms by which the whole call must settle (caller's deadline or the inbound request's, the sooner). */
  deadline: number | undefined;
  /** The caller's own signal; aborting it aborts the call. */
  signal: AbortSignal | undefined;
  /** The transport takes a light abort handle instead of an AbortSignal (the pooled undici transport does). */
  lightSignal?: boolean;
}

/** What an attempt resolves to: enough of the response for a policy to classify it. */
export interface AttemptOutcome {
  response: { status: number; headers: { get(name: string): string | null } };
}

/**
 * Where resilience plugs in: `execute` runs `attempt` one or more times, handing each attempt a signal that
 * aborts the request. It resolves with the outcome to report (a success or the last HTTP failure) and
 * rejects with a PolicyError (or the transport's error) when no response is to be reported.
 */
export interface CallPolicy {
  execute<T extends AttemptOutcome>(
    context: AttemptContext,
    attempt: (signal: AbortSignal) => Promise<T>,
  ): Promise<T>;
}

/** Why a policy refused or ended a call; `code` is the Result code the caller sees. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';

  constructor(
    readonly code:
      | 'TIMEOUT'
      | 'DEADLINE_EXCEEDED'
      | 'CIRCUIT_OPEN'
      | 'BULKHEAD_FULL'
      | 'RETRY_BUDGET_EXHAUSTED'
      | 'ABORTED',
    message: string,
    options?: { cause?: unknown; slowAttempt?: boolean },
  ) {
    super(message, options);
    this.slowAttempt = options?.slowAttempt ?? false;
  }

  /**
   * A deadline that cut an attempt after it had run at least half its timeout: the downstream was slow, so
   * the circuit breaker counts it as a failure (otherwise deadline-bounded callers hide a hanging downstream).
   */
  readonly slowAttempt: boolean;
}

/** Thrown when the call's deadline has already passed or passes during an attempt. */
export class DeadlineExceededError extends PolicyError {
  constructor(message = 'deadline exceeded', options?: { cause?: unknown; slowAttempt?: boolean }) {
    super('DEADLINE_EXCEEDED', message, options);
  }
}

/** Listeners a shared caller signal may hold before Node warns (what undici's fetch allows a request signal). */
const SHARED_SIGNAL_MAX_LISTENERS = 1500;

/**
 * Every call made under one caller signal (typically the inbound request's, shared by all its outbound calls)
 * holds one 'abort' listener while in flight and removes it when done; past 10 concurrent calls Node would
 * report a leak that is not one (MaxListenersExceededWarning). Lifts the default limit; a chosen one stays.
 */
export function shareCallerSignal(signal: AbortSignal): void {
  if (getMaxListeners(signal) === EventEmitter.defaultMaxListeners)
    setMaxListeners(SHARED_SIGNAL_MAX_LISTENERS, signal);
}

/**
 * The signal of one attempt: aborted with a PolicyError reason at the attempt timeout (TIMEOUT), at the
 * deadline (DEADLINE_EXCEEDED) or when the caller aborts (ABORTED). One controller and one timer, no
 * `AbortSignal.any`, no closures per attempt (the timer gets this object as its argument, the caller's
 * signal gets it as a listener object); `dispose` clears the timer and the caller listener.
 */
export class AttemptSignal {
  readonly #controller: AbortController | LightAbortController;
  readonly #timer: NodeJS.Timeout;
  readonly #caller: AbortSignal | undefined;
  readonly #byDeadline: boolean;
  readonly #slow: boolean;
  readonly #timeoutMs: number;

  constructor(context: AttemptContext) {
    this.#controller = context.lightSignal === true ? new LightAbortController() : new AbortController();
    const budget = context.deadline === undefined ? Number.POSITIVE_INFINITY : context.deadline - Date.now();
    if (budget <= 0)
      this.#controller.abort(new DeadlineExceededError('deadline exceeded before the attempt started'));
    this.#timeoutMs = context.timeoutMs;
    this.#byDeadline = budget < context.timeoutMs;
    this.#slow = budget >= context.timeoutMs / 2;
    this.#timer = setTimeout(expire, Math.max(1, Math.min(context.timeoutMs, budget)), this);
    this.#caller = context.signal;
    if (this.#caller?.aborted) this.handleEvent();
    else if (this.#caller !== undefined) {
      shareCallerSignal(this.#caller);
      this.#caller.addEventListener('abort', this, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.#controller.abort(new PolicyError('ABORTED', 'the caller aborted the call'));
  }

  /** The timer fired: the attempt timeout, or the deadline when that comes first. */
  expire(): void {
    this.#controller.abort(
      this.#byDeadline
        ? new DeadlineExceededError('deadline exceeded during the attempt', { slowAttempt: this.#slow })
        : new PolicyError('TIMEOUT', `attempt timed out after ${this.#timeoutMs} ms and was aborted`),
    );
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this);
  }
}

function expire(attempt: AttemptSignal): void {
  attempt.expire();
}

/** Runs `attempt` with an attempt signal; a rejection caused by that signal becomes its PolicyError reason. */
export async function runAttempt<T>(
  context: AttemptContext,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const handle = new AttemptSignal(context);
  const signal = handle.signal;
  try {
    if (signal.aborted) throw signal.reason;
    return await attempt(signal);
  } catch (error) {
    throw signal.aborted && signal.reason instanceof PolicyError ? signal.reason : error;
  } finally {
    handle.dispose();
  }
}

/** One attempt with the timeout and deadline applied: what a client does with resilience switched off. */
export const singleAttemptPolicy: CallPolicy = {
  execute: (context, attempt) => runAttempt(context, attempt),
};
