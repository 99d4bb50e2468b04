import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthDecision, Authenticator, RouteTable } from '../../../lib/server/index.js';
import { registerRoutes } from '../../../lib/server/index.js';

const REFUSED = { ok: false, status: 401, body: { error: 'Unauthorized' } } as const;

/** One GET route whose security is `(A and B) or C`, answering with the principal it was given. */
const table: RouteTable = {
  whoAmI: {
    operationId: 'whoAmI',
    method: 'GET',
    url: '/who',
    path: '/who',
    security: [['A', 'B'], ['C']],
    schema: {},
  },
  open: { operationId: 'open', method: 'GET', url: '/open', path: '/open', security: [], schema: {} },
};

/** An authenticator that passes when header `x-<name>` is `yes`, synchronously or after a tick. */
const scheme =
  (name: string, async: boolean): Authenticator =>
  (request) => {
    const decision: AuthDecision =
      request.headers[`x-${name}`] === 'yes'
        ? { ok: true, principal: name }
        : { ...REFUSED, body: { error: name } };
    return async ? new Promise((resolve) => setImmediate(() => resolve(decision))) : decision;
  };

let app: FastifyInstance | undefined;
afterEach(() => app?.close());

async function build(asyncSchemes: string): Promise<FastifyInstance> {
  app = Fastify({ logger: false });
  registerRoutes(app, 'test', table, {
    handlers: {
      whoAmI: ({ principal }: { principal: unknown }) => ({ status: 200, body: { principal } }),
      open: async ({ principal }: { principal: unknown }) => ({
        status: 200,
        body: { principal: principal ?? null },
      }),
    },
    authenticate: {
      A: scheme('a', asyncSchemes.includes('A')),
      B: scheme('b', asyncSchemes.includes('B')),
      C: scheme('c', asyncSchemes.includes('C')),
    },
  });
  await app.ready();
  return app;
}

describe('route security (alternatives of schemes, sync and async authenticators)', () => {
  for (const asyncSchemes of ['', 'A', 'B', 'AC', 'ABC']) {
    describe(`async: ${asyncSchemes || 'none'}`, () => {
      it.each([
        [{ 'x-a': 'yes', 'x-b': 'yes' }, 200, { principal: 'b' }],
        [{ 'x-c': 'yes' }, 200, { principal: 'c' }],
        [{ 'x-a': 'yes', 'x-c': 'yes' }, 200, { principal: 'c' }],
        [{ 'x-a': 'yes' }, 401, { error: 'b' }],
        [{ 'x-b': 'yes' }, 401, { error: 'a' }],
        [{}, 401, { error: 'a' }],
      ])('%o → %i %o', async (headers, status, body) => {
        const res = await (await build(asyncSchemes)).inject({ url: '/who', headers });
        expect(res.statusCode).toBe(status);
        expect(res.json()).toEqual(body);
      });
    });
  }

  it('runs an open route without any authenticator and an async handler', async () => {
    const res = await (await build('')).inject({ url: '/open' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ principal: null });
  });

  it('answers 500 (not a crash) when an authenticator throws or refuses with an invalid status', async () => {
    for (const bad of [
      () => {
        throw new Error('bug');
      },
      async () => ({ ok: false, status: 99, body: {} }) as AuthDecision,
    ]) {
      app = Fastify({ logger: false });
      registerRoutes(app, 'test', table, {
        handlers: { whoAmI: () => ({ status: 200, body: {} }), open: () => ({ status: 200, body: {} }) },
        authenticate: { A: bad, B: scheme('b', false), C: scheme('c', false) },
      });
      const res = await app.inject({ url: '/who' });
      expect(res.statusCode).toBe(500);
      await app.close();
    }
  });

  it('answers 500 (not a hang) when an authenticator rejects', async () => {
    app = Fastify({ logger: false });
    registerRoutes(app, 'test', table, {
      handlers: { whoAmI: () => ({ status: 200, body: {} }), open: () => ({ status: 200, body: {} }) },
      authenticate: {
        A: () => Promise.reject(new Error('store down')),
        B: scheme('b', false),
        C: scheme('c', false),
      },
    });
    const res = await app.inject({ url: '/who' });
    expect(res.statusCode).toBe(500);
  });
});
