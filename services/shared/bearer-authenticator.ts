import type { FastifyRequest } from 'fastify';
import { type AuthDecision, type Authenticator, logRateLimit } from 'switchboard/server';
import type { AuthServiceClient, VerifyTokenResult } from '../../generated/auth-service/client.js';
import type { VerifiedUser } from './verified-user.js';

/** Default longest wait for auth-service's answer, in ms (system B's 5 s). */
export const DEFAULT_VERIFY_TIMEOUT_MS = 5000;

/** Options of `bearerAuthenticator`. */
export interface BearerAuthenticatorOptions {
  /** Per-call timeout of `verifyToken` in ms. Default 5000. */
  timeoutMs?: number;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
const MAX_TOKEN_LENGTH = 8192;

const UNAUTHORIZED: AuthDecision = { ok: false, status: 401, body: { error: 'Unauthorized' } };
const UNAVAILABLE: AuthDecision = {
  ok: false,
  status: 503,
  body: { error: 'Authentication service temporarily unavailable', code: 'AUTH_UNAVAILABLE' },
};

/**
 * The `BearerAuth` authenticator: sends the `Authorization: Bearer` token to auth-service's `verifyToken`
 * (through `auth`, which carries the correlation ID and any resilience policy such as a circuit breaker) and
 * makes the verified user the principal. A missing or malformed header, or a token auth-service rejects
 * (401, 400), gets 401 `{"error":"Unauthorized"}`; any failure to get a verdict (network error, timeout,
 * 5xx, open circuit, unexpected answer) gets 503 `AUTH_UNAVAILABLE`. Logs never contain the token.
 */
export function bearerAuthenticator(
  auth: Pick<AuthServiceClient, 'verifyToken'>,
  options: BearerAuthenticatorOptions = {},
): Authenticator {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  const admit = logRateLimit();
  return async (request: FastifyRequest): Promise<AuthDecision> => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) {
      request.log.warn({ reason: header === undefined ? 'missing' : 'malformed' }, 'bearer auth failed');
      return UNAUTHORIZED;
    }
    const result = await auth.verifyToken({ body: { token } }, { timeoutMs });
    const user = verdict(result);
    if (user !== undefined) return { ok: true, principal: user };
    if (!result.ok && (result.error.status === 401 || result.error.status === 400)) {
      request.log.warn({ reason: 'rejected by auth-service' }, 'bearer auth failed');
      return UNAUTHORIZED;
    }
    const code = result.ok ? 'INVALID_RESPONSE' : result.error.code;
    // An outage refuses every request: one line per code a second, with the count dropped meanwhile.
    const admitted = admit(code);
    if (admitted !== undefined) request.log.warn({ code, ...admitted }, 'auth-service unavailable');
    return UNAVAILABLE;
  };
}

// The client reads tolerantly, so a 200 is checked for the fields the handlers rely on.
function verdict(result: VerifyTokenResult): VerifiedUser | undefined {
  if (!result.ok) return undefined;
  const { valid, userId, email, tenantId } = result.value;
  if (
    valid !== true ||
    typeof userId !== 'string' ||
    typeof email !== 'string' ||
    typeof tenantId !== 'string'
  )
    return undefined;
  return { userId, email, tenantId };
}
