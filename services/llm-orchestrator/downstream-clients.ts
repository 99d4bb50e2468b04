import { createLlmProviderClient } from '../../generated/llm-provider/client.js';
import { createNotionServiceClient } from '../../generated/notion-service/client.js';
import { createUserServiceClient } from '../../generated/user-service/client.js';
import { createVerifyingAuthClient } from '../shared/auth-client.js';
import type { OrchestratorDeps } from './app.js';
import type { OrchestratorConfig } from './config.js';

/** llm-orchestrator's downstream clients. */
export type DownstreamClients = Pick<OrchestratorDeps, 'auth' | 'users' | 'notion' | 'llm'>;

/**
 * The downstream clients llm-orchestrator runs with, from its config: on the process-wide pooled transport,
 * each with its default resilient policy; auth-service's with the Bearer verifier's breaker
 * (`createVerifyingAuthClient`); user- and notion-service's sending the first internal token and timing out
 * each attempt after `downstreamTimeoutMs`.
 */
export function createDownstreamClients(config: OrchestratorConfig): DownstreamClients {
  const credentials = { InternalAuth: config.internalTokens[0] ?? '' };
  const timeoutMs = config.downstreamTimeoutMs;
  return {
    auth: createVerifyingAuthClient(config.authServiceUrl),
    users: createUserServiceClient({ baseUrl: config.userServiceUrl, credentials, timeoutMs }),
    notion: createNotionServiceClient({ baseUrl: config.notionServiceUrl, credentials, timeoutMs }),
    // The user's key is the credential of each call (see user-service-facade.ts); the timeout is the
    // provider's time to answer with the stream's headers, the stream itself runs to the request's deadline.
    llm: createLlmProviderClient({ baseUrl: config.llmProviderUrl, timeoutMs }),
  };
}
