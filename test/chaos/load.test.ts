import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotionServiceClient, type NotionServiceClient } from '../../generated/index.js';
import { createTransport, type ResilienceEvent } from '../../lib/client/index.js';
import type { UpstreamAttempt } from './helpers/fault-upstream.js';
import { eventually, expectCleanProcess, poolDrained, poolTotals } from './helpers/hygiene.js';
import { fixedRate, quantile, tally, tracedTransport } from './helpers/load.js';
import { CHAOS_SEED, prngFor } from './helpers/prng.js';
import { perfTimeOf, type ReferenceThread, startReferenceThread } from './helpers/reference-thread.js';
import {
  attemptsOf,
  pendingAttempts,
  startUpstreamThread,
  type UpstreamThread,
} from './helpers/upstream-thread.js';

const TOKEN = 'chaos-internal-token-0123456789abcdef';
const ATTEMPT_TIMEOUT_MS = 200;
const CLOSE_WITHIN_MS = 100;

let upstream: UpstreamThread;
let reference: ReferenceThread;

beforeAll(async () => {
  upstream = await startUpstreamThread({ type: 'fixed', fault: { kind: 'ok' } });
  reference = await startReferenceThread();
  // Warm the path once (first connection, lazy compilation) so the figures describe the steady state.
  const transport = createTransport();
  await createNotionServiceClient({
    baseUrl: upstream.url,
    transport: transport,
  }).getNotionContext({ path: { userId: 'warm-up' } }, { headers: { 'x-chaos-request': 'warm-up' } });
  await transport.close();
});
afterAll(async () => {
  await upstream.close();
  await reference.close();
});
expectCleanProcess();

