import { errors, type JWTVerifyResult, jwtVerify } from 'jose';
import {
  CLOCK_TOLERANCE_SECONDS,
  MAX_TOKEN_LENGTH,
  TOKEN_ALGORITHM,
  type TokenSettings,
} from './token-settings.js';
import { readVerifiedClaims, type VerifiedClaims } from './user-claims.js';

/** Why a token was refused: `expired` only when everything but the expiry checked out. */
export type RefusalReason = 'invalid' | 'expired';

/** The result of `verifyToken`; `detail` says which check failed (for logs, never the token). */
export type VerifyOutcome =
  | { ok: true; claims: VerifiedClaims }
  | { ok: false; reason: RefusalReason; detail: string };

/** Header parameters auth-service issues; any other (`kid`, `jku`, `jwk`, `x5u`, `crit`…) is refused. */
const ALLOWED_HEADER = new Set(['alg', 'typ']);

const refuse = (reason: RefusalReason, detail: string): VerifyOutcome => ({ ok: false, reason, detail });

/**
 * Verifies a compact JWT: at most 4096 characters (checked before any crypto), HS256 only, header
 * exactly `{alg, typ: "JWT"}`, a valid signature, `iss` and `aud` as configured, `exp`, `iat`, `jti` and
 * `sub` present, `nbf` and `iat` not in the future and `exp` not past (5 s tolerance each), and user claims
 * of the spec's shape. Never throws for a bad token; revocation is the caller's check.
 */
export async function verifyToken(
  settings: TokenSettings,
  token: string,
  options: { now?: Date } = {},
): Promise<VerifyOutcome> {
  if (token.length > MAX_TOKEN_LENGTH) return refuse('invalid', `longer than ${MAX_TOKEN_LENGTH} characters`);
  const now = options.now ?? new Date();
  let verified: JWTVerifyResult;
  try {
    verified = await jwtVerify(token, settings.key, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: 'JWT',
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse('expired', error.message);
    if (error instanceof errors.JOSEError) return refuse('invalid', `${error.code}: ${error.message}`);
    throw error;
  }
  const { payload, protectedHeader } = verified;
  const extra = Object.keys(protectedHeader).find((name) => !ALLOWED_HEADER.has(name));
  if (extra !== undefined) return refuse('invalid', `unexpected "${extra}" header parameter`);
  if ((payload.iat ?? 0) > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS)
    return refuse('invalid', '"iat" claim is in the future');
  const claims = readVerifiedClaims(payload);
  return typeof claims === 'string' ? refuse('invalid', claims) : { ok: true, claims };
}

/**
 * How long, in whole seconds (at least 1), a verified token could still be accepted: until its `exp`
 * plus the clock tolerance. A revocation must last that long, not just until `exp`.
 */
export function acceptableForSeconds(claims: VerifiedClaims, now: Date = new Date()): number {
  return Math.max(1, Math.ceil(claims.expiresAt + CLOCK_TOLERANCE_SECONDS - now.getTime() / 1000));
}
