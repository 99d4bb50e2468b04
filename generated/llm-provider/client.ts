// @generated from specs/llm-provider.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** Security scheme names of llm-provider, the keys of `credentials`. */
export type LlmProviderScheme = "ApiKey";

/** What the runtime needs to know about each operation of llm-provider. */
export const llmProviderSpec: ServiceSpec = {
  name: "llm-provider",
  schemes: {
    ApiKey: {
      type: "http",
      scheme: "bearer",
    },
  },
  operations: {
    createCompletion: {
      method: "post",
      path: "/v1/completions",
      security: [
        ["ApiKey"],
      ],
      idempotent: false,
      statuses: [200, 400, 401],
      hasDefault: false,
      parseAs: "events",
      events: "json",
      timeoutMs: 5000,
      retry: {
        maxAttempts: 1,
      },
    },
  },
};

type CreateCompletionOp = paths["/v1/completions"]["post"];
/** Input of `createCompletion`. */
export type CreateCompletionInput = {
  body: NonNullable<CreateCompletionOp['requestBody']>['content']['application/json'];
};

/** Result of `createCompletion`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type CreateCompletionResult =
  | Success<200, EventStream<CreateCompletionOp['responses'][200]['content']['text/event-stream']>>
  | Failure<
      | HttpError<400, CreateCompletionOp['responses'][400]['content']['application/json']>
      | HttpError<401, CreateCompletionOp['responses'][401]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for llm-provider: one method per operation, each resolving to a Result. */
export interface LlmProviderClient {
  /** POST /v1/completions: Stream the completion of a prompt, token by token */
  createCompletion(input: CreateCompletionInput, options?: CallOptions<LlmProviderScheme>): Promise<CreateCompletionResult>;
}

/** Creates a llm-provider client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createLlmProviderClient(options: ClientOptions<LlmProviderScheme>): LlmProviderClient {
  const call = createCaller(llmProviderSpec, options);
  return {
    createCompletion: (input, options) => call("createCompletion", input, options) as Promise<CreateCompletionResult>,
  };
}
