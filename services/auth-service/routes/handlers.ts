import { type ErrorBody, respond } from 'switchboard/server';
import type { AuthServiceHandlers } from '../../../generated/auth-service/server.js';
import type { TokenSettings } from '../domain/token-settings.js';
import { DEFAULT_TTL_SECONDS, issueToken } from '../domain/tokens.js';
import { acceptableForSeconds, type RefusalReason, verifyToken } from '../domain/verify-token.js';
import type { RevocationStore } from '../store/revocation-store.js';

/** The spec's 401 examples of `POST /auth/verify`. */
const REFUSALS: Readonly<Record<RefusalReason | 'revoked', ErrorBody>> = {
  invalid: { error: 'Invalid token', code: 'TOKEN_INVALID' },
  expired: { error: 'Token expired', code: 'TOKEN_EXPIRED' },
  revoked: { error: 'Token revoked', code: 'TOKEN_REVOKED' },
};

/**
 * auth-service's handlers. Verification refuses with 401 and a TOKEN_* code (the reason is logged, the
 * token never); a revocation store outage throws StoreUnavailableError, which the error handler answers
 * with 503, so a possibly revoked token is never accepted.
 */
export function authHandlers(settings: TokenSettings, store: RevocationStore): AuthServiceHandlers {
  return {
    verifyToken: async ({ body, request }) => {
      const outcome = await verifyToken(settings, body.token);
      if (!outcome.ok) {
        request.log.info({ reason: outcome.reason, detail: outcome.detail }, 'token refused');
        return respond(401, REFUSALS[outcome.reason]);
      }
      const { userId, email, tenantId, jti } = outcome.claims;
      if (await store.isRevoked(jti)) {
        request.log.info({ reason: 'revoked', jti }, 'token refused');
        return respond(401, REFUSALS.revoked);
      }
      return respond(200, { valid: true, userId, email, tenantId });
    },
    issueToken: async ({ body }) => {
      const { userId, email, tenantId } = body;
      const ttlSeconds = body.ttlSeconds ?? DEFAULT_TTL_SECONDS;
      const issued = await issueToken(settings, { userId, email, tenantId }, { ttlSeconds });
      return respond(201, {
        token: issued.token,
        tokenType: 'Bearer',
        expiresAt: issued.expiresAt.toISOString(),
        jti: issued.jti,
      });
    },
    revokeToken: async ({ body, request }) => {
      const outcome = await verifyToken(settings, body.token);
      // An expired token passed every other check, signature included: nothing left to revoke.
      if (!outcome.ok && outcome.reason === 'expired') return respond(204);
      if (!outcome.ok) {
        request.log.info({ detail: outcome.detail }, 'revocation of an invalid token refused');
        return respond(400, REFUSALS.invalid);
      }
      await store.revoke(outcome.claims.jti, acceptableForSeconds(outcome.claims));
      request.log.info({ jti: outcome.claims.jti }, 'token revoked');
      return respond(204);
    },
  };
}
