// @generated from specs/whatsapp-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** The component schemas of whatsapp-service that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const whatsappServiceSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:whatsapp-service/MessageId",
    type: "string",
    minLength: 1,
    maxLength: 64,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:whatsapp-service/UserId",
    type: "string",
    minLength: 1,
    maxLength: 128,
    pattern: "^[A-Za-z0-9_-]+$",
  },
  {
    $id: "switchboard:whatsapp-service/PhoneNumber",
    type: "string",
    maxLength: 16,
    pattern: "^\\+[1-9][0-9]{6,14}$",
  },
  {
    $id: "switchboard:whatsapp-service/MessageText",
    type: "string",
    minLength: 1,
    maxLength: 4096,
  },
  {
    $id: "switchboard:whatsapp-service/MessageStatus",
    type: "string",
    enum: ["queued", "sent"],
  },
  {
    $id: "switchboard:whatsapp-service/SendMessageRequest",
    type: "object",
    additionalProperties: false,
    required: ["userId", "to", "text"],
    properties: {
      userId: { $ref: "switchboard:whatsapp-service/UserId" },
      to: { $ref: "switchboard:whatsapp-service/PhoneNumber" },
      text: { $ref: "switchboard:whatsapp-service/MessageText" },
    },
  },
  {
    $id: "switchboard:whatsapp-service/SendMessageResponse",
    type: "object",
    additionalProperties: false,
    required: ["messageId", "status", "deduplicated"],
    properties: {
      messageId: { $ref: "switchboard:whatsapp-service/MessageId" },
      status: { $ref: "switchboard:whatsapp-service/MessageStatus" },
      deduplicated: { type: "boolean" },
    },
  },
  {
    $id: "switchboard:whatsapp-service/Message",
    type: "object",
    additionalProperties: false,
    required: ["messageId", "userId", "to", "text", "status", "createdAt"],
    properties: {
      messageId: { $ref: "switchboard:whatsapp-service/MessageId" },
      userId: { $ref: "switchboard:whatsapp-service/UserId" },
      to: { $ref: "switchboard:whatsapp-service/PhoneNumber" },
      text: { $ref: "switchboard:whatsapp-service/MessageText" },
      status: { $ref: "switchboard:whatsapp-service/MessageStatus" },
      createdAt: { type: "string", format: "date-time", maxLength: 64 },
    },
  },
  {
    $id: "switchboard:whatsapp-service/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of whatsapp-service, with Fastify JSON schemas taken from the spec. */
export const whatsappServiceRoutes: RouteTable = {
  sendMessage: {
    operationId: "sendMessage",
    method: "POST",
    url: "/internal/whatsapp/messages",
    path: "/internal/whatsapp/messages",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      headers: {
        type: "object",
        properties: {
          "idempotency-key": { type: "string", minLength: 8, maxLength: 128, pattern: "^[A-Za-z0-9._:-]+$" },
        },
        required: ["idempotency-key"],
      },
      body: { $ref: "switchboard:whatsapp-service/SendMessageRequest" },
      response: {
        "202": { $ref: "switchboard:whatsapp-service/SendMessageResponse" },
        "400": { $ref: "switchboard:whatsapp-service/Error" },
        "401": { $ref: "switchboard:whatsapp-service/Error" },
        "409": { $ref: "switchboard:whatsapp-service/Error" },
        "503": { $ref: "switchboard:whatsapp-service/Error" },
      },
    },
  },
  getMessage: {
    operationId: "getMessage",
    method: "GET",
    url: "/internal/whatsapp/messages/:messageId",
    path: "/internal/whatsapp/messages/{messageId}",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          messageId: { $ref: "switchboard:whatsapp-service/MessageId" },
        },
        required: ["messageId"],
        additionalProperties: false,
      },
      response: {
        "200": { $ref: "switchboard:whatsapp-service/Message" },
        "400": { $ref: "switchboard:whatsapp-service/Error" },
        "401": { $ref: "switchboard:whatsapp-service/Error" },
        "404": { $ref: "switchboard:whatsapp-service/Error" },
        "503": { $ref: "switchboard:whatsapp-service/Error" },
      },
    },
  },
};

type SendMessageOp = paths["/internal/whatsapp/messages"]["post"];
/** What the `sendMessage` handler receives. */
export type SendMessageRequest = HandlerRequest<Record<string, never>, Record<string, never>, { "idempotency-key": NonNullable<SendMessageOp['parameters']['header']>["Idempotency-Key"] } & Record<string, string | string[] | undefined>, NonNullable<SendMessageOp['requestBody']>['content']['application/json']>;

/** What the `sendMessage` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type SendMessageReply = Replied<
  | { status: 202; body: SendMessageOp['responses'][202]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: SendMessageOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: SendMessageOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 409; body: SendMessageOp['responses'][409]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: SendMessageOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type GetMessageOp = paths["/internal/whatsapp/messages/{messageId}"]["get"];
/** What the `getMessage` handler receives. */
export type GetMessageRequest = HandlerRequest<NonNullable<GetMessageOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `getMessage` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type GetMessageReply = Replied<
  | { status: 200; body: GetMessageOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: GetMessageOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: GetMessageOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 404; body: GetMessageOp['responses'][404]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: GetMessageOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of whatsapp-service; each returns `respond(status, body)` for a documented status. */
export interface WhatsappServiceHandlers {
  sendMessage(request: SendMessageRequest): SendMessageReply | Promise<SendMessageReply>;
  getMessage(request: GetMessageRequest): GetMessageReply | Promise<GetMessageReply>;
}

/**
 * Fastify plugin registering every whatsapp-service route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function whatsappServiceRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<WhatsappServiceHandlers>): Promise<void> {
  await registerRoutes(app, "whatsapp-service", whatsappServiceRoutes, options, whatsappServiceSchemas);
}