describe('chaos: idempotent GET under mixed faults at a fixed rate', () => {
  it('settles every call by its deadline, closes every abandoned connection, keeps one correlation ID', async () => {
    await upstream.setPlan({
      type: 'weighted',
      seed: CHAOS_SEED,
      weights: {
        ok: 40,
        latency: 15,
        '503': 6,
        '503-retry-after-0': 4,
        '503-retry-after-1': 2,
        'reset-before-body': 8,
        'reset-after-body': 5,
        hang: 10,
        'slow-body': 10,
      },
    });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const traced = tracedTransport(transport);
    const events: ResilienceEvent[] = [];
    const client: NotionServiceClient = createNotionServiceClient({
      baseUrl: upstream.url,
      credentials: { InternalAuth: TOKEN },
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxAttempts: 3,
      transport: traced.transport,
      resilience: {
        retry: { baseDelayMs: 20, maxDelayMs: 200, budget: { ratio: 0.5, minRetriesPerSecond: 20 } },
        breaker: { failureThreshold: 10, halfOpenAfterMs: 300 },
        onEvent: (e) => events.push(e),
      },
    });
    const deadlines = new Map<number, { deadline: number; budget: number }>();
    const run = await fixedRate({ count: 200, intervalMs: 15, maxMs: 4000, settleMs: 3000 }, (i) => {
      const budget = prngFor(CHAOS_SEED, 'deadline', i).int(250, 1200);
      const deadline = Date.now() + budget;
      deadlines.set(i, { deadline, budget });
      return client.getNotionContext(
        { path: { userId: `usr_${i}` } },
        { deadline, headers: { 'x-chaos-request': `L${i}` } },
      );
    });

    // Every call settles, none later than max(50 ms, 5 %) past its deadline — beyond how late a timer due at
    // the deadline fired on the reference thread, which the client cannot delay (a busy machine delays both;
    // a client that blocks its own event loop delays only itself, and is not forgiven).
    expect(run.unsettled, 'calls still pending').toBe(0);
    expect(run.rejected, 'calls that rejected').toBe(0);
    await eventually(
      async () => attemptsOf('L', pendingAttempts(await upstream.snapshot())).length === 0,
      1000,
    );
    const machine = await reference.sample();
    const late: { i: number; by: number; timerLag: number; allowed: number }[] = [];
    const lateness: number[] = [];
    const timerLags: number[] = [];
    for (const r of run.records) {
      const d = deadlines.get(r.index);
      if (d === undefined || r.settledAt === undefined) continue;
      const by = r.settledAt - d.deadline;
      const timerLag = machine.timerLagAt(perfTimeOf(d.deadline));
      lateness.push(by);
      if (by > 0) timerLags.push(timerLag);
      const allowed = Math.max(50, 0.05 * d.budget);
      if (by - timerLag > allowed) late.push({ i: r.index, by, timerLag, allowed });
    }

    // Every attempt the client abandoned: undici destroyed its socket by the next loop turn, and the upstream
    // saw the connection close within 100 ms — beyond what delivering a packet on this machine took at that
    // moment (a loopback probe the reference thread sent right after the abort; on an idle machine it arrives
    // in well under 1 ms).
    const seen = await upstream.snapshot();
    const attempts = attemptsOf('L', seen.attempts);
    const stillOpen = attemptsOf('L', pendingAttempts(seen)).map((a) => `${a.attemptId} (${a.fault})`);
    const byAttempt = new Map(attempts.map((a) => [a.attemptId, a]));
    const closeLag: number[] = [];
    const closeExcess: number[] = [];
    const slowClose: string[] = [];
    const notDestroyed: string[] = [];
    const abortCodes: string[] = [];
    for (const t of traced.traces.values()) {
      if (t.abortedAt === undefined) continue;
      abortCodes.push(t.abortCode ?? 'unknown');
      if (t.destroyedAfterAbort === false) notDestroyed.push(t.attemptId);
      const a = byAttempt.get(t.attemptId);
      if (a === undefined || a.answeredAt !== undefined || a.closedBy === 'upstream') continue;
      const closedAt = a.closedAt ?? Number.POSITIVE_INFINITY;
      // Measured from the later of the abort and the request's arrival: a request the kernel delivered
      // after the client gave up cannot be seen closed before it is seen at all.
      const from = Math.max(t.abortedAt, a.arrivedAt, machine.arrivalAfter(t.abortedAt) ?? t.abortedAt);
      closeLag.push(closedAt - t.abortedAt);
      closeExcess.push(closedAt - from);
      if (closedAt - from > CLOSE_WITHIN_MS)
        slowClose.push(
          `${t.attemptId} ${a.fault} ${t.abortCode}: closed +${(closedAt - t.abortedAt).toFixed(1)} ms after the abort (arrived ${(a.arrivedAt - t.abortedAt).toFixed(1)}, conn ${a.connection}#${a.onConnection})`,
        );
    }
    const arrivedAfterAbort = [...traced.traces.values()].filter((t) => {
      const a = byAttempt.get(t.attemptId);
      return t.abortedAt !== undefined && a !== undefined && a.arrivedAt > t.abortedAt;
    }).length;

    // One correlation ID per logical call, on every attempt, distinct between calls; at most 3 attempts.
    const perRequest = new Map<string, UpstreamAttempt[]>();
    for (const a of attempts)
      perRequest.set(a.requestId ?? '?', [...(perRequest.get(a.requestId ?? '?') ?? []), a]);
    const mixedIds = [...perRequest].filter(
      ([, list]) => new Set(list.map((a) => a.correlationId)).size !== 1,
    );
    const ids = [...perRequest.values()].map((list) => list[0]?.correlationId);
    const maxAttempts = Math.max(...[...perRequest.values()].map((l) => l.length));

    // The pool has nothing running or queued once calls settle, and no connection once idle.
    await eventually(() => {
      const t = poolTotals(transport);
      return t.running === 0 && t.pending === 0;
    }, 1000);
    const idle = poolTotals(transport);
    const drained = await poolDrained(transport);
    await transport.close();
    traced.dispose();

    const codes = tally(run.records.map((r) => (r.result?.ok ? 'ok' : (r.result?.error.code ?? 'none'))));
    console.log(
      [
        `[chaos load] seed=${CHAOS_SEED}: ${run.records.length} calls, one every 15 ms (${run.elapsedMs.toFixed(0)} ms in all), attempt timeout ${ATTEMPT_TIMEOUT_MS} ms, deadlines 250–1200 ms`,
        `  results: ${JSON.stringify(codes)}`,
        `  upstream attempts: ${attempts.length} (${(attempts.length / run.records.length).toFixed(2)}/call, max ${maxAttempts}/call), faults ${JSON.stringify(tally(attempts.map((a) => a.fault)))}`,
        `  settled after the deadline (ms): p50 ${quantile(lateness, 0.5)} p99 ${quantile(lateness, 0.99)} max ${Math.max(...lateness)}; the reference thread's timer lag then: max ${Math.max(0, ...timerLags).toFixed(1)} (allowed beyond it: max(50 ms, 5 %)); late calls: ${late.length}`,
        `  aborted attempts: ${JSON.stringify(tally(abortCodes))}; socket not destroyed by the next turn: ${notDestroyed.length}; request reached the upstream only after the abort: ${arrivedAfterAbort}`,
        `  upstream saw the close (ms after the abort): n=${closeLag.length} p50 ${quantile(closeLag, 0.5).toFixed(1)} p99 ${quantile(closeLag, 0.99).toFixed(1)} max ${Math.max(...closeLag).toFixed(1)}; beyond arrival/loopback delivery: max ${Math.max(...closeExcess).toFixed(1)} (allowed ${CLOSE_WITHIN_MS})`,
        `  ${machine.summary()}`,
        `  retries ${events.filter((e) => e.type === 'retry').length}, rejections ${JSON.stringify(tally(events.flatMap((e) => (e.type === 'rejected' ? [e.code] : []))))}, breaker transitions ${events.filter((e) => e.type === 'breaker').length}`,
        `  pool once settled ${JSON.stringify(idle)}, once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );

    expect(late, 'calls settled too long after their deadline').toEqual([]);
    expect(stillOpen, 'upstream attempts whose connection was never closed').toEqual([]);
    expect(closeLag.length, 'abandoned attempts observed').toBeGreaterThan(10);
    expect(notDestroyed, 'aborted attempts whose socket undici kept').toEqual([]);
    // The client side is exact (`notDestroyed`: undici destroyed every aborted socket). What the upstream
    // thread observes also carries its own event-loop lag, which spikes on a loaded 2-core machine: the
    // 95th percentile must be within 100 ms, and every connection closed within 5× that (none left open).
    expect(
      quantile(closeExcess, 0.95),
      `p95 close after the abort; slow ones: ${slowClose.join('; ')}`,
    ).toBeLessThanOrEqual(CLOSE_WITHIN_MS);
    expect(Math.max(...closeExcess), 'slowest close after the abort').toBeLessThanOrEqual(
      5 * CLOSE_WITHIN_MS,
    );
    expect(mixedIds, 'requests whose attempts carried different correlation IDs').toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(maxAttempts).toBeLessThanOrEqual(3);
    expect(idle.running + idle.pending).toBe(0);
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('aborts a batch sharing one caller signal at once, closing every connection', async () => {
    await upstream.setPlan({ type: 'fixed', fault: { kind: 'hang' } });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const client = createNotionServiceClient({
      baseUrl: upstream.url,
      credentials: { InternalAuth: TOKEN },
      transport: transport,
    });
    const batch = new AbortController();
    const calls = Array.from({ length: 24 }, (_, i) =>
      client.getNotionContext(
        { path: { userId: `usr_${i}` } },
        { signal: batch.signal, headers: { 'x-chaos-request': `B${i}` } },
      ),
    );
    await eventually(
      async () => attemptsOf('B', (await upstream.snapshot()).attempts).length === calls.length,
      3000,
    );
    const abortedAt = performance.now();
    batch.abort();
    const results = await Promise.all(calls);
    const settleMs = performance.now() - abortedAt;
    await eventually(
      async () => attemptsOf('B', pendingAttempts(await upstream.snapshot())).length === 0,
      1000,
    );
    const seen = await upstream.snapshot();
    const machine = await reference.sample();
    const attempts = attemptsOf('B', seen.attempts);
    const timerLag = machine.timerLagAt(abortedAt);
    const from = Math.max(abortedAt, machine.arrivalAfter(abortedAt) ?? abortedAt);
    const closeExcess = attempts.map((a) => (a.closedAt ?? Number.POSITIVE_INFINITY) - from);
    const closeLag = attempts.map((a) => (a.closedAt ?? Number.POSITIVE_INFINITY) - abortedAt);
    const drained = await poolDrained(transport);
    await transport.close();
    console.log(
      `[chaos batch] ${calls.length} hanging calls on one caller signal: all settled ${settleMs.toFixed(1)} ms after abort() (reference thread's timer lag then ${timerLag.toFixed(1)}), ${JSON.stringify(tally(results.map((r) => (r.ok ? 'ok' : r.error.code))))}; upstream saw every connection closed within ${Math.max(...closeLag).toFixed(1)} ms (${Math.max(...closeExcess).toFixed(1)} beyond loopback delivery); pool once idle ${JSON.stringify(drained)}`,
    );
    expect(results.every((r) => !r.ok && r.error.code === 'ABORTED')).toBe(true);
    // Settled without waiting on the network: within 50 ms of abort(), beyond the reference thread's timer lag.
    expect(settleMs).toBeLessThanOrEqual(50 + timerLag);
    expect(attemptsOf('B', pendingAttempts(seen))).toEqual([]);
    expect(quantile(closeExcess, 0.95)).toBeLessThanOrEqual(CLOSE_WITHIN_MS);
    expect(Math.max(...closeExcess)).toBeLessThanOrEqual(5 * CLOSE_WITHIN_MS); // upstream thread lag on a loaded machine
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });
});
