// @generated from specs/llm-orchestrator.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** The component schemas of llm-orchestrator that the routes refer to by `$id`, each once (JSON Schema 2020-12). */
export const llmOrchestratorSchemas: readonly SharedSchema[] = [
  {
    $id: "switchboard:llm-orchestrator/LlmProvider",
    type: "string",
    enum: ["google", "openai", "anthropic"],
  },
  {
    $id: "switchboard:llm-orchestrator/Dependency",
    type: "string",
    enum: ["user-service", "notion-service"],
  },
  {
    $id: "switchboard:llm-orchestrator/DegradedDependencies",
    type: "array",
    maxItems: 2,
    uniqueItems: true,
    items: { $ref: "switchboard:llm-orchestrator/Dependency" },
  },
  {
    $id: "switchboard:llm-orchestrator/ProviderReadiness",
    type: "object",
    additionalProperties: false,
    required: ["google", "openai", "anthropic"],
    properties: {
      google: { type: "boolean" },
      openai: { type: "boolean" },
      anthropic: { type: "boolean" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/Readiness",
    type: "object",
    additionalProperties: false,
    required: ["providers", "notionConnected", "degraded"],
    properties: {
      providers: { $ref: "switchboard:llm-orchestrator/ProviderReadiness" },
      notionConnected: { type: "boolean" },
      degraded: { $ref: "switchboard:llm-orchestrator/DegradedDependencies" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/CreatePromptRequest",
    type: "object",
    additionalProperties: false,
    required: ["prompt"],
    properties: {
      prompt: { type: "string", minLength: 1, maxLength: 8000 },
      provider: { $ref: "switchboard:llm-orchestrator/LlmProvider" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/PromptResult",
    type: "object",
    additionalProperties: false,
    required: ["provider", "answer", "usedNotionContext", "degraded"],
    properties: {
      provider: { $ref: "switchboard:llm-orchestrator/LlmProvider" },
      answer: { type: "string", maxLength: 16000 },
      usedNotionContext: { type: "boolean" },
      degraded: { $ref: "switchboard:llm-orchestrator/DegradedDependencies" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/PromptStreamEvent",
    oneOf: [
      { $ref: "switchboard:llm-orchestrator/PromptToken" },
      { $ref: "switchboard:llm-orchestrator/PromptDone" },
      { $ref: "switchboard:llm-orchestrator/PromptStreamError" },
    ],
  },
  {
    $id: "switchboard:llm-orchestrator/PromptToken",
    type: "object",
    additionalProperties: false,
    required: ["type", "text"],
    properties: {
      type: { const: "token" },
      text: { type: "string", maxLength: 1000 },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/PromptDone",
    type: "object",
    additionalProperties: false,
    required: ["type", "provider", "tokens", "usedNotionContext", "degraded"],
    properties: {
      type: { const: "done" },
      provider: { $ref: "switchboard:llm-orchestrator/LlmProvider" },
      tokens: { type: "integer", minimum: 0, maximum: 1000000 },
      usedNotionContext: { type: "boolean" },
      degraded: { $ref: "switchboard:llm-orchestrator/DegradedDependencies" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/PromptStreamError",
    type: "object",
    additionalProperties: false,
    required: ["type", "error", "code"],
    properties: {
      type: { const: "error" },
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
  {
    $id: "switchboard:llm-orchestrator/Error",
    type: "object",
    additionalProperties: false,
    required: ["error"],
    properties: {
      error: { type: "string", maxLength: 500 },
      code: { type: "string", maxLength: 64, pattern: "^[A-Z_]+$" },
    },
  },
];

/** Every route of llm-orchestrator, with Fastify JSON schemas taken from the spec. */
export const llmOrchestratorRoutes: RouteTable = {
  getReadiness: {
    operationId: "getReadiness",
    method: "GET",
    url: "/internal/llm/users/:uid/readiness",
    path: "/internal/llm/users/{uid}/readiness",
    security: [
      ["InternalAuth"],
    ],
    schema: {
      params: {
        type: "object",
        properties: {
          uid: { type: "string", minLength: 1, maxLength: 128, pattern: "^[A-Za-z0-9_-]+$" },
        },
        required: ["uid"],
        additionalProperties: false,
      },
      response: {
        "200": { $ref: "switchboard:llm-orchestrator/Readiness" },
        "400": { $ref: "switchboard:llm-orchestrator/Error" },
        "401": { $ref: "switchboard:llm-orchestrator/Error" },
        "502": { $ref: "switchboard:llm-orchestrator/Error" },
        "503": { $ref: "switchboard:llm-orchestrator/Error" },
      },
    },
  },
  createPrompt: {
    operationId: "createPrompt",
    method: "POST",
    url: "/llm/prompts",
    path: "/llm/prompts",
    security: [
      ["BearerAuth"],
    ],
    schema: {
      body: { $ref: "switchboard:llm-orchestrator/CreatePromptRequest" },
      response: {
        "200": { $ref: "switchboard:llm-orchestrator/PromptResult" },
        "400": { $ref: "switchboard:llm-orchestrator/Error" },
        "401": { $ref: "switchboard:llm-orchestrator/Error" },
        "409": { $ref: "switchboard:llm-orchestrator/Error" },
        "429": { $ref: "switchboard:llm-orchestrator/Error" },
        "502": { $ref: "switchboard:llm-orchestrator/Error" },
        "503": { $ref: "switchboard:llm-orchestrator/Error" },
      },
    },
    rateLimit: { max: 30, windowMs: 60000, per: "user" },
  },
  createPromptStream: {
    operationId: "createPromptStream",
    method: "POST",
    url: "/llm/prompts/stream",
    path: "/llm/prompts/stream",
    security: [
      ["BearerAuth"],
    ],
    schema: {
      body: { $ref: "switchboard:llm-orchestrator/CreatePromptRequest" },
      response: {
        "200": { $ref: "switchboard:llm-orchestrator/PromptStreamEvent" },
        "400": { $ref: "switchboard:llm-orchestrator/Error" },
        "401": { $ref: "switchboard:llm-orchestrator/Error" },
        "409": { $ref: "switchboard:llm-orchestrator/Error" },
        "429": { $ref: "switchboard:llm-orchestrator/Error" },
        "502": { $ref: "switchboard:llm-orchestrator/Error" },
        "503": { $ref: "switchboard:llm-orchestrator/Error" },
      },
    },
    rateLimit: { max: 30, windowMs: 60000, per: "user" },
    events: { "200": "json" },
  },
};

type GetReadinessOp = paths["/internal/llm/users/{uid}/readiness"]["get"];
/** What the `getReadiness` handler receives. */
export type GetReadinessRequest = HandlerRequest<NonNullable<GetReadinessOp['parameters']['path']>, Record<string, never>, Record<string, string | string[] | undefined>, undefined>;

/** What the `getReadiness` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type GetReadinessReply = Replied<
  | { status: 200; body: GetReadinessOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: GetReadinessOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: GetReadinessOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 502; body: GetReadinessOp['responses'][502]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: GetReadinessOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type CreatePromptOp = paths["/llm/prompts"]["post"];
/** What the `createPrompt` handler receives. */
export type CreatePromptRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<CreatePromptOp['requestBody']>['content']['application/json']>;

/** What the `createPrompt` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type CreatePromptReply = Replied<
  | { status: 200; body: CreatePromptOp['responses'][200]['content']['application/json']; headers?: Record<string, string> }
  | { status: 400; body: CreatePromptOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: CreatePromptOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 409; body: CreatePromptOp['responses'][409]['content']['application/json']; headers?: Record<string, string> }
  | { status: 429; body: CreatePromptOp['responses'][429]['content']['application/json']; headers?: Record<string, string> }
  | { status: 502; body: CreatePromptOp['responses'][502]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: CreatePromptOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

type CreatePromptStreamOp = paths["/llm/prompts/stream"]["post"];
/** What the `createPromptStream` handler receives. */
export type CreatePromptStreamRequest = HandlerRequest<Record<string, never>, Record<string, never>, Record<string, string | string[] | undefined>, NonNullable<CreatePromptStreamOp['requestBody']>['content']['application/json']>;

/** What the `createPromptStream` handler may answer, built with `respond()`: only documented statuses with their bodies. */
export type CreatePromptStreamReply = Replied<
  | { status: 200; body: AsyncIterable<ServerSentEvent<CreatePromptStreamOp['responses'][200]['content']['text/event-stream']>>; headers?: Record<string, string> }
  | { status: 400; body: CreatePromptStreamOp['responses'][400]['content']['application/json']; headers?: Record<string, string> }
  | { status: 401; body: CreatePromptStreamOp['responses'][401]['content']['application/json']; headers?: Record<string, string> }
  | { status: 409; body: CreatePromptStreamOp['responses'][409]['content']['application/json']; headers?: Record<string, string> }
  | { status: 429; body: CreatePromptStreamOp['responses'][429]['content']['application/json']; headers?: Record<string, string> }
  | { status: 502; body: CreatePromptStreamOp['responses'][502]['content']['application/json']; headers?: Record<string, string> }
  | { status: 503; body: CreatePromptStreamOp['responses'][503]['content']['application/json']; headers?: Record<string, string> }
>;

/** One handler per operation of llm-orchestrator; each returns `respond(status, body)` for a documented status. */
export interface LlmOrchestratorHandlers {
  getReadiness(request: GetReadinessRequest): GetReadinessReply | Promise<GetReadinessReply>;
  createPrompt(request: CreatePromptRequest): CreatePromptReply | Promise<CreatePromptReply>;
  createPromptStream(request: CreatePromptStreamRequest): CreatePromptStreamReply | Promise<CreatePromptStreamReply>;
}

/**
 * Fastify plugin registering every llm-orchestrator route with validation from the spec. Registration fails,
 * naming them, when a handler or an authenticator for a security scheme is missing.
 */
export async function llmOrchestratorRoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<LlmOrchestratorHandlers>): Promise<void> {
  await registerRoutes(app, "llm-orchestrator", llmOrchestratorRoutes, options, llmOrchestratorSchemas);
}
