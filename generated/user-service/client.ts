// @generated from specs/user-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** Security scheme names of user-service, the keys of `credentials`. */
export type UserServiceScheme = "InternalAuth" | "BearerAuth";

/** What the runtime needs to know about each operation of user-service. */
export const userServiceSpec: ServiceSpec = {
  name: "user-service",
  schemes: {
    InternalAuth: {
      type: "apiKey",
      in: "header",
      name: "X-Internal-Auth",
    },
    BearerAuth: {
      type: "http",
      scheme: "bearer",
    },
  },
  operations: {
    getLlmKeys: {
      method: "get",
      path: "/internal/users/{uid}/llm-keys",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [200, 400, 401, 404, 503],
      hasDefault: false,
      parseAs: "json",
    },
    reportLlmKeyUsage: {
      method: "post",
      path: "/internal/users/{uid}/llm-keys/{provider}/last-used",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [204, 400, 401, 404, 503],
      hasDefault: false,
      parseAs: "json",
    },
    getOAuthToken: {
      method: "get",
      path: "/internal/users/{uid}/oauth/{provider}/token",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [200, 400, 401, 404, 503],
      hasDefault: false,
      parseAs: "json",
    },
    createUser: {
      method: "post",
      path: "/users",
      security: [
        ["BearerAuth"],
      ],
      idempotent: false,
      statuses: [201, 400, 401, 409, 503],
      hasDefault: false,
      parseAs: "json",
    },
    setLlmKey: {
      method: "put",
      path: "/users/{uid}/llm-keys/{provider}",
      security: [
        ["BearerAuth"],
      ],
      idempotent: true,
      statuses: [204, 400, 401, 403, 404, 503],
      hasDefault: false,
      parseAs: "json",
    },
  },
};

type GetLlmKeysOp = paths["/internal/users/{uid}/llm-keys"]["get"];
/** Input of `getLlmKeys`. */
export type GetLlmKeysInput = {
  path: NonNullable<GetLlmKeysOp['parameters']['path']>;
};

/** Result of `getLlmKeys`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type GetLlmKeysResult =
  | Success<200, GetLlmKeysOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, GetLlmKeysOp['responses'][400]['content']['application/json']>
      | HttpError<401, GetLlmKeysOp['responses'][401]['content']['application/json']>
      | HttpError<404, GetLlmKeysOp['responses'][404]['content']['application/json']>
      | HttpError<503, GetLlmKeysOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type ReportLlmKeyUsageOp = paths["/internal/users/{uid}/llm-keys/{provider}/last-used"]["post"];
/** Input of `reportLlmKeyUsage`. */
export type ReportLlmKeyUsageInput = {
  path: NonNullable<ReportLlmKeyUsageOp['parameters']['path']>;
};

/** Result of `reportLlmKeyUsage`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type ReportLlmKeyUsageResult =
  | Success<204, undefined>
  | Failure<
      | HttpError<400, ReportLlmKeyUsageOp['responses'][400]['content']['application/json']>
      | HttpError<401, ReportLlmKeyUsageOp['responses'][401]['content']['application/json']>
      | HttpError<404, ReportLlmKeyUsageOp['responses'][404]['content']['application/json']>
      | HttpError<503, ReportLlmKeyUsageOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type GetOAuthTokenOp = paths["/internal/users/{uid}/oauth/{provider}/token"]["get"];
/** Input of `getOAuthToken`. */
export type GetOAuthTokenInput = {
  path: NonNullable<GetOAuthTokenOp['parameters']['path']>;
};

/** Result of `getOAuthToken`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type GetOAuthTokenResult =
  | Success<200, GetOAuthTokenOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, GetOAuthTokenOp['responses'][400]['content']['application/json']>
      | HttpError<401, GetOAuthTokenOp['responses'][401]['content']['application/json']>
      | HttpError<404, GetOAuthTokenOp['responses'][404]['content']['application/json']>
      | HttpError<503, GetOAuthTokenOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type CreateUserOp = paths["/users"]["post"];
/** Input of `createUser`. */
export type CreateUserInput = {
  body: NonNullable<CreateUserOp['requestBody']>['content']['application/json'];
};

/** Result of `createUser`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type CreateUserResult =
  | Success<201, CreateUserOp['responses'][201]['content']['application/json']>
  | Failure<
      | HttpError<400, CreateUserOp['responses'][400]['content']['application/json']>
      | HttpError<401, CreateUserOp['responses'][401]['content']['application/json']>
      | HttpError<409, CreateUserOp['responses'][409]['content']['application/json']>
      | HttpError<503, CreateUserOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type SetLlmKeyOp = paths["/users/{uid}/llm-keys/{provider}"]["put"];
/** Input of `setLlmKey`. */
export type SetLlmKeyInput = {
  path: NonNullable<SetLlmKeyOp['parameters']['path']>;
  body: NonNullable<SetLlmKeyOp['requestBody']>['content']['application/json'];
};

/** Result of `setLlmKey`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type SetLlmKeyResult =
  | Success<204, undefined>
  | Failure<
      | HttpError<400, SetLlmKeyOp['responses'][400]['content']['application/json']>
      | HttpError<401, SetLlmKeyOp['responses'][401]['content']['application/json']>
      | HttpError<403, SetLlmKeyOp['responses'][403]['content']['application/json']>
      | HttpError<404, SetLlmKeyOp['responses'][404]['content']['application/json']>
      | HttpError<503, SetLlmKeyOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for user-service: one method per operation, each resolving to a Result. */
export interface UserServiceClient {
  /** GET /internal/users/{uid}/llm-keys: Get a user's decrypted LLM keys */
  getLlmKeys(input: GetLlmKeysInput, options?: CallOptions<UserServiceScheme>): Promise<GetLlmKeysResult>;
  /** POST /internal/users/{uid}/llm-keys/{provider}/last-used: Record that a user's LLM key was just used */
  reportLlmKeyUsage(input: ReportLlmKeyUsageInput, options?: CallOptions<UserServiceScheme>): Promise<ReportLlmKeyUsageResult>;
  /** GET /internal/users/{uid}/oauth/{provider}/token: Get a user's OAuth access token for a provider */
  getOAuthToken(input: GetOAuthTokenInput, options?: CallOptions<UserServiceScheme>): Promise<GetOAuthTokenResult>;
  /** POST /users: Create the calling user's profile */
  createUser(input: CreateUserInput, options?: CallOptions<UserServiceScheme>): Promise<CreateUserResult>;
  /** PUT /users/{uid}/llm-keys/{provider}: Store the user's API key for an LLM provider */
  setLlmKey(input: SetLlmKeyInput, options?: CallOptions<UserServiceScheme>): Promise<SetLlmKeyResult>;
}

/** Creates a user-service client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createUserServiceClient(options: ClientOptions<UserServiceScheme>): UserServiceClient {
  const call = createCaller(userServiceSpec, options);
  return {
    getLlmKeys: (input, options) => call("getLlmKeys", input, options) as Promise<GetLlmKeysResult>,
    reportLlmKeyUsage: (input, options) => call("reportLlmKeyUsage", input, options) as Promise<ReportLlmKeyUsageResult>,
    getOAuthToken: (input, options) => call("getOAuthToken", input, options) as Promise<GetOAuthTokenResult>,
    createUser: (input, options) => call("createUser", input, options) as Promise<CreateUserResult>,
    setLlmKey: (input, options) => call("setLlmKey", input, options) as Promise<SetLlmKeyResult>,
  };
}
