/**
 * The revocation blacklist: revoked token ids (`jti`), each kept until the token could no longer be
 * accepted anyway. Implementations throw StoreUnavailableError when their backend is down, so
 * `/auth/verify` fails closed with 503.
 */
export interface RevocationStore {
  /** Puts `jti` on the blacklist for `ttlSeconds` (a whole number, at least 1); repeating it is harmless. */
  revoke(jti: string, ttlSeconds: number): Promise<void>;
  /** True when `jti` is on the blacklist. */
  isRevoked(jti: string): Promise<boolean>;
  /** True when the store can be used (for `/ready`). */
  ping(): Promise<boolean>;
}
