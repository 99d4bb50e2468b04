import { readInternalTokens } from 'switchboard/server';
import { envPort, envRedisUrl, envString } from '../shared/env.js';

/** notion-service settings, from the environment. */
export interface NotionConfig {
  host: string;
  port: number;
  internalTokens: string[];
  redisUrl: string | undefined;
}

/** Reads `HOST` (127.0.0.1), `PORT` (3003), the internal token(s) and `REDIS_URL` (unset: in-memory store). */
export function readNotionConfig(env: NodeJS.ProcessEnv = process.env): NotionConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3003),
    internalTokens: readInternalTokens(env),
    redisUrl: envRedisUrl(env, 'REDIS_URL'),
  };
}
