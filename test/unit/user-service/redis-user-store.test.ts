import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, redisReady } from '../../../services/shared/redis-client.js';
import { redisUserStore } from '../../../services/user-service/store/redis-user-store.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { REDIS_COMMAND_TIMEOUT_MS, SCHEDULING_ALLOWANCE_MS } from '../../helpers/timing.js';
import { type FakeAuthService, startFakeAuthService } from './fake-auth-service.js';
import { ADA, ADA_TOKEN, bearer, buildTestApp, internal } from './user-app.js';
import { userStoreContract } from './user-store-contract.js';

let server: RedisServer;
let redis: Redis;
let auth: FakeAuthService;

beforeAll(async () => {
  [server, auth] = await Promise.all([startRedis(), startFakeAuthService()]);
  auth.tokens.set(ADA_TOKEN, ADA);
  redis = createRedis(server.url);
  expect(await redisReady(redis)).toBe(true);
});
afterAll(async () => {
  redis?.disconnect();
  await Promise.all([server?.stop(), auth?.close()]);
});

describe('redisUserStore against a real redis-server', () => {
  userStoreContract(() => redisUserStore(redis));

  it('keeps one hash per user', async () => {
    await redisUserStore(redis).create({
      id: 'usr_h',
      email: 'h@example.com',
      displayName: 'H',
      tenantId: 't',
      createdAt: '2025-06-01T12:00:00.000Z',
    });
    expect(await redis.type('user:usr_h')).toBe('hash');
    expect(await redis.get('user-email:h@example.com')).toBe('usr_h');
  });
});

describe('user-service on Redis', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(auth.url, redisUserStore(redis));
  });
  afterAll(() => app?.close());

  const keys = () => app.inject({ url: '/internal/users/usr_ada/llm-keys', headers: internal });

  it('serves every route from Redis, answers 503 within the command timeout while it is down, recovers', async () => {
    const create = () =>
      app.inject({
        method: 'POST',
        url: '/users',
        headers: bearer(ADA_TOKEN),
        payload: { email: 'ada@example.com', displayName: 'Ada' },
      });
    expect((await create()).statusCode).toBe(201);
    const put = (apiKey: string) =>
      app.inject({
        method: 'PUT',
        url: '/users/usr_ada/llm-keys/google',
        headers: bearer(ADA_TOKEN),
        payload: { apiKey },
      });
    expect((await put('AIza-google-key-1')).statusCode).toBe(204);
    expect((await keys()).json()).toEqual({ google: 'AIza-google-key-1', openai: null, anthropic: null });
    const stored = JSON.stringify(await redis.hgetall('user:usr_ada'));
    expect(stored).toContain('llm:google');
    expect(stored).not.toContain('AIza-google-key-1');
    expect(stored).not.toContain(Buffer.from('AIza-google-key-1').toString('base64'));

    await server.stop();
    for (const request of [
      () => keys(),
      () => put('AIza-google-key-2'),
      () =>
        app.inject({
          method: 'POST',
          url: '/internal/users/usr_ada/llm-keys/google/last-used',
          headers: internal,
        }),
      () => app.inject({ url: '/internal/users/usr_ada/oauth/google/token', headers: internal }),
    ]) {
      const started = performance.now();
      const res = await request();
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
      expect(ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + SCHEDULING_ALLOWANCE_MS);
    }
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(503);

    await server.restart();
    // redis-server runs without persistence: the restarted server is empty, so Ada signs up again.
    let status = 0;
    for (let i = 0; i < 40 && status !== 201; i++) {
      status = (await create()).statusCode;
      if (status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(201);
    expect((await put('AIza-google-key-2')).statusCode).toBe(204);
    expect((await keys()).json().google).toBe('AIza-google-key-2');
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
  });
});
