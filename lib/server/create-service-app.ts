import Fastify, { type FastifyInstance } from 'fastify';
import { clientErrorHandler } from './client-error-reply.js';
import { answerUnavailableWhileClosing } from './closing-reply.js';
import { docsPlugin } from './docs-plugin.js';
import { errorHandlerPlugin } from './error-handler-plugin.js';
import { type HealthOptions, healthPlugin } from './health-plugin.js';
import { type LoggerOption, loggerOptions } from './logger-options.js';
import { type MetricsHandler, metricsPlugin } from './metrics-plugin.js';
import type { RateLimitOptions } from './rate-limit.js';
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
  /**
   * Where the counters of operations with `x-rate-limit` live: `{ redis }` (an ioredis client) shares them
   * across the service's replicas. Default: in this process's memory.
   */
  rateLimit?: RateLimitOptions;
  /** Deadline budgets. */
  context?: RequestContextOptions;
  /** Pino options, or false for no logs. Default: `loggerOptions(name)`. */
  logger?: LoggerOption;
  /**
   * An incomplete request (headers or body) this long after its first byte gets 408 and its connection is
   * closed, at most `min(1 s, requestTimeoutMs / 10)` later (Node's `connectionsCheckingInterval`). Keep it
   * below `idleTimeoutMs`, which closes a silent connection without an answer. Default 15000 (15 s).
   */
  requestTimeoutMs?: number;
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

/** Default for `requestTimeoutMs`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Longest path parameter the router matches: as long as a request line Node accepts (its 16 KiB header
 * limit), so an over-long id reaches validation and gets the spec's 400, never the router's 404.
 */
const MAX_PARAM_LENGTH = 16_384;

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
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!(Number.isInteger(requestTimeout) && requestTimeout > 0))
    throw new RangeError(`requestTimeoutMs must be a positive integer, got ${requestTimeout}`);
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.name),
    bodyLimit: typeof options.bodyLimit === 'number' ? options.bodyLimit : DEFAULT_BODY_LIMIT,
    // Node checks these every `connectionsCheckingInterval` (default 30 s, which made a 15 s limit 15–45 s).
    http: {
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeout / 10))),
    },
    requestTimeout,
    clientErrorHandler,
    // No per-socket timeout (`connectionTimeout`): closeStalledConnections below does its job for less.
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // The request ID is the correlation ID: Fastify's own per-request logger then carries it.
    requestIdHeader: false,
    genReqId: correlationIdOf,
    ...requestLogOptions(),
  });
  closeStalledConnections(app.server, options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
  answerUnavailableWhileClosing(app);
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
  if (options.rateLimit !== undefined) routesOptions.rateLimit = options.rateLimit;
  await app.register(options.routes, routesOptions);
  return app;
}
