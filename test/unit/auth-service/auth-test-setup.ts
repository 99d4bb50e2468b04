import type { FastifyInstance } from 'fastify';
import { buildAuthApp } from '../../../services/auth-service/app.js';
import { type TokenSettings, tokenSettings } from '../../../services/auth-service/domain/tokens.js';
import { memoryRevocationStore } from '../../../services/auth-service/store/memory-revocation-store.js';
import type { RevocationStore } from '../../../services/auth-service/store/revocation-store.js';

/** The JWT secret of every auth-service test. */
export const SECRET = 'k9Qm2xW7vL4pR8tZ1nB6cF3hJ5sD0gYa';

/** The accepted internal tokens: current first, then the next one of a rotation. */
export const INTERNAL = ['Int3rnal-current-9f8e7d6c5b4a3210', 'Int3rnal-next-0a1b2c3d4e5f678901'] as const;

/** A token that was accepted before the last rotation and no longer is. */
export const ROTATED_OUT = 'Int3rnal-retired-aa11bb22cc33dd44';

/** The settings every test signs and verifies with. */
export const SETTINGS: TokenSettings = tokenSettings({ secret: SECRET });

/** The user of most tests. */
export const ADA = { userId: 'usr_7f3a9c', email: 'ada@example.com', tenantId: 'tnt_acme' } as const;

/** auth-service over `store` (default in-memory), logs off. */
export function authApp(store: RevocationStore = memoryRevocationStore()): Promise<FastifyInstance> {
  return buildAuthApp({ tokens: SETTINGS, store, internalTokens: INTERNAL, logger: false });
}

/** `POST /auth/verify` with `token`. */
export function verify(app: FastifyInstance, token: string) {
  return app.inject({ method: 'POST', url: '/auth/verify', payload: { token } });
}

/** `POST /internal/auth/revocations` with `token`, authenticated. */
export function revoke(app: FastifyInstance, token: string) {
  return app.inject({
    method: 'POST',
    url: '/internal/auth/revocations',
    headers: { 'x-internal-auth': INTERNAL[0] },
    payload: { token },
  });
}
