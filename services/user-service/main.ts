import { runService } from 'switchboard/server';
import { createVerifyingAuthClient } from '../shared/auth-client.js';
import { createRedis, redisReady } from '../shared/redis-client.js';
import { startTelemetry } from '../shared/telemetry.js';
import { buildUserApp } from './app.js';
import { readUserConfig } from './config.js';
import { memoryUserStore } from './store/memory-user-store.js';
import { redisUserStore } from './store/redis-user-store.js';

await runService('user-service', async () => {
  const telemetry = startTelemetry('user-service');
  const config = readUserConfig();
  const redis =
    config.redisUrl === undefined ? undefined : createRedis(config.redisUrl, { name: 'user-service' });
  if (redis !== undefined) await redisReady(redis);
  const store = redis === undefined ? memoryUserStore() : redisUserStore(redis);
  const app = await buildUserApp({
    store,
    internalTokens: config.internalTokens,
    encryptionKey: config.encryptionKey,
    authClient: createVerifyingAuthClient(config.authServiceUrl),
    metrics: telemetry.metrics,
  });
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
