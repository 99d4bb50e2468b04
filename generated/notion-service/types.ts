// @generated from specs/notion-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/internal/notion/users/{userId}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's Notion connection context
         * @description A user who never connected Notion (or is unknown to this service) is simply not connected:
         *     this answers 200 `{connected: false, token: null}`, never 404.
         */
        get: operations["getNotionContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/notion/users/{userId}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Connect Notion for a user
         * @description Stores (or replaces) the user's Notion integration token.
         */
        put: operations["connectNotion"];
        post?: never;
        /**
         * Disconnect Notion for a user
         * @description Forgets the user's Notion token. Idempotent; 204 even if the user was not connected.
         */
        delete: operations["disconnectNotion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        UserId: string;
        /** @description A Notion integration token. */
        NotionToken: string;
        NotionConnected: {
            /** @constant */
            connected: true;
            token: components["schemas"]["NotionToken"];
        };
        NotionDisconnected: {
            /** @constant */
            connected: false;
            token: null;
        };
        NotionContext: components["schemas"]["NotionConnected"] | components["schemas"]["NotionDisconnected"];
        ConnectNotionRequest: {
            token: components["schemas"]["NotionToken"];
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
         * @description The user's id (same id as in user-service).
         * @example usr_7f3a9c
         */
        UserIdPath: components["schemas"]["UserId"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getNotionContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id (same id as in user-service).
                 * @example usr_7f3a9c
                 */
                userId: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the user is connected, and the token when they are. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotionContext"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    connectNotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id (same id as in user-service).
                 * @example usr_7f3a9c
                 */
                userId: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "secret_3xAmPl3NotionIntegrationToken0000000000"
                 *     }
                 */
                "application/json": components["schemas"]["ConnectNotionRequest"];
            };
        };
        responses: {
            /** @description The user is connected with this token. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    disconnectNotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id (same id as in user-service).
                 * @example usr_7f3a9c
                 */
                userId: components["parameters"]["UserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is not connected (any more). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
