// @generated from specs/llm-orchestrator.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/llm-orchestrator.yaml, bundled: every external `$ref` resolved into this one document. */
export const llmOrchestratorDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "llm-orchestrator",
    version: "1.0.0",
    description: "Prompt orchestration over user-service (LLM keys, usage reporting) and notion-service (context).\n\nDependencies are not equal: user-service is essential (without keys there is no answer, so its\nfailure is 502, or 503 when its circuit breaker is open), notion-service is optional (its failure\nonly drops the Notion context). A call that succeeded despite an optional dependency failing\nlists that dependency in `degraded`.\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3005",
    },
  ],
  tags: [
    {
      name: "llm-orchestrator",
      description: "Prompt orchestration and per-user readiness.",
    },
  ],
  paths: {
    "/internal/llm/users/{uid}/readiness": {
      get: {
        operationId: "getReadiness",
        summary: "Report which providers and context a user can use",
        description: "Fans out in parallel to user-service `getLlmKeys` and notion-service `getNotionContext`.\nA provider is ready when the user has a key for it; a user unknown to user-service has no\nkeys (all false). If notion-service fails, `notionConnected` is false and `degraded` lists\n`notion-service`. If user-service fails (error answer, invalid answer, timeout) the answer\nis 502; 503 when its circuit breaker is open or this service is misconfigured.\n",
        tags: ["llm-orchestrator"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        "x-timeout-ms": 5000,
        parameters: [
          {
            $ref: "#/components/parameters/Uid",
          },
        ],
        responses: {
          "200": {
            description: "The user's readiness.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Readiness",
                },
                examples: {
                  ready: {
                    summary: "Both dependencies answered",
                    value: {
                      providers: {
                        google: true,
                        openai: false,
                        anthropic: true,
                      },
                      notionConnected: true,
                      degraded: [],
                    },
                  },
                  notionDown: {
                    summary: "notion-service failed; Notion reported as not connected",
                    value: {
                      providers: {
                        google: true,
                        openai: false,
                        anthropic: true,
                      },
                      notionConnected: false,
                      degraded: ["notion-service"],
                    },
                  },
                },
              },
            },
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "502": {
            $ref: "#/components/responses/BadGateway",
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/llm/prompts": {
      post: {
        operationId: "createPrompt",
        summary: "Answer a prompt with the user's own LLM key",
        description: "Uses `provider`, or when absent the first of google, openai, anthropic the user has a key\nfor. Adds the user's Notion context when connected. After the answer it reports key usage\nto user-service; if that report fails the answer is still returned with `user-service` in\n`degraded`. Likewise a notion-service failure gives `notion-service` in `degraded` and\n`usedNotionContext: false`.\n\n409 `NO_LLM_KEY` when the user has no key for the requested provider (or none at all).\n409 rather than 422 because Prism answers invalid requests with a documented 422 first.\n502 when user-service or the LLM provider fails; 503 when auth-service or user-service is\nunavailable (circuit open) or the service is misconfigured. Not retried: a retry would\ncall the paid provider twice. 429 `RATE_LIMITED` over 30 prompts a minute per user (counted\nacross replicas when they share `REDIS_URL`).\n",
        tags: ["llm-orchestrator"],
        security: [
          {
            BearerAuth: [],
          },
        ],
        "x-rate-limit": {
          max: 30,
          windowMs: 60000,
          per: "user",
        },
        "x-timeout-ms": 10000,
        "x-retry": {
          maxAttempts: 1,
        },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/CreatePromptRequest",
              },
              example: {
                prompt: "Summarise my meeting notes from yesterday.",
                provider: "anthropic",
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The provider's answer.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/PromptResult",
                },
                examples: {
                  complete: {
                    summary: "All dependencies answered",
                    value: {
                      provider: "anthropic",
                      answer: "Yesterday you agreed on the Q3 roadmap and assigned the launch checklist to Sam.",
                      usedNotionContext: true,
                      degraded: [],
                    },
                  },
                  withoutNotion: {
                    summary: "notion-service failed; answered without Notion context",
                    value: {
                      provider: "google",
                      answer: "I could not read your notes, but here is a general summary template.",
                      usedNotionContext: false,
                      degraded: ["notion-service"],
                    },
                  },
                },
              },
            },
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "409": {
            description: "The user has no API key for the requested provider (or for any provider).",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "No API key configured for provider 'openai'",
                  code: "NO_LLM_KEY",
                },
              },
            },
          },
          "429": {
            $ref: "#/components/responses/TooManyRequests",
          },
          "502": {
            $ref: "#/components/responses/BadGateway",
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/llm/prompts/stream": {
      post: {
        operationId: "createPromptStream",
        summary: "Answer a prompt with the user's own LLM key, streamed as it is generated",
        description: "Like `createPrompt`, but the answer flows from the LLM provider to the caller token by token\nas Server-Sent Events (each event's data is a `PromptStreamEvent`): `token` events, then one\n`done` event after key usage was reported to user-service, or one `error` event when the\nprovider fails mid-stream. A caller that goes away cancels the provider's generation.\n\nErrors before the stream starts are plain answers: 409 `NO_LLM_KEY`, 502 when user-service or\nthe provider fails, 503 when a dependency is unavailable, 429 `RATE_LIMITED` over 30 streamed\nprompts a minute per user. Not retried: a retry would call the paid provider twice.\n",
        tags: ["llm-orchestrator"],
        security: [
          {
            BearerAuth: [],
          },
        ],
        "x-rate-limit": {
          max: 30,
          windowMs: 60000,
          per: "user",
        },
        "x-timeout-ms": 10000,
        "x-retry": {
          maxAttempts: 1,
        },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/CreatePromptRequest",
              },
              example: {
                prompt: "Summarise my meeting notes from yesterday.",
                provider: "anthropic",
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The answer as Server-Sent Events (`token`..., then `done` or `error`).",
            content: {
              "text/event-stream": {
                schema: {
                  type: "string",
                  maxLength: 1000000,
                },
                "x-event-schema": {
                  $ref: "#/components/schemas/PromptStreamEvent",
                },
              },
            },
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "409": {
            description: "The user has no API key for the requested provider (or for any provider).",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "No API key configured for provider 'openai'",
                  code: "NO_LLM_KEY",
                },
              },
            },
          },
          "429": {
            $ref: "#/components/responses/TooManyRequests",
          },
          "502": {
            $ref: "#/components/responses/BadGateway",
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      InternalAuth: {
        type: "apiKey",
        in: "header",
        name: "X-Internal-Auth",
        description: "Shared secret for service-to-service calls (env `INTEXURAOS_INTERNAL_AUTH_TOKEN`, legacy\n`INTERNAL_AUTH_TOKEN`). A missing or wrong value gets 401 `{\"error\":\"Unauthorized\"}`.\n",
      },
      BearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description: "User JWT issued by auth-service and checked through `POST /auth/verify`.",
      },
    },
    parameters: {
      Uid: {
        name: "uid",
        in: "path",
        required: true,
        description: "The user's id.",
        schema: {
          type: "string",
          minLength: 1,
          maxLength: 128,
          pattern: "^[A-Za-z0-9_-]+$",
        },
        example: "usr_7f3a9c",
      },
    },
    schemas: {
      LlmProvider: {
        type: "string",
        enum: ["google", "openai", "anthropic"],
      },
      Dependency: {
        type: "string",
        enum: ["user-service", "notion-service"],
      },
      DegradedDependencies: {
        type: "array",
        description: "Optional dependencies that failed while serving this call; empty when none did.",
        maxItems: 2,
        uniqueItems: true,
        items: {
          $ref: "#/components/schemas/Dependency",
        },
      },
      ProviderReadiness: {
        type: "object",
        additionalProperties: false,
        required: ["google", "openai", "anthropic"],
        properties: {
          google: {
            type: "boolean",
          },
          openai: {
            type: "boolean",
          },
          anthropic: {
            type: "boolean",
          },
        },
      },
      Readiness: {
        type: "object",
        additionalProperties: false,
        required: ["providers", "notionConnected", "degraded"],
        properties: {
          providers: {
            $ref: "#/components/schemas/ProviderReadiness",
          },
          notionConnected: {
            type: "boolean",
          },
          degraded: {
            $ref: "#/components/schemas/DegradedDependencies",
          },
        },
      },
      CreatePromptRequest: {
        type: "object",
        additionalProperties: false,
        required: ["prompt"],
        properties: {
          prompt: {
            type: "string",
            minLength: 1,
            maxLength: 8000,
          },
          provider: {
            $ref: "#/components/schemas/LlmProvider",
          },
        },
      },
      PromptResult: {
        type: "object",
        additionalProperties: false,
        required: ["provider", "answer", "usedNotionContext", "degraded"],
        properties: {
          provider: {
            $ref: "#/components/schemas/LlmProvider",
          },
          answer: {
            type: "string",
            maxLength: 16000,
          },
          usedNotionContext: {
            type: "boolean",
          },
          degraded: {
            $ref: "#/components/schemas/DegradedDependencies",
          },
        },
      },
      PromptStreamEvent: {
        description: "One event of a streamed answer.",
        oneOf: [
          {
            $ref: "#/components/schemas/PromptToken",
          },
          {
            $ref: "#/components/schemas/PromptDone",
          },
          {
            $ref: "#/components/schemas/PromptStreamError",
          },
        ],
      },
      PromptToken: {
        type: "object",
        additionalProperties: false,
        required: ["type", "text"],
        properties: {
          type: {
            const: "token",
          },
          text: {
            type: "string",
            maxLength: 1000,
          },
        },
      },
      PromptDone: {
        type: "object",
        additionalProperties: false,
        required: ["type", "provider", "tokens", "usedNotionContext", "degraded"],
        properties: {
          type: {
            const: "done",
          },
          provider: {
            $ref: "#/components/schemas/LlmProvider",
          },
          tokens: {
            type: "integer",
            minimum: 0,
            maximum: 1000000,
          },
          usedNotionContext: {
            type: "boolean",
          },
          degraded: {
            $ref: "#/components/schemas/DegradedDependencies",
          },
        },
      },
      PromptStreamError: {
        type: "object",
        additionalProperties: false,
        required: ["type", "error", "code"],
        properties: {
          type: {
            const: "error",
          },
          error: {
            type: "string",
            maxLength: 500,
          },
          code: {
            type: "string",
            maxLength: 64,
            pattern: "^[A-Z_]+$",
          },
        },
      },
      Error: {
        type: "object",
        description: "The single error body of every Switchboard service.",
        additionalProperties: false,
        required: ["error"],
        properties: {
          error: {
            type: "string",
            maxLength: 500,
            description: "Human-readable message; never contains secrets. Generic for 5xx.",
          },
          code: {
            type: "string",
            maxLength: 64,
            pattern: "^[A-Z_]+$",
            description: "Optional machine-readable code, e.g. `NOT_FOUND`, `DOWNSTREAM_ERROR`.",
          },
        },
      },
    },
    responses: {
      BadRequest: {
        description: "The request does not match the contract (body, path or header parameters).",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Invalid request: body must have required property 'token'",
              code: "BAD_REQUEST",
            },
          },
        },
      },
      Unauthorized: {
        description: "Missing or invalid credentials.",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Unauthorized",
            },
          },
        },
      },
      BadGateway: {
        description: "A downstream service answered with an error, an invalid response, or timed out.",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Downstream error",
              code: "DOWNSTREAM_ERROR",
            },
          },
        },
      },
      ServiceUnavailable: {
        description: "The service is misconfigured or a store/downstream it depends on is unavailable\n(e.g. its circuit breaker is open). Safe to retry later.\n",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Service temporarily unavailable",
              code: "SERVICE_UNAVAILABLE",
            },
          },
        },
      },
      TooManyRequests: {
        description: "Over the operation's `x-rate-limit`; counted across the service's replicas when they share Redis.\nRetry after the number of seconds in `Retry-After`.\n",
        headers: {
          "Retry-After": {
            description: "Seconds until the caller's allowance is renewed.",
            schema: {
              type: "integer",
              minimum: 0,
            },
          },
        },
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Rate limit of 30 requests exceeded, retry in 1 minute",
              code: "RATE_LIMITED",
            },
          },
        },
      },
    },
  },
};
