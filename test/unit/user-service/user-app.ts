import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAuthServiceClient } from '../../../generated/auth-service/client.js';
import type { VerifiedUser } from '../../../services/shared/verified-user.js';
import { buildUserApp, type UserDeps } from '../../../services/user-service/app.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import type { UserStore } from '../../../services/user-service/store/user-store.js';

/** The internal token user-service accepts in tests, and one it accepted before a rotation. */
export const INTERNAL_TOKEN = 'Us3r-service-internal-token-0123456789abcdef';
export const NEXT_INTERNAL_TOKEN = 'N3xt-rotated-internal-token-ZYXWVUTSRQPONM';
export const ROTATED_OUT_TOKEN = 'R3tired-internal-token-ABCDEFGHIJKLMNOPQRS';

/** The test encryption key (random per run). */
export const ENCRYPTION_KEY = randomBytes(32);

/** Ada, whose bearer token is ADA_TOKEN. */
export const ADA: VerifiedUser = { userId: 'usr_ada', email: 'ada@example.com', tenantId: 'tnt_acme' };
export const ADA_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfYWRhIn0.ada-signature';
/** Grace, whose bearer token is GRACE_TOKEN. */
export const GRACE: VerifiedUser = { userId: 'usr_grace', email: 'grace@example.com', tenantId: 'tnt_navy' };
export const GRACE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfZ3JhY2UifQ.grace-signature';

/** Headers of an internal call, and of a call by a user. */
export const internal = { 'x-internal-auth': INTERNAL_TOKEN };
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Builds user-service against auth-service at `authUrl`, over `store` (default in-memory), without logs. */
export function buildTestApp(
  authUrl: string,
  store: UserStore = memoryUserStore(),
  extra: Partial<UserDeps> = {},
): Promise<FastifyInstance> {
  return buildUserApp({
    store,
    internalTokens: [INTERNAL_TOKEN, NEXT_INTERNAL_TOKEN],
    encryptionKey: ENCRYPTION_KEY,
    authClient: createAuthServiceClient({ baseUrl: authUrl }),
    logger: false,
    ...extra,
  });
}
