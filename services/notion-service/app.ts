import type { FastifyInstance } from 'fastify';
import {
  createServiceApp,
  internalAuthenticator,
  type LoggerOption,
  type MetricsHandler,
} from 'switchboard/server';
import { notionServiceDocument } from '../../generated/notion-service/document.js';
import { notionServiceRoutesPlugin } from '../../generated/notion-service/server.js';
import { notionHandlers } from './routes/handlers.js';
import type { ConnectionStore } from './store/connection-store.js';

/** What notion-service needs from outside. */
export interface NotionDeps {
  store: ConnectionStore;
  internalTokens: readonly string[];
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
}

/** Builds notion-service (not listening). */
export function buildNotionApp(deps: NotionDeps): Promise<FastifyInstance> {
  return createServiceApp({
    name: 'notion-service',
    routes: notionServiceRoutesPlugin,
    handlers: notionHandlers(deps.store),
    authenticate: { InternalAuth: internalAuthenticator(deps.internalTokens) },
    document: notionServiceDocument,
    readiness: { store: () => deps.store.ping() },
    // A leaf: it calls no other service and reads nothing from currentContext().
    context: { propagate: false },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
}
