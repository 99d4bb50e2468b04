import { runService } from 'switchboard/server';
import { createRedis, redisReady } from '../shared/redis-client.js';
import { startTelemetry } from '../shared/telemetry.js';
import { buildNotionApp } from './app.js';
import { readNotionConfig } from './config.js';
import { memoryConnectionStore } from './store/memory-connection-store.js';
import { redisConnectionStore } from './store/redis-connection-store.js';

await runService('notion-service', async () => {
  const telemetry = startTelemetry('notion-service');
  const config = readNotionConfig();
  const redis =
    config.redisUrl === undefined ? undefined : createRedis(config.redisUrl, { name: 'notion-service' });
  if (redis !== undefined) await redisReady(redis);
  const store = redis === undefined ? memoryConnectionStore() : redisConnectionStore(redis);
  const app = await buildNotionApp({
    store,
    internalTokens: config.internalTokens,
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
