import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { HandlerReply, RouteTable } from '../../../lib/server/index.js';
import { registerRoutes, respond } from '../../../lib/server/index.js';

// The compile-time side of `respond()` (undeclared status, wrong body, excess property, each at the
// `return`) is pinned in test/unit/codegen/type-errors.test.ts; this is what it puts on the wire.

const table: RouteTable = {
  answer: {
    operationId: 'answer',
    method: 'GET',
    url: '/answer/:kind',
    path: '/answer/{kind}',
    security: [],
    schema: {},
  },
};

describe('respond()', () => {
  it('builds the status and body, and headers only when given', () => {
    const plain: HandlerReply = respond(200, { a: 1 });
    expect(plain).toEqual({ status: 200, body: { a: 1 } });
    expect(Object.keys(plain)).toEqual(['status', 'body']);
    expect(respond(204) satisfies HandlerReply).toEqual({ status: 204, body: undefined });
    expect(respond(503, { error: 'busy' }, { 'retry-after': '1' }) satisfies HandlerReply).toEqual({
      status: 503,
      body: { error: 'busy' },
      headers: { 'retry-after': '1' },
    });
  });

  it('is sent as built, synchronously or from an async handler', async () => {
    const app = Fastify({ logger: false });
    registerRoutes(app, 'test', table, {
      handlers: {
        answer: async ({ params }: { params: { kind: string } }): Promise<HandlerReply> =>
          params.kind === 'empty'
            ? respond(204, undefined, { 'x-kind': 'empty' })
            : respond(200, { kind: params.kind }),
      },
    });
    try {
      const full = await app.inject({ url: '/answer/full' });
      expect([full.statusCode, full.json()]).toEqual([200, { kind: 'full' }]);
      const empty = await app.inject({ url: '/answer/empty' });
      expect([empty.statusCode, empty.body, empty.headers['x-kind']]).toEqual([204, '', 'empty']);
    } finally {
      await app.close();
    }
  });
});
