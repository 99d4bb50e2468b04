import { describe, expect, it } from 'vitest';
import { parseOrigins } from '../../../lib/client/transport/origin-list.js';
import { attemptOnReplicas } from '../../../lib/client/transport/replica-attempt.js';
import type { ReplicaEvent } from '../../../lib/client/transport/replica-options.js';
import { type Replica, ReplicaSet } from '../../../lib/client/transport/replica-set.js';

const bases = (n: number) => Array.from({ length: n }, (_, i) => `http://127.0.0.1:${4000 + i}`);

function setOf(n: number, options: ConstructorParameters<typeof ReplicaSet>[1] = {}) {
  const clock = { t: 1_000_000 };
  const events: ReplicaEvent[] = [];
  const set = new ReplicaSet(
    bases(n),
    { ...options, onEvent: (e) => events.push(e) },
    { now: () => clock.t, random: Math.random },
  );
  const fail = (i: number, times = 1) => {
    for (let k = 0; k < times; k++) set.release(pickIndex(set, i), false);
  };
  return { set, clock, events, fail };
}

/** Counts one attempt in flight on replica `i` (as acquire would) and returns it. */
function pickIndex(set: ReplicaSet, i: number) {
  const replica = set.replicas[i];
  if (replica === undefined) throw new Error(`no replica ${i}`);
  replica.inFlight++;
  return replica;
}

describe('ReplicaSet balancing', () => {
  it('spreads sequential calls over every replica', () => {
    const { set } = setOf(3);
    const hits = new Map<string, number>();
    for (let k = 0; k < 300; k++) {
      const r = set.acquire();
      hits.set(r.base, (hits.get(r.base) ?? 0) + 1);
      set.release(r, true);
    }
    expect(hits.size).toBe(3);
    for (const h of hits.values()) expect(h).toBeGreaterThan(60);
  });

  it('never picks the busiest of three replicas (two choices, the less busy wins)', () => {
    const { set } = setOf(3);
    for (let k = 0; k < 5; k++) pickIndex(set, 0);
    for (let k = 0; k < 100; k++) {
      const r = set.acquire();
      expect(r).not.toBe(set.replicas[0]);
      set.release(r, true);
    }
  });

  it('avoids the replicas a call already failed on while another is admitted', () => {
    const { set } = setOf(3);
    const avoid = [set.replicas[0], set.replicas[1]].filter((r) => r !== undefined);
    for (let k = 0; k < 50; k++) {
      const r = set.acquire(avoid);
      expect(r).toBe(set.replicas[2]);
      set.release(r, true);
    }
  });
});

describe('ReplicaSet ejection', () => {
  it('ejects a replica after 3 consecutive failures and sends nothing to it meanwhile', () => {
    const { set, events, fail } = setOf(3);
    fail(1, 2);
    set.release(pickIndex(set, 1), true);
    fail(1, 2);
    expect(set.ejected).toBe(0);
    fail(1);
    expect(set.ejected).toBe(1);
    expect(events).toEqual([{ type: 'ejected', base: 'http://127.0.0.1:4001', forMs: 1000 }]);
    for (let k = 0; k < 100; k++) {
      const r = set.acquire();
      expect(r).not.toBe(set.replicas[1]);
      set.release(r, true);
    }
  });

  it('never ejects more than half of the replicas', () => {
    for (const [n, most] of [
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 2],
    ] as const) {
      const { set, fail } = setOf(n);
      for (let i = 0; i < n; i++) fail(i, 10);
      expect(set.ejected).toBe(most);
    }
  });

  it('readmits after the ejection time, doubles it per re-ejection up to maxEjectMs', () => {
    const { set, clock, events, fail } = setOf(3, { maxEjectMs: 3000 });
    const forMs: number[] = [];
    for (let round = 0; round < 4; round++) {
      fail(0, 3);
      const ejected = events.at(-1);
      expect(ejected?.type).toBe('ejected');
      if (ejected?.type === 'ejected') forMs.push(ejected.forMs);
      clock.t += ejected?.type === 'ejected' ? ejected.forMs - 1 : 0;
      expect(set.ejected).toBe(1);
      clock.t += 1;
      expect(set.ejected).toBe(0);
      expect(events.at(-1)).toEqual({ type: 'readmitted', base: 'http://127.0.0.1:4000' });
    }
    expect(forMs).toEqual([1000, 2000, 3000, 3000]);
  });

  it('forgets past ejections once a readmitted replica stays healthy as long as it was ejected', () => {
    const { set, clock, events, fail } = setOf(3);
    fail(0, 3);
    clock.t += 1000;
    expect(set.ejected).toBe(0);
    clock.t += 1000;
    set.release(pickIndex(set, 0), true);
    fail(0, 3);
    expect(events.at(-1)).toEqual({ type: 'ejected', base: 'http://127.0.0.1:4000', forMs: 1000 });
  });

  it('checks its options', () => {
    expect(() => new ReplicaSet(bases(2), { failureThreshold: 0 })).toThrow(/replicas.failureThreshold/);
    expect(() => new ReplicaSet(bases(2), { maxEjectedShare: 0.9 })).toThrow(/replicas.maxEjectedShare/);
    expect(() => new ReplicaSet(bases(2), { ejectMs: 5000, maxEjectMs: 1000 })).toThrow(/maxEjectMs/);
  });
});

