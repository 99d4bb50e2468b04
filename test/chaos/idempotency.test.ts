import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserServiceClient, createWhatsappServiceClient } from '../../generated/index.js';
import { createTransport, type ResilienceEvent } from '../../lib/client/index.js';
import { startFaultUpstream, type UpstreamAttempt } from './helpers/fault-upstream.js';
import { expectCleanProcess, poolDrained } from './helpers/hygiene.js';
import { fixedRate, tally } from './helpers/load.js';
import { CHAOS_SEED } from './helpers/prng.js';
import { startUpstreamThread, type UpstreamThread } from './helpers/upstream-thread.js';

const TOKEN = 'chaos-internal-token-0123456789abcdef';

let upstream: UpstreamThread;

beforeAll(async () => {
  upstream = await startUpstreamThread({ type: 'fixed', fault: { kind: 'ok' } });
});
afterAll(async () => {
  await upstream.close();
});
expectCleanProcess();

function byRequest(attempts: UpstreamAttempt[], prefix: string): Map<string, UpstreamAttempt[]> {
  const out = new Map<string, UpstreamAttempt[]>();
  for (const a of attempts) {
    if (a.requestId?.startsWith(prefix) !== true) continue;
    out.set(a.requestId, [...(out.get(a.requestId) ?? []), a]);
  }
  return out;
}

