import { runService } from 'switchboard/server';
import { startTelemetry } from '../shared/telemetry.js';
import { buildProviderApp } from './app.js';
import { readProviderConfig } from './config.js';

await runService('llm-provider', async () => {
  const telemetry = startTelemetry('llm-provider');
  const config = readProviderConfig();
  const keys = config.apiKeys === undefined ? undefined : new Set(config.apiKeys);
  const app = await buildProviderApp({
    tokenDelayMs: config.tokenDelayMs,
    ...(keys === undefined ? {} : { acceptKey: (key: string) => keys.has(key) }),
    metrics: telemetry.metrics,
  });
  return { app, host: config.host, port: config.port, close: () => telemetry.shutdown() };
});
