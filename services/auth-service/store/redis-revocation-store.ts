import type { Redis } from 'ioredis';
import { viaRedis } from '../../shared/redis-client.js';
import type { RevocationStore } from './revocation-store.js';

const key = (jti: string) => `auth:revoked:${jti}`;

/**
 * Revocations in Redis under `auth:revoked:<jti>` (`SET … EX ttl`, read with `EXISTS`), so Redis expires
 * them and every instance sees them. Any Redis failure is a StoreUnavailableError (503); with the client
 * from `createRedis` that happens at once while disconnected and within 250 ms when Redis hangs.
 */
export function redisRevocationStore(redis: Redis): RevocationStore {
  return {
    revoke: (jti, ttlSeconds) =>
      viaRedis(async () => void (await redis.set(key(jti), '1', 'EX', ttlSeconds))),
    isRevoked: (jti) => viaRedis(async () => (await redis.exists(key(jti))) === 1),
    ping: () => viaRedis(async () => (await redis.ping()) === 'PONG').catch(() => false),
  };
}
