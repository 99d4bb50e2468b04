import type { Fault, FaultPlan } from './fault-upstream.js';
import { prngFor } from './prng.js';

/** Named faults a weighted plan picks from. */
export const PRESETS = {
  ok: () => ({ kind: 'ok' }),
  latency: (r) => ({ kind: 'latency', ms: r.int(5, 300) }),
  '503': () => ({ kind: 'status', status: 503 }),
  '503-retry-after-0': () => ({ kind: 'status', status: 503, retryAfter: '0' }),
  '503-retry-after-1': () => ({ kind: 'status', status: 503, retryAfter: '1' }),
  'reset-before-body': () => ({ kind: 'reset-before-body' }),
  'reset-after-body': () => ({ kind: 'reset-after-body' }),
  hang: () => ({ kind: 'hang' }),
  'slow-body': () => ({ kind: 'slow-body', byteEveryMs: 40 }),
} satisfies Record<string, (r: ReturnType<typeof prngFor>) => Fault>;

export type Preset = keyof typeof PRESETS;

/**
 * A serialisable fault plan (it crosses into the upstream's worker thread):
 * - `fixed`: every attempt gets `fault`;
 * - `weighted`: the n-th attempt of request R gets a preset drawn with a PRNG seeded by (seed, R, n), so a
 *   replay with the same seed gives every request the same faults whatever the timing;
 * - `sequence`: the n-th attempt of each request gets `faults[n-1]`, later ones `ok`.
 */
export type PlanSpec =
  | { type: 'fixed'; fault: Fault }
  | { type: 'weighted'; seed: number; weights: Partial<Record<Preset, number>> }
  | { type: 'sequence'; faults: Fault[] };

export function planFromSpec(spec: PlanSpec): FaultPlan {
  switch (spec.type) {
    case 'fixed':
      return () => spec.fault;
    case 'sequence':
      return (a) => spec.faults[a.nth - 1] ?? { kind: 'ok' };
    case 'weighted': {
      const weights = spec.weights as Record<Preset, number>;
      return (a) => {
        const rng = prngFor(spec.seed, a.requestId ?? `seq-${a.seq}`, a.nth);
        return PRESETS[rng.pick(weights)](rng) as Fault;
      };
    }
  }
}
