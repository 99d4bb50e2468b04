import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotionApp } from '../../../services/notion-service/app.js';
import type { ConnectionStore } from '../../../services/notion-service/store/connection-store.js';
import { memoryConnectionStore } from '../../../services/notion-service/store/memory-connection-store.js';
import { redisConnectionStore } from '../../../services/notion-service/store/redis-connection-store.js';
import { createRedis, redisReady } from '../../../services/shared/redis-client.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { REDIS_COMMAND_TIMEOUT_MS, SCHEDULING_ALLOWANCE_MS } from '../../helpers/timing.js';

const TOKEN = 'notion-tests-internal-token-0123456789ab';
const ROTATED_OUT = 'notion-tests-old-token-zyxwvutsrqponmlkj';
const auth = { 'x-internal-auth': TOKEN };

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis();
  redis = createRedis(server.url);
  expect(await redisReady(redis)).toBe(true);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const stores: [string, () => ConnectionStore][] = [
  ['memory', memoryConnectionStore],
  ['redis', () => redisConnectionStore(redis)],
];

describe.each(stores)('notion-service with the %s store', (_name, makeStore) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildNotionApp({ store: makeStore(), internalTokens: [TOKEN], logger: false });
  });
  afterAll(() => app?.close());
  const url = '/internal/notion/users/usr_n1';

  it('connects, reads the context, disconnects (idempotently)', async () => {
    expect((await app.inject({ url: `${url}/context`, headers: auth })).json()).toEqual({
      connected: false,
      token: null,
    });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `${url}/connection`,
          headers: auth,
          payload: { token: 'secret_abc' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: `${url}/context`, headers: auth })).json()).toEqual({
      connected: true,
      token: 'secret_abc',
    });
    for (let i = 0; i < 2; i++)
      expect(
        (await app.inject({ method: 'DELETE', url: `${url}/connection`, headers: auth })).statusCode,
      ).toBe(204);
    expect((await app.inject({ url: `${url}/context`, headers: auth })).json()).toEqual({
      connected: false,
      token: null,
    });
  });

  it.each([
    ['missing', {}],
    ['wrong', { 'x-internal-auth': `${TOKEN.slice(0, -1)}x` }],
    ['odd length', { 'x-internal-auth': `${TOKEN}!` }],
    ['rotated out', { 'x-internal-auth': ROTATED_OUT }],
  ])('answers 401 for a %s internal token on every route', async (_label, headers) => {
    for (const [method, path] of [
      ['GET', `${url}/context`],
      ['PUT', `${url}/connection`],
      ['DELETE', `${url}/connection`],
    ] as const) {
      const res = await app.inject({
        method,
        url: path,
        headers,
        ...(method === 'PUT' ? { payload: { token: 't' } } : {}),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'Unauthorized' });
    }
  });

  it('answers 400 for a bad user id or body', async () => {
    expect(
      (await app.inject({ url: '/internal/notion/users/bad%20id/context', headers: auth })).statusCode,
    ).toBe(400);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `${url}/connection`,
          headers: auth,
          payload: { token: 'x', extra: 1 },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('notion-service when Redis goes away', () => {
  it('answers 503 within the Redis command timeout while Redis is stopped, then recovers', async () => {
    const client = createRedis(server.url);
    expect(await redisReady(client)).toBe(true);
    const app = await buildNotionApp({
      store: redisConnectionStore(client),
      internalTokens: [TOKEN],
      logger: false,
    });
    let reconnected = false;
    try {
      // Served from Redis first, which also pays the new app's one-off first-request cost before the timing.
      const up = await app.inject({ url: '/internal/notion/users/usr_n2/context', headers: auth });
      expect(up.statusCode).toBe(200);
      await server.stop();
      const started = performance.now();
      const down = await app.inject({ url: '/internal/notion/users/usr_n2/context', headers: auth });
      expect(down.statusCode).toBe(503);
      expect(performance.now() - started).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + SCHEDULING_ALLOWANCE_MS);
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(503);
      await server.restart();
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        status = (await app.inject({ url: '/internal/notion/users/usr_n2/context', headers: auth }))
          .statusCode;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
      client.disconnect();
      // The shared client must be back before anything else uses it.
      reconnected = await redisReady(redis);
    }
    expect(reconnected).toBe(true);
  });
});
