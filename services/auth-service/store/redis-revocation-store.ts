import type { Redis } from 'ioredis';
import { viaRedis } from '../../shared/redis-client.js';
import { EPOCH_KEY, revocationEpoch } from './revocation-epoch.js';
import type { RevocationStore } from './revocation-store.js';

const key = (jti: string) => `auth:revoked:${jti}`;

/** Options of `redisRevocationStore`. */
export interface RedisRevocationOptions {
  /** Hears once of each loss of the revocations (see `revocationEpoch`). Default: nothing. */
  onLost?: (message: string) => void;
}

/**
 * Revocations in Redis under `auth:revoked:<jti>` (`SET … EX ttl`, read with `MGET` together with the
 * store's epoch), so Redis expires them and every instance sees them. Any Redis failure is a
 * StoreUnavailableError (503); with the client from `createRedis` that happens at once while disconnected
 * and within 250 ms when Redis hangs. When the epoch shows the data was lost, reads throw
 * RevocationsLostError (503) and `ping` is false until an operator acknowledges it.
 */
export function redisRevocationStore(redis: Redis, options: RedisRevocationOptions = {}): RevocationStore {
  const epoch = revocationEpoch(redis, options.onLost ?? (() => {}));
  return {
    revoke: (jti, ttlSeconds) =>
      viaRedis(async () => void (await redis.set(key(jti), '1', 'EX', ttlSeconds))),
    isRevoked: async (jti) => {
      const [found, revoked] = await viaRedis(() => redis.mget(EPOCH_KEY, key(jti)));
      await epoch.check(found ?? null);
      return revoked !== null && revoked !== undefined;
    },
    ping: async () => {
      try {
        await epoch.check(await viaRedis(() => redis.get(EPOCH_KEY)));
        return true;
      } catch {
        return false;
      }
    },
  };
}
