import type { FastifyInstance } from 'fastify';
import {
  createServiceApp,
  internalAuthenticator,
  type LoggerOption,
  type MetricsHandler,
} from 'switchboard/server';
import { whatsappServiceDocument } from '../../generated/whatsapp-service/document.js';
import { whatsappServiceRoutesPlugin } from '../../generated/whatsapp-service/server.js';
import { type IdempotencyOptions, idempotentSend } from './domain/idempotent-send.js';
import { type MessageSender, recordingSender } from './domain/message-sender.js';
import { whatsappHandlers } from './routes/handlers.js';
import type { MessageStore } from './store/message-store.js';

/** What whatsapp-service needs from outside. */
export interface WhatsappDeps {
  store: MessageStore;
  internalTokens: readonly string[];
  /** Hands messages to WhatsApp. Default: `recordingSender(store)`, which only marks them sent. */
  sender?: MessageSender;
  /** Idempotency-Key timings. Default: keys kept 24 h, 60 s lease, duplicates wait up to 2 s. */
  idempotency?: IdempotencyOptions;
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
}

/** Builds whatsapp-service (not listening). */
export function buildWhatsappApp(deps: WhatsappDeps): Promise<FastifyInstance> {
  const send = idempotentSend(deps.store, deps.sender ?? recordingSender(deps.store), deps.idempotency);
  return createServiceApp({
    name: 'whatsapp-service',
    routes: whatsappServiceRoutesPlugin,
    handlers: whatsappHandlers(deps.store, send),
    authenticate: { InternalAuth: internalAuthenticator(deps.internalTokens) },
    document: whatsappServiceDocument,
    readiness: { store: () => deps.store.ping() },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
}
