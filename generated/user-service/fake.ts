// @generated from specs/user-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { UserServiceClient } from './client.js';

/** The example answer of each user-service operation, from the spec (null: no example, override it). */
export const userServiceExamples: Record<keyof UserServiceClient, FakeExample | null> = {
  getLlmKeys: {
    status: 200,
    value: {
      google: "AIzaSyA-example-google-key-000000000",
      openai: null,
      anthropic: "sk-ant-api03-example-key",
    },
  },
  reportLlmKeyUsage: { status: 204, value: undefined },
  getOAuthToken: {
    status: 200,
    value: {
      accessToken: "ya29.a0AfH6SMB-example-access-token",
      tokenType: "Bearer",
      expiresAt: "2025-06-01T13:00:00Z",
    },
  },
  createUser: {
    status: 201,
    value: {
      id: "usr_7f3a9c",
      email: "ada@example.com",
      displayName: "Ada Lovelace",
      tenantId: "tnt_acme",
      createdAt: "2025-06-01T12:00:00Z",
    },
  },
  setLlmKey: { status: 204, value: undefined },
};

/** An in-memory user-service client for tests: spec examples by default, `overrides` per method. */
export function createFakeUserServiceClient(overrides: Partial<UserServiceClient> = {}): Fake<UserServiceClient> {
  return createFake<UserServiceClient>("user-service", userServiceExamples, overrides);
}
