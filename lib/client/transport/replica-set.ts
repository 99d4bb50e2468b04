import { type ReplicaEvent, type ReplicaOptions, resolveReplicaOptions } from './replica-options.js';

/** One replica of a downstream and what the client knows of it. */
export interface Replica {
  readonly base: string;
  /** Attempts sent to it and not yet settled. */
  inFlight: number;
  /** Failures since its last success. */
  failures: number;
  /** Times it was ejected since it last stayed healthy as long as its last ejection. */
  ejections: number;
  /** Epoch ms it is readmitted at; 0 while admitted. */
  ejectedUntil: number;
  /** Epoch ms it was last readmitted at. */
  readmittedAt: number;
  /** How long its last ejection lasted, in ms. */
  lastEjectMs: number;
}

/**
 * The replicas of one downstream: `acquire` picks one for an attempt by the power of two choices on in-flight
 * counts (two admitted replicas at random, the less busy wins), `release` records how the attempt went. After
 * `failureThreshold` consecutive failures a replica is ejected for `ejectMs`, doubled per re-ejection up to
 * `maxEjectMs`, unless that would eject more than `maxEjectedShare` of them; it is readmitted when the time
 * is up. Options are checked here, once; a bad value throws RangeError naming it.
 */
export class ReplicaSet {
  #replicas: Replica[];
  readonly #threshold: number;
  readonly #ejectMs: number;
  readonly #maxEjectMs: number;
  readonly #maxEjectedShare: number;
  #maxEjected: number;
  readonly #onEvent: (event: ReplicaEvent) => void;
  readonly #now: () => number;
  readonly #random: () => number;
  #ejected = 0;

  constructor(
    bases: readonly string[],
    options: ReplicaOptions = {},
    clock: { now: () => number; random: () => number } = { now: Date.now, random: Math.random },
  ) {
    this.#replicas = bases.map(fresh);
    const o = resolveReplicaOptions(options);
    this.#threshold = o.failureThreshold;
    this.#ejectMs = o.ejectMs;
    this.#maxEjectMs = o.maxEjectMs;
    this.#maxEjectedShare = o.maxEjectedShare;
    this.#maxEjected = Math.floor(bases.length * o.maxEjectedShare);
    this.#onEvent = o.onEvent;
    this.#now = clock.now;
    this.#random = clock.random;
  }

  /** The replicas, in the order of their base URLs. */
  get replicas(): readonly Replica[] {
    return this.#replicas;
  }

  /** Replaces the replicas by `bases` (a DNS refresh), keeping what is known of those that stay. */
  update(bases: readonly string[]): void {
    const known = new Map(this.#replicas.map((r) => [r.base, r]));
    this.#replicas = bases.map((base) => known.get(base) ?? fresh(base));
    this.#maxEjected = Math.floor(bases.length * this.#maxEjectedShare);
    this.#ejected = this.#replicas.filter((r) => r.ejectedUntil !== 0).length;
  }

  /** How many replicas are ejected now. */
  get ejected(): number {
    this.#readmit(this.#now());
    return this.#ejected;
  }

  /**
   * Picks the replica for one attempt and counts it in flight: among admitted replicas not in `avoid` (those
   * that already failed this call), else among admitted ones, else any. Pair it with `release`.
   */
  acquire(avoid: readonly Replica[] = []): Replica {
    const now = this.#now();
    if (this.#ejected > 0) this.#readmit(now);
    let candidates = this.#replicas.filter((r) => r.ejectedUntil === 0 && !avoid.includes(r));
    if (candidates.length === 0) candidates = this.#replicas.filter((r) => r.ejectedUntil === 0);
    if (candidates.length === 0) candidates = [...this.#replicas];
    const replica = this.#twoChoices(candidates);
    replica.inFlight++;
    return replica;
  }

  /** Ends an attempt on `replica`: `true` a success, `false` a failure, `undefined` neither (caller aborted). */
  release(replica: Replica, ok: boolean | undefined): void {
    replica.inFlight--;
    // A replica a DNS refresh dropped while this attempt was on it: nothing to account for any more.
    if (ok === undefined || !this.#replicas.includes(replica)) return;
    const now = this.#now();
    if (ok) {
      replica.failures = 0;
      if (replica.ejections > 0 && now - replica.readmittedAt >= replica.lastEjectMs) replica.ejections = 0;
      return;
    }
    replica.failures++;
    if (replica.failures < this.#threshold || replica.ejectedUntil !== 0) return;
    if (this.ejected >= this.#maxEjected) return;
    const forMs = Math.min(this.#maxEjectMs, this.#ejectMs * 2 ** replica.ejections);
    replica.ejections++;
    replica.failures = 0;
    replica.lastEjectMs = forMs;
    replica.ejectedUntil = now + forMs;
    this.#ejected++;
    this.#onEvent({ type: 'ejected', base: replica.base, forMs });
  }

  #twoChoices(candidates: Replica[]): Replica {
    const n = candidates.length;
    const i = Math.floor(this.#random() * n);
    const first = candidates[i] as Replica;
    if (n === 1) return first;
    const second = candidates[(i + 1 + Math.floor(this.#random() * (n - 1))) % n] as Replica;
    return second.inFlight < first.inFlight ? second : first;
  }

  #readmit(now: number): void {
    for (const r of this.#replicas) {
      if (r.ejectedUntil === 0 || r.ejectedUntil > now) continue;
      r.ejectedUntil = 0;
      r.failures = 0;
      r.readmittedAt = now;
      this.#ejected--;
      this.#onEvent({ type: 'readmitted', base: r.base });
    }
  }
}

function fresh(base: string): Replica {
  return { base, inFlight: 0, failures: 0, ejections: 0, ejectedUntil: 0, readmittedAt: 0, lastEjectMs: 0 };
}
