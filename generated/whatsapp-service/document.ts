// @generated from specs/whatsapp-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

/** specs/whatsapp-service.yaml, bundled: every external `$ref` resolved into this one document. */
export const whatsappServiceDocument: Record<string, unknown> = {
  openapi: "3.1.0",
  info: {
    title: "whatsapp-service",
    version: "1.0.0",
    description: "Outgoing WhatsApp messages. `POST .../messages` is accepted asynchronously (202) and deduplicated\nby `Idempotency-Key`: a repeat with the same key and body answers 202 with the first message's id\nand `deduplicated: true`. Every route answers 503 when the message store is unavailable.\n",
  },
  servers: [
    {
      url: "http://127.0.0.1:3004",
    },
  ],
  tags: [
    {
      name: "whatsapp-service",
      description: "Outgoing WhatsApp messages.",
    },
  ],
  paths: {
    "/internal/whatsapp/messages": {
      post: {
        operationId: "sendMessage",
        summary: "Send a WhatsApp text message",
        description: "Queues the message for sending (or sends it at once) and answers 202 with its id. The\n`Idempotency-Key` header is required; reusing a key with a different body answers 409.\n",
        tags: ["whatsapp-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        "x-idempotent": true,
        "x-timeout-ms": 5000,
        parameters: [
          {
            $ref: "#/components/parameters/IdempotencyKey",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/SendMessageRequest",
              },
              example: {
                userId: "usr_7f3a9c",
                to: "+447700900123",
                text: "Your summary is ready.",
              },
            },
          },
        },
        responses: {
          "202": {
            description: "The message was accepted (or had already been accepted under this key).",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/SendMessageResponse",
                },
                examples: {
                  accepted: {
                    summary: "First call with this key",
                    value: {
                      messageId: "msg_01HZX3K9QF7T",
                      status: "queued",
                      deduplicated: false,
                    },
                  },
                  replayed: {
                    summary: "Repeat of an earlier call with the same key and body",
                    value: {
                      messageId: "msg_01HZX3K9QF7T",
                      status: "sent",
                      deduplicated: true,
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
            description: "The Idempotency-Key was already used with a different request body.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Error",
                },
                example: {
                  error: "Idempotency-Key was already used with a different request",
                  code: "IDEMPOTENCY_KEY_REUSED",
                },
              },
            },
          },
          "503": {
            description: "The message store is unavailable (`SERVICE_UNAVAILABLE`), or the first request with this\nIdempotency-Key is still being sent after a short wait (`IDEMPOTENCY_KEY_IN_PROGRESS`, with\n`Retry-After`). Retrying with the same key and body is safe: it never sends twice.\n",
            headers: {
              "Retry-After": {
                description: "Seconds to wait before retrying; sent with `IDEMPOTENCY_KEY_IN_PROGRESS`.",
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
                examples: {
                  unavailable: {
                    summary: "The message store is unavailable",
                    value: {
                      error: "Service temporarily unavailable",
                      code: "SERVICE_UNAVAILABLE",
                    },
                  },
                  inProgress: {
                    summary: "The first request with this key is still running",
                    value: {
                      error: "A request with this Idempotency-Key is still in progress; retry later",
                      code: "IDEMPOTENCY_KEY_IN_PROGRESS",
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/internal/whatsapp/messages/{messageId}": {
      get: {
        operationId: "getMessage",
        summary: "Get a message and its status",
        tags: ["whatsapp-service"],
        security: [
          {
            InternalAuth: [],
          },
        ],
        parameters: [
          {
            $ref: "#/components/parameters/MessageIdPath",
          },
        ],
        responses: {
          "200": {
            description: "The message.",
            content: {
              "application/json": {
                schema: {
                  $ref: "#/components/schemas/Message",
                },
                example: {
                  messageId: "msg_01HZX3K9QF7T",
                  userId: "usr_7f3a9c",
                  to: "+447700900123",
                  text: "Your summary is ready.",
                  status: "sent",
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
          "404": {
            $ref: "#/components/responses/NotFound",
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
      IdempotencyKey: {
        name: "Idempotency-Key",
        in: "header",
        required: true,
        description: "Client-chosen key, unique per message. A repeat with the same key and body returns the\nfirst outcome instead of sending twice.\n",
        schema: {
          type: "string",
          minLength: 8,
          maxLength: 128,
          pattern: "^[A-Za-z0-9._:-]+$",
        },
        example: "msg-2f9c4e1a-8b7d-4c3e-a1f0-5d6e7f8a9b0c",
      },
      MessageIdPath: {
        name: "messageId",
        in: "path",
        required: true,
        schema: {
          $ref: "#/components/schemas/MessageId",
        },
        example: "msg_01HZX3K9QF7T",
      },
    },
    schemas: {
      MessageId: {
        type: "string",
        minLength: 1,
        maxLength: 64,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      UserId: {
        type: "string",
        minLength: 1,
        maxLength: 128,
        pattern: "^[A-Za-z0-9_-]+$",
      },
      PhoneNumber: {
        type: "string",
        maxLength: 16,
        pattern: "^\\+[1-9][0-9]{6,14}$",
        description: "E.164 phone number.",
      },
      MessageText: {
        type: "string",
        minLength: 1,
        maxLength: 4096,
      },
      MessageStatus: {
        type: "string",
        enum: ["queued", "sent"],
        description: "`queued` until handed to WhatsApp (the service retries failed sends itself), then `sent`.\n",
      },
      SendMessageRequest: {
        type: "object",
        additionalProperties: false,
        required: ["userId", "to", "text"],
        properties: {
          userId: {
            $ref: "#/components/schemas/UserId",
          },
          to: {
            $ref: "#/components/schemas/PhoneNumber",
          },
          text: {
            $ref: "#/components/schemas/MessageText",
          },
        },
      },
      SendMessageResponse: {
        type: "object",
        additionalProperties: false,
        required: ["messageId", "status", "deduplicated"],
        properties: {
          messageId: {
            $ref: "#/components/schemas/MessageId",
          },
          status: {
            $ref: "#/components/schemas/MessageStatus",
          },
          deduplicated: {
            type: "boolean",
            description: "True when this key was seen before and no new message was created.",
          },
        },
      },
      Message: {
        type: "object",
        additionalProperties: false,
        required: ["messageId", "userId", "to", "text", "status", "createdAt"],
        properties: {
          messageId: {
            $ref: "#/components/schemas/MessageId",
          },
          userId: {
            $ref: "#/components/schemas/UserId",
          },
          to: {
            $ref: "#/components/schemas/PhoneNumber",
          },
          text: {
            $ref: "#/components/schemas/MessageText",
          },
          status: {
            $ref: "#/components/schemas/MessageStatus",
          },
          createdAt: {
            type: "string",
            format: "date-time",
            maxLength: 64,
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
      NotFound: {
        description: "The resource does not exist.",
        content: {
          "application/json": {
            schema: {
              $ref: "#/components/schemas/Error",
            },
            example: {
              error: "Not found",
              code: "NOT_FOUND",
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
