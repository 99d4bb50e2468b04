import type { Redis } from 'ioredis';
import { viaRedis } from '../../shared/redis-client.js';
import type { ConnectionStore } from './connection-store.js';

const key = (userId: string) => `notion:connection:${userId}`;

/** Notion tokens in Redis under `notion:connection:<userId>`. */
export function redisConnectionStore(redis: Redis): ConnectionStore {
  return {
    get: (userId) => viaRedis(() => redis.get(key(userId))),
    set: (userId, token) => viaRedis(async () => void (await redis.set(key(userId), token))),
    delete: (userId) => viaRedis(async () => void (await redis.del(key(userId)))),
    ping: () => viaRedis(async () => (await redis.ping()) === 'PONG').catch(() => false),
  };
}
