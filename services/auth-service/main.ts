import { runService } from 'switchboard/server';
import { createRedis, redisReady } from '../shared/redis-client.js';
import { startTelemetry } from '../shared/telemetry.js';
import { buildAuthApp } from './app.js';
import { readAuthConfig } from './config.js';
import { memoryRevocationStore } from './store/memory-revocation-store.js';
import { redisRevocationStore } from './store/redis-revocation-store.js';

await runService('auth-service', async () => {
  const telemetry = startTelemetry('auth-service');
  const config = readAuthConfig();
  const redis =
    config.redisUrl === undefined ? undefined : createRedis(config.redisUrl, { name: 'auth-service' });
  if (redis !== undefined) await redisReady(redis);
  const store = redis === undefined ? memoryRevocationStore() : redisRevocationStore(redis);
  const app = await buildAuthApp({
    tokens: config.tokens,
    store,
    internalTokens: config.internalTokens,
    metrics: telemetry.metrics,
  });
  if (redis === undefined)
    app.log.warn('REDIS_URL is not set: revocations are kept in memory, per process, until restart');
  return {
    app,
    host: config.host,
    port: config.port,
    close: async () => {
      redis?.disconnect();
      await telemetry.shutdown();
    },
  };
});
