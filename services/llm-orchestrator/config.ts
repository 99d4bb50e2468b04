import { readInternalTokens } from 'switchboard/server';
import { envPort, envString, envUrl } from '../shared/env.js';

/** llm-orchestrator settings, from the environment. */
export interface OrchestratorConfig {
  host: string;
  port: number;
  internalTokens: string[];
  authServiceUrl: string;
  userServiceUrl: string;
  notionServiceUrl: string;
  llmProviderUrl: string;
  /** Per-attempt timeout of each downstream call, in ms. */
  downstreamTimeoutMs: number;
}

/**
 * Reads `HOST` (127.0.0.1), `PORT` (3005), the internal token(s), `AUTH_SERVICE_URL`
 * (http://localhost:3001), `INTEXURAOS_USER_SERVICE_URL` (http://127.0.0.1:3002),
 * `INTEXURAOS_NOTION_SERVICE_URL` (http://127.0.0.1:3003), `LLM_PROVIDER_URL` (http://127.0.0.1:3006) and
 * `DOWNSTREAM_TIMEOUT_MS` (2000).
 */
export function readOrchestratorConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3005),
    internalTokens: readInternalTokens(env),
    authServiceUrl: envUrl(env, 'AUTH_SERVICE_URL', 'http://localhost:3001'),
    userServiceUrl: envUrl(env, 'INTEXURAOS_USER_SERVICE_URL', 'http://127.0.0.1:3002'),
    notionServiceUrl: envUrl(env, 'INTEXURAOS_NOTION_SERVICE_URL', 'http://127.0.0.1:3003'),
    llmProviderUrl: envUrl(env, 'LLM_PROVIDER_URL', 'http://127.0.0.1:3006'),
    downstreamTimeoutMs: Number(envString(env, 'DOWNSTREAM_TIMEOUT_MS', '2000')),
  };
}
