import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthServiceClient, createNotionServiceClient } from '../../generated/index.js';
import {
  type BreakerState,
  createResilientPolicy,
  createTransport,
  defaultTransport,
  type Transport,
} from '../../lib/client/index.js';
import { createVerifyingAuthClient } from '../../services/shared/auth-client.js';
import { expectCleanProcess, poolDrained, poolTotals } from './helpers/hygiene.js';
import { runs, tally } from './helpers/load.js';
import { startUpstreamThread, type UpstreamThread } from './helpers/upstream-thread.js';

// Only `Date` is faked: cockatiel's breaker reads Date.now() to decide when to half-open, so the suite can jump
// through 30 s windows at once, while sockets, undici and the upstream keep real timers.
const FAIL = { type: 'fixed', fault: { kind: 'status', status: 503 } } as const;
const OK = { type: 'fixed', fault: { kind: 'ok' } } as const;

let upstream: UpstreamThread;

beforeAll(async () => {
  upstream = await startUpstreamThread(OK);
});
afterAll(async () => {
  await upstream.close();
});
expectCleanProcess();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 1) });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A transport that records the (fake) time of every attempt that really leaves the client. */
function countingTransport(): { transport: Transport; sentAt: number[]; counting: Transport } {
  const transport = createTransport({ keepAliveTimeoutMs: 300 });
  const sentAt: number[] = [];
  return {
    transport,
    sentAt,
    counting: {
      ...transport,
      send: (...args) => {
        sentAt.push(Date.now());
        return transport.send(...args);
      },
    },
  };
}

/** Records breaker transitions with their (fake) time. */
function transitions() {
  const list: { state: BreakerState; at: number }[] = [];
  return {
    list,
    onEvent: (e: { type: string; state?: BreakerState }) => {
      if (e.type === 'breaker' && e.state !== undefined) list.push({ state: e.state, at: Date.now() });
    },
  };
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : (r.error?.code ?? '?'));

