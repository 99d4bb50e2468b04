// @generated from specs/llm-orchestrator.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import {
  type CallFailure,
  type CallOptions,
  type ClientOptions,
  createCaller,
  type EventStream,
  type Failure,
  type HttpError,
  type ServiceSpec,
  type Success,
} from 'switchboard/client';
import type { paths } from './types.js';

/** Security scheme names of llm-orchestrator, the keys of `credentials`. */
export type LlmOrchestratorScheme = "InternalAuth" | "BearerAuth";

/** What the runtime needs to know about each operation of llm-orchestrator. */
export const llmOrchestratorSpec: ServiceSpec = {
  name: "llm-orchestrator",
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
    getReadiness: {
      method: "get",
      path: "/internal/llm/users/{uid}/readiness",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [200, 400, 401, 502, 503],
      hasDefault: false,
      parseAs: "json",
      timeoutMs: 5000,
    },
    createPrompt: {
      method: "post",
      path: "/llm/prompts",
      security: [
        ["BearerAuth"],
      ],
      idempotent: false,
      statuses: [200, 400, 401, 409, 429, 502, 503],
      hasDefault: false,
      parseAs: "json",
      timeoutMs: 10000,
      retry: {
        maxAttempts: 1,
      },
    },
    createPromptStream: {
      method: "post",
      path: "/llm/prompts/stream",
      security: [
        ["BearerAuth"],
      ],
      idempotent: false,
      statuses: [200, 400, 401, 409, 429, 502, 503],
      hasDefault: false,
      parseAs: "events",
      events: "json",
      timeoutMs: 10000,
      retry: {
        maxAttempts: 1,
      },
    },
  },
};

type GetReadinessOp = paths["/internal/llm/users/{uid}/readiness"]["get"];
/** Input of `getReadiness`. */
export type GetReadinessInput = {
  path: NonNullable<GetReadinessOp['parameters']['path']>;
};

/** Result of `getReadiness`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type GetReadinessResult =
  | Success<200, GetReadinessOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, GetReadinessOp['responses'][400]['content']['application/json']>
      | HttpError<401, GetReadinessOp['responses'][401]['content']['application/json']>
      | HttpError<502, GetReadinessOp['responses'][502]['content']['application/json']>
      | HttpError<503, GetReadinessOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type CreatePromptOp = paths["/llm/prompts"]["post"];
/** Input of `createPrompt`. */
export type CreatePromptInput = {
  body: NonNullable<CreatePromptOp['requestBody']>['content']['application/json'];
};

/** Result of `createPrompt`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type CreatePromptResult =
  | Success<200, CreatePromptOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, CreatePromptOp['responses'][400]['content']['application/json']>
      | HttpError<401, CreatePromptOp['responses'][401]['content']['application/json']>
      | HttpError<409, CreatePromptOp['responses'][409]['content']['application/json']>
      | HttpError<429, CreatePromptOp['responses'][429]['content']['application/json']>
      | HttpError<502, CreatePromptOp['responses'][502]['content']['application/json']>
      | HttpError<503, CreatePromptOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type CreatePromptStreamOp = paths["/llm/prompts/stream"]["post"];
/** Input of `createPromptStream`. */
export type CreatePromptStreamInput = {
  body: NonNullable<CreatePromptStreamOp['requestBody']>['content']['application/json'];
};

/** Result of `createPromptStream`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type CreatePromptStreamResult =
  | Success<200, EventStream<CreatePromptStreamOp['responses'][200]['content']['text/event-stream']>>
  | Failure<
      | HttpError<400, CreatePromptStreamOp['responses'][400]['content']['application/json']>
      | HttpError<401, CreatePromptStreamOp['responses'][401]['content']['application/json']>
      | HttpError<409, CreatePromptStreamOp['responses'][409]['content']['application/json']>
      | HttpError<429, CreatePromptStreamOp['responses'][429]['content']['application/json']>
      | HttpError<502, CreatePromptStreamOp['responses'][502]['content']['application/json']>
      | HttpError<503, CreatePromptStreamOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for llm-orchestrator: one method per operation, each resolving to a Result. */
export interface LlmOrchestratorClient {
  /** GET /internal/llm/users/{uid}/readiness: Report which providers and context a user can use */
  getReadiness(input: GetReadinessInput, options?: CallOptions<LlmOrchestratorScheme>): Promise<GetReadinessResult>;
  /** POST /llm/prompts: Answer a prompt with the user's own LLM key */
  createPrompt(input: CreatePromptInput, options?: CallOptions<LlmOrchestratorScheme>): Promise<CreatePromptResult>;
  /** POST /llm/prompts/stream: Answer a prompt with the user's own LLM key, streamed as it is generated */
  createPromptStream(input: CreatePromptStreamInput, options?: CallOptions<LlmOrchestratorScheme>): Promise<CreatePromptStreamResult>;
}

/** Creates a llm-orchestrator client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createLlmOrchestratorClient(options: ClientOptions<LlmOrchestratorScheme>): LlmOrchestratorClient {
  const call = createCaller(llmOrchestratorSpec, options);
  return {
    getReadiness: (input, options) => call("getReadiness", input, options) as Promise<GetReadinessResult>,
    createPrompt: (input, options) => call("createPrompt", input, options) as Promise<CreatePromptResult>,
    createPromptStream: (input, options) => call("createPromptStream", input, options) as Promise<CreatePromptStreamResult>,
  };
}
