// @generated from specs/user-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import type { FastifyInstance } from 'fastify';
import {
  type HandlerRequest,
  type Replied,
  type RouteTable,
  type RoutesPluginOptions,
  type SharedSchema,
  registerRoutes,
} from 'switchboard/server';
import type { paths } from './types.js';

/** The component schemas of user-service that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const userServiceSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:user-service/UserId",
    type: "string",
    minLength: 1,
    maxLength: 128,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:user-service/LlmProvider",
    type: "string",
    enum: ["google", "openai", "anthropic"],
  },
  {
    $id: "switchboard:user-service/OAuthProvider",
    type: "string",
    enum: ["google"],
  },
  {
    $id: "switchboard:user-service/LlmKey",
    type: ["string", "null"],
    maxLength: 512,
  },
  {
    $id: "switchboard:user-service/LlmKeys",
    type: "object",
    additionalProperties: false,
    required: ["google", "openai", "anthropic"],
    properties: {
      google: { $ref: "switchboard:user-service/LlmKey" },
      openai: { $ref: "switchboard:user-service/LlmKey" },
      anthropic: { $ref: "switchboard:user-service/LlmKey" },
    },
  },
  {
    $id: "switchboard:user-service/OAuthToken",
    type: "object",
    additionalProperties: false,
    required: ["accessToken", "tokenType", "expiresAt"],
    properties: {
      accessToken: { type: "string", minLength: 1, maxLength: 4096 },
      tokenType: { type: "string", minLength: 1, maxLength: 32 },
      expiresAt: { type: ["string", "null"], format: "date-time", maxLength: 64 },
    },
  },
  {
    $id: "switchboard:user-service/CreateUserRequest",
    type: "object",
    additionalProperties: false,
    required: ["email", "displayName"],
    properties: {
      email: { type: "string", format: "email", maxLength: 254 },
      displayName: { type: "string", minLength: 1, maxLength: 100 },
    },
  },
  {
    $id: "switchboard:user-service/User",
    type: "object",
    additionalProperties: false,
    required: ["id", "email", "displayName", "tenantId", "createdAt"],
    properties: {
      id: { $ref: "switchboard:user-service/UserId" },
      email: { type: "string", format: "email", maxLength: 254 },
      displayName: { type: "string", minLength: 1, maxLength: 100 },
      tenantId: { type: "string", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_-]+$" },
      createdAt: { type: "string", format: "date-time", maxLength: 64 },
    },
  },
  {
    $id: "switchboard:user-service/SetLlmKeyRequest",
    type: "object",
    additionalProperties: false,
    required: ["apiKey"],
    properties: {
      apiKey: { type: "string", minLength: 8, maxLength: 512 },
    },
  },
  {
    $id: "switchboard:user-service/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of user-service, with Fastify JSON schemas taken from the spec. */
export const userServiceRoutes: RouteTable = {
  getLlmKeys: {
    operationId: "getLlmKeys",
    method: "GET",
    url: "/internal/users/:uid/llm-keys",
    path: "/internal/users/{uid}/llm-keys",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          uid: { $ref: "switchboard:user-service/UserId" },
        },
        required: ["uid"],
        additionalProperties: false,
      },
      response: {
        "200": { $ref: "switchboard:user-service/LlmKeys" },
        "400": { $ref: "switchboard:user-service/Error" },
        "401": { $ref: "switchboard:user-service/Error" },
        "404": { $ref: "switchboard:user-service/Error" },
        "503": { $ref: "switchboard:user-service/Error" },
      },
    },
  },
  reportLlmKeyUsage: {
    operationId: "reportLlmKeyUsage",
    method: "POST",
    url: "/internal/users/:uid/llm-keys/:provider/last-used",
    path: "/internal/users/{uid}/llm-keys/{provider}/last-used",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          uid: { $ref: "switchboard:user-service/UserId" },
          provider: { $ref: "switchboard:user-service/LlmProvider" },
        },
        required: ["uid", "provider"],
        additionalProperties: false,
      },
      response: {
        "400": { $ref: "switchboard:user-service/Error" },
        "401": { $ref: "switchboard:user-service/Error" },
        "404": { $ref: "switchboard:user-service/Error" },
        "503": { $ref: "switchboard:user-service/Error" },
      },
    },
  },
  getOAuthToken: {
    operationId: "getOAuthToken",
    method: "GET",
    url: "/internal/users/:uid/oauth/:provider/token",
    path: "/internal/users/{uid}/oauth/{provider}/token",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          uid: { $ref: "switchboard:user-service/UserId" },
          provider: { $ref: "switchboard:user-service/OAuthProvider" },
        },
        required: ["uid", "provider"],
        additionalProperties: false,
      },
      response: {
        "200": { $ref: "switchboard:user-service/OAuthToken" },
        "400": { $ref: "switchboard:user-service/Error" },
        "401": { $ref: "switchboard:user-service/Error" },
        "404": { $ref: "switchboard:user-service/Error" },
        "503": { $ref: "switchboard:user-service/Error" },
      },
    },
  },
  createUser: {
    operationId: "createUser",
    method: "POST",
    url: "/users",
    path: "/users",
    security: [
      ["BearerAuth"],
    ],
    schema: {
      body: { $ref: "switchboard:user-service/CreateUserRequest" },
      response: {
        "201": { $ref: "switchboard:user-service/User" },
        "400": { $ref: "switchboard:user-service/Error" },
        "401": { $ref: "switchboard:user-service/Error" },
        "409": { $ref: "switchboard:user-service/Error" },
        "503": { $ref: "switchboard:user-service/Error" },
      },
    },
  },
  setLlmKey: {
    operationId: "setLlmKey",
    method: "PUT",
    url: "/users/:uid/llm-keys/:provider",
    path: "/users/{uid}/llm-keys/{provider}",
    security: [
      ["BearerAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          uid: { $ref: "switchboard:user-service/UserId" },
          provider: { $ref: "switchboard:user-service/LlmProvider" },
        },
        required: ["uid", "provider"],
        additionalProperties: false,
      },
      body: { $ref: "switchboard:user-service/SetLlmKeyRequest" },
      response: {
        "400": { $ref: "switchboard:user-service/Error" },
        "401": { $ref: "switchboard:user-service/Error" },
        "403": { $ref: "switchboard:user-service/Error" },
        "404": { $ref: "switchboard:user-service/Error" },
        "503": { $ref: "switchboard:user-service/Error" },
      },
    },
  },
};

