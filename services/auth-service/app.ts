import type { FastifyInstance } from 'fastify';
import {
  createServiceApp,
  internalAuthenticator,
  type LoggerOption,
  type MetricsHandler,
} from 'switchboard/server';
import { authServiceDocument } from '../../generated/auth-service/document.js';
import { authServiceRoutesPlugin } from '../../generated/auth-service/server.js';
import type { TokenSettings } from './domain/token-settings.js';
import { authHandlers } from './routes/handlers.js';
import type { RevocationStore } from './store/revocation-store.js';

/** What auth-service needs from outside. */
export interface AuthDeps {
  /** Key, issuer and audience (see `tokenSettings`). */
  tokens: TokenSettings;
  store: RevocationStore;
  internalTokens: readonly string[];
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
}

/** Builds auth-service (not listening). */
export function buildAuthApp(deps: AuthDeps): Promise<FastifyInstance> {
  return createServiceApp({
    name: 'auth-service',
    routes: authServiceRoutesPlugin,
    handlers: authHandlers(deps.tokens, deps.store),
    authenticate: { InternalAuth: internalAuthenticator(deps.internalTokens) },
    document: authServiceDocument,
    readiness: { revocations: () => deps.store.ping() },
    // A leaf: it calls no other service and reads nothing from currentContext().
    context: { propagate: false },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
}
