/** Options of a retry budget. */
export interface RetryBudgetOptions {
  /** Retries allowed as a share of requests in the window. Default 0.1 (10 %). */
  ratio?: number;
  /** Retries allowed per second whatever the traffic, so a quiet client can still retry. Default 5. */
  minRetriesPerSecond?: number;
  /** Length of the sliding window in ms. Default 10000. */
  windowMs?: number;
}

const BUCKETS = 10;

/**
 * A retry budget per downstream (Finagle-style): over a sliding window, retries may not exceed
 * `ratio × requests + minRetriesPerSecond × window`. Under a total outage this caps the extra load retries
 * add to about `ratio`, instead of multiplying it by the attempt count.
 */
export class RetryBudget {
  readonly ratio: number;
  readonly reserve: number;
  readonly #bucketMs: number;
  readonly #requests = new Array<number>(BUCKETS).fill(0);
  readonly #retries = new Array<number>(BUCKETS).fill(0);
  #bucketStart = 0;
  #index = 0;

  constructor(options: RetryBudgetOptions = {}) {
    this.ratio = options.ratio ?? 0.1;
    const windowMs = options.windowMs ?? 10_000;
    this.reserve = (options.minRetriesPerSecond ?? 5) * (windowMs / 1000);
    this.#bucketMs = windowMs / BUCKETS;
  }

  /** Counts one logical request. */
  recordRequest(now = Date.now()): void {
    this.#advance(now);
    this.#requests[this.#index] = (this.#requests[this.#index] ?? 0) + 1;
  }

  /** Takes one retry from the budget; false (and nothing taken) when the budget is spent. */
  tryRetry(now = Date.now()): boolean {
    this.#advance(now);
    const requests = this.#requests.reduce((a, b) => a + b, 0);
    const retries = this.#retries.reduce((a, b) => a + b, 0);
    if (retries + 1 > this.ratio * requests + this.reserve) return false;
    this.#retries[this.#index] = (this.#retries[this.#index] ?? 0) + 1;
    return true;
  }

  #advance(now: number): void {
    if (this.#bucketStart === 0) this.#bucketStart = now;
    const steps = Math.floor((now - this.#bucketStart) / this.#bucketMs);
    if (steps <= 0) return;
    for (let i = 0; i < Math.min(steps, BUCKETS); i++) {
      this.#index = (this.#index + 1) % BUCKETS;
      this.#requests[this.#index] = 0;
      this.#retries[this.#index] = 0;
    }
    this.#bucketStart += steps * this.#bucketMs;
  }
}
