import { readInternalTokens } from 'switchboard/server';
import { envPort, envRedisUrl, envString } from '../shared/env.js';

/** whatsapp-service settings, from the environment. */
export interface WhatsappConfig {
  host: string;
  port: number;
  internalTokens: string[];
  redisUrl: string | undefined;
}

/** Reads `HOST` (127.0.0.1), `PORT` (3004), the internal token(s) and `REDIS_URL` (unset: in-memory store). */
export function readWhatsappConfig(env: NodeJS.ProcessEnv = process.env): WhatsappConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3004),
    internalTokens: readInternalTokens(env),
    redisUrl: envRedisUrl(env, 'REDIS_URL'),
  };
}
