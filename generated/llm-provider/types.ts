// @generated from specs/llm-provider.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stream the completion of a prompt, token by token
         * @description Answers `text/event-stream`: `token` events, then one `done` event. 401 when the API key is
         *     missing or not one of the keys the provider knows (any key of 8+ characters in this stand-in).
         *     Not retried: a retry would bill the user twice.
         */
        post: operations["createCompletion"];
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
        CompletionRequest: {
            /** @description Which model (here, which provider) answers. */
            model: string;
            prompt: string;
        };
        /** @description One event of a completion stream. */
        CompletionChunk: components["schemas"]["TokenChunk"] | components["schemas"]["DoneChunk"];
        TokenChunk: {
            /** @constant */
            type: "token";
            text: string;
        };
        DoneChunk: {
            /** @constant */
            type: "done";
            tokens: number;
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
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model": "anthropic",
                 *       "prompt": "Summarise my meeting notes from yesterday."
                 *     }
                 */
                "application/json": components["schemas"]["CompletionRequest"];
            };
        };
        responses: {
            /** @description The completion, as Server-Sent Events (`token`, then `done`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["CompletionChunk"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
}
