/**
 * A Map whose entries lapse after their own TTL, for the in-memory store. Expired entries are invisible
 * at once and removed lazily: on read, and by a sweep from the oldest insertion on every write, which
 * stops at the first live entry (amortised O(1), and memory stays bounded by what the TTLs allow).
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Sets `key` for `ttlMs` from now (moving it to the newest end). */
  set(key: string, value: V, ttlMs: number): void {
    this.#sweep();
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  /** Replaces a live entry's value, keeping its expiry; false when there is none. */
  replace(key: string, value: V): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.#now()) return false;
    entry.value = value;
    return true;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Number of entries held, expired ones not yet swept included. */
  get size(): number {
    return this.#entries.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.#entries.delete(key);
    }
  }
}
