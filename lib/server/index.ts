export type { MultipartFields, UploadedFile } from '../client/multipart.js';
export type { StatusInRange } from '../client/result.js';
export type { ServerSentEvent } from '../client/server-sent-event.js';
export {
  createServiceApp,
  DEFAULT_BODY_LIMIT,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ServiceAppOptions,
} from './create-service-app.js';
export { type DocsOptions, docsPlugin } from './docs-plugin.js';
export { type ErrorBody, errorHandlerPlugin } from './error-handler-plugin.js';
export { DEFAULT_HEARTBEAT_MS, sendEventStream } from './event-stream-reply.js';
export { closeOnSignals } from './graceful-shutdown.js';
export { type HealthOptions, healthPlugin, type ReadinessCheck } from './health-plugin.js';
export {
  ConfigError,
  INTERNAL_AUTH_HEADER,
  internalAuthenticator,
  MIN_TOKEN_LENGTH,
  readInternalTokens,
} from './internal-auth.js';
export { type LogRateLimit, type LogRateLimitOptions, logRateLimit } from './log-rate-limit.js';
export { type LoggerOption, loggerOptions, REDACTED_PATHS } from './logger-options.js';
export { type MetricsHandler, type MetricsOptions, metricsPlugin } from './metrics-plugin.js';
export { RATE_LIMITED_CODE, type RateLimitOptions } from './rate-limit.js';
export { type RequestContextOptions, requestContextPlugin } from './request-context-plugin.js';
export { type Replied, respond } from './respond.js';
export type {
  AuthDecision,
  Authenticator,
  HandlerReply,
  HandlerRequest,
  RouteBody,
  RouteDefinition,
  RouteRateLimit,
  RouteTable,
  SharedSchema,
} from './route-table.js';
export { withRouteUrls } from './route-urls.js';
export { type RoutesPluginOptions, registerRoutes } from './routes-plugin.js';
export { type RunnableService, runService } from './run-service.js';
export { assertStrongSecret } from './secret-strength.js';
export { closeStalledConnections } from './stalled-connections.js';
export { telemetryPlugin } from './telemetry-plugin.js';
export { createValidatorCompiler } from './validator-compiler.js';