type GetLlmKeysOp = paths["/internal/users/{uid}/llm-keys"]["get"];
/** What the `getLlmKeys` handler receives. */
export type GetLlmKeysRequest = HandlerRequest<NonNullable<GetLlmKeysOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `getLlmKeys` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type GetLlmKeysReply = Replied<
  | { status: 200; body: GetLlmKeysOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: GetLlmKeysOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: GetLlmKeysOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 404; body: GetLlmKeysOp['responses'][404]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: GetLlmKeysOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type ReportLlmKeyUsageOp = paths["/internal/users/{uid}/llm-keys/{provider}/last-used"]["post"];
/** What the `reportLlmKeyUsage` handler receives. */
export type ReportLlmKeyUsageRequest = HandlerRequest<NonNullable<ReportLlmKeyUsageOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `reportLlmKeyUsage` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type ReportLlmKeyUsageReply = Replied<
  | { status: 204; body?: undefined; headers?: Record<string, string> }
  | { status: 400; body: ReportLlmKeyUsageOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: ReportLlmKeyUsageOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 404; body: ReportLlmKeyUsageOp['responses'][404]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: ReportLlmKeyUsageOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type GetOAuthTokenOp = paths["/internal/users/{uid}/oauth/{provider}/token"]["get"];
/** What the `getOAuthToken` handler receives. */
export type GetOAuthTokenRequest = HandlerRequest<NonNullable<GetOAuthTokenOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `getOAuthToken` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type GetOAuthTokenReply = Replied<
  | { status: 200; body: GetOAuthTokenOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: GetOAuthTokenOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: GetOAuthTokenOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 404; body: GetOAuthTokenOp['responses'][404]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: GetOAuthTokenOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type CreateUserOp = paths["/users"]["post"];
/** What the `createUser` handler receives. */
export type CreateUserRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<CreateUserOp['requestBody']>['content']['application/json']>;

/** What the `createUser` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type CreateUserReply = Replied<
  | { status: 201; body: CreateUserOp['responses'][201]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: CreateUserOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: CreateUserOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 409; body: CreateUserOp['responses'][409]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: CreateUserOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type SetLlmKeyOp = paths["/users/{uid}/llm-keys/{provider}"]["put"];
/** What the `setLlmKey` handler receives. */
export type SetLlmKeyRequest = HandlerRequest<NonNullable<SetLlmKeyOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<SetLlmKeyOp['requestBody']>['content']['application/json']>;

/** What the `setLlmKey` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type SetLlmKeyReply = Replied<
  | { status: 204; body?: undefined; headers?: Record<string, string> }
  | { status: 400; body: SetLlmKeyOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: SetLlmKeyOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 403; body: SetLlmKeyOp['responses'][403]['content']['application/json']; headers?: Record<string, string> }
  | { status: 404; body: SetLlmKeyOp['responses'][404]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: SetLlmKeyOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of user-service; each returns `respond(status, body)` for a documented status. */
export interface UserServiceHandlers {
  getLlmKeys(request: GetLlmKeysRequest): GetLlmKeysReply | Promise<GetLlmKeysReply>;
  reportLlmKeyUsage(request: ReportLlmKeyUsageRequest): ReportLlmKeyUsageReply | Promise<ReportLlmKeyUsageReply>;
  getOAuthToken(request: GetOAuthTokenRequest): GetOAuthTokenReply | Promise<GetOAuthTokenReply>;
  createUser(request: CreateUserRequest): CreateUserReply | Promise<CreateUserReply>;
  setLlmKey(request: SetLlmKeyRequest): SetLlmKeyReply | Promise<SetLlmKeyReply>;
}

/**
 * Fastify plugin registering every user-service route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function userServiceRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<UserServiceHandlers>): Promise<void> {
  await registerRoutes(app, "user-service", userServiceRoutes, options, userServiceSchemas);
}
