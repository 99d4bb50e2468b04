import { runService } from 'switchboard/server';
import { createLlmProviderClient } from '../../generated/llm-provider/client.js';
import { createNotionServiceClient } from '../../generated/notion-service/client.js';
import { createUserServiceClient } from '../../generated/user-service/client.js';
import { createVerifyingAuthClient } from '../shared/auth-client.js';
import { withTelemetry } from '../shared/telemetry.js';
import { buildOrchestratorApp } from './app.js';
import { readOrchestratorConfig } from './config.js';

await runService(
  'llm-orchestrator',
  withTelemetry('llm-orchestrator', async (metrics) => {
    const config = readOrchestratorConfig();
    const credentials = { InternalAuth: config.internalTokens[0] ?? '' };
    const timeoutMs = config.downstreamTimeoutMs;
    const app = await buildOrchestratorApp({
      auth: createVerifyingAuthClient(config.authServiceUrl),
      users: createUserServiceClient({ baseUrl: config.userServiceUrl, credentials, timeoutMs }),
      notion: createNotionServiceClient({ baseUrl: config.notionServiceUrl, credentials, timeoutMs }),
      // The user's key is the credential of each call (see user-service-facade.ts); the timeout is the
      // provider's time to answer with the stream's headers, the stream itself runs to the request's deadline.
      llm: createLlmProviderClient({ baseUrl: config.llmProviderUrl, timeoutMs }),
      internalTokens: config.internalTokens,
      metrics,
    });
    return { app, host: config.host, port: config.port };
  }),
);
