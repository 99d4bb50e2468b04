import { Redis } from 'ioredis';

/** Options of `createRedis`. */
export interface RedisOptions {
  /** Longest a command may take before it fails, in ms. Default 250: a store that is down must fail fast. */
  commandTimeoutMs?: number;
  /** Connection name shown by `CLIENT LIST`. */
  name?: string;
}

/**
 * An ioredis client for a service store: no offline queue (a command while disconnected fails at once
 * instead of waiting), a command timeout, one attempt per command, and reconnects in the background with
 * a capped backoff, so a Redis outage becomes fast errors (503s) and recovery needs no restart.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 1000),
    ...(options.name === undefined ? {} : { connectionName: options.name }),
  });
  // Errors surface through the failing commands; without a listener ioredis would print each reconnect error.
  redis.on('error', () => {});
  return redis;
}

/** A store operation failed because its backing service is unreachable: the route answers 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** Read by the shared error handler: the route answers 503 with a generic message. */
  readonly statusCode = 503;
}

/** Runs a Redis operation, turning any connection or timeout failure into StoreUnavailableError. */
export async function viaRedis<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new StoreUnavailableError('store unavailable', { cause: error });
  }
}

/** Resolves true once `redis` is connected, false if it is not within `timeoutMs` (default 2000). */
export async function redisReady(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}

/**
 * A service's store: on Redis at `url` (connected, waited for up to 2 s, named `name` in Redis' client list,
 * with `options` such as the command timeout) or in memory when `url` is unset; `close` disconnects what was
 * opened.
 */
export async function openStore<S>(
  url: string | undefined,
  name: string,
  inMemory: () => S,
  onRedis: (redis: Redis) => S,
  options: Omit<RedisOptions, 'name'> = {},
): Promise<{ store: S; close: () => Promise<void> }> {
  if (url === undefined) return { store: inMemory(), close: async () => {} };
  const redis = createRedis(url, { ...options, name });
  await redisReady(redis);
  return { store: onRedis(redis), close: async () => redis.disconnect() };
}
