import type { FastifyInstance } from 'fastify';
import {
  createServiceApp,
  internalAuthenticator,
  type LoggerOption,
  type MetricsHandler,
} from 'switchboard/server';
import type { AuthServiceClient } from '../../generated/auth-service/client.js';
import { userServiceDocument } from '../../generated/user-service/document.js';
import { userServiceRoutesPlugin } from '../../generated/user-service/server.js';
import { bearerAuthenticator } from '../shared/bearer-authenticator.js';
import { createLlmKeyCipher } from './crypto/llm-key-cipher.js';
import { userHandlers } from './routes/handlers.js';
import type { UserStore } from './store/user-store.js';

/** What user-service needs from outside. */
export interface UserDeps {
  store: UserStore;
  internalTokens: readonly string[];
  /** The 32-byte key that seals LLM keys at rest; another length rejects with ConfigError. */
  encryptionKey: Buffer;
  /** auth-service's client, which verifies bearer tokens (and carries the circuit breaker, if any). */
  authClient: Pick<AuthServiceClient, 'verifyToken'>;
  /** Per-call timeout of token verification in ms. Default 5000. */
  authTimeoutMs?: number;
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
}

/** Builds user-service (not listening). */
export async function buildUserApp(deps: UserDeps): Promise<FastifyInstance> {
  const cipher = createLlmKeyCipher(deps.encryptionKey);
  return createServiceApp({
    name: 'user-service',
    routes: userServiceRoutesPlugin,
    handlers: userHandlers(deps.store, cipher),
    authenticate: {
      InternalAuth: internalAuthenticator(deps.internalTokens),
      BearerAuth: bearerAuthenticator(
        deps.authClient,
        deps.authTimeoutMs === undefined ? {} : { timeoutMs: deps.authTimeoutMs },
      ),
    },
    document: userServiceDocument,
    readiness: { store: () => deps.store.ping() },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
}
