// @generated from specs/llm-provider.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import type { FastifyInstance } from 'fastify';
import {
  type HandlerRequest,
  type Replied,
  type RouteTable,
  type RoutesPluginOptions,
  type ServerSentEvent,
  type SharedSchema,
  registerRoutes,
} from 'switchboard/server';
import type { paths } from './types.js';

/** The component schemas of llm-provider that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const llmProviderSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:llm-provider/CompletionRequest",
    type: "object",
    additionalProperties: false,
    required: ["model", "prompt"],
    properties: {
      model: { type: "string", maxLength: 64 },
      prompt: { type: "string", minLength: 1, maxLength: 16000 },
    },
  },
  {
    $id: "switchboard:llm-provider/CompletionChunk",
    oneOf: [
      { $ref: "switchboard:llm-provider/TokenChunk" },
      { $ref: "switchboard:llm-provider/DoneChunk" },
    ],
  },
  {
    $id: "switchboard:llm-provider/TokenChunk",
    type: "object",
    additionalProperties: false,
    required: ["type", "text"],
    properties: {
      type: { const: "token" },
      text: { type: "string", maxLength: 1000 },
    },
  },
  {
    $id: "switchboard:llm-provider/DoneChunk",
    type: "object",
    additionalProperties: false,
    required: ["type", "tokens"],
    properties: {
      type: { const: "done" },
      tokens: { type: "integer", minimum: 0, maximum: 1000000 },
    },
  },
  {
    $id: "switchboard:llm-provider/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of llm-provider, with Fastify JSON schemas taken from the spec. */
export const llmProviderRoutes: RouteTable = {
  createCompletion: {
    operationId: "createCompletion",
    method: "POST",
    url: "/v1/completions",
    path: "/v1/completions",
    security: [
      ["ApiKey"],
    ],
    schema: {
      body: { $ref: "switchboard:llm-provider/CompletionRequest" },
      response: {
        "200": { $ref: "switchboard:llm-provider/CompletionChunk" },
        "400": { $ref: "switchboard:llm-provider/Error" },
        "401": { $ref: "switchboard:llm-provider/Error" },
      },
    },
    events: { "200": "json" },
  },
};

type CreateCompletionOp = paths["/v1/completions"]["post"];
/** What the `createCompletion` handler receives. */
export type CreateCompletionRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<CreateCompletionOp['requestBody']>['content']['application/json']>;

/** What the `createCompletion` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type CreateCompletionReply = Replied<
  | { status: 200; body: AsyncIterable<ServerSentEvent<CreateCompletionOp['responses'][200]['content']['text/event-stream']>>; headers?: Record<string, string> }
  | { status: 400; body: CreateCompletionOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: CreateCompletionOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of llm-provider; each returns `respond(status, body)` for a documented status. */
export interface LlmProviderHandlers {
  createCompletion(request: CreateCompletionRequest): CreateCompletionReply | Promise<CreateCompletionReply>;
}

/**
 * Fastify plugin registering every llm-provider route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function llmProviderRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<LlmProviderHandlers>): Promise<void> {
  await registerRoutes(app, "llm-provider", llmProviderRoutes, options, llmProviderSchemas);
}
