import { parseOrigins } from 'switchboard/client';
import { ConfigError } from 'switchboard/server';

/** The value of `name`, or `fallback` when unset or empty. */
export function envString(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** A TCP port from `name` (0–65535), or `fallback`. Throws ConfigError naming the variable otherwise. */
export function envPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = envString(env, name, String(fallback));
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`${name}=${raw} is not a TCP port (0-65535)`);
  return port;
}

/** An http(s) URL from `name`, or `fallback`, without a trailing slash. Throws ConfigError otherwise. */
export function envUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = envString(env, name, fallback);
  if (!/^https?:\/\/[^/\s]+/.test(raw)) throw new ConfigError(`${name}=${raw} is not an http(s) URL`);
  return raw.replace(/\/+$/, '');
}

/**
 * The base URL of a downstream from `name`, or `fallback`: one http(s) URL or the comma-separated URLs of its
 * replicas (what `make dev REPLICAS=3` sets), each without a trailing slash, joined by commas again. A
 * generated client takes the result as its `baseUrl` and balances over the replicas. Throws ConfigError
 * naming the variable and the bad entry.
 */
export function envUrls(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = envString(env, name, fallback);
  const urls = raw.split(',').map((entry) => entry.trim());
  for (const url of urls)
    if (!/^https?:\/\/[^/\s]+/.test(url))
      throw new ConfigError(`${name}=${raw}: ${JSON.stringify(url)} is not an http(s) URL`);
  try {
    // What the client checks at construction (a replica listed twice, differing path prefixes): a TypeError
    // and a stack trace there, a refusal to start here.
    return parseOrigins(name, urls).join(',');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^.*? client: /, '') : String(error);
    throw new ConfigError(`${name}=${raw}: ${reason}`);
  }
}

/** An optional value: undefined when unset or empty. */
export function envOptional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The Redis URL from `name`, or undefined when unset or empty (the service keeps its state in memory):
 * `redis://` or `rediss://` (ioredis reads anything else as a host or socket path and keeps reconnecting to
 * it, so a typo would only show as 503s). Throws ConfigError naming the variable otherwise.
 */
export function envRedisUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = envOptional(env, name);
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '')
    throw new ConfigError(
      `${name}=${withoutPassword(raw)} is not a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379)`,
    );
  return raw;
}

/** `text` with what comes before its last `@` (a URL's user and password), after any `//`, masked. */
function withoutPassword(text: string): string {
  return text.replace(/^(.*?\/\/)?.*@/, (_all, scheme: string | undefined) => `${scheme ?? ''}***@`);
}
