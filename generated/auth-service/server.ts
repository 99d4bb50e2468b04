// @generated from specs/auth-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** The component schemas of auth-service that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const authServiceSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:auth-service/Jwt",
    type: "string",
    minLength: 1,
    maxLength: 8192,
  },
  {
    $id: "switchboard:auth-service/UserId",
    type: "string",
    minLength: 1,
    maxLength: 128,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:auth-service/TenantId",
    type: "string",
    minLength: 1,
    maxLength: 128,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:auth-service/Email",
    type: "string",
    format: "email",
    maxLength: 254,
  },
  {
    $id: "switchboard:auth-service/VerifyTokenRequest",
    type: "object",
    additionalProperties: false,
    required: ["token"],
    properties: {
      token: { $ref: "switchboard:auth-service/Jwt" },
    },
  },
  {
    $id: "switchboard:auth-service/VerifiedToken",
    type: "object",
    additionalProperties: false,
    required: ["valid", "userId", "email", "tenantId"],
    properties: {
      valid: { type: "boolean", const: true },
      userId: { $ref: "switchboard:auth-service/UserId" },
      email: { $ref: "switchboard:auth-service/Email" },
      tenantId: { $ref: "switchboard:auth-service/TenantId" },
    },
  },
  {
    $id: "switchboard:auth-service/IssueTokenRequest",
    type: "object",
    additionalProperties: false,
    required: ["userId", "email", "tenantId"],
    properties: {
      userId: { $ref: "switchboard:auth-service/UserId" },
      email: { $ref: "switchboard:auth-service/Email" },
      tenantId: { $ref: "switchboard:auth-service/TenantId" },
      ttlSeconds: { type: "integer", minimum: 60, maximum: 86400, default: 3600 },
    },
  },
  {
    $id: "switchboard:auth-service/IssuedToken",
    type: "object",
    additionalProperties: false,
    required: ["token", "tokenType", "expiresAt", "jti"],
    properties: {
      token: { $ref: "switchboard:auth-service/Jwt" },
      tokenType: { type: "string", const: "Bearer" },
      expiresAt: { type: "string", format: "date-time", maxLength: 64 },
      jti: { type: "string", minLength: 1, maxLength: 128 },
    },
  },
  {
    $id: "switchboard:auth-service/RevokeTokenRequest",
    type: "object",
    additionalProperties: false,
    required: ["token"],
    properties: {
      token: { $ref: "switchboard:auth-service/Jwt" },
    },
  },
  {
    $id: "switchboard:auth-service/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of auth-service, with Fastify JSON schemas taken from the spec. */
export const authServiceRoutes: RouteTable = {
  verifyToken: {
    operationId: "verifyToken",
    method: "POST",
    url: "/auth/verify",
    path: "/auth/verify",
    security: [],
    schema: {
      body: { $ref: "switchboard:auth-service/VerifyTokenRequest" },
      response: {
        "200": { $ref: "switchboard:auth-service/VerifiedToken" },
        "400": { $ref: "switchboard:auth-service/Error" },
        "401": { $ref: "switchboard:auth-service/Error" },
        "503": { $ref: "switchboard:auth-service/Error" },
      },
    },
  },
  issueToken: {
    operationId: "issueToken",
    method: "POST",
    url: "/internal/auth/tokens",
    path: "/internal/auth/tokens",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      body: { $ref: "switchboard:auth-service/IssueTokenRequest" },
      response: {
        "201": { $ref: "switchboard:auth-service/IssuedToken" },
        "400": { $ref: "switchboard:auth-service/Error" },
        "401": { $ref: "switchboard:auth-service/Error" },
        "503": { $ref: "switchboard:auth-service/Error" },
      },
    },
  },
  revokeToken: {
    operationId: "revokeToken",
    method: "POST",
    url: "/internal/auth/revocations",
    path: "/internal/auth/revocations",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      body: { $ref: "switchboard:auth-service/RevokeTokenRequest" },
      response: {
        "400": { $ref: "switchboard:auth-service/Error" },
        "401": { $ref: "switchboard:auth-service/Error" },
        "503": { $ref: "switchboard:auth-service/Error" },
      },
    },
  },
};

type VerifyTokenOp = paths["/auth/verify"]["post"];
/** What the `verifyToken` handler receives. */
export type VerifyTokenRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<VerifyTokenOp['requestBody']>['content']['application/json']>;

/** What the `verifyToken` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type VerifyTokenReply = Replied<
  | { status: 200; body: VerifyTokenOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: VerifyTokenOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: VerifyTokenOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: VerifyTokenOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type IssueTokenOp = paths["/internal/auth/tokens"]["post"];
/** What the `issueToken` handler receives. */
export type IssueTokenRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<IssueTokenOp['requestBody']>['content']['application/json']>;

/** What the `issueToken` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type IssueTokenReply = Replied<
  | { status: 201; body: IssueTokenOp['responses'][201]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: IssueTokenOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: IssueTokenOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: IssueTokenOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type RevokeTokenOp = paths["/internal/auth/revocations"]["post"];
/** What the `revokeToken` handler receives. */
export type RevokeTokenRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<RevokeTokenOp['requestBody']>['content']['application/json']>;

/** What the `revokeToken` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type RevokeTokenReply = Replied<
  | { status: 204; body?: undefined; headers?: Record<string, string> }
  | { status: 400; body: RevokeTokenOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: RevokeTokenOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: RevokeTokenOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of auth-service; each returns `respond(status, body)` for a documented status. */
export interface AuthServiceHandlers {
  verifyToken(request: VerifyTokenRequest): VerifyTokenReply | Promise<VerifyTokenReply>;
  issueToken(request: IssueTokenRequest): IssueTokenReply | Promise<IssueTokenReply>;
  revokeToken(request: RevokeTokenRequest): RevokeTokenReply | Promise<RevokeTokenReply>;
}

/**
 * Fastify plugin registering every auth-service route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function authServiceRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<AuthServiceHandlers>): Promise<void> {
  await registerRoutes(app, "auth-service", authServiceRoutes, options, authServiceSchemas);
}
