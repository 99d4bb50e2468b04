import type { FastifyInstance } from 'fastify';
import {
  createServiceApp,
  internalAuthenticator,
  type LoggerOption,
  type MetricsHandler,
  type RateLimitOptions,
} from 'switchboard/server';
import type { AuthServiceClient } from '../../generated/auth-service/client.js';
import { llmOrchestratorDocument } from '../../generated/llm-orchestrator/document.js';
import { llmOrchestratorRoutesPlugin } from '../../generated/llm-orchestrator/server.js';
import type { LlmProviderClient } from '../../generated/llm-provider/client.js';
import type { NotionServiceClient } from '../../generated/notion-service/client.js';
import type { UserServiceClient } from '../../generated/user-service/client.js';
import { bearerAuthenticator } from '../shared/bearer-authenticator.js';
import { createUserServiceFacade } from './domain/user-service-facade.js';
import { orchestratorHandlers } from './routes/handlers.js';

/** What llm-orchestrator needs from outside: its downstream clients and the accepted internal tokens. */
export interface OrchestratorDeps {
  auth: AuthServiceClient;
  users: UserServiceClient;
  notion: NotionServiceClient;
  /** The LLM provider's streaming API (the loopback stand-in in this repository). */
  llm: LlmProviderClient;
  internalTokens: readonly string[];
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
  /** Where the prompt operations' rate-limit counters live (Redis shared by the replicas); memory when absent. */
  rateLimit?: RateLimitOptions;
}

/** Builds llm-orchestrator (not listening). */
export function buildOrchestratorApp(deps: OrchestratorDeps): Promise<FastifyInstance> {
  return createServiceApp({
    name: 'llm-orchestrator',
    routes: llmOrchestratorRoutesPlugin,
    handlers: orchestratorHandlers(createUserServiceFacade(deps.users, deps.llm), deps.notion),
    authenticate: {
      InternalAuth: internalAuthenticator(deps.internalTokens),
      BearerAuth: bearerAuthenticator(deps.auth),
    },
    document: llmOrchestratorDocument,
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
    ...(deps.rateLimit === undefined ? {} : { rateLimit: deps.rateLimit }),
  });
}
