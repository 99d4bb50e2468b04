// @generated from specs/auth-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import {
  type CallFailure,
  type CallOptions,
  type ClientOptions,
  createCaller,
  type Failure,
  type HttpError,
  type ServiceSpec,
  type Success,
} from 'switchboard/client';
import type { paths } from './types.js';

/** Security scheme names of auth-service, the keys of `credentials`. */
export type AuthServiceScheme = "InternalAuth";

/** What the runtime needs to know about each operation of auth-service. */
export const authServiceSpec: ServiceSpec = {
  name: "auth-service",
  schemes: {
    InternalAuth: {
      type: "apiKey",
      in: "header",
      name: "X-Internal-Auth",
    },
  },
  operations: {
    verifyToken: {
      method: "post",
      path: "/auth/verify",
      security: [],
      idempotent: true,
      statuses: [200, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
      timeoutMs: 5000,
    },
    issueToken: {
      method: "post",
      path: "/internal/auth/tokens",
      security: [
        ["InternalAuth"],
      ],
      idempotent: false,
      statuses: [201, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
    },
    revokeToken: {
      method: "post",
      path: "/internal/auth/revocations",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [204, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
    },
  },
};

type VerifyTokenOp = paths["/auth/verify"]["post"];
/** Input of `verifyToken`. */
export type VerifyTokenInput = {
  body: NonNullable<VerifyTokenOp['requestBody']>['content']['application/json'];
};

/** Result of `verifyToken`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type VerifyTokenResult =
  | Success<200, VerifyTokenOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, VerifyTokenOp['responses'][400]['content']['application/json']>
      | HttpError<401, VerifyTokenOp['responses'][401]['content']['application/json']>
      | HttpError<503, VerifyTokenOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type IssueTokenOp = paths["/internal/auth/tokens"]["post"];
/** Input of `issueToken`. */
export type IssueTokenInput = {
  body: NonNullable<IssueTokenOp['requestBody']>['content']['application/json'];
};

/** Result of `issueToken`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type IssueTokenResult =
  | Success<201, IssueTokenOp['responses'][201]['content']['application/json']>
  | Failure<
      | HttpError<400, IssueTokenOp['responses'][400]['content']['application/json']>
      | HttpError<401, IssueTokenOp['responses'][401]['content']['application/json']>
      | HttpError<503, IssueTokenOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type RevokeTokenOp = paths["/internal/auth/revocations"]["post"];
/** Input of `revokeToken`. */
export type RevokeTokenInput = {
  body: NonNullable<RevokeTokenOp['requestBody']>['content']['application/json'];
};

/** Result of `revokeToken`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type RevokeTokenResult =
  | Success<204, undefined>
  | Failure<
      | HttpError<400, RevokeTokenOp['responses'][400]['content']['application/json']>
      | HttpError<401, RevokeTokenOp['responses'][401]['content']['application/json']>
      | HttpError<503, RevokeTokenOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for auth-service: one method per operation, each resolving to a Result. */
export interface AuthServiceClient {
  /** POST /auth/verify: Verify a user JWT */
  verifyToken(input: VerifyTokenInput, options?: CallOptions<AuthServiceScheme>): Promise<VerifyTokenResult>;
  /** POST /internal/auth/tokens: Issue a user JWT for an internal caller */
  issueToken(input: IssueTokenInput, options?: CallOptions<AuthServiceScheme>): Promise<IssueTokenResult>;
  /** POST /internal/auth/revocations: Revoke a user JWT */
  revokeToken(input: RevokeTokenInput, options?: CallOptions<AuthServiceScheme>): Promise<RevokeTokenResult>;
}

/** Creates a auth-service client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createAuthServiceClient(options: ClientOptions<AuthServiceScheme>): AuthServiceClient {
  const call = createCaller(authServiceSpec, options);
  return {
    verifyToken: (input, options) => call("verifyToken", input, options) as Promise<VerifyTokenResult>,
    issueToken: (input, options) => call("issueToken", input, options) as Promise<IssueTokenResult>,
    revokeToken: (input, options) => call("revokeToken", input, options) as Promise<RevokeTokenResult>,
  };
}
