// @generated from specs/auth-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

export interface paths {
    "/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a user JWT
         * @description Checks the token's signature and expiry and, when a revocation store is configured, that its
         *     `jti` is not revoked. Open endpoint: no credentials besides the token itself. Answers 401 for an
         *     invalid, expired or revoked token, and 503 when the revocation store cannot be consulted (the
         *     service fails closed rather than accepting a possibly revoked token).
         */
        post: operations["verifyToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a user JWT for an internal caller
         * @description Signs a new token with a fresh `jti`. Not idempotent: every call issues a different token.
         *     `ttlSeconds` defaults to 3600.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a user JWT
         * @description Puts the token's `jti` on the revocation blacklist until the token would expire. Revoking an
         *     already revoked or already expired token is a no-op that still answers 204, so the call is
         *     safe to repeat. A token whose signature does not verify answers 400 (`TOKEN_INVALID`).
         *     Answers 503 when no revocation store is configured or it is unavailable.
         */
        post: operations["revokeToken"];
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
        /** @description A compact-serialised JWT. */
        Jwt: string;
        UserId: string;
        TenantId: string;
        /** Format: email */
        Email: string;
        VerifyTokenRequest: {
            token: components["schemas"]["Jwt"];
        };
        VerifiedToken: {
            /** @constant */
            valid: true;
            userId: components["schemas"]["UserId"];
            email: components["schemas"]["Email"];
            tenantId: components["schemas"]["TenantId"];
        };
        IssueTokenRequest: {
            userId: components["schemas"]["UserId"];
            email: components["schemas"]["Email"];
            tenantId: components["schemas"]["TenantId"];
            /**
             * @description Lifetime of the token in seconds.
             * @default 3600
             */
            ttlSeconds?: number;
        };
        IssuedToken: {
            token: components["schemas"]["Jwt"];
            /** @constant */
            tokenType: "Bearer";
            /** Format: date-time */
            expiresAt: string;
            /** @description The token's unique id, the key of its revocation. */
            jti: string;
        };
        RevokeTokenRequest: {
            token: components["schemas"]["Jwt"];
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
    verifyToken: {
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
                 *       "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl"
                 *     }
                 */
                "application/json": components["schemas"]["VerifyTokenRequest"];
            };
        };
        responses: {
            /** @description The token is valid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "valid": true,
                     *       "userId": "usr_7f3a9c",
                     *       "email": "ada@example.com",
                     *       "tenantId": "tnt_acme"
                     *     }
                     */
                    "application/json": components["schemas"]["VerifiedToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The token is invalid, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    issueToken: {
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
                 *       "userId": "usr_7f3a9c",
                 *       "email": "ada@example.com",
                 *       "tenantId": "tnt_acme",
                 *       "ttlSeconds": 3600
                 *     }
                 */
                "application/json": components["schemas"]["IssueTokenRequest"];
            };
        };
        responses: {
            /** @description The token was issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl",
                     *       "tokenType": "Bearer",
                     *       "expiresAt": "2025-06-01T13:00:00Z",
                     *       "jti": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
                     *     }
                     */
                    "application/json": components["schemas"]["IssuedToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeToken: {
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
                 *       "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2lnbmF0dXJl"
                 *     }
                 */
                "application/json": components["schemas"]["RevokeTokenRequest"];
            };
        };
        responses: {
            /** @description The token is revoked (or was already revoked or expired). */
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
