import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { buildProviderApp } from './app.js';
import { readProviderConfig } from './config.js';

await runService(
  'llm-provider',
  withTelemetry('llm-provider', async (metrics) => {
    const config = readProviderConfig();
    const keys = config.apiKeys === undefined ? undefined : new Set(config.apiKeys);
    const app = await buildProviderApp({
      tokenDelayMs: config.tokenDelayMs,
      ...(keys === undefined ? {} : { acceptKey: (key: string) => keys.has(key) }),
      metrics,
    });
    return { app, host: config.host, port: config.port };
  }),
);
