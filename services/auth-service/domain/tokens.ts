import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { TOKEN_ALGORITHM, type TokenSettings } from './token-settings.js';
import { readVerifiedClaims, type UserClaims } from './user-claims.js';

export { type TokenSettings, tokenSettings } from './token-settings.js';
export type { UserClaims, VerifiedClaims } from './user-claims.js';
export { acceptableForSeconds, type VerifyOutcome, verifyToken } from './verify-token.js';

/** Default token lifetime, in seconds. */
export const DEFAULT_TTL_SECONDS = 3600;

/** Longest token lifetime, in seconds (the spec's `ttlSeconds` maximum). */
export const MAX_TTL_SECONDS = 86_400;

/** Options of `issueToken`. */
export interface IssueOptions {
  /** Lifetime in whole seconds, 1–86400. Default 3600. */
  ttlSeconds?: number;
  /** The issue time (`iat`); default now. Tests pass a past date to mint expired tokens. */
  now?: Date;
  /** The token id; default a random UUID. */
  jti?: string;
}

/** A signed token with what the caller needs to know about it. */
export interface SignedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/**
 * Signs a user JWT the way `POST /internal/auth/tokens` does: HS256, header `{alg, typ: "JWT"}`, claims
 * `sub` (userId), `email`, `tenantId`, `iss`, `aud`, `iat`, `exp` and `jti`. Other services' tests can
 * mint tokens with it: `issueToken(tokenSettings({ secret }), { userId, email, tenantId })`.
 * Throws RangeError or TypeError for a bad ttl or claims (programmer misuse).
 */
export async function issueToken(
  settings: TokenSettings,
  user: UserClaims,
  options: IssueOptions = {},
): Promise<SignedToken> {
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS)
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}, got ${ttl}`);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jti = options.jti ?? randomUUID();
  const exp = iat + ttl;
  const checked = readVerifiedClaims({
    sub: user.userId,
    email: user.email,
    tenantId: user.tenantId,
    jti,
    exp,
  });
  if (typeof checked === 'string') throw new TypeError(`cannot issue a token: ${checked}`);
  const token = await new SignJWT({ email: user.email, tenantId: user.tenantId })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(user.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(settings.key);
  return { token, jti, expiresAt: new Date(exp * 1000) };
}