describe('chaos: circuit breaker per downstream (fake Date)', () => {
  it('opens after exactly 5 failures, lets one probe through per window, closes within halfOpenAfter + one round trip', async () => {
    const N = 5;
    const H = 1000;
    const STEP = 100;
    await upstream.setPlan(FAIL);
    const { transport, sentAt, counting } = countingTransport();
    const events = transitions();
    const policy = createResilientPolicy({
      breaker: { failureThreshold: N, halfOpenAfterMs: H, successThreshold: 1 },
      onEvent: events.onEvent,
    });
    const client = createNotionServiceClient({
      baseUrl: upstream.url,
      maxAttempts: 1,
      policy,
      transport: counting,
    });
    const origin = new URL(upstream.url).origin;
    const call = () => client.getNotionContext({ path: { userId: 'usr_b' } });

    // Phase 1: N failures, then the circuit is open and nothing more leaves the client.
    const before: string[] = [];
    for (let i = 1; i <= N + 2; i++) before.push(`${code(await call())}/${policy.breakerState(origin)}`);
    const openedAt = events.list.find((e) => e.state === 'open')?.at ?? Number.NaN;
    expect(before.slice(0, N - 1)).toEqual(Array(N - 1).fill('UNAVAILABLE/closed'));
    expect(before[N - 1]).toBe('UNAVAILABLE/open');
    expect(before.slice(N)).toEqual(['CIRCUIT_OPEN/open', 'CIRCUIT_OPEN/open']);
    expect(sentAt).toHaveLength(N);

    // Phase 2: 4.5 windows at 3 calls per 100 ms while the upstream still fails: one probe per window.
    const whileOpen: string[] = [];
    for (let step = 1; step <= 45; step++) {
      vi.advanceTimersByTime(STEP);
      whileOpen.push(...(await Promise.all([call(), call(), call()])).map(code));
    }
    const probes = sentAt.slice(N).map((t) => t - openedAt);
    expect(probes).toEqual([1, 2, 3, 4].map((k) => k * H));
    expect(tally(whileOpen)).toEqual({ CIRCUIT_OPEN: 45 * 3 - 4, UNAVAILABLE: 4 });

    // Phase 3: the upstream recovers mid-window; calls go on at the same rate until the circuit closes.
    vi.advanceTimersByTime(350);
    await upstream.setPlan(OK);
    const recoveredAt = Date.now();
    for (let step = 1; step <= 30 && policy.breakerState(origin) !== 'closed'; step++) {
      vi.advanceTimersByTime(STEP);
      await Promise.all([call(), call(), call()]);
    }
    const closedAt = events.list.find((e) => e.state === 'closed' && e.at >= recoveredAt)?.at ?? Number.NaN;
    const after = await Promise.all(Array.from({ length: 10 }, call));
    const drained = await poolDrained(transport);
    await transport.close();
    console.log(
      [
        `[chaos breaker] consecutive, ${N} failures, halfOpenAfter ${H} ms, calls every ${STEP} ms (fake time):`,
        `  opened after exactly ${N} upstream failures; while open ${whileOpen.length} calls → ${JSON.stringify(tally(whileOpen))}, probes at +${probes.join(', +')} ms`,
        `  recovered at +${recoveredAt - openedAt} ms, closed ${closedAt - recoveredAt} ms later (bound: halfOpenAfter ${H} + one round trip ${STEP} ms); then ${JSON.stringify(tally(after.map(code)))}`,
        `  transitions: ${events.list.map((e) => `${e.state}@${e.at - openedAt}`).join(' ')}; pool once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );
    expect(closedAt - recoveredAt).toBeLessThanOrEqual(H + STEP);
    expect(after.every((r) => r.ok)).toBe(true);
    expect(events.list.at(-1)?.state).toBe('closed');
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('user-service → auth-service settings: 3 failures open, open 1 s doubling to 30 s, 2 successes close, one failure on probation reopens', async () => {
    const H = 30_000;
    const STEP = 1000;
    await upstream.setPlan(FAIL);
    const { transport, sentAt, counting } = countingTransport();
    const events = transitions();
    const policy = createResilientPolicy({
      breaker: { failureThreshold: 3, successThreshold: 2, halfOpenAfterMs: H },
      onEvent: events.onEvent,
    });
    const auth = createAuthServiceClient({
      baseUrl: upstream.url,
      maxAttempts: 1,
      policy,
      transport: counting,
    });
    const origin = new URL(upstream.url).origin;
    const verify = () => auth.verifyToken({ body: { token: 'header.payload.signature' } });

    // 3 failures open it.
    const first = [];
    for (let i = 1; i <= 4; i++) first.push(`${code(await verify())}/${policy.breakerState(origin)}`);
    expect(first).toEqual([
      'UNAVAILABLE/closed',
      'UNAVAILABLE/closed',
      'UNAVAILABLE/open',
      'CIRCUIT_OPEN/open',
    ]);
    expect(sentAt).toHaveLength(3);
    const openedAt = sentAt[2] as number;

    // 95 s at one call a second, still failing: the wait doubles after each failed probe (1, 2, 4, 8, 16 s)
    // up to 30 s, and nothing else is sent.
    for (let step = 1; step <= 95; step++) {
      vi.advanceTimersByTime(STEP);
      await verify();
    }
    const probes = sentAt.slice(3).map((t) => t - openedAt);
    expect(probes).toEqual([1, 3, 7, 15, 31, 61, 91].map((s) => s * 1000));

    // Recovery at +95.5 s: the probe at +121 s succeeds (half-open: on probation), the next call closes it.
    vi.advanceTimersByTime(500);
    await upstream.setPlan(OK);
    const recoveredAt = Date.now();
    const probation: string[] = [];
    for (let step = 1; step <= 40 && policy.breakerState(origin) !== 'closed'; step++) {
      vi.advanceTimersByTime(STEP);
      probation.push(`${code(await verify())}/${policy.breakerState(origin)}`);
    }
    const closedAt = Date.now();
    expect(probation.slice(-2)).toEqual(['ok/half-open', 'ok/closed']);
    expect(closedAt - recoveredAt).toBeLessThanOrEqual(H + STEP);
    const closedEvent = events.list.at(-1);

    // Probation: 3 failures reopen it, the next probe succeeds, and a single failure then reopens it at once.
    await upstream.setPlan(FAIL);
    for (let i = 0; i < 3; i++) await verify();
    expect(policy.breakerState(origin)).toBe('open');
    vi.advanceTimersByTime(H);
    await upstream.setPlan(OK);
    const probe = code(await verify());
    const onProbation = policy.breakerState(origin);
    await upstream.setPlan(FAIL);
    const slip = code(await verify());
    const afterSlip = policy.breakerState(origin);
    const sentBefore = sentAt.length;
    const refused = code(await verify());
    const drained = await poolDrained(transport);
    await transport.close();
    console.log(
      [
        `[chaos breaker] user-service → auth-service: 3 failures, 2 successes, halfOpenAfter 1 s doubling to 30 s, one call a second (fake time):`,
        `  opened after exactly 3 failures; probes while failing at +${probes.map((p) => p / 1000).join(' s, +')} s (95 calls, ${probes.length} sent)`,
        `  recovered at +${(recoveredAt - openedAt) / 1000} s → ${runs(probation)}; closed ${(closedAt - recoveredAt) / 1000} s after recovery (bound ${(H + STEP) / 1000} s)`,
        `  probation: probe ${probe} → ${onProbation}; one failure → ${slip}/${afterSlip}; next call ${refused} (sent: ${sentAt.length - sentBefore})`,
        `  transitions: ${events.list.map((e) => `${e.state}@${(e.at - openedAt) / 1000}s`).join(' ')}; pool once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );
    expect(closedEvent?.state, 'the last transition reported to onEvent once closed').toBe('closed');
    expect([probe, onProbation]).toEqual(['ok', 'half-open']);
    expect([slip, afterSlip]).toEqual(['UNAVAILABLE', 'open']);
    expect(refused).toBe('CIRCUIT_OPEN');
    expect(sentAt.length - sentBefore).toBe(0);
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('the auth client user-service really builds (retries included) behaves the same', async () => {
    await upstream.setPlan(FAIL);
    const events = transitions();
    const auth = createVerifyingAuthClient(upstream.url, events.onEvent);
    const verify = () => auth.verifyToken({ body: { token: 'header.payload.signature' } });
    const sent = async () =>
      (await upstream.snapshot()).attempts.filter((a) => a.path === '/auth/verify').length;
    const base = await sent();

    // verifyToken is idempotent: the first call retries twice, and its third failed attempt opens the circuit.
    const first = await verify();
    const second = await verify();
    const opened = (await sent()) - base;
    const openedAt = Date.now();
    for (let step = 1; step <= 65; step++) {
      vi.advanceTimersByTime(1000);
      await verify();
    }
    const probesWhileFailing = (await sent()) - base - opened;
    vi.advanceTimersByTime(500);
    await upstream.setPlan(OK);
    const recoveredAt = Date.now();
    const recovery: string[] = [];
    for (let step = 1; step <= 40 && events.list.at(-1)?.state !== 'closed'; step++) {
      vi.advanceTimersByTime(1000);
      recovery.push(code(await verify()));
    }
    const closedAt = events.list.at(-1)?.at ?? Number.NaN;
    const pool = poolTotals(defaultTransport());
    console.log(
      [
        `[chaos breaker] createVerifyingAuthClient (services/shared): first call ${code(first)} after ${first.ok ? 1 : first.error.attempts} attempts, then ${code(second)}; ${opened} upstream failures opened it`,
        `  65 s failing at one call a second: ${probesWhileFailing} probes; recovered at +${(recoveredAt - openedAt) / 1000} s → ${runs(recovery)}; closed ${(closedAt - recoveredAt) / 1000} s after recovery`,
        `  transitions: ${events.list.map((e) => `${e.state}@${(e.at - openedAt) / 1000}s`).join(' ')}; default pool ${JSON.stringify(pool)}`,
      ].join('\n'),
    );
    expect([code(first), code(second), opened]).toEqual(['UNAVAILABLE', 'CIRCUIT_OPEN', 3]);
    // Probes at +1, +3, +7, +15, +31 and +61 s.
    expect(probesWhileFailing).toBe(6);
    expect(recovery.slice(-2)).toEqual(['ok', 'ok']);
    expect(closedAt - recoveredAt).toBeLessThanOrEqual(30_000 + 1000);
    expect(events.list.map((e) => e.state).slice(-2)).toEqual(['half-open', 'closed']);
    expect(pool.running + pool.pending).toBe(0);
  });

  it('a 5 s outage of auth-service costs the auth client seconds of refusals, not a 30 s window', async () => {
    await upstream.setPlan(FAIL);
    const events = transitions();
    const auth = createVerifyingAuthClient(upstream.url, events.onEvent);
    const verify = () => auth.verifyToken({ body: { token: 'header.payload.signature' } });
    const failedAt = Date.now();
    const answers: string[] = [];
    // One call every 250 ms for 15 s; the upstream fails for the first 5 s.
    for (let step = 0; step < 60; step++) {
      if (step === 20) await upstream.setPlan(OK);
      answers.push(code(await verify()));
      vi.advanceTimersByTime(250);
    }
    const closedAt = events.list.findLast((e) => e.state === 'closed')?.at ?? Number.NaN;
    console.log(
      `[chaos breaker] 5 s auth-service outage, a call every 250 ms: ${runs(answers)}; closed at +${(closedAt - failedAt) / 1000} s`,
    );
    // Opened at once; probes 1, 2, 4 s after (+1, +3, +7 s): the one at +7 s succeeds, the next call closes it.
    // Bound: the 5 s outage plus the last doubled wait (4 s) and one call (250 ms).
    expect(closedAt - failedAt).toBeLessThanOrEqual(5000 + 4000 + 250);
    expect(answers.slice(-20)).toEqual(Array(20).fill('ok'));
    expect(events.list.at(-1)?.state).toBe('closed');
  });
});
