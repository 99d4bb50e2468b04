import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { openStore } from '../shared/redis-client.js';
import { buildNotionApp } from './app.js';
import { readNotionConfig } from './config.js';
import { memoryConnectionStore } from './store/memory-connection-store.js';
import { redisConnectionStore } from './store/redis-connection-store.js';

await runService(
  'notion-service',
  withTelemetry('notion-service', async (metrics) => {
    const config = readNotionConfig();
    const { store, close } = await openStore(
      config.redisUrl,
      'notion-service',
      memoryConnectionStore,
      redisConnectionStore,
    );
    const app = await buildNotionApp({
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
