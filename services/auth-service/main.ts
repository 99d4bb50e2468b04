import { runService } from 'switchboard/server';
import { openStore } from '../shared/redis-client.js';
import { withTelemetry } from '../shared/telemetry.js';
import { buildAuthApp } from './app.js';
import { readAuthConfig } from './config.js';
import { memoryRevocationStore } from './store/memory-revocation-store.js';
import { redisRevocationStore } from './store/redis-revocation-store.js';

await runService(
  'auth-service',
  withTelemetry('auth-service', async (metrics) => {
    const config = readAuthConfig();
    const { store, close } = await openStore(
      config.redisUrl,
      'auth-service',
      memoryRevocationStore,
      redisRevocationStore,
    );
    const app = await buildAuthApp({
      tokens: config.tokens,
      store,
      internalTokens: config.internalTokens,
      metrics,
    });
    if (config.redisUrl === undefined)
      app.log.warn('REDIS_URL is not set: revocations are kept in memory, per process, until restart');
    return {
      app,
      host: config.host,
      port: config.port,
      close,
    };
  }),
);
