// @generated from specs/user-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/internal/users/{uid}/llm-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's decrypted LLM keys
         * @description Returns every provider's decrypted key, or null for a provider the user has not configured.
         *     404 when the user does not exist.
         */
        get: operations["getLlmKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/users/{uid}/llm-keys/{provider}/last-used": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a user's LLM key was just used
         * @description Sets the key's last-used timestamp to now. Safe to repeat: a retry only moves the timestamp.
         *     404 when the user does not exist or has no key for that provider.
         */
        post: operations["reportLlmKeyUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/users/{uid}/oauth/{provider}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's OAuth access token for a provider
         * @description 404 when the user does not exist or has not connected that provider.
         */
        get: operations["getOAuthToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the calling user's profile
         * @description Creates the profile of the user the bearer token belongs to: `id` and `tenantId` come from
         *     the verified token. 409 when that user (or a user with that email) already exists.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{uid}/llm-keys/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Store the user's API key for an LLM provider
         * @description Stores (or replaces) the key, encrypted at rest. Only the user the token belongs to may set
         *     their own keys: 403 when `uid` is not the token's user; 404 when the profile does not exist yet.
         */
        put: operations["setLlmKey"];
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
        UserId: string;
        /**
         * @description An LLM provider a user can store an API key for.
         * @enum {string}
         */
        LlmProvider: "google" | "openai" | "anthropic";
        /**
         * @description An OAuth provider a user can connect.
         * @enum {string}
         */
        OAuthProvider: "google";
        /** @description The decrypted API key, or null when the user has not configured one. */
        LlmKey: string | null;
        LlmKeys: {
            google: components["schemas"]["LlmKey"];
            openai: components["schemas"]["LlmKey"];
            anthropic: components["schemas"]["LlmKey"];
        };
        OAuthToken: {
            accessToken: string;
            /** @description Usually `Bearer`. */
            tokenType: string;
            /**
             * Format: date-time
             * @description When the access token expires; null when the provider did not say.
             */
            expiresAt: string | null;
        };
        CreateUserRequest: {
            /** Format: email */
            email: string;
            displayName: string;
        };
        User: {
            id: components["schemas"]["UserId"];
            /** Format: email */
            email: string;
            displayName: string;
            tenantId: string;
            /** Format: date-time */
            createdAt: string;
        };
        SetLlmKeyRequest: {
            apiKey: string;
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
        /** @description The user does not exist. */
        UserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "User not found",
                 *       "code": "USER_NOT_FOUND"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
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
        /** @description The caller is authenticated but may not act on this resource. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "Forbidden",
                 *       "code": "FORBIDDEN"
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
        Uid: components["schemas"]["UserId"];
        /** @example openai */
        LlmProviderPath: components["schemas"]["LlmProvider"];
        /** @example google */
        OAuthProviderPath: components["schemas"]["OAuthProvider"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLlmKeys: {
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
            /** @description The user's keys, null where not configured. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "google": "AIzaSyA-example-google-key-000000000",
                     *       "openai": null,
                     *       "anthropic": "sk-ant-api03-example-key"
                     *     }
                     */
                    "application/json": components["schemas"]["LlmKeys"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportLlmKeyUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example usr_7f3a9c
                 */
                uid: components["parameters"]["Uid"];
                /** @example openai */
                provider: components["parameters"]["LlmProviderPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage recorded. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The user does not exist or has no key for this provider. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "No key stored for provider 'openai'",
                     *       "code": "LLM_KEY_NOT_FOUND"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example usr_7f3a9c
                 */
                uid: components["parameters"]["Uid"];
                /** @example google */
                provider: components["parameters"]["OAuthProviderPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accessToken": "ya29.a0AfH6SMB-example-access-token",
                     *       "tokenType": "Bearer",
                     *       "expiresAt": "2025-06-01T13:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["OAuthToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The user does not exist or has not connected this provider. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "User has not connected 'google'",
                     *       "code": "OAUTH_NOT_CONNECTED"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
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
                 *       "email": "ada@example.com",
                 *       "displayName": "Ada Lovelace"
                 *     }
                 */
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description The user was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_7f3a9c",
                     *       "email": "ada@example.com",
                     *       "displayName": "Ada Lovelace",
                     *       "tenantId": "tnt_acme",
                     *       "createdAt": "2025-06-01T12:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The user already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "User already exists",
                     *       "code": "USER_EXISTS"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setLlmKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example usr_7f3a9c
                 */
                uid: components["parameters"]["Uid"];
                /** @example openai */
                provider: components["parameters"]["LlmProviderPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "apiKey": "sk-ant-api03-example-key"
                 *     }
                 */
                "application/json": components["schemas"]["SetLlmKeyRequest"];
            };
        };
        responses: {
            /** @description The key is stored. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
