import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotionServiceClient,
  type NotionServiceHandlers,
  notionServiceDocument,
  notionServiceRoutesPlugin,
} from '../../../generated/index.js';
import { currentContext } from '../../../lib/context/request-context.js';
import { createServiceApp, internalAuthenticator, respond } from '../../../lib/server/index.js';

const TOKEN = 'T0k3n-for-service-app-tests-0123456789';
let ready = true;
const contexts: { correlationId?: string; deadline?: number; hasSignal: boolean }[] = [];

const handlers: NotionServiceHandlers = {
  getNotionContext: ({ params }) => {
    const c = currentContext();
    contexts.push({
      correlationId: c?.correlationId,
      deadline: c?.deadline,
      hasSignal: c?.signal !== undefined,
    } as never);
    if (params.userId === 'boom') throw new Error('secret internal detail');
    return respond(200, { connected: false, token: null });
  },
  connectNotion: () => respond(204),
  disconnectNotion: () => respond(204),
};

let app: FastifyInstance;
const auth = { 'x-internal-auth': TOKEN };

beforeAll(async () => {
  app = await createServiceApp({
    name: 'notion-service',
    routes: notionServiceRoutesPlugin,
    handlers,
    authenticate: { InternalAuth: internalAuthenticator([TOKEN]) },
    document: notionServiceDocument,
    readiness: { store: () => ready },
    bodyLimit: { connectNotion: 300 },
    logger: false,
  });
});
afterAll(() => app.close());

describe('createServiceApp', () => {
  it('echoes a sane correlation ID and puts it, a deadline and a signal in the request context', async () => {
    const before = Date.now();
    const res = await app.inject({
      url: '/internal/notion/users/u1/context',
      headers: { ...auth, 'x-correlation-id': 'abc-123', 'x-deadline-ms': '2000' },
    });
    const after = Date.now();
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('abc-123');
    const c = contexts.at(-1);
    expect(c?.correlationId).toBe('abc-123');
    expect(c?.hasSignal).toBe(true);
    // 2000 ms from the moment the request arrived, which lies between `before` and `after`.
    expect(c?.deadline).toBeTypeOf('number');
    expect(c?.deadline).toBeGreaterThanOrEqual(before + 2000);
    expect(c?.deadline).toBeLessThanOrEqual(after + 2000);
  });

  it('replaces an insane correlation ID with a fresh one', async () => {
    const res = await app.inject({
      url: '/internal/notion/users/u1/context',
      headers: { ...auth, 'x-correlation-id': 'bad id with spaces' },
    });
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f]{16}-[0-9a-z]+$/);
  });

  it('answers 503 at once when the propagated budget is spent', async () => {
    const res = await app.inject({
      url: '/internal/notion/users/u1/context',
      headers: { ...auth, 'x-deadline-ms': '1' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: 'Deadline exceeded before the request started',
      code: 'DEADLINE_EXCEEDED',
    });
  });

  it('answers 500 with a generic message, never the error detail', async () => {
    const res = await app.inject({ url: '/internal/notion/users/boom/context', headers: auth });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toEqual({ error: 'Internal Server Error', code: 'INTERNAL' });
  });

  it('answers 400 in the Error shape for invalid input and 404 for unknown routes', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/internal/notion/users/u1/connection',
      headers: auth,
      payload: { token: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('BAD_REQUEST');
    const missing = await app.inject({ url: '/nope', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('rejects __proto__ and constructor.prototype bodies with 400, never 500', async () => {
    for (const payload of [
      '{"token":"t","__proto__":{"x":1}}',
      '{"token":"t","constructor":{"prototype":{"x":1}}}',
    ]) {
      const res = await app.inject({
        method: 'PUT',
        url: '/internal/notion/users/u1/connection',
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it('answers 413 above the per-route body limit', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/internal/notion/users/u1/connection',
      headers: auth,
      payload: { token: 'x'.repeat(400) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves /health, and /ready from its checks', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    ready = false;
    const down = await app.inject({ url: '/ready' });
    ready = true;
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', failing: ['store'] });
  });

  it('serves the spec itself at /docs/json and Swagger UI at /docs', async () => {
    const json = await app.inject({ url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toContain('/internal/notion/users/{userId}/context');
    const ui = await app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('works with the generated client over real HTTP', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = createNotionServiceClient({ baseUrl: url, credentials: { InternalAuth: TOKEN } });
    const r = await client.getNotionContext({ path: { userId: 'u1' } });
    expect(r.ok && r.value).toEqual({ connected: false, token: null });
  });
});
