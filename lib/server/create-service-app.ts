import Fastify, { type FastifyInstance } from 'fastify';
import { docsPlugin } from './docs-plugin.js';
import { errorHandlerPlugin } from './error-handler-plugin.js';
import { type HealthOptions, healthPlugin } from './health-plugin.js';
import { type LoggerOption, loggerOptions } from './logger-options.js';
import { type MetricsHandler, metricsPlugin } from './metrics-plugin.js';
import {
  correlationIdOf,
  type RequestContextOptions,
  requestContextPlugin,
} from './request-context-plugin.js';
import { requestLogOptions } from './request-log-options.js';
import type { Authenticator } from './route-table.js';
import type { RoutesPluginOptions } from './routes-plugin.js';
import { closeStalledConnections } from './stalled-connections.js';
import { telemetryPlugin } from './telemetry-plugin.js';

/** Options of `createServiceApp`. */
export interface ServiceAppOptions<H> {
  /** The service name, on every log line. */
  name: string;
  /** The generated `<service>RoutesPlugin`. */
  routes: (app: FastifyInstance, options: RoutesPluginOptions<H>) => Promise<void>;
  /** One handler per operation. */
  handlers: H;
  /** One authenticator per security scheme the spec uses. */
  authenticate?: Readonly<Record<string, Authenticator>>;
  /** The bundled spec, served at `/docs`; omit to serve no docs. */
  document?: Record<string, unknown>;
  /** Readiness checks for `/ready`. */
  readiness?: HealthOptions['checks'];
  /** Largest request body in bytes, per route by operationId or for all. Default 65536 (64 KiB). */
  bodyLimit?: number | Readonly<Record<string, number>>;
  /** Deadline budgets. */
  context?: RequestContextOptions;
  /** Pino options, or false for no logs. Default: `loggerOptions(name)`. */
  logger?: LoggerOption;
  /**
   * A connection that moves no bytes for this long is closed: a hung handler, a client that stopped reading
   * its answer (`closeStalledConnections`). Default 30000 (30 s).
   */
  idleTimeoutMs?: number;
  /**
   * Serves `GET /metrics` with this handler (e.g. an OpenTelemetry Prometheus exporter's), behind the
   * `InternalAuth` authenticator when the service has one. Default: no `/metrics`.
   */
  metrics?: MetricsHandler;
}

/** Default for `idleTimeoutMs`. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Default largest request body, in bytes. */
export const DEFAULT_BODY_LIMIT = 65_536;

/**
 * Builds a service's Fastify app (not listening): hardened server options (body limit, timeouts against slow
 * clients and stalled connections, prototype-poisoning rejected, 503 while closing), then docs, request context, error handler,
 * health, and the generated routes with their authenticators.
 */
export async function createServiceApp<H extends object>(
  options: ServiceAppOptions<H>,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.name),
    bodyLimit: typeof options.bodyLimit === 'number' ? options.bodyLimit : DEFAULT_BODY_LIMIT,
    requestTimeout: 15_000, // a client that takes longer to send its request gets 408 and is dropped
    // No per-socket timeout (`connectionTimeout`): closeStalledConnections below does its job for less.
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 512 }, // the default 100 is below the specs' 128-char ids: 404s
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // The request ID is the correlation ID: Fastify's own per-request logger then carries it.
    requestIdHeader: false,
    genReqId: correlationIdOf,
    ...requestLogOptions(),
  });
  closeStalledConnections(app.server, options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
  if (options.document !== undefined) await app.register(docsPlugin, { document: options.document });
  await app.register(requestContextPlugin, { ...options.context, requestIdIsCorrelationId: true });
  await app.register(telemetryPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(healthPlugin, options.readiness === undefined ? {} : { checks: options.readiness });
  if (options.metrics !== undefined)
    await app.register(metricsPlugin, {
      handler: options.metrics,
      authenticate: options.authenticate?.InternalAuth,
    });
  const routesOptions: RoutesPluginOptions<H> = { handlers: options.handlers };
  if (options.authenticate !== undefined) routesOptions.authenticate = options.authenticate;
  if (typeof options.bodyLimit === 'object') routesOptions.bodyLimit = options.bodyLimit;
  await app.register(options.routes, routesOptions);
  return app;
}
