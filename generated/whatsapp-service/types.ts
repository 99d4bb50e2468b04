// @generated from specs/whatsapp-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/internal/whatsapp/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a WhatsApp text message
         * @description Queues the message for sending (or sends it at once) and answers 202 with its id. The
         *     `Idempotency-Key` header is required; reusing a key with a different body answers 409.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/whatsapp/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message and its status */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MessageId: string;
        UserId: string;
        /** @description E.164 phone number. */
        PhoneNumber: string;
        MessageText: string;
        /**
         * @description `queued` until handed to WhatsApp (the service retries failed sends itself), then `sent`.
         * @enum {string}
         */
        MessageStatus: "queued" | "sent";
        SendMessageRequest: {
            userId: components["schemas"]["UserId"];
            to: components["schemas"]["PhoneNumber"];
            text: components["schemas"]["MessageText"];
        };
        SendMessageResponse: {
            messageId: components["schemas"]["MessageId"];
            status: components["schemas"]["MessageStatus"];
            /** @description True when this key was seen before and no new message was created. */
            deduplicated: boolean;
        };
        Message: {
            messageId: components["schemas"]["MessageId"];
            userId: components["schemas"]["UserId"];
            to: components["schemas"]["PhoneNumber"];
            text: components["schemas"]["MessageText"];
            status: components["schemas"]["MessageStatus"];
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The single error body of every Switchboard service. */
        Error: {
            /** @description Human-readable message; never contains secrets. Generic for 5xx. */
            error: string;
            /** @description Optional machine-readable code, e.g. `NOT_FOUND`, `DOWNSTREAM_ERROR`. */
            code?: string;
        };
    };
    responses: {
        /** @description The request does not match the contract (body, path or header parameters). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Invalid request: body must have required property 'token'",
                 *       "code": "BAD_REQUEST"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing or invalid credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Unauthorized"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Not found",
                 *       "code": "NOT_FOUND"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The service is misconfigured or a store/downstream it depends on is unavailable
         *     (e.g. its circuit breaker is open). Safe to retry later.
         */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Service temporarily unavailable",
                 *       "code": "SERVICE_UNAVAILABLE"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Client-chosen key, unique per message. A repeat with the same key and body returns the
         *     first outcome instead of sending twice.
         * @example msg-2f9c4e1a-8b7d-4c3e-a1f0-5d6e7f8a9b0c
         */
        IdempotencyKey: string;
        /** @example msg_01HZX3K9QF7T */
        MessageIdPath: components["schemas"]["MessageId"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sendMessage: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Client-chosen key, unique per message. A repeat with the same key and body returns the
                 *     first outcome instead of sending twice.
                 * @example msg-2f9c4e1a-8b7d-4c3e-a1f0-5d6e7f8a9b0c
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "usr_7f3a9c",
                 *       "to": "+447700900123",
                 *       "text": "Your summary is ready."
                 *     }
                 */
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description The message was accepted (or had already been accepted under this key). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendMessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The Idempotency-Key was already used with a different request body. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "Idempotency-Key was already used with a different request",
                     *       "code": "IDEMPOTENCY_KEY_REUSED"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description The message store is unavailable (`SERVICE_UNAVAILABLE`), or the first request with this
             *     Idempotency-Key is still being sent after a short wait (`IDEMPOTENCY_KEY_IN_PROGRESS`, with
             *     `Retry-After`). Retrying with the same key and body is safe: it never sends twice.
             */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying; sent with `IDEMPOTENCY_KEY_IN_PROGRESS`. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example msg_01HZX3K9QF7T */
                messageId: components["parameters"]["MessageIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageId": "msg_01HZX3K9QF7T",
                     *       "userId": "usr_7f3a9c",
                     *       "to": "+447700900123",
                     *       "text": "Your summary is ready.",
                     *       "status": "sent",
                     *       "createdAt": "2025-06-01T12:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
