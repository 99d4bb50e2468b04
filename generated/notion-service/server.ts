// @generated from specs/notion-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** The component schemas of notion-service that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const notionServiceSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:notion-service/UserId",
    type: "string",
    minLength: 1,
    maxLength: 128,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:notion-service/NotionToken",
    type: "string",
    minLength: 1,
    maxLength: 512,
  },
  {
    $id: "switchboard:notion-service/NotionConnected",
    type: "object",
    additionalProperties: false,
    required: ["connected", "token"],
    properties: {
      connected: { type: "boolean", const: true },
      token: { $ref: "switchboard:notion-service/NotionToken" },
    },
  },
  {
    $id: "switchboard:notion-service/NotionDisconnected",
    type: "object",
    additionalProperties: false,
    required: ["connected", "token"],
    properties: {
      connected: { type: "boolean", const: false },
      token: { type: "null" },
    },
  },
  {
    $id: "switchboard:notion-service/NotionContext",
    oneOf: [
      { $ref: "switchboard:notion-service/NotionConnected" },
      { $ref: "switchboard:notion-service/NotionDisconnected" },
    ],
  },
  {
    $id: "switchboard:notion-service/ConnectNotionRequest",
    type: "object",
    additionalProperties: false,
    required: ["token"],
    properties: {
      token: { $ref: "switchboard:notion-service/NotionToken" },
    },
  },
  {
    $id: "switchboard:notion-service/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of notion-service, with Fastify JSON schemas taken from the spec. */
export const notionServiceRoutes: RouteTable = {
  getNotionContext: {
    operationId: "getNotionContext",
    method: "GET",
    url: "/internal/notion/users/:userId/context",
    path: "/internal/notion/users/{userId}/context",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          userId: { $ref: "switchboard:notion-service/UserId" },
        },
        required: ["userId"],
        additionalProperties: false,
      },
      response: {
        "200": { $ref: "switchboard:notion-service/NotionContext" },
        "400": { $ref: "switchboard:notion-service/Error" },
        "401": { $ref: "switchboard:notion-service/Error" },
        "503": { $ref: "switchboard:notion-service/Error" },
      },
    },
  },
  connectNotion: {
    operationId: "connectNotion",
    method: "PUT",
    url: "/internal/notion/users/:userId/connection",
    path: "/internal/notion/users/{userId}/connection",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          userId: { $ref: "switchboard:notion-service/UserId" },
        },
        required: ["userId"],
        additionalProperties: false,
      },
      body: { $ref: "switchboard:notion-service/ConnectNotionRequest" },
      response: {
        "400": { $ref: "switchboard:notion-service/Error" },
        "401": { $ref: "switchboard:notion-service/Error" },
        "503": { $ref: "switchboard:notion-service/Error" },
      },
    },
  },
  disconnectNotion: {
    operationId: "disconnectNotion",
    method: "DELETE",
    url: "/internal/notion/users/:userId/connection",
    path: "/internal/notion/users/{userId}/connection",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          userId: { $ref: "switchboard:notion-service/UserId" },
        },
        required: ["userId"],
        additionalProperties: false,
      },
      response: {
        "400": { $ref: "switchboard:notion-service/Error" },
        "401": { $ref: "switchboard:notion-service/Error" },
        "503": { $ref: "switchboard:notion-service/Error" },
      },
    },
  },
};

type GetNotionContextOp = paths["/internal/notion/users/{userId}/context"]["get"];
/** What the `getNotionContext` handler receives. */
export type GetNotionContextRequest = HandlerRequest<NonNullable<GetNotionContextOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `getNotionContext` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type GetNotionContextReply = Replied<
  | { status: 200; body: GetNotionContextOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: GetNotionContextOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: GetNotionContextOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: GetNotionContextOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type ConnectNotionOp = paths["/internal/notion/users/{userId}/connection"]["put"];
/** What the `connectNotion` handler receives. */
export type ConnectNotionRequest = HandlerRequest<NonNullable<ConnectNotionOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<ConnectNotionOp['requestBody']>['content']['application/json']>;

/** What the `connectNotion` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type ConnectNotionReply = Replied<
  | { status: 204; body?: undefined; headers?: Record<string, string> }
  | { status: 400; body: ConnectNotionOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: ConnectNotionOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: ConnectNotionOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type DisconnectNotionOp = paths["/internal/notion/users/{userId}/connection"]["delete"];
/** What the `disconnectNotion` handler receives. */
export type DisconnectNotionRequest = HandlerRequest<NonNullable<DisconnectNotionOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `disconnectNotion` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type DisconnectNotionReply = Replied<
  | { status: 204; body?: undefined; headers?: Record<string, string> }
  | { status: 400; body: DisconnectNotionOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: DisconnectNotionOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: DisconnectNotionOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of notion-service; each returns `respond(status, body)` for a documented status. */
export interface NotionServiceHandlers {
  getNotionContext(request: GetNotionContextRequest): GetNotionContextReply | Promise<GetNotionContextReply>;
  connectNotion(request: ConnectNotionRequest): ConnectNotionReply | Promise<ConnectNotionReply>;
  disconnectNotion(request: DisconnectNotionRequest): DisconnectNotionReply | Promise<DisconnectNotionReply>;
}

/**
 * Fastify plugin registering every notion-service route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function notionServiceRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<NotionServiceHandlers>): Promise<void> {
  await registerRoutes(app, "notion-service", notionServiceRoutes, options, notionServiceSchemas);
}
