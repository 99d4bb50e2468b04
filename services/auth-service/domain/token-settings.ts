import { assertStrongSecret } from 'switchboard/server';

/** The one algorithm auth-service signs with and accepts; every other `alg` header is refused. */
export const TOKEN_ALGORITHM = 'HS256';

/** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Longest token, in characters, that reaches any crypto; longer ones are refused unread. */
export const MAX_TOKEN_LENGTH = 4096;

/** Default `iss` claim (config `JWT_ISSUER`). */
export const DEFAULT_ISSUER = 'switchboard-auth';

/** Default `aud` claim (config `JWT_AUDIENCE`). */
export const DEFAULT_AUDIENCE = 'switchboard';

/** Shortest accepted `JWT_SECRET`, in characters (HS256 wants at least 256 bits of key). */
export const MIN_SECRET_LENGTH = 32;

/** What signing and verifying need: the HMAC key and the expected `iss` and `aud`. */
export interface TokenSettings {
  readonly key: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
}

/** Input of `tokenSettings`. */
export interface TokenSettingsInput {
  /** The HMAC secret (`JWT_SECRET`), used as its UTF-8 bytes. */
  secret: string | undefined;
  /** Default `switchboard-auth`. */
  issuer?: string;
  /** Default `switchboard`. */
  audience?: string;
}

/**
 * Checks the secret and builds the settings. Throws ConfigError when the secret is missing, shorter than
 * 32 characters, or looks like a placeholder (a known placeholder word, or fewer than 8 distinct characters).
 */
export function tokenSettings(input: TokenSettingsInput): TokenSettings {
  const secret = assertStrongSecret('JWT_SECRET', input.secret, MIN_SECRET_LENGTH);
  return {
    key: new TextEncoder().encode(secret),
    issuer: input.issuer ?? DEFAULT_ISSUER,
    audience: input.audience ?? DEFAULT_AUDIENCE,
  };
}
