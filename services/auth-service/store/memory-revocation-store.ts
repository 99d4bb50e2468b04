import type { RevocationStore } from './revocation-store.js';

/** Options of `memoryRevocationStore`. */
export interface MemoryRevocationOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default store: a Map of `jti` → expiry, per process and lost on restart (run several instances with
 * `REDIS_URL` instead). Expired entries are ignored when read and swept when the map has doubled since the
 * last sweep, so memory stays proportional to the tokens revoked and still unexpired.
 */
export function memoryRevocationStore(options: MemoryRevocationOptions = {}): RevocationStore & {
  /** Entries currently held, expired ones not yet swept included (for tests). */
  size(): number;
} {
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  let sweepAt = 1024;
  const sweep = () => {
    const t = now();
    for (const [jti, expiry] of expiries) if (expiry <= t) expiries.delete(jti);
    sweepAt = Math.max(1024, expiries.size * 2);
  };
  return {
    revoke: async (jti, ttlSeconds) => {
      const expiry = now() + ttlSeconds * 1000;
      expiries.set(jti, Math.max(expiry, expiries.get(jti) ?? 0));
      if (expiries.size >= sweepAt) sweep();
    },
    isRevoked: async (jti) => {
      const expiry = expiries.get(jti);
      if (expiry === undefined) return false;
      if (expiry > now()) return true;
      expiries.delete(jti);
      return false;
    },
    ping: async () => true,
    size: () => expiries.size,
  };
}
