// @generated from specs/llm-provider.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/llm-provider.yaml, bundled: every external `$ref` resolved into this one document. */
export const llmProviderDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "llm-provider",
    version: "1.0.0",
    description: "Streaming completions. Each event's data is JSON (`x-event-schema`): `token` events carry the next\npiece of text, one `done` event ends the stream with the token count. A client that goes away ends\nthe generation at once (the provider counts it as cancelled).\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3006",
    },
  ],
  tags: [
    {
      name: "llm-provider",
      description: "Streaming completions with the caller's API key.",
    },
  ],
  paths: {
    "/v1/completions": {
      post: {
        operationId: "createCompletion",
        summary: "Stream the completion of a prompt, token by token",
        description: "Answers `text/event-stream`: `token` events, then one `done` event. 401 when the API key is\nmissing or not one of the keys the provider knows (any key of 8+ characters in this stand-in).\nNot retried: a retry would bill the user twice.\n",
        tags: ["llm-provider"],
        security: [
          {
            ApiKey: [],
          },
        ],
        "x-timeout-ms": 5000,
        "x-retry": {
          maxAttempts: 1,
        },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/CompletionRequest",
              },
              example: {
                model: "anthropic",
                prompt: "Summarise my meeting notes from yesterday.",
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The completion, as Server-Sent Events (`token`, then `done`).",
            content: {
              "text/event-stream": {
                schema: {
                  type: "string",
                  maxLength: 1000000,
                },
                "x-event-schema": {
                  $ref: "#/components/schemas/CompletionChunk",
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
        },
      },
    },
  },
  components: {
    securitySchemes: {
      ApiKey: {
        type: "http",
        scheme: "bearer",
        description: "The user's own API key for this provider.",
      },
    },
    schemas: {
      CompletionRequest: {
        type: "object",
        additionalProperties: false,
        required: ["model", "prompt"],
        properties: {
          model: {
            type: "string",
            maxLength: 64,
            description: "Which model (here, which provider) answers.",
          },
          prompt: {
            type: "string",
            minLength: 1,
            maxLength: 16000,
          },
        },
      },
      CompletionChunk: {
        description: "One event of a completion stream.",
        oneOf: [
          {
            $ref: "#/components/schemas/TokenChunk",
          },
          {
            $ref: "#/components/schemas/DoneChunk",
          },
        ],
      },
      TokenChunk: {
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
      DoneChunk: {
        type: "object",
        additionalProperties: false,
        required: ["type", "tokens"],
        properties: {
          type: {
            const: "done",
          },
          tokens: {
            type: "integer",
            minimum: 0,
            maximum: 1000000,
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
    },
  },
};
