import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteDefinition, RouteRateLimit } from './route-table.js';

/** Where the rate-limit counters live. */
export interface RateLimitOptions {
  /**
   * An ioredis client shared by every replica of the service, so a limit holds across them. Default: counters
   * in this process's memory (each replica counts alone). Give it a client that fails fast when Redis is down
   * (`enableOfflineQueue: false`, a command timeout, as `services/shared/redis-client.ts` makes): requests are
   * let through when a count fails, but only once the command has failed.
   */
  redis?: unknown;
}

/** The `code` of the Error body a request over its operation's rate limit gets with 429. */
export const RATE_LIMITED_CODE = 'RATE_LIMITED';

/** The Fastify error code of that refusal, which the error handler answers as 429 RATE_LIMITED. */
export const RATE_LIMITED_ERROR = 'SWITCHBOARD_RATE_LIMITED';

/**
 * Registers `@fastify/rate-limit` on `app` (routes opt in, none is limited by default): counters in Redis
 * when `options.redis` is given (one key per operation and caller, under `switchboard-rate-limit:<service>:`),
 * else in memory. When Redis fails the request is let through (`skipOnError`): a limit must not turn a Redis
 * outage into refusals.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  service: string,
  options: RateLimitOptions = {},
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    skipOnError: true,
    nameSpace: `switchboard-rate-limit:${service}:`,
    ...(options.redis === undefined ? {} : { redis: options.redis }),
  });
}

/**
 * The route config of an operation's `x-rate-limit`: `max` requests per `windowMs` per caller, counted after
 * authentication (so `per: user` counts the verified principal); over it, 429 with `Retry-After` and the
 * spec's Error shape.
 */
export function rateLimitConfig(route: RouteDefinition, limit: RouteRateLimit) {
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${route.operationId}:${callerKey(request, limit.per)}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string; max: number }) =>
      Object.assign(new Error(`Rate limit of ${context.max} requests exceeded, retry in ${context.after}`), {
        statusCode: 429,
        code: RATE_LIMITED_ERROR,
      }),
  };
}

/**
 * Who a request is counted against: with `per: user`, the authenticated principal (a string, or an object's
 * `userId`, `id` or `sub`); with `per: caller` (and for a user route reached without a principal), the
 * calling host's address (`request.ip`: behind a proxy, set Fastify's `trustProxy` or every caller shares one
 * count).
 */
function callerKey(request: FastifyRequest, per: RouteRateLimit['per']): string {
  if (per === 'user') {
    const principal = request.principal as
      | { userId?: unknown; id?: unknown; sub?: unknown }
      | string
      | undefined;
    if (typeof principal === 'string') return `user:${principal}`;
    const id = principal?.userId ?? principal?.id ?? principal?.sub;
    if (typeof id === 'string' || typeof id === 'number') return `user:${id}`;
  }
  return `caller:${request.ip}`;
}
