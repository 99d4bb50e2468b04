import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNotionServiceClient, createUserServiceClient } from '../../../generated/index.js';
import { createResilientPolicy } from '../../../lib/client/index.js';
import { fakeUpstream, type Step } from './fake-upstream.js';

const baseUrl = 'http://127.0.0.1:9';
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const notion = (steps: Step[], extra: object = {}) => {
  const up = fakeUpstream(steps);
  return { up, client: createNotionServiceClient({ baseUrl, fetch: up.fetch, resilience: fast, ...extra }) };
};
const get = (client: ReturnType<typeof notion>['client'], options = {}) =>
  client.getNotionContext({ path: { userId: 'u1' } }, options);

afterEach(() => vi.useRealTimers());

describe('retry', () => {
  it('retries an idempotent GET on 503 and 502 until it succeeds, and counts the attempts of a failure', async () => {
    const { up, client } = notion([503, 502, 200]);
    const r = await get(client);
    expect(r.ok && r.status).toBe(200);
    expect(up.requests).toHaveLength(3);
    const failing = notion([503, 502, 503]);
    const f = await get(failing.client);
    expect(!f.ok && [f.error.status, f.error.attempts]).toEqual([503, 3]);
    expect(failing.up.requests).toHaveLength(3);
  });

  it('stops at maxAttempts and returns the last documented error with its attempts', async () => {
    const { up, client } = notion([503]);
    const r = await get(client, { maxAttempts: 2 });
    expect(!r.ok && r.error.status).toBe(503);
    expect(!r.ok && r.error.attempts).toBe(2);
    expect(up.requests).toHaveLength(2);
  });

  it('never retries other 4xx', async () => {
    const { up, client } = notion([401, 200]);
    const r = await get(client);
    expect(!r.ok && r.error.code).toBe('UNAUTHORIZED');
    expect(up.requests).toHaveLength(1);
  });

  it('does not retry a non-idempotent POST after a response or a reset, only when the connection was refused', async () => {
    const input = { body: { email: 'a@example.com', displayName: 'A' } };
    for (const [steps, calls] of [
      [[503, 201], 1],
      [['reset', 201], 1],
      [['refused', 201], 2],
    ] as const) {
      const up = fakeUpstream([...steps]);
      const users = createUserServiceClient({ baseUrl, fetch: up.fetch, resilience: fast });
      await users.createUser(input, { credentials: { BearerAuth: 't' } });
      expect(up.requests).toHaveLength(calls);
    }
  });

  it('treats a POST with an Idempotency-Key as idempotent', async () => {
    const up = fakeUpstream([503, 201]);
    const users = createUserServiceClient({ baseUrl, fetch: up.fetch, resilience: fast });
    await users.createUser(
      { body: { email: 'a@example.com', displayName: 'A' } },
      { headers: { 'Idempotency-Key': 'k-000001' } },
    );
    expect(up.requests).toHaveLength(2);
  });

  it('sends the same correlation ID on every attempt', async () => {
    const { up, client } = notion([503, 503, 200]);
    await get(client);
    const ids = new Set(up.requests.map((r) => r.headers.get('x-correlation-id')));
    expect(ids.size).toBe(1);
  });

  it('waits at least Retry-After, and fails at once when it exceeds the remaining deadline', async () => {
    const { up, client } = notion([{ status: 503, headers: { 'retry-after': '1' } }, 200]);
    const started = Date.now();
    expect((await get(client)).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(up.requests).toHaveLength(2);
    const late = notion([{ status: 503, headers: { 'retry-after': '5' } }, 200]);
    const t0 = Date.now();
    const r = await get(late.client, { deadline: Date.now() + 500 });
    expect(!r.ok && r.error.code).toBe('DEADLINE_EXCEEDED');
    expect(Date.now() - t0).toBeLessThan(450); // well before the 500 ms deadline: it did not wait
    expect(late.up.requests).toHaveLength(1);
  });

  it('reports RETRY_BUDGET_EXHAUSTED when the budget is spent on transport failures', async () => {
    // A reserve of one retry per window and no share of traffic: the first call spends it.
    const { up, client } = notion(['reset'], {
      resilience: {
        ...fast,
        breaker: false,
        retry: { ...fast.retry, budget: { ratio: 0, minRetriesPerSecond: 0.1, windowMs: 10_000 } },
      },
    });
    const first = await get(client);
    expect(!first.ok && [first.error.code, first.error.attempts]).toEqual(['RETRY_BUDGET_EXHAUSTED', 2]);
    const second = await get(client);
    expect(!second.ok && [second.error.code, second.error.attempts]).toEqual(['RETRY_BUDGET_EXHAUSTED', 1]);
    expect(up.requests).toHaveLength(3);
  });
});

describe('timeouts and deadlines', () => {
  it('aborts a hanging attempt at its timeout and reports TIMEOUT after the retries', async () => {
    const { up, client } = notion(['hang']);
    const r = await get(client, { timeoutMs: 30, maxAttempts: 2 });
    expect(!r.ok && r.error.code).toBe('TIMEOUT');
    expect(up.requests.map((q) => q.signal.aborted)).toEqual([true, true]);
  });

  it('ends the whole call at its deadline, however many attempts remain', async () => {
    const { client } = notion(['hang']);
    const started = Date.now();
    const r = await get(client, { timeoutMs: 2000, deadline: Date.now() + 80 });
    expect(!r.ok && r.error.code).toBe('DEADLINE_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(1500); // the attempt timeout (2000 ms) did not decide
  });

  it('reports ABORTED when the caller aborts', async () => {
    const { client } = notion(['hang']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const r = await get(client, { signal: controller.signal });
    expect(!r.ok && r.error.code).toBe('ABORTED');
  });
});

describe('circuit breaker per downstream', () => {
  it('opens after exactly N failures, refuses while open, probes once after halfOpenAfter, closes after the success threshold', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 3, successThreshold: 2, halfOpenAfterMs: 30_000 },
      ...fast,
    });
    const up = fakeUpstream([500, 500, 500, 200, 200, 200]);
    const client = createNotionServiceClient({ baseUrl, fetch: up.fetch, policy });
    const origin = 'http://127.0.0.1:9';
    for (let i = 0; i < 3; i++) await get(client, { maxAttempts: 1 });
    expect(policy.breakerState(origin)).toBe('open');
    const refused = await get(client);
    expect(!refused.ok && refused.error.code).toBe('CIRCUIT_OPEN');
    expect(up.requests).toHaveLength(3);
    vi.setSystemTime(Date.now() + 30_001);
    expect((await get(client)).ok).toBe(true);
    expect(up.requests).toHaveLength(4);
    expect(policy.breakerState(origin)).toBe('half-open');
    expect((await get(client)).ok).toBe(true);
    expect(policy.breakerState(origin)).toBe('closed');
  });

  it('half-opens for one probe, stays on probation until the success threshold, and reopens on a failure meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 3, successThreshold: 2, halfOpenAfterMs: 1000 },
      ...fast,
    });
    const up = fakeUpstream([500, 500, 500, 200, 500, 200, 200, 200]);
    const client = createNotionServiceClient({ baseUrl, fetch: up.fetch, policy });
    const origin = 'http://127.0.0.1:9';
    const once = async () => {
      const r = await get(client, { maxAttempts: 1 });
      return `${r.ok ? 'ok' : r.error.code}/${policy.breakerState(origin)}`;
    };
    for (let i = 0; i < 3; i++) await once();
    expect(policy.breakerState(origin)).toBe('open');
    vi.setSystemTime(Date.now() + 1000);
    expect(await once()).toBe('ok/half-open');
    expect(up.requests).toHaveLength(4);
    // One failure on probation reopens it, though it is below the failure threshold of 3.
    expect(await once()).toBe('DOWNSTREAM_ERROR/open');
    expect(await once()).toBe('CIRCUIT_OPEN/open');
    expect(up.requests).toHaveLength(5);
    vi.setSystemTime(Date.now() + 2000);
    expect([await once(), await once(), await once()]).toEqual(['ok/half-open', 'ok/closed', 'ok/closed']);
    expect(up.requests).toHaveLength(8);
  });

  it('waits 1 s before the first probe, doubles the wait after each failed probe up to halfOpenAfterMs, and starts again at 1 s once closed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 1, successThreshold: 1, halfOpenAfterMs: 5000 },
      ...fast,
    });
    let status = 500;
    const up = fakeUpstream([]);
    const fetch = (request: Request) => {
      up.requests.push(request);
      return Promise.resolve(new Response('{}', { status, headers: { 'content-type': 'application/json' } }));
    };
    const client = createNotionServiceClient({ baseUrl, fetch, policy });
    const origin = 'http://127.0.0.1:9';
    const started = Date.now();
    const probesAt: number[] = [];
    // One call every 100 ms for 25 s of (fake) time, all failing: record when a request really leaves.
    for (let t = 0; t <= 25_000; t += 100) {
      vi.setSystemTime(started + t);
      const before = up.requests.length;
      await get(client, { maxAttempts: 1 });
      if (up.requests.length > before) probesAt.push(t);
    }
    // Opened at 0; probes 1, 2, 4 s after each failure, then the 5 s cap.
    expect(probesAt).toEqual([0, 1000, 3000, 7000, 12_000, 17_000, 22_000]);
    status = 200;
    vi.setSystemTime(started + 27_000);
    expect((await get(client, { maxAttempts: 1 })).ok).toBe(true);
    expect(policy.breakerState(origin)).toBe('closed');
    status = 500;
    await get(client, { maxAttempts: 1 });
    expect(policy.breakerState(origin)).toBe('open');
    vi.setSystemTime(started + 27_999);
    expect(!(await get(client)).ok && policy.breakerState(origin)).toBe('open');
    const sent = up.requests.length;
    vi.setSystemTime(started + 28_000);
    await get(client, { maxAttempts: 1 });
    expect(up.requests).toHaveLength(sent + 1);
  });

  it('keeps the circuit from closing when the caller aborts its half-open probe, and lets the next call probe', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 1, successThreshold: 1, halfOpenAfterMs: 1000 },
      ...fast,
    });
    const up = fakeUpstream([500, 'hang', 500, 200]);
    const client = createNotionServiceClient({ baseUrl, fetch: up.fetch, policy });
    const origin = 'http://127.0.0.1:9';
    await get(client, { maxAttempts: 1 });
    vi.setSystemTime(Date.now() + 1000);
    const controller = new AbortController();
    const probe = get(client, { maxAttempts: 1, signal: controller.signal });
    await vi.waitFor(() => expect(up.requests).toHaveLength(2));
    controller.abort();
    const aborted = await probe;
    expect(!aborted.ok && aborted.error.code).toBe('ABORTED');
    expect(policy.breakerState(origin)).toBe('open');
    // No verdict from the aborted probe: the next call probes at once, and its failure reopens the circuit.
    expect((await get(client, { maxAttempts: 1 })).ok).toBe(false);
    expect(up.requests).toHaveLength(3);
    expect(policy.breakerState(origin)).toBe('open');
    expect(!(await get(client)).ok && up.requests.length).toBe(3);
  });

  it('counts attempts a deadline cut after half their timeout, so a hanging downstream still opens it', async () => {
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 3, successThreshold: 1, halfOpenAfterMs: 60_000 },
      ...fast,
    });
    const up = fakeUpstream(['hang']);
    const client = createNotionServiceClient({ baseUrl, fetch: up.fetch, policy });
    for (let i = 0; i < 3; i++) {
      const r = await get(client, { timeoutMs: 300, deadline: Date.now() + 200 });
      expect(!r.ok && r.error.code).toBe('DEADLINE_EXCEEDED');
    }
    expect(policy.breakerState('http://127.0.0.1:9')).toBe('open');
    const r = await get(client, { timeoutMs: 300, deadline: Date.now() + 200 });
    expect(!r.ok && r.error.code).toBe('CIRCUIT_OPEN');
    expect(up.requests).toHaveLength(3);
  });

  it('does not count 4xx answers as downstream failures', async () => {
    const policy = createResilientPolicy({
      breaker: { mode: 'consecutive', failureThreshold: 2, successThreshold: 1, halfOpenAfterMs: 1000 },
      ...fast,
    });
    const client = createNotionServiceClient({ baseUrl, fetch: fakeUpstream([404]).fetch, policy });
    for (let i = 0; i < 5; i++) await get(client);
    expect(policy.breakerState('http://127.0.0.1:9')).toBe('closed');
  });
});

describe('options are checked once, at construction', () => {
  it.each([
    [{ timeoutMs: 30_000 }, /timeoutMs \(30000 ms\) must be below the total deadline/],
    [{ timeoutMs: 500, resilience: { deadlineMs: 400 } }, /must be below the total deadline/],
    [{ maxAttempts: 0 }, /maxAttempts must be an integer from 1 to 10/],
    [{ operations: { nope: { timeoutMs: 5 } } }, /operations.nope names no operation/],
    [{ resilience: { retry: { maxDelayMs: 10, baseDelayMs: 50 } } }, /retry.maxDelayMs must be between 50/],
    [
      { resilience: { breaker: { mode: 'consecutive' as const, failureThreshold: 0 } } },
      /breaker.failureThreshold/,
    ],
    [{ baseUrl: 'ftp://x' }, /baseUrl must be an http\(s\) URL/],
  ])('%j is refused', (options, message) => {
    expect(() => createNotionServiceClient({ baseUrl, ...options })).toThrow(message);
  });
});
