import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { StoreUnavailableError, viaRedis } from '../../shared/redis-client.js';

/** The Redis key that proves the revocations are still there: written once, read with every check. */
export const EPOCH_KEY = 'auth:revocations:epoch';

/** The value an instance writes to `EPOCH_KEY` when it finds the revocations lost; any other value clears it. */
export const LOST_MARKER = 'lost';

/** The revocations in Redis were lost (Redis restarted empty, was flushed or evicted): verify answers 503. */
export class RevocationsLostError extends StoreUnavailableError {}

/** Guards reads of the revocations with the epoch read alongside them. */
export interface RevocationEpoch {
  /** Checks a value read from `EPOCH_KEY` (null: missing); throws RevocationsLostError while lost. */
  check(value: string | null): Promise<void>;
}

/**
 * Tracks the revocation store's epoch. The first check adopts the value in `EPOCH_KEY`, creating one when
 * missing (a fresh Redis). A later check that finds it missing or changed means the data went away, and
 * with it any revocation: the guard turns lost, writes `LOST_MARKER` so other and restarted instances stop
 * too, and stays lost until someone writes any other value to `EPOCH_KEY`, which it then adopts
 * (`redis-cli SET auth:revocations:epoch acknowledged`). `onLost` hears of each loss once.
 */
export function revocationEpoch(redis: Redis, onLost: (message: string) => void): RevocationEpoch {
  let epoch: string | null = null;
  let lost = false;
  const loseIt = async (found: string | null) => {
    lost = true;
    epoch = null;
    onLost(
      `revocations lost: ${EPOCH_KEY} is ${found === null ? 'missing' : `"${found}"`}; /auth/verify answers ` +
        `503 until an operator checks Redis and runs SET ${EPOCH_KEY} <any value but "${LOST_MARKER}">`,
    );
    if (found !== LOST_MARKER) await viaRedis(() => redis.set(EPOCH_KEY, LOST_MARKER));
  };
  const adopt = async (found: string | null) => {
    if (found !== null) return found;
    const fresh = randomUUID();
    const created = await viaRedis(() => redis.set(EPOCH_KEY, fresh, 'NX'));
    return created === 'OK' ? fresh : viaRedis(() => redis.get(EPOCH_KEY));
  };
  return {
    async check(found) {
      if (lost) {
        if (found === null) await viaRedis(() => redis.set(EPOCH_KEY, LOST_MARKER, 'NX'));
        else if (found !== LOST_MARKER) {
          epoch = found;
          lost = false;
        }
      } else if (epoch === null) {
        epoch = await adopt(found);
        if (epoch === null || epoch === LOST_MARKER) await loseIt(epoch);
      } else if (found !== epoch) await loseIt(found);
      if (lost) throw new RevocationsLostError('revocations lost');
    },
  };
}