describe('chaos: no duplicate delivery of a POST', () => {
  it('never resends a non-idempotent createUser once it may have reached the upstream', async () => {
    await upstream.setPlan({
      type: 'weighted',
      seed: CHAOS_SEED,
      weights: { ok: 40, 'reset-before-body': 20, 'reset-after-body': 20, hang: 10, '503': 10 },
    });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const events: ResilienceEvent[] = [];
    const users = createUserServiceClient({
      baseUrl: upstream.url,
      credentials: { BearerAuth: 'user-jwt' },
      timeoutMs: 300,
      maxAttempts: 3,
      transport: transport,
      resilience: { breaker: false, retry: { baseDelayMs: 5 }, onEvent: (e) => events.push(e) },
    });
    const run = await fixedRate({ count: 150, intervalMs: 10, maxMs: 4000, settleMs: 3000 }, (i) =>
      users.createUser(
        { body: { email: `u${i}@example.com`, displayName: `User ${i}` } },
        { headers: { 'x-chaos-request': `U${i}` } },
      ),
    );
    const perRequest = byRequest((await upstream.snapshot()).attempts, 'U');
    const drained = await poolDrained(transport);
    await transport.close();

    const received = [...perRequest.values()].map((l) => l.length);
    const delivered = [...perRequest.values()].map(
      (l) => l.filter((a) => a.deliveredAt !== undefined).length,
    );
    const faults = tally([...perRequest.values()].flatMap((l) => l.map((a) => a.fault)));
    const resetResults = run.records.flatMap((r) => {
      const fault = perRequest.get(`U${r.index}`)?.[0]?.fault;
      return fault?.startsWith('reset') && r.result !== undefined && !r.result.ok
        ? [`${fault}:${r.result.error.code}×${r.result.error.attempts}`]
        : [];
    });
    console.log(
      [
        `[chaos createUser] seed=${CHAOS_SEED}: ${run.records.length} non-idempotent POSTs, faults seen ${JSON.stringify(faults)}`,
        `  upstream receipts per request: max ${Math.max(...received)}; deliveries (body read) per request: max ${Math.max(...delivered)}, total ${delivered.reduce((a, b) => a + b, 0)}`,
        `  retries ${events.filter((e) => e.type === 'retry').length}; results ${JSON.stringify(tally(run.records.map((r) => (r.result?.ok ? 'ok' : (r.result?.error.code ?? 'none')))))}`,
        `  reset outcomes: ${JSON.stringify(tally(resetResults))}; pool once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );
    expect(run.unsettled).toBe(0);
    expect(run.rejected).toBe(0);
    expect(faults['reset-before-body'] ?? 0).toBeGreaterThan(0);
    expect(faults['reset-after-body'] ?? 0).toBeGreaterThan(0);
    expect(Math.max(...received), 'a request the upstream received twice').toBe(1);
    expect(Math.max(...delivered), 'a request the upstream delivered twice').toBe(1);
    expect(events.filter((e) => e.type === 'retry')).toEqual([]);
    // One attempt each, never retried. Usually NETWORK_ERROR; on a loaded machine the reset can reach the
    // client after the 300 ms attempt timeout, which then reports TIMEOUT: still one attempt, still no resend.
    expect(resetResults.filter((r) => !/:(NETWORK_ERROR|TIMEOUT)×1$/.test(r))).toEqual([]);
    expect(resetResults.filter((r) => r.endsWith('NETWORK_ERROR×1')).length).toBeGreaterThan(
      resetResults.length / 2,
    );
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('retries a non-idempotent createUser whose connection was refused, delivering it once', async () => {
    // A free port: bound, then released, so the first attempt is refused before anything is sent.
    const probe = await startFaultUpstream({ plan: () => ({ kind: 'ok' }) });
    const port = probe.port;
    await probe.close();
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    let late: Awaited<ReturnType<typeof startFaultUpstream>> | undefined;
    let starting: Promise<void> | undefined;
    const events: ResilienceEvent[] = [];
    const users = createUserServiceClient({
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: { BearerAuth: 'user-jwt' },
      transport: transport,
      resilience: {
        breaker: false,
        retry: { baseDelayMs: 150, maxDelayMs: 300 },
        onEvent: (e) => {
          events.push(e);
          // The service comes up while the client backs off.
          if (e.type === 'retry')
            starting ??= startFaultUpstream({
              port,
              plan: () => ({ kind: 'ok' }),
              answer: () => ({
                status: 201,
                body: {
                  id: 'usr_1',
                  email: 'a@example.com',
                  displayName: 'A',
                  tenantId: 't',
                  createdAt: '2026-01-01T00:00:00.000Z',
                },
              }),
            }).then((u) => {
              late = u;
            });
        },
      },
    });
    const r = await users.createUser({ body: { email: 'a@example.com', displayName: 'A' } });
    await starting;
    const deliveries = late?.attempts.filter((a) => a.deliveredAt !== undefined).length ?? 0;
    const retries = events.flatMap((e) => (e.type === 'retry' ? [e.reason] : []));
    await late?.close();
    const drained = await poolDrained(transport);
    await transport.close();
    console.log(
      `[chaos refused] createUser to a closed port: retried after ${JSON.stringify(retries)} → ${r.ok ? `ok ${r.status}` : r.error.code}; deliveries ${deliveries}; pool ${JSON.stringify(drained)}`,
    );
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.every((reason) => reason.includes('ECONNREFUSED'))).toBe(true);
    expect(r.ok).toBe(true);
    expect(deliveries).toBe(1);
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });

  it('retries sendMessage under resets with the same Idempotency-Key and body, so nothing is sent twice', async () => {
    await upstream.setPlan({
      type: 'weighted',
      seed: CHAOS_SEED + 1,
      weights: { ok: 50, 'reset-before-body': 20, 'reset-after-body': 30 },
    });
    const transport = createTransport({ keepAliveTimeoutMs: 300 });
    const whatsapp = createWhatsappServiceClient({
      baseUrl: upstream.url,
      credentials: { InternalAuth: TOKEN },
      maxAttempts: 3,
      transport: transport,
      resilience: {
        breaker: false,
        retry: { baseDelayMs: 5, budget: { ratio: 1, minRetriesPerSecond: 100 } },
      },
    });
    const run = await fixedRate({ count: 100, intervalMs: 10, maxMs: 3000, settleMs: 3000 }, (i) =>
      whatsapp.sendMessage(
        {
          headers: { 'Idempotency-Key': `msg-key-${i}` },
          body: { userId: 'usr_7f3a9c', to: '+447700900123', text: `message ${i}` },
        },
        { headers: { 'x-chaos-request': `W${i}` } },
      ),
    );
    const seen = await upstream.snapshot();
    const perRequest = byRequest(seen.attempts, 'W');
    const drained = await poolDrained(transport);
    await transport.close();

    const inconsistent = [...perRequest].filter(
      ([, l]) =>
        new Set(l.map((a) => a.idempotencyKey)).size !== 1 ||
        new Set(l.flatMap((a) => (a.body === undefined ? [] : [a.body]))).size > 1,
    );
    const keys = [...perRequest.values()].map((l) => l[0]?.idempotencyKey);
    const deliveredTwice = [...perRequest.values()].filter(
      (l) => l.filter((a) => a.deliveredAt !== undefined).length > 1,
    ).length;
    const accepted = run.records.filter((r) => r.result?.ok).length;
    const deduplicated = run.records.filter(
      (r) => r.result?.ok === true && (r.result.value as { deduplicated?: boolean }).deduplicated === true,
    ).length;
    console.log(
      [
        `[chaos sendMessage] seed=${CHAOS_SEED + 1}: ${run.records.length} POSTs with Idempotency-Key, ${seen.attempts.filter((a) => a.requestId?.startsWith('W')).length} upstream attempts, faults ${JSON.stringify(tally([...perRequest.values()].flatMap((l) => l.map((a) => a.fault))))}`,
        `  requests whose body reached the upstream more than once: ${deliveredTwice}; calls answered from the key (deduplicated): ${deduplicated}; messages really sent ${seen.messagesSent} (one per key) for ${run.records.length} calls, ${accepted} accepted`,
        `  results ${JSON.stringify(tally(run.records.map((r) => (r.result?.ok ? 'ok' : (r.result?.error.code ?? 'none')))))}; pool once idle ${JSON.stringify(drained)}`,
      ].join('\n'),
    );
    expect(run.unsettled).toBe(0);
    expect(run.rejected).toBe(0);
    expect(inconsistent, 'retries that changed the key or the body').toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      deliveredTwice,
      'the test should have produced re-deliveries for the key to absorb',
    ).toBeGreaterThan(0);
    expect(deduplicated, 'retries after a delivered request should be answered from the key').toBeGreaterThan(
      0,
    );
    expect(seen.messagesSent).toBeLessThanOrEqual(run.records.length);
    expect(seen.messagesSent).toBeGreaterThanOrEqual(accepted);
    expect(drained).toEqual({ connected: 0, free: 0, pending: 0, running: 0 });
  });
});
