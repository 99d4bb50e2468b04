import type { ResilienceEvent } from 'switchboard/client';
import { type AuthServiceClient, createAuthServiceClient } from '../../generated/auth-service/client.js';

/**
 * The auth-service client of a service that protects public routes with Bearer tokens, configured as system
 * B's middleware was: a 5 s timeout, and a breaker that opens after 3 consecutive failures, stays open 1 s
 * doubling per failed probe up to 30 s (callers get 503 "temporarily unavailable" meanwhile) and closes after
 * 2 successes.
 */
export function createVerifyingAuthClient(
  baseUrl: string,
  onEvent?: (event: ResilienceEvent) => void,
): AuthServiceClient {
  return createAuthServiceClient({
    baseUrl,
    timeoutMs: 5000,
    resilience: {
      breaker: { mode: 'consecutive', failureThreshold: 3, successThreshold: 2, halfOpenAfterMs: 30_000 },
      ...(onEvent === undefined ? {} : { onEvent }),
    },
  });
}
