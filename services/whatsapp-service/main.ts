import { runService } from 'switchboard/server';
import { createRedis, redisReady } from '../shared/redis-client.js';
import { startTelemetry } from '../shared/telemetry.js';
import { buildWhatsappApp } from './app.js';
import { readWhatsappConfig } from './config.js';
import { memoryMessageStore } from './store/memory-message-store.js';
import { redisMessageStore } from './store/redis-message-store.js';

await runService('whatsapp-service', async () => {
  const telemetry = startTelemetry('whatsapp-service');
  const config = readWhatsappConfig();
  const redis =
    config.redisUrl === undefined ? undefined : createRedis(config.redisUrl, { name: 'whatsapp-service' });
  if (redis !== undefined) await redisReady(redis);
  const store = redis === undefined ? memoryMessageStore() : redisMessageStore(redis);
  const app = await buildWhatsappApp({
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
