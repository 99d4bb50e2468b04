import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { openStore } from '../shared/redis-client.js';
import { buildAuthApp } from './app.js';
import { readAuthConfig } from './config.js';
import { memoryRevocationStore } from './store/memory-revocation-store.js';
import { durabilityWarnings } from './store/redis-durability.js';
import { redisRevocationStore } from './store/redis-revocation-store.js';

await runService(
  'auth-service',
  withTelemetry('auth-service', async (metrics) => {
    const config = readAuthConfig();
    let app: FastifyInstance | undefined;
    let redis: Redis | undefined;
    const { store, close } = await openStore(
      config.redisUrl,
      'auth-service',
      memoryRevocationStore,
      (client) => {
        redis = client;
        return redisRevocationStore(client, { onLost: (message) => app?.log.error(message) });
      },
    );
    app = await buildAuthApp({
      tokens: config.tokens,
      store,
      internalTokens: config.internalTokens,
      metrics,
    });
    if (config.redisUrl === undefined)
      app.log.warn('REDIS_URL is not set: revocations are kept in memory, per process, until restart');
    if (redis !== undefined) {
      for (const warning of await durabilityWarnings(redis).catch(() => [])) app.log.warn(warning);
      // Adopts the store's epoch now, so a loss of the data later is seen as one.
      await store.ping();
    }
    return {
      app,
      host: config.host,
      port: config.port,
      close,
    };
  }),
);
