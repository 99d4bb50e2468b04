import Fastify from 'fastify';

/** How a service logs per request: Fastify's request lines only when asked, labelled by the correlation ID. */
interface RequestLogSettings {
  disableRequestLogging: boolean;
  requestIdLogLabel: string;
}

type LogControllerClass = new (settings: RequestLogSettings) => object;

/**
 * Fastify options for per-request logging that every Fastify 5 a team may install understands without a
 * warning: from 5.12 through a `LogController` (the top-level `disableRequestLogging` and
 * `requestIdLogLabel` are deprecated there: FSTDEP023/024), before it as those top-level options.
 * Request lines are off unless `LOG_REQUESTS=1`; the request ID's label is `correlationId`.
 */
export function requestLogOptions(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const settings: RequestLogSettings = {
    disableRequestLogging: env.LOG_REQUESTS !== '1',
    requestIdLogLabel: 'correlationId',
  };
  // Fastify < 5.12 has no LogController, and its types do not name one.
  const LogController = (Fastify as unknown as { LogController?: LogControllerClass }).LogController;
  return LogController === undefined ? { ...settings } : { logController: new LogController(settings) };
}
