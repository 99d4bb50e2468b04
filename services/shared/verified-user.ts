/** The caller of a public route, as auth-service verified their bearer token. */
export interface VerifiedUser {
  userId: string;
  email: string;
  tenantId: string;
}

/**
 * The verified user a BearerAuth route's handler receives as `principal`. Throws (a 500) when there is none,
 * which only happens if the route was registered without the bearer authenticator.
 */
export function verifiedUser(principal: unknown): VerifiedUser {
  const p = principal as Partial<VerifiedUser> | undefined;
  if (typeof p?.userId !== 'string' || typeof p.tenantId !== 'string' || typeof p.email !== 'string')
    throw new Error('BearerAuth route without a verified user');
  return { userId: p.userId, email: p.email, tenantId: p.tenantId };
}
