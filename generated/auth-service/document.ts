// @generated from specs/auth-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/auth-service.yaml, bundled: every external `$ref` resolved into this one document. */
export const authServiceDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "auth-service",
    version: "1.0.0",
    description: "Token verification for Switchboard services. user-service (and any service with public routes)\ncalls `POST /auth/verify` from its auth middleware through a generated client with a circuit\nbreaker and a 5 s timeout. Internal callers can issue tokens and revoke them; a revoked token's\n`jti` stays on the blacklist until the token would have expired.\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3001",
    },
  ],
  tags: [
    {
      name: "auth-service",
      description: "JWT verification, issuing and revocation.",
    },
  ],
  paths: {
    "/auth/verify": {
      post: {
        operationId: "verifyToken",
        summary: "Verify a user JWT",
        description: "Checks the token's signature and expiry and, when a revocation store is configured, that its\n`jti` is not revoked. Open endpoint: no credentials besides the token itself. Answers 401 for an\ninvalid, expired or revoked token, and 503 when the revocation store cannot be consulted (the\nservice fails closed rather than accepting a possibly revoked token).\n",
        tags: ["auth-service"],
        security: [],
        "x-idempotent": true,
        "x-timeout-ms": 5000,
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/VerifyTokenRequest",
              },
              example: {
                token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl",
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The token is valid.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/VerifiedToken",
                },
                example: {
                  valid: true,
                  userId: "usr_7f3a9c",
                  email: "ada@example.com",
                  tenantId: "tnt_acme",
                },
              },
            },
          },
          "400": {
            $ref: "#/components/responses/BadRequest",
          },
          "401": {
            description: "The token is invalid, expired or revoked.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                examples: {
                  invalid: {
                    summary: "Bad signature or malformed token",
                    value: {
                      error: "Invalid token",
                      code: "TOKEN_INVALID",
                    },
                  },
                  expired: {
                    summary: "Past its expiry",
                    value: {
                      error: "Token expired",
                      code: "TOKEN_EXPIRED",
                    },
                  },
                  revoked: {
                    summary: "Its jti is on the revocation blacklist",
                    value: {
                      error: "Token revoked",
                      code: "TOKEN_REVOKED",
                    },
                  },
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
    "/internal/auth/tokens": {
      post: {
        operationId: "issueToken",
        summary: "Issue a user JWT for an internal caller",
        description: "Signs a new token with a fresh `jti`. Not idempotent: every call issues a different token.\n`ttlSeconds` defaults to 3600.\n",
        tags: ["auth-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/IssueTokenRequest",
              },
              example: {
                userId: "usr_7f3a9c",
                email: "ada@example.com",
                tenantId: "tnt_acme",
                ttlSeconds: 3600,
              },
            },
          },
        },
        responses: {
          "201": {
            description: "The token was issued.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/IssuedToken",
                },
                example: {
                  token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl",
                  tokenType: "Bearer",
                  expiresAt: "2025-06-01T13:00:00Z",
                  jti: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
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
    "/internal/auth/revocations": {
      post: {
        operationId: "revokeToken",
        summary: "Revoke a user JWT",
        description: "Puts the token's `jti` on the revocation blacklist until the token would expire. Revoking an\nalready revoked or already expired token is a no-op that still answers 204, so the call is\nsafe to repeat. A token whose signature does not verify answers 400 (`TOKEN_INVALID`).\nAnswers 503 when no revocation store is configured or it is unavailable.\n",
        tags: ["auth-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        "x-idempotent": true,
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/RevokeTokenRequest",
              },
              example: {
                token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl",
              },
            },
          },
        },
        responses: {
          "204": {
            description: "The token is revoked (or was already revoked or expired).",
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
    schemas: {
      Jwt: {
        type: "string",
        minLength: 1,
        maxLength: 8192,
        description: "A compact-serialised JWT.",
      },
      UserId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      TenantId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      Email: {
        type: "string",
        format: "email",
        maxLength: 254,
      },
      VerifyTokenRequest: {
        type: "object",
        additionalProperties: false,
        required: ["token"],
        properties: {
          token: {
            $ref: "#/components/schemas/Jwt",
          },
        },
      },
      VerifiedToken: {
        type: "object",
        additionalProperties: false,
        required: ["valid", "userId", "email", "tenantId"],
        properties: {
          valid: {
            type: "boolean",
            const: true,
          },
          userId: {
            $ref: "#/components/schemas/UserId",
          },
          email: {
            $ref: "#/components/schemas/Email",
          },
          tenantId: {
            $ref: "#/components/schemas/TenantId",
          },
        },
      },
      IssueTokenRequest: {
        type: "object",
        additionalProperties: false,
        required: ["userId", "email", "tenantId"],
        properties: {
          userId: {
            $ref: "#/components/schemas/UserId",
          },
          email: {
            $ref: "#/components/schemas/Email",
          },
          tenantId: {
            $ref: "#/components/schemas/TenantId",
          },
          ttlSeconds: {
            type: "integer",
            minimum: 60,
            maximum: 86400,
            default: 3600,
            description: "Lifetime of the token in seconds.",
          },
        },
      },
      IssuedToken: {
        type: "object",
        additionalProperties: false,
        required: ["token", "tokenType", "expiresAt", "jti"],
        properties: {
          token: {
            $ref: "#/components/schemas/Jwt",
          },
          tokenType: {
            type: "string",
            const: "Bearer",
          },
          expiresAt: {
            type: "string",
            format: "date-time",
            maxLength: 64,
          },
          jti: {
            type: "string",
            minLength: 1,
            maxLength: 128,
            description: "The token's unique id, the key of its revocation.",
          },
        },
      },
      RevokeTokenRequest: {
        type: "object",
        additionalProperties: false,
        required: ["token"],
        properties: {
          token: {
            $ref: "#/components/schemas/Jwt",
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
