import type { FastifyServerOptions } from 'fastify';

/** Fastify's logger option, minus undefined. */
export type LoggerOption = Exclude<FastifyServerOptions['logger'], undefined>;

/** Paths pino replaces with `[redacted]`: secrets in headers and in any body field named like a token or key. */
export const REDACTED_PATHS = [
  'req.headers["x-internal-auth"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-internal-auth"]',
  'headers.authorization',
  '*.token',
  '*.accessToken',
  '*.apiKey',
  '*.password',
  '*.secret',
];

/**
 * Pino options for a service: the service name on every line, secrets redacted, level from `LOG_LEVEL`
 * (default `info`; `silent` in tests).
 */
export function loggerOptions(service: string, level = process.env.LOG_LEVEL ?? 'info'): LoggerOption {
  return { level, base: { service }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
