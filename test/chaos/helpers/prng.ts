/** The seed of every chaos run: `CHAOS_SEED` to replay a failure, else a fixed default. */
export const CHAOS_SEED = Number(process.env.CHAOS_SEED ?? 20_240_611);

/** A seeded PRNG (mulberry32): the same seed gives the same fault sequence on every run. */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  pick<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
}

/** A PRNG for one (seed, key, n) triple, so a request's n-th attempt gets the same fault whatever the timing. */
export function prngFor(seed: number, key: string, n: number): Prng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${key}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return new Prng(h);
}
