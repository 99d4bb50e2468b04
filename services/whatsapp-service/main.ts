import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { openStore } from '../shared/redis-client.js';
import { buildWhatsappApp } from './app.js';
import { readWhatsappConfig } from './config.js';
import { memoryMessageStore } from './store/memory-message-store.js';
import { redisMessageStore } from './store/redis-message-store.js';

await runService(
  'whatsapp-service',
  withTelemetry('whatsapp-service', async (metrics) => {
    const config = readWhatsappConfig();
    const { store, close } = await openStore(
      config.redisUrl,
      'whatsapp-service',
      memoryMessageStore,
      redisMessageStore,
    );
    const app = await buildWhatsappApp({
      store,
      internalTokens: config.internalTokens,
      metrics,
    });
    return {
      app,
      host: config.host,
      port: config.port,
      close,
    };
  }),
);
