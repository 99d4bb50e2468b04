import { runService } from 'switchboard/server';
import { withTelemetry } from 'switchboard/telemetry';
import { createRedis } from '../shared/redis-client.js';
import { buildOrchestratorApp } from './app.js';
import { readOrchestratorConfig } from './config.js';
import { createDownstreamClients } from './downstream-clients.js';

await runService(
  'llm-orchestrator',
  withTelemetry('llm-orchestrator', async (metrics) => {
    const config = readOrchestratorConfig();
    const redis =
      config.redisUrl === undefined ? undefined : createRedis(config.redisUrl, { name: 'llm-orchestrator' });
    const app = await buildOrchestratorApp({
      ...createDownstreamClients(config),
      internalTokens: config.internalTokens,
      metrics,
      ...(redis === undefined ? {} : { rateLimit: { redis } }),
    });
    return { app, host: config.host, port: config.port, close: async () => void (await redis?.quit()) };
  }),
);
