import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentContext } from '../../../lib/context/request-context.js';
import { requestContextPlugin } from '../../../lib/server/index.js';

/** How each request's signal ended, by correlation ID. */
const outcomes = new Map<string, { reason: string; afterMs: number } | 'not aborted'>();
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = Fastify({ logger: false });
  await app.register(requestContextPlugin, {});
  // Reads the signal (first read arms it) after `readAfterMs`, then waits up to `waitMs` for it to abort.
  app.get<{ Querystring: { readAfterMs?: string; waitMs?: string } }>('/wait', async (request) => {
    const started = Date.now();
    const context = currentContext();
    if (context === undefined) throw new Error('no context');
    await new Promise((resolve) => setTimeout(resolve, Number(request.query.readAfterMs ?? 0)));
    const signal = context.signal as AbortSignal;
    const reason = await new Promise<string | undefined>((resolve) => {
      if (signal.aborted) return resolve(String((signal.reason as Error).message));
      const timer = setTimeout(() => resolve(undefined), Number(request.query.waitMs ?? 2000));
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve(String((signal.reason as Error).message));
      });
    });
    outcomes.set(
      context.correlationId,
      reason === undefined ? 'not aborted' : { reason, afterMs: Date.now() - started },
    );
    return { reason: reason ?? null };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => app.close());

const until = async (id: string) => {
  for (let i = 0; i < 300 && !outcomes.has(id); i++) await new Promise((r) => setTimeout(r, 10));
  return outcomes.get(id);
};

describe('the request context signal (made when first read)', () => {
  it('aborts at the propagated deadline', async () => {
    const res = await fetch(`${base}/wait`, {
      headers: { 'x-deadline-ms': '150', 'x-correlation-id': 'dl-1' },
    });
    expect(await res.json()).toEqual({ reason: 'deadline exceeded' });
    const outcome = await until('dl-1');
    expect(outcome).toMatchObject({ reason: 'deadline exceeded' });
    expect((outcome as { afterMs: number }).afterMs).toBeGreaterThanOrEqual(100);
  });

  it('is already aborted when first read after the deadline passed', async () => {
    const res = await fetch(`${base}/wait?readAfterMs=120`, {
      headers: { 'x-deadline-ms': '50', 'x-correlation-id': 'dl-2' },
    });
    expect(await res.json()).toEqual({ reason: 'deadline exceeded' });
  });

  /** Sends a request to `path` and drops the connection 100 ms later, before the answer. */
  async function abandon(path: string, correlationId: string): Promise<void> {
    const req = httpRequest(`${base}${path}`, { headers: { 'x-correlation-id': correlationId } });
    req.on('error', () => {});
    req.end();
    await new Promise((r) => setTimeout(r, 100));
    req.destroy();
  }

  it('aborts when the client goes away before the answer', async () => {
    await abandon('/wait?waitMs=3000', 'gone-1');
    const outcome = await until('gone-1');
    expect(outcome).toMatchObject({ reason: 'client closed the request' });
    expect((outcome as { afterMs: number }).afterMs).toBeLessThan(1000);
  });

  it('is already aborted when first read after the client went away', async () => {
    await abandon('/wait?readAfterMs=300&waitMs=3000', 'gone-2');
    const outcome = await until('gone-2');
    expect(outcome).toMatchObject({ reason: 'client closed the request' });
    expect((outcome as { afterMs: number }).afterMs).toBeLessThan(1000);
  });

  it('does not abort a request that is answered in time', async () => {
    const res = await fetch(`${base}/wait?waitMs=100`, { headers: { 'x-correlation-id': 'ok-1' } });
    expect(await res.json()).toEqual({ reason: null });
    expect(await until('ok-1')).toBe('not aborted');
  });
});

describe('a signal first read after the answer', () => {
  // The default budget (30 s) keeps a leaked timer from showing up as an abort within the test: only
  // watching the read itself can see it.
  it.each([
    ['a 30 ms deadline', { 'x-deadline-ms': '30' }],
    ['the default budget', {}],
  ])('never aborts and leaves no timer behind, with %s', async (_name, headers) => {
    const leaf = Fastify({ logger: false });
    await leaf.register(requestContextPlugin, {});
    let context: { signal?: AbortSignal | undefined } | undefined;
    leaf.get('/', async (request) => {
      context = request.context;
      return { ok: true };
    });
    try {
      const res = await leaf.inject({ url: '/', headers });
      expect(res.statusCode).toBe(200);
      const timers = vi.spyOn(globalThis, 'setTimeout');
      let signal: AbortSignal | undefined;
      let armed: unknown[][];
      try {
        signal = context?.signal;
        armed = [...timers.mock.calls];
      } finally {
        timers.mockRestore();
      }
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(armed).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(signal?.aborted).toBe(false);
    } finally {
      await leaf.close();
    }
  });
});

describe('propagate: false (a leaf service)', () => {
  it('keeps the context on the request and out of AsyncLocalStorage; the default puts it in both', async () => {
    const seenBy = async (propagate: boolean | undefined) => {
      const leaf = Fastify({ logger: false });
      await leaf.register(requestContextPlugin, propagate === undefined ? {} : { propagate });
      leaf.get('/', async (request, reply) => {
        await new Promise((resolve) => setImmediate(resolve));
        return reply.send({
          inStorage: currentContext()?.correlationId ?? null,
          onRequest: request.context.correlationId,
        });
      });
      const res = await leaf.inject({ url: '/', headers: { 'x-correlation-id': 'leaf-1' } });
      await leaf.close();
      return res.json();
    };
    expect(await seenBy(false)).toEqual({ inStorage: null, onRequest: 'leaf-1' });
    expect(await seenBy(undefined)).toEqual({ inStorage: 'leaf-1', onRequest: 'leaf-1' });
  });
});
