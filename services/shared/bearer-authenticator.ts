import type { AuthServiceClient } from '../../generated/auth-service/client.js';
import type { Authenticator } from '../../lib/server/route-table.js';

/** Who a verified Bearer token belongs to. */
export interface Principal {
  userId: string;
  email: string;
  tenantId: string;
}

/** Longest Bearer token forwarded to auth-service; anything longer is refused without a call. */
const MAX_TOKEN_LENGTH = 8192;
const UNAUTHORIZED = { ok: false, status: 401, body: { error: 'Unauthorized' } } as const;

/**
 * The `BearerAuth` authenticator of a public route: verifies `Authorization: Bearer <jwt>` through
 * auth-service's generated client. 401 when the header is missing or malformed or auth-service rejects the
 * token; 503 while auth-service cannot answer (down, timing out, 5xx, circuit open), never 500 and never a
 * pass. The principal is `{ userId, email, tenantId }`. `timeoutMs` bounds each verification (default 5000).
 */
export function bearerAuthenticator(auth: AuthServiceClient, timeoutMs = 5000): Authenticator {
  return async (request) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    const token = match?.[1];
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) return UNAUTHORIZED;
    const r = await auth.verifyToken({ body: { token } }, { timeoutMs });
    if (r.ok)
      return {
        ok: true,
        principal: {
          userId: r.value.userId,
          email: r.value.email,
          tenantId: r.value.tenantId,
        } satisfies Principal,
      };
    if (r.error.status === 401 || r.error.status === 400) return UNAUTHORIZED;
    request.log.warn(
      { code: r.error.code, status: r.error.status ?? r.error.httpStatus },
      'auth-service unavailable',
    );
    return {
      ok: false,
      status: 503,
      body: { error: 'Authentication service temporarily unavailable', code: 'AUTH_UNAVAILABLE' },
    };
  };
}
