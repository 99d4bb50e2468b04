import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotionServiceClient } from '../../generated/index.js';
import { createTransport, type ResilienceEvent } from '../../lib/client/index.js';
import { expectCleanProcess, poolDrained } from './helpers/hygiene.js';
import { fixedRate, tally } from './helpers/load.js';
import { CHAOS_SEED } from './helpers/prng.js';
import { attemptsOf, startUpstreamThread, type UpstreamThread } from './helpers/upstream-thread.js';

const TOKEN = 'chaos-internal-token-0123456789abcdef';

let upstream: UpstreamThread;

beforeAll(async () => {
  upstream = await startUpstreamThread({ type: 'fixed', fault: { kind: 'ok' } });
});
afterAll(async () => {
  await upstream.close();
});
expectCleanProcess();

describe('chaos: retries stay within the retry budget', () => {
  it('keeps upstream attempts per request under 1 + ratio + reserve share when half the attempts fail', async () => {
    const ratio = 0.1;
    const minRetriesPerSecond = 5;
    const windowMs = 10_000;
    const count = 400;
    await upstream.setPlan({ type: 'weighted', seed: CHAOS_SEED, weights: { ok: 50, '503': 50 } });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const events: ResilienceEvent[] = [];
    const client = createNotionServiceClient({
      baseUrl: upstream.url,
      credentials: { InternalAuth: TOKEN },
      maxAttempts: 3,
      transport: transport,
      resilience: {
        // The breaker is left out so that the budget alone bounds the retries here (breaker.test.ts has it).
        breaker: false,
        retry: { baseDelayMs: 1, maxDelayMs: 10, budget: { ratio, minRetriesPerSecond, windowMs } },
        onEvent: (e) => events.push(e),
      },
    });
    // All requests fall inside one budget window, so retries ≤ ratio × requests + minRetriesPerSecond × window.
    const run = await fixedRate({ count, intervalMs: 5, maxMs: windowMs / 2, settleMs: 5000 }, (i) =>
      client.getNotionContext({ path: { userId: `usr_${i}` } }, { headers: { 'x-chaos-request': `R${i}` } }),
    );
    const attempts = attemptsOf('R', (await upstream.snapshot()).attempts);
    const drained = await poolDrained(transport);
    await transport.close();

    const requests = run.records.length;
    const reserve = minRetriesPerSecond * (windowMs / 1000);
    const reserveShare = reserve / requests;
    const bound = 1 + ratio + reserveShare;
    const perRequest = tally(attempts.map((a) => a.requestId ?? '?'));
    const maxPerRequest = Math.max(...Object.values(perRequest));
    const failShare = attempts.filter((a) => a.fault === 'status').length / attempts.length;
    const perCall = attempts.length / requests;
    const exhausted = events.filter(
      (e) => e.type === 'rejected' && e.code === 'RETRY_BUDGET_EXHAUSTED',
    ).length;
    console.log(
      [
        `[chaos retry budget] seed=${CHAOS_SEED}: ${requests} GETs, one every 5 ms (${run.elapsedMs.toFixed(0)} ms), ${(failShare * 100).toFixed(1)} % of attempts answered 503, maxAttempts 3`,
        `  budget: ratio ${ratio}, minRetriesPerSecond ${minRetriesPerSecond} × window ${windowMs / 1000} s = reserve ${reserve} retries; reserve share ${reserve}/${requests} = ${reserveShare.toFixed(3)}`,
        `  bound: 1 + ${ratio} + ${reserveShare.toFixed(3)} = ${bound.toFixed(3)} attempts/request (unbudgeted at 50 %: 1 + 0.5 + 0.25 = 1.75)`,
        `  measured: ${attempts.length} attempts = ${perCall.toFixed(3)}/request, max ${maxPerRequest} for one request; retries refused by the budget: ${exhausted}`,
        `  results: ${JSON.stringify(tally(run.records.map((r) => (r.result?.ok ? 'ok' : (r.result?.error.code ?? 'none')))))}; pool once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );
    expect(run.unsettled).toBe(0);
    expect(run.rejected).toBe(0);
    expect(perCall).toBeLessThanOrEqual(bound);
    expect(maxPerRequest).toBeLessThanOrEqual(3);
    expect(exhausted, 'the budget should have been the binding limit').toBeGreaterThan(0);
    expect(perCall, 'retries should still have happened').toBeGreaterThan(1 + ratio);
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('honours Retry-After beyond the backoff cap, and gives up at once when it does not fit the deadline', async () => {
    await upstream.setPlan({
      type: 'sequence',
      faults: [{ kind: 'status', status: 503, retryAfter: '1' }],
    });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const client = createNotionServiceClient({
      baseUrl: upstream.url,
      credentials: { InternalAuth: TOKEN },
      transport: transport,
      resilience: { retry: { baseDelayMs: 10, maxDelayMs: 200 } },
    });
    const honoured = await client.getNotionContext(
      { path: { userId: 'usr_ra' } },
      { deadline: Date.now() + 3000, headers: { 'x-chaos-request': 'A1' } },
    );
    const started = Date.now();
    const deadline = started + 600;
    const refused = await client.getNotionContext(
      { path: { userId: 'usr_ra' } },
      { deadline, headers: { 'x-chaos-request': 'A2' } },
    );
    const settled = Date.now();
    const seen = (await upstream.snapshot()).attempts;
    const [first, second] = attemptsOf('A1', seen);
    const gap = (second?.arrivedAt ?? Number.NaN) - (first?.answeredAt ?? Number.NaN);
    await transport.close();
    console.log(
      `[chaos Retry-After] 503 with Retry-After: 1 → next attempt ${gap.toFixed(0)} ms later (backoff cap 200 ms), result ${honoured.ok ? 'ok' : honoured.error.code}; with 600 ms of deadline: ${attemptsOf('A2', seen).length} attempt, ${refused.ok ? 'ok' : refused.error.code} after ${settled - started} ms`,
    );
    expect(honoured.ok).toBe(true);
    expect(gap).toBeGreaterThanOrEqual(995);
    expect(gap).toBeLessThan(1000 + 250);
    expect(attemptsOf('A2', seen)).toHaveLength(1);
    expect(refused.ok).toBe(false);
    expect(settled).toBeLessThan(deadline);
  });
});
