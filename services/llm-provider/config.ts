import { ConfigError } from 'switchboard/server';
import { envOptional, envPort, envString } from '../shared/env.js';

/** llm-provider settings, from the environment. */
export interface ProviderConfig {
  host: string;
  port: number;
  tokenDelayMs: number;
  /** The API keys it accepts; undefined: any key of 8 to 512 characters. */
  apiKeys: string[] | undefined;
}

/**
 * Reads `HOST` (127.0.0.1), `PORT` (3006), `TOKEN_DELAY_MS` (20, the pause between two tokens) and
 * `LLM_API_KEYS` (comma-separated keys it accepts; unset: any key of 8 to 512 characters).
 */
export function readProviderConfig(env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const delay = envString(env, 'TOKEN_DELAY_MS', '20');
  const tokenDelayMs = Number(delay);
  if (!Number.isInteger(tokenDelayMs) || tokenDelayMs < 0 || tokenDelayMs > 10_000)
    throw new ConfigError(`TOKEN_DELAY_MS=${delay} is not a whole number of ms from 0 to 10000`);
  const keys = envOptional(env, 'LLM_API_KEYS');
  return {
    host: envString(env, 'HOST', '127.0.0.1'),
    port: envPort(env, 'PORT', 3006),
    tokenDelayMs,
    apiKeys: keys
      ?.split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  };
}
