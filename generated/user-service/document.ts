// @generated from specs/user-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/user-service.yaml, bundled: every external `$ref` resolved into this one document. */
export const userServiceDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "user-service",
    version: "1.0.0",
    description: "Users, their LLM provider keys and their OAuth connections.\n\nInternal endpoints (prefix `users`, under `/internal/users/...`) require `X-Internal-Auth`.\nPublic endpoints require a user JWT; the middleware verifies it with auth-service through a\ncircuit breaker (3 failures, 2 successes; open 1 s, doubling per failed probe up to 30 s) and a 5 s\ntimeout, answering 401 for a bad token and 503 \"temporarily unavailable\" when auth-service cannot\nbe reached or the breaker is open.\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3002",
    },
  ],
  tags: [
    {
      name: "user-service",
      description: "Users, LLM keys and OAuth tokens.",
    },
  ],
  paths: {
    "/internal/users/{uid}/llm-keys": {
      get: {
        operationId: "getLlmKeys",
        summary: "Get a user's decrypted LLM keys",
        description: "Returns every provider's decrypted key, or null for a provider the user has not configured.\n404 when the user does not exist.\n",
        tags: ["user-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/Uid",
          },
        ],
        responses: {
          "200": {
            description: "The user's keys, null where not configured.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/LlmKeys",
                },
                example: {
                  google: "AIzaSyA-example-google-key-000000000",
                  openai: null,
                  anthropic: "sk-ant-api03-example-key",
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
          "404": {
            $ref: "#/components/responses/UserNotFound",
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/internal/users/{uid}/llm-keys/{provider}/last-used": {
      post: {
        operationId: "reportLlmKeyUsage",
        summary: "Record that a user's LLM key was just used",
        description: "Sets the key's last-used timestamp to now. Safe to repeat: a retry only moves the timestamp.\n404 when the user does not exist or has no key for that provider.\n",
        tags: ["user-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        "x-idempotent": true,
        parameters: [
          {
            $ref: "#/components/parameters/Uid",
          },
          {
            $ref: "#/components/parameters/LlmProviderPath",
          },
        ],
        responses: {
          "204": {
            description: "Usage recorded.",
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "404": {
            description: "The user does not exist or has no key for this provider.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "No key stored for provider 'openai'",
                  code: "LLM_KEY_NOT_FOUND",
                },
              },
            },
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/internal/users/{uid}/oauth/{provider}/token": {
      get: {
        operationId: "getOAuthToken",
        summary: "Get a user's OAuth access token for a provider",
        description: "404 when the user does not exist or has not connected that provider.",
        tags: ["user-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/Uid",
          },
          {
            $ref: "#/components/parameters/OAuthProviderPath",
          },
        ],
        responses: {
          "200": {
            description: "The current access token.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/OAuthToken",
                },
                example: {
                  accessToken: "ya29.a0AfH6SMB-example-access-token",
                  tokenType: "Bearer",
                  expiresAt: "2025-06-01T13:00:00Z",
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
          "404": {
            description: "The user does not exist or has not connected this provider.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "User has not connected 'google'",
                  code: "OAUTH_NOT_CONNECTED",
                },
              },
            },
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/users": {
      post: {
        operationId: "createUser",
        summary: "Create the calling user's profile",
        description: "Creates the profile of the user the bearer token belongs to: `id` and `tenantId` come from\nthe verified token. 409 when that user (or a user with that email) already exists.\n",
        tags: ["user-service"],
        security: [
          {
            BearerAuth: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/CreateUserRequest",
              },
              example: {
                email: "ada@example.com",
                displayName: "Ada Lovelace",
              },
            },
          },
        },
        responses: {
          "201": {
            description: "The user was created.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/User",
                },
                example: {
                  id: "usr_7f3a9c",
                  email: "ada@example.com",
                  displayName: "Ada Lovelace",
                  tenantId: "tnt_acme",
                  createdAt: "2025-06-01T12:00:00Z",
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
            description: "The user already exists.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "User already exists",
                  code: "USER_EXISTS",
                },
              },
            },
          },
          "503": {
            $ref: "#/components/responses/ServiceUnavailable",
          },
        },
      },
    },
    "/users/{uid}/llm-keys/{provider}": {
      put: {
        operationId: "setLlmKey",
        summary: "Store the user's API key for an LLM provider",
        description: "Stores (or replaces) the key, encrypted at rest. Only the user the token belongs to may set\ntheir own keys: 403 when `uid` is not the token's user; 404 when the profile does not exist yet.\n",
        tags: ["user-service"],
        security: [
          {
            BearerAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/Uid",
          },
          {
            $ref: "#/components/parameters/LlmProviderPath",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/SetLlmKeyRequest",
              },
              example: {
                apiKey: "sk-ant-api03-example-key",
              },
            },
          },
        },
        responses: {
          "204": {
            description: "The key is stored.",
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            $ref: "#/components/responses/Unauthorized",
          },
          "403": {
            $ref: "#/components/responses/Forbidden",
          },
          "404": {
            $ref: "#/components/responses/UserNotFound",
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
          $ref: "#/components/schemas/UserId",
        },
        example: "usr_7f3a9c",
      },
      LlmProviderPath: {
        name: "provider",
        in: "path",
        required: true,
        schema: {
          $ref: "#/components/schemas/LlmProvider",
        },
        example: "openai",
      },
      OAuthProviderPath: {
        name: "provider",
        in: "path",
        required: true,
        schema: {
          $ref: "#/components/schemas/OAuthProvider",
        },
        example: "google",
      },
    },
    responses: {
      UserNotFound: {
        description: "The user does not exist.",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "User not found",
              code: "USER_NOT_FOUND",
            },
          },
        },
      },
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
      Forbidden: {
        description: "The caller is authenticated but may not act on this resource.",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Forbidden",
              code: "FORBIDDEN",
            },
          },
        },
      },
    },
    schemas: {
      UserId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      LlmProvider: {
        type: "string",
        enum: ["google", "openai", "anthropic"],
        description: "An LLM provider a user can store an API key for.",
      },
      OAuthProvider: {
        type: "string",
        enum: ["google"],
        description: "An OAuth provider a user can connect.",
      },
      LlmKey: {
        type: ["string", "null"],
        maxLength: 512,
        description: "The decrypted API key, or null when the user has not configured one.",
      },
      LlmKeys: {
        type: "object",
        additionalProperties: false,
        required: ["google", "openai", "anthropic"],
        properties: {
          google: {
            $ref: "#/components/schemas/LlmKey",
          },
          openai: {
            $ref: "#/components/schemas/LlmKey",
          },
          anthropic: {
            $ref: "#/components/schemas/LlmKey",
          },
        },
      },
      OAuthToken: {
        type: "object",
        additionalProperties: false,
        required: ["accessToken", "tokenType", "expiresAt"],
        properties: {
          accessToken: {
            type: "string",
            minLength: 1,
            maxLength: 4096,
          },
          tokenType: {
            type: "string",
            minLength: 1,
            maxLength: 32,
            description: "Usually `Bearer`.",
          },
          expiresAt: {
            type: ["string", "null"],
            format: "date-time",
            maxLength: 64,
            description: "When the access token expires; null when the provider did not say.",
          },
        },
      },
      CreateUserRequest: {
        type: "object",
        additionalProperties: false,
        required: ["email", "displayName"],
        properties: {
          email: {
            type: "string",
            format: "email",
            maxLength: 254,
          },
          displayName: {
            type: "string",
            minLength: 1,
            maxLength: 100,
          },
        },
      },
      User: {
        type: "object",
        additionalProperties: false,
        required: ["id", "email", "displayName", "tenantId", "createdAt"],
        properties: {
          id: {
            $ref: "#/components/schemas/UserId",
          },
          email: {
            type: "string",
            format: "email",
            maxLength: 254,
          },
          displayName: {
            type: "string",
            minLength: 1,
            maxLength: 100,
          },
          tenantId: {
            type: "string",
            minLength: 1,
            maxLength: 128,
            pattern: "^[A-Za-z0-9_-]+$",
          },
          createdAt: {
            type: "string",
            format: "date-time",
            maxLength: 64,
          },
        },
      },
      SetLlmKeyRequest: {
        type: "object",
        additionalProperties: false,
        required: ["apiKey"],
        properties: {
          apiKey: {
            type: "string",
            minLength: 8,
            maxLength: 512,
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
  },
};
