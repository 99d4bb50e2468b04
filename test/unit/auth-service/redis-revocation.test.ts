import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durabilityWarnings } from '../../../services/auth-service/store/redis-durability.js';
import { redisRevocationStore } from '../../../services/auth-service/store/redis-revocation-store.js';
import { EPOCH_KEY, LOST_MARKER } from '../../../services/auth-service/store/revocation-epoch.js';
import { createRedis, redisReady } from '../../../services/shared/redis-client.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { REDIS_COMMAND_TIMEOUT_MS, SCHEDULING_ALLOWANCE_MS } from '../../helpers/timing.js';
import { ADA, authApp, INTERNAL, revoke, verify } from './auth-test-setup.js';

let server: RedisServer;
let redis: Redis;
let app: FastifyInstance;
const losses: string[] = [];

beforeAll(async () => {
  server = await startRedis();
  redis = createRedis(server.url, { name: 'auth-service-test' });
  expect(await redisReady(redis)).toBe(true);
  app = await authApp(redisRevocationStore(redis, { onLost: (message) => losses.push(message) }));
  expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
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

/** Writes `epoch` back through a client of its own, as a Redis restored from its AOF would hold it. */
async function restoreEpoch(epoch: string | null) {
  const admin = new Redis(server.url);
  try {
    if (epoch !== null) await admin.set(EPOCH_KEY, epoch);
  } finally {
    admin.disconnect();
  }
}

/** Waits (at most 5 s) until the app's client is connected to the restarted Redis. */
async function untilReconnected() {
  expect(await redisReady(redis, 5000)).toBe(true);
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
      expect(r.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + SCHEDULING_ALLOWANCE_MS);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await timedVerify(token)).status).toBe(200);
    } finally {
      admin.disconnect();
    }
  });

  it('Redis stopped mid-run gives 503s within the command timeout, then recovers after a restart', async () => {
    const { token } = await issue();
    expect((await verify(app, token)).statusCode).toBe(200);
    const epoch = await redis.get(EPOCH_KEY);
    expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
    await server.stop();
    const outage = [];
    for (let i = 0; i < 5; i++) outage.push(await timedVerify(token));
    for (const r of outage) {
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + SCHEDULING_ALLOWANCE_MS);
    }
    expect((await revoke(app, token)).statusCode).toBe(503);
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(503);

    await server.restart();
    // A Redis that kept its data (AOF) comes back with the epoch: no operator needed.
    await restoreEpoch(epoch);
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

  it('keeps a revoked token refused after Redis restarts empty: 503 and unready until acknowledged', async () => {
    const revoked = await issue();
    const other = await issue();
    expect((await revoke(app, revoked.token)).statusCode).toBe(204);
    expect(losses).toEqual([]);
    await server.stop();
    await server.restart();
    await untilReconnected();
    for (const token of [revoked.token, other.token, revoked.token]) {
      const r = await verify(app, token);
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
    }
    expect(losses).toHaveLength(1);
    expect(losses[0]).toContain('revocations lost');
    const ready = await app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', failing: ['revocations'] });
    expect(await redis.get(EPOCH_KEY)).toBe(LOST_MARKER);

    // An instance started now (or restarted) must not adopt the empty store either.
    const late = await authApp(redisRevocationStore(redis));
    try {
      expect((await verify(late, revoked.token)).statusCode).toBe(503);
      expect((await late.inject({ url: '/ready' })).statusCode).toBe(503);
      // A second restart while lost keeps it lost: the marker is written again.
      await server.stop();
      await server.restart();
      await untilReconnected();
      expect((await verify(app, revoked.token)).statusCode).toBe(503);
      expect(await redis.get(EPOCH_KEY)).toBe(LOST_MARKER);

      // The operator acknowledges (after restoring data or rotating JWT_SECRET).
      await redis.set(EPOCH_KEY, 'acknowledged');
      expect((await verify(app, other.token)).statusCode).toBe(200);
      expect((await verify(late, other.token)).statusCode).toBe(200);
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
      expect((await revoke(app, other.token)).statusCode).toBe(204);
      expect((await verify(late, other.token)).json().code).toBe('TOKEN_REVOKED');
      expect(losses).toHaveLength(1);
    } finally {
      await late.close();
    }
  });

  it('warns that a Redis without AOF and with an evicting policy can lose revocations', async () => {
    await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      expect(await durabilityWarnings(redis)).toEqual([
        'Redis appendonly is "no", not "yes": revocations may be lost',
        'Redis maxmemory-policy is "allkeys-lru", not "noeviction": revocations may be lost',
      ]);
    } finally {
      await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    }
    // AOF on: answered by a stand-in, since turning it on would write files into the working directory.
    const settings: Record<string, string> = { appendonly: 'yes', 'maxmemory-policy': 'noeviction' };
    const durable = Object.create(redis, {
      call: { value: async (_config: string, _get: string, name: string) => [name, settings[name]] },
    }) as Redis;
    expect(await durabilityWarnings(durable)).toEqual([]);
  });

  it('says it cannot check the settings when CONFIG is disabled, without failing', async () => {
    const noConfig = Object.create(redis, {
      call: { value: async () => Promise.reject(new Error("ERR unknown command 'CONFIG'")) },
    }) as Redis;
    const warnings = await durabilityWarnings(noConfig);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      `cannot read Redis appendonly (ERR unknown command 'CONFIG'): make sure it is "yes" or revocations may be lost`,
    );
  });
});
