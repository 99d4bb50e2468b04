import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisRevocationStore } from '../../../services/auth-service/store/redis-revocation-store.js';
import { createRedis, redisReady } from '../../../services/shared/redis-client.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { ADA, authApp, INTERNAL, revoke, verify } from './auth-test-setup.js';

let server: RedisServer;
let redis: Redis;
let app: FastifyInstance;

beforeAll(async () => {
  server = await startRedis();
  redis = createRedis(server.url, { name: 'auth-service-test' });
  expect(await redisReady(redis)).toBe(true);
  app = await authApp(redisRevocationStore(redis));
});
afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await server?.stop();
});

const issue = async (ttlSeconds = 600) =>
  (
    await app.inject({
      method: 'POST',
      url: '/internal/auth/tokens',
      headers: { 'x-internal-auth': INTERNAL[0] },
      payload: { ...ADA, ttlSeconds },
    })
  ).json() as { token: string; jti: string };

/** Calls `/auth/verify` and measures how long the answer took. */
async function timedVerify(token: string) {
  const started = performance.now();
  const res = await verify(app, token);
  return { status: res.statusCode, body: res.json(), ms: performance.now() - started };
}

describe('redisRevocationStore against a real redis-server', () => {
  it('stores a revocation under auth:revoked:<jti> with a TTL until exp plus the tolerance', async () => {
    const { token, jti } = await issue(120);
    expect((await verify(app, token)).statusCode).toBe(200);
    expect((await revoke(app, token)).statusCode).toBe(204);
    const ttl = await redis.ttl(`auth:revoked:${jti}`);
    expect(ttl).toBeGreaterThan(118);
    expect(ttl).toBeLessThanOrEqual(125);
    expect((await verify(app, token)).json().code).toBe('TOKEN_REVOKED');
  });

  it('lets Redis expire revocations', async () => {
    const store = redisRevocationStore(redis);
    await store.revoke('short-lived', 1);
    expect(await store.isRevoked('short-lived')).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.isRevoked('short-lived')).toBe(false);
    expect(await store.ping()).toBe(true);
  });

  it('answers 503 within the command timeout, never 200, while Redis hangs (CLIENT PAUSE)', async () => {
    const { token } = await issue();
    const admin = new Redis(server.url);
    try {
      await admin.call('CLIENT', 'PAUSE', '700', 'ALL');
      const r = await timedVerify(token);
      expect(r.status).toBe(503);
      expect(r.ms).toBeLessThan(1000);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await timedVerify(token)).status).toBe(200);
    } finally {
      admin.disconnect();
    }
  });

  it('Redis stopped mid-run gives 503s within ~300 ms, then recovers after a restart', async () => {
    const { token } = await issue();
    expect((await verify(app, token)).statusCode).toBe(200);
    await server.stop();
    const outage = [];
    for (let i = 0; i < 5; i++) outage.push(await timedVerify(token));
    for (const r of outage) {
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(1000);
    }
    expect((await revoke(app, token)).statusCode).toBe(503);
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(503);

    await server.restart();
    let recovered: Awaited<ReturnType<typeof timedVerify>> | undefined;
    for (let i = 0; i < 50 && recovered?.status !== 200; i++) {
      recovered = await timedVerify(token);
      if (recovered.status !== 200) {
        expect(recovered.status).toBe(503);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(recovered?.status).toBe(200);
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    expect((await revoke(app, token)).statusCode).toBe(204);
    expect((await verify(app, token)).json().code).toBe('TOKEN_REVOKED');
  });
});
