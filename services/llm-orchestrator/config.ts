import { ConfigError, readInternalTokens } from 'switchboard/server';
import { envPort, envRedisUrl, envString, envUrls } from '../shared/env.js';

/** llm-orchestrator settings, from the environment. */
export interface OrchestratorConfig {
  host: string;
  port: number;
  internalTokens: string[];
  /** Base URLs of the downstreams: one URL, or a comma-separated list of replicas. */
  authServiceUrl: string;
  userServiceUrl: string;
  notionServiceUrl: string;
  llmProviderUrl: string;
  /** Per-attempt timeout of each downstream call, in ms. */
  downstreamTimeoutMs: number;
  /** Redis for the prompt operations' rate limits, shared by the replicas; unset: counted per process. */
  redisUrl: string | undefined;
}

/**
 * Reads `HOST` (127.0.0.1), `PORT` (3005), the internal token(s), `AUTH_SERVICE_URL`
 * (http://localhost:3001), `INTEXURAOS_USER_SERVICE_URL` (http://127.0.0.1:3002),
 * `INTEXURAOS_NOTION_SERVICE_URL` (http://127.0.0.1:3003), `LLM_PROVIDER_URL` (http://127.0.0.1:3006) and
 * `DOWNSTREAM_TIMEOUT_MS` (2000, whole ms from 1 to 29999) and `REDIS_URL` (unset: rate limits counted in
 * memory, per process). Each URL may be a comma-separated list of
 * replicas, balanced over by the downstream's client. Throws ConfigError naming a bad variable.
 */
export function readOrchestratorConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const timeout = envString(env, 'DOWNSTREAM_TIMEOUT_MS', '2000');
  const downstreamTimeoutMs = Number(timeout);
  // A client refuses a timeout that does not end before its 30 s deadline (a RangeError and a stack trace).
  if (!Number.isInteger(downstreamTimeoutMs) || downstreamTimeoutMs < 1 || downstreamTimeoutMs >= 30_000)
    throw new ConfigError(`DOWNSTREAM_TIMEOUT_MS=${timeout} is not a whole number of ms from 1 to 29999`);
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3005),
    internalTokens: readInternalTokens(env),
    authServiceUrl: envUrls(env, 'AUTH_SERVICE_URL', 'http://localhost:3001'),
    userServiceUrl: envUrls(env, 'INTEXURAOS_USER_SERVICE_URL', 'http://127.0.0.1:3002'),
    notionServiceUrl: envUrls(env, 'INTEXURAOS_NOTION_SERVICE_URL', 'http://127.0.0.1:3003'),
    llmProviderUrl: envUrls(env, 'LLM_PROVIDER_URL', 'http://127.0.0.1:3006'),
    downstreamTimeoutMs,
    redisUrl: envRedisUrl(env, 'REDIS_URL'),
  };
}
