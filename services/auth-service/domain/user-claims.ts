/** Who a token speaks for: its `sub`, `email` and `tenantId` claims, answered by `POST /auth/verify`. */
export interface UserClaims {
  userId: string;
  email: string;
  tenantId: string;
}

/** The claims of a token that passed every check. */
export interface VerifiedClaims extends UserClaims {
  /** The token's unique id, the key of its revocation. */
  jti: string;
  /** The `exp` claim, in seconds since the epoch. */
  expiresAt: number;
}

/** The spec's UserId and TenantId shape. */
const ID = /^[A-Za-z0-9_-]{1,128}$/;
/** Loose on purpose: the spec's stricter `format: email` was checked when the token was issued. */
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
/** The spec's limit on IssuedToken.jti. */
const MAX_JTI_LENGTH = 128;

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

/**
 * Reads the claims auth-service puts in a token (`sub`, `email`, `tenantId`, `jti`, `exp`) from a JWT
 * payload, or says what is wrong with them. Checking them against the spec's shapes means a verified token
 * always answers with a body that validates against VerifiedToken.
 */
export function readVerifiedClaims(payload: Readonly<Record<string, unknown>>): VerifiedClaims | string {
  const { sub, email, tenantId, jti, exp } = payload;
  if (!isId(sub)) return 'bad "sub" (userId) claim';
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) return 'bad "email" claim';
  if (!isId(tenantId)) return 'bad "tenantId" claim';
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) return 'bad "jti" claim';
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'bad "exp" claim';
  return { userId: sub, email, tenantId, jti, expiresAt: exp };
}
