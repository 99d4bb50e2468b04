// @generated from specs/llm-orchestrator.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/internal/llm/users/{uid}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report which providers and context a user can use
         * @description Fans out in parallel to user-service `getLlmKeys` and notion-service `getNotionContext`.
         *     A provider is ready when the user has a key for it; a user unknown to user-service has no
         *     keys (all false). If notion-service fails, `notionConnected` is false and `degraded` lists
         *     `notion-service`. If user-service fails (error answer, invalid answer, timeout) the answer
         *     is 502; 503 when its circuit breaker is open or this service is misconfigured.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a prompt with the user's own LLM key
         * @description Uses `provider`, or when absent the first of google, openai, anthropic the user has a key
         *     for. Adds the user's Notion context when connected. After the answer it reports key usage
         *     to user-service; if that report fails the answer is still returned with `user-service` in
         *     `degraded`. Likewise a notion-service failure gives `notion-service` in `degraded` and
         *     `usedNotionContext: false`.
         *
         *     409 `NO_LLM_KEY` when the user has no key for the requested provider (or none at all).
         *     409 rather than 422 because Prism answers invalid requests with a documented 422 first.
         *     502 when user-service or the LLM provider fails; 503 when auth-service or user-service is
         *     unavailable (circuit open) or the service is misconfigured. Not retried: a retry would
         *     call the paid provider twice. 429 `RATE_LIMITED` over 30 prompts a minute per user (counted
         *     across replicas when they share `REDIS_URL`).
         */
        post: operations["createPrompt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/llm/prompts/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a prompt with the user's own LLM key, streamed as it is generated
         * @description Like `createPrompt`, but the answer flows from the LLM provider to the caller token by token
         *     as Server-Sent Events (each event's data is a `PromptStreamEvent`): `token` events, then one
         *     `done` event after key usage was reported to user-service, or one `error` event when the
         *     provider fails mid-stream. A caller that goes away cancels the provider's generation.
         *
         *     Errors before the stream starts are plain answers: 409 `NO_LLM_KEY`, 502 when user-service or
         *     the provider fails, 503 when a dependency is unavailable, 429 `RATE_LIMITED` over 30 streamed
         *     prompts a minute per user. Not retried: a retry would call the paid provider twice.
         */
        post: operations["createPromptStream"];
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
        /** @enum {string} */
        LlmProvider: "google" | "openai" | "anthropic";
        /** @enum {string} */
        Dependency: "user-service" | "notion-service";
        /** @description Optional dependencies that failed while serving this call; empty when none did. */
        DegradedDependencies: components["schemas"]["Dependency"][];
        ProviderReadiness: {
            google: boolean;
            openai: boolean;
            anthropic: boolean;
        };
        Readiness: {
            providers: components["schemas"]["ProviderReadiness"];
            notionConnected: boolean;
            degraded: components["schemas"]["DegradedDependencies"];
        };
        CreatePromptRequest: {
            prompt: string;
            provider?: components["schemas"]["LlmProvider"];
        };
        PromptResult: {
            provider: components["schemas"]["LlmProvider"];
            answer: string;
            usedNotionContext: boolean;
            degraded: components["schemas"]["DegradedDependencies"];
        };
        /** @description One event of a streamed answer. */
        PromptStreamEvent: components["schemas"]["PromptToken"] | components["schemas"]["PromptDone"] | components["schemas"]["PromptStreamError"];
        PromptToken: {
            /** @constant */
            type: "token";
            text: string;
        };
        PromptDone: {
            /** @constant */
            type: "done";
            provider: components["schemas"]["LlmProvider"];
            tokens: number;
            usedNotionContext: boolean;
            degraded: components["schemas"]["DegradedDependencies"];
        };
        PromptStreamError: {
            /** @constant */
            type: "error";
            error: string;
            code: string;
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
        /** @description A downstream service answered with an error, an invalid response, or timed out. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Downstream error",
                 *       "code": "DOWNSTREAM_ERROR"
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
        /**
         * @description Over the operation's `x-rate-limit`; counted across the service's replicas when they share Redis.
         *     Retry after the number of seconds in `Retry-After`.
         */
        TooManyRequests: {
            headers: {
                /** @description Seconds until the caller's allowance is renewed. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Rate limit of 30 requests exceeded, retry in 1 minute",
                 *       "code": "RATE_LIMITED"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The user's id.
         * @example usr_7f3a9c
         */
        Uid: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example usr_7f3a9c
                 */
                uid: components["parameters"]["Uid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's readiness. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPrompt: {
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
                 *       "prompt": "Summarise my meeting notes from yesterday.",
                 *       "provider": "anthropic"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePromptRequest"];
            };
        };
        responses: {
            /** @description The provider's answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The user has no API key for the requested provider (or for any provider). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "No API key configured for provider 'openai'",
                     *       "code": "NO_LLM_KEY"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPromptStream: {
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
                 *       "prompt": "Summarise my meeting notes from yesterday.",
                 *       "provider": "anthropic"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePromptRequest"];
            };
        };
        responses: {
            /** @description The answer as Server-Sent Events (`token`..., then `done` or `error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["PromptStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The user has no API key for the requested provider (or for any provider). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "No API key configured for provider 'openai'",
                     *       "code": "NO_LLM_KEY"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
