import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Authenticator,
  createServiceApp,
  type HandlerRequest,
  type RouteTable,
  registerRoutes,
} from '../../../lib/server/index.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';

// Two operations with an x-rate-limit, as the generated route table carries it: one counted per calling host,
// one per authenticated user (the principal the authenticator returns from the `x-user` header here).
const table: RouteTable = {
  ping: {
    operationId: 'ping',
    method: 'GET',
    url: '/ping',
    path: '/ping',
    security: [],
    schema: {},
    rateLimit: { max: 2, windowMs: 60_000, per: 'caller' },
  },
  mine: {
    operationId: 'mine',
    method: 'GET',
    url: '/mine',
    path: '/mine',
    security: [['UserAuth']],
    schema: {},
    rateLimit: { max: 1, windowMs: 60_000, per: 'user' },
  },
};

const userAuth: Authenticator = (request) => {
  const user = request.headers['x-user'];
  return typeof user === 'string'
    ? { ok: true, principal: { userId: user } }
    : { ok: false, status: 401, body: { error: 'Unauthorized' } };
};

function buildApp(redis?: Redis): Promise<FastifyInstance> {
  return createServiceApp({
    name: 'limited-service',
    routes: async (app, options) => registerRoutes(app, 'limited-service', table, options),
    handlers: {
      ping: (_request: HandlerRequest) => ({ status: 200, body: { ok: true } }),
      mine: (_request: HandlerRequest) => ({ status: 200, body: { ok: true } }),
    },
    authenticate: { UserAuth: userAuth },
    logger: false,
    ...(redis === undefined ? {} : { rateLimit: { redis } }),
  });
}

let server: RedisServer;
let redis: Redis;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  redis.disconnect();
  await server.stop();
});

async function started(shared?: Redis): Promise<FastifyInstance> {
  const app = await buildApp(shared);
  apps.push(app);
  await app.ready();
  return app;
}

describe('x-rate-limit', () => {
  it('counts across replicas on one Redis: the third call, on the other replica, gets 429 with Retry-After', async () => {
    const [a, b] = [await started(redis), await started(redis)];
    expect((await a.inject({ url: '/ping' })).statusCode).toBe(200);
    expect((await b.inject({ url: '/ping' })).statusCode).toBe(200);
    const refused = await a.inject({ url: '/ping' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: expect.stringContaining('Rate limit of 2'),
      code: 'RATE_LIMITED',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await redis.keys('switchboard-rate-limit:limited-service:*')).not.toEqual([]);
  });

  it('counts each replica alone without Redis', async () => {
    const [a, b] = [await started(), await started()];
    for (const app of [a, a, b, b]) expect((await app.inject({ url: '/ping' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/ping' })).statusCode).toBe(429);
  });

  it('counts per user after authentication, not per host', async () => {
    const app = await started();
    const as = (user: string | undefined) =>
      app.inject({ url: '/mine', headers: user === undefined ? {} : { 'x-user': user } });
    expect((await as('ada')).statusCode).toBe(200);
    expect((await as('ada')).statusCode).toBe(429);
    expect((await as('grace')).statusCode).toBe(200);
    // Refused by authentication first: an unauthenticated request spends nobody's allowance.
    expect((await as(undefined)).statusCode).toBe(401);
    expect((await as('linus')).statusCode).toBe(200);
  });

  it('lets requests through when Redis fails rather than refusing them', async () => {
    const broken = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    broken.on('error', () => {});
    const app = await started(broken);
    for (let i = 0; i < 4; i++) expect((await app.inject({ url: '/ping' })).statusCode).toBe(200);
    broken.disconnect();
  });
});
