// @generated from specs/notion-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/notion-service.yaml, bundled: every external `$ref` resolved into this one document. */
export const notionServiceDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "notion-service",
    version: "1.0.0",
    description: "Per-user Notion connections. `GET .../context` answers `{connected: true, token}` or\n`{connected: false, token: null}`; connecting and disconnecting are idempotent.\nEvery route answers 503 when its store is unavailable or the service is misconfigured.\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3003",
    },
  ],
  tags: [
    {
      name: "notion-service",
      description: "Users' Notion connections.",
    },
  ],
  paths: {
    "/internal/notion/users/{userId}/context": {
      get: {
        operationId: "getNotionContext",
        summary: "Get a user's Notion connection context",
        description: "A user who never connected Notion (or is unknown to this service) is simply not connected:\nthis answers 200 `{connected: false, token: null}`, never 404.\n",
        tags: ["notion-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/UserIdPath",
          },
        ],
        responses: {
          "200": {
            description: "Whether the user is connected, and the token when they are.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/NotionContext",
                },
                examples: {
                  connected: {
                    summary: "The user has connected Notion",
                    value: {
                      connected: true,
                      token: "secret_3xAmPl3NotionIntegrationToken0000000000",
                    },
                  },
                  disconnected: {
                    summary: "The user has not connected Notion",
                    value: {
                      connected: false,
                      token: null,
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
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/internal/notion/users/{userId}/connection": {
      put: {
        operationId: "connectNotion",
        summary: "Connect Notion for a user",
        description: "Stores (or replaces) the user's Notion integration token.",
        tags: ["notion-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/UserIdPath",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/ConnectNotionRequest",
              },
              example: {
                token: "secret_3xAmPl3NotionIntegrationToken0000000000",
              },
            },
          },
        },
        responses: {
          "204": {
            description: "The user is connected with this token.",
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
      delete: {
        operationId: "disconnectNotion",
        summary: "Disconnect Notion for a user",
        description: "Forgets the user's Notion token. Idempotent; 204 even if the user was not connected.",
        tags: ["notion-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/UserIdPath",
          },
        ],
        responses: {
          "204": {
            description: "The user is not connected (any more).",
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
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
    },
    parameters: {
      UserIdPath: {
        name: "userId",
        in: "path",
        required: true,
        description: "The user's id (same id as in user-service).",
        schema: {
          $ref: "#/components/schemas/UserId",
        },
        example: "usr_7f3a9c",
      },
    },
    schemas: {
      UserId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      NotionToken: {
        type: "string",
        minLength: 1,
        maxLength: 512,
        description: "A Notion integration token.",
      },
      NotionConnected: {
        type: "object",
        additionalProperties: false,
        required: ["connected", "token"],
        properties: {
          connected: {
            type: "boolean",
            const: true,
          },
          token: {
            $ref: "#/components/schemas/NotionToken",
          },
        },
      },
      NotionDisconnected: {
        type: "object",
        additionalProperties: false,
        required: ["connected", "token"],
        properties: {
          connected: {
            type: "boolean",
            const: false,
          },
          token: {
            type: "null",
          },
        },
      },
      NotionContext: {
        oneOf: [
          {
            $ref: "#/components/schemas/NotionConnected",
          },
          {
            $ref: "#/components/schemas/NotionDisconnected",
          },
        ],
      },
      ConnectNotionRequest: {
        type: "object",
        additionalProperties: false,
        required: ["token"],
        properties: {
          token: {
            $ref: "#/components/schemas/NotionToken",
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
    },
  },
};