describe('parseOrigins', () => {
  it('takes one URL, an array, or a comma-separated string, without trailing slashes', () => {
    expect(parseOrigins('s', 'http://a:1/')).toEqual(['http://a:1']);
    expect(parseOrigins('s', ['http://a:1/api', 'https://b/api/'])).toEqual([
      'http://a:1/api',
      'https://b/api',
    ]);
    expect(parseOrigins('s', 'http://a:1, http://b:2')).toEqual(['http://a:1', 'http://b:2']);
  });

  it('refuses what is not a list of http(s) URLs with one path prefix, naming the entry', () => {
    expect(() => parseOrigins('s', undefined)).toThrow(/s client: baseUrl must be an http\(s\) URL/);
    expect(() => parseOrigins('s', [])).toThrow(/baseUrl must be/);
    expect(() => parseOrigins('s', 'ftp://a')).toThrow(
      /s client: baseUrl must be an http\(s\) URL, got "ftp:\/\/a"/,
    );
    expect(() => parseOrigins('s', ['http://a:1', 'b:2'])).toThrow(/baseUrl\[1\] must be an http\(s\) URL/);
    expect(() => parseOrigins('s', 'http://a:1,')).toThrow(/baseUrl\[1\] must be an http\(s\) URL, got ""/);
    expect(() => parseOrigins('s', ['http://a:1/v1', 'http://b:2/v2'])).toThrow(
      /baseUrl\[1\] \(http:\/\/b:2\/v2\) has path prefix '\/v2' but baseUrl\[0\] has '\/v1'/,
    );
    expect(() => parseOrigins('s', ['http://a:1', 'http://a:1/'])).toThrow(/lists http:\/\/a:1 twice/);
  });
});

describe('attemptOnReplicas', () => {
  it("charges and leaves a replica only for a network failure, not for the caller's own TypeError", async () => {
    const { set, events } = setOf(3, { failureThreshold: 1 });
    const signal = new AbortController().signal;
    const tried: string[] = [];
    const own = new TypeError('Do not know how to serialize a BigInt');
    for (let k = 0; k < 3; k++) {
      const failed: Replica[] = [];
      await expect(
        attemptOnReplicas(set, failed, true, signal, async (replica) => {
          tried.push(replica.base);
          throw own;
        }),
      ).rejects.toBe(own);
      expect(failed).toEqual([]);
    }
    expect(tried).toHaveLength(3);
    expect(events).toEqual([]);

    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const failed: Replica[] = [];
    const answered = await attemptOnReplicas(set, failed, true, signal, async (replica) => {
      if (failed.length === 0) throw reset;
      return { response: new Response(null, { status: 204 }), replica: replica.base };
    });
    expect(answered.response.status).toBe(204);
    expect(failed).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['ejected']);
  });
});
