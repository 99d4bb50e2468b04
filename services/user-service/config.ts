import { readInternalTokens } from 'switchboard/server';
import { envPort, envRedisUrl, envString, envUrls } from '../shared/env.js';
import { parseEncryptionKey } from './crypto/encryption-key.js';

/** user-service settings, from the environment. */
export interface UserConfig {
  host: string;
  port: number;
  internalTokens: string[];
  /** auth-service's base URL, or a comma-separated list of its replicas. */
  authServiceUrl: string;
  /** The 32-byte AES-256-GCM key that seals LLM keys at rest. */
  encryptionKey: Buffer;
  redisUrl: string | undefined;
}

/**
 * Reads `HOST` (127.0.0.1), `PORT` (3002), the internal token(s), `AUTH_SERVICE_URL`
 * (http://localhost:3001; may list replicas, comma-separated), `LLM_KEYS_ENCRYPTION_KEY` (required: 64 hex
 * characters or base64 of 32 bytes) and `REDIS_URL` (unset: in-memory store). Throws ConfigError for a
 * missing or bad setting.
 */
export function readUserConfig(env: NodeJS.ProcessEnv = process.env): UserConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3002),
    internalTokens: readInternalTokens(env),
    authServiceUrl: envUrls(env, 'AUTH_SERVICE_URL', 'http://localhost:3001'),
    encryptionKey: parseEncryptionKey(env.LLM_KEYS_ENCRYPTION_KEY),
    redisUrl: envRedisUrl(env, 'REDIS_URL'),
  };
}
