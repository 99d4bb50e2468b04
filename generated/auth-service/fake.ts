// @generated from specs/auth-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { AuthServiceClient } from './client.js';

/** The example answer of each auth-service operation, from the spec (null: no example, override it). */
export const authServiceExamples: Record<keyof AuthServiceClient, FakeExample | null> = {
  verifyToken: {
    status: 200,
    value: {
      valid: true,
      userId: "usr_7f3a9c",
      email: "ada@example.com",
      tenantId: "tnt_acme",
    },
  },
  issueToken: {
    status: 201,
    value: {
      token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl",
      tokenType: "Bearer",
      expiresAt: "2025-06-01T13:00:00Z",
      jti: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
    },
  },
  revokeToken: { status: 204, value: undefined },
};

/** An in-memory auth-service client for tests: spec examples by default, `overrides` per method. */
export function createFakeAuthServiceClient(overrides: Partial<AuthServiceClient> = {}): Fake<AuthServiceClient> {
  return createFake<AuthServiceClient>("auth-service", authServiceExamples, overrides);
}
