import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { createVerifyingAuthClient } from '../shared/auth-client.js';
import { openStore } from '../shared/redis-client.js';
import { buildUserApp } from './app.js';
import { readUserConfig } from './config.js';
import { memoryUserStore } from './store/memory-user-store.js';
import { redisUserStore } from './store/redis-user-store.js';

await runService(
  'user-service',
  withTelemetry('user-service', async (metrics) => {
    const config = readUserConfig();
    const { store, close } = await openStore(
      config.redisUrl,
      'user-service',
      memoryUserStore,
      redisUserStore,
    );
    const app = await buildUserApp({
      store,
      internalTokens: config.internalTokens,
      encryptionKey: config.encryptionKey,
      authClient: createVerifyingAuthClient(config.authServiceUrl),
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
