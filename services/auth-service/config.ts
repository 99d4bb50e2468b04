import { readInternalTokens } from 'switchboard/server';
import { envPort, envRedisUrl, envString } from '../shared/env.js';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type TokenSettings,
  tokenSettings,
} from './domain/token-settings.js';

/** auth-service settings, from the environment. */
export interface AuthConfig {
  host: string;
  port: number;
  internalTokens: string[];
  redisUrl: string | undefined;
  tokens: TokenSettings;
}

/**
 * Reads `HOST` (127.0.0.1), `PORT` (3001), the internal token(s), `REDIS_URL` (unset: in-memory
 * revocations), `JWT_SECRET` (required: 32+ characters, not a placeholder), `JWT_ISSUER`
 * (switchboard-auth) and `JWT_AUDIENCE` (switchboard). Throws ConfigError naming what to fix.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3001),
    internalTokens: readInternalTokens(env),
    redisUrl: envRedisUrl(env, 'REDIS_URL'),
    tokens: tokenSettings({
      secret: env.JWT_SECRET,
      issuer: envString(env, 'JWT_ISSUER', DEFAULT_ISSUER),
      audience: envString(env, 'JWT_AUDIENCE', DEFAULT_AUDIENCE),
    }),
  };
}
