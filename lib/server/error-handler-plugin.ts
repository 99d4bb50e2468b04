import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { logRateLimit } from './log-rate-limit.js';
import { RATE_LIMITED_CODE, RATE_LIMITED_ERROR } from './rate-limit.js';

/** The spec's Error body. */
export interface ErrorBody {
  error: string;
  code?: string;
}

const BY_CODE: Readonly<Record<string, [number, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_REQUEST'],
  [RATE_LIMITED_ERROR]: [429, RATE_LIMITED_CODE],
};

/** Errors that carry one of these statuses (e.g. a store that is down) keep it, with a generic message. */
const UNAVAILABLE: Readonly<Record<number, ErrorBody>> = {
  502: { error: 'A downstream service failed', code: 'DOWNSTREAM_ERROR' },
  503: { error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' },
  504: { error: 'A downstream service timed out', code: 'DOWNSTREAM_TIMEOUT' },
};

/**
 * One error handler for the whole service, answering in the spec's Error shape: validation and other client
 * errors get 4xx with their message; an error carrying `statusCode` 502/503/504 keeps it with a
 * generic message; anything else is logged and answered 500 with a generic message, so no
 * stack trace or internal detail leaks. Unknown routes get 404. These bodies are serialized as plain JSON,
 * not with the route's response schema: a spec's own error shape (a `4XX` Problem document) would make
 * Fastify's serializer throw on them and turn a 400 into a 500. The 502/503/504 warnings are rate-limited
 * to one per status and error code a second, with `suppressed` counting those dropped (`logRateLimit`):
 * an outage refuses every request, and a line each would drown the logs.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    const admit = logRateLimit();
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const mapped = error.code === undefined ? undefined : BY_CODE[error.code];
      const status = error.validation !== undefined ? 400 : (mapped?.[0] ?? error.statusCode ?? 500);
      const unavailable = UNAVAILABLE[status];
      if (unavailable !== undefined) {
        const admitted = admit(`${status} ${error.code ?? error.name}`);
        if (admitted !== undefined) request.log.warn({ err: error, ...admitted }, unavailable.error);
        return sendPlain(reply.code(status), unavailable);
      }
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendPlain(reply.code(500), { error: 'Internal Server Error', code: 'INTERNAL' });
      }
      const code =
        error.validation !== undefined
          ? 'BAD_REQUEST'
          : (mapped?.[1] ?? (status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'));
      return sendPlain(reply.code(status), { error: error.message.slice(0, 500), code });
    });
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send({
        error: `No route for ${request.method} ${request.url.split('?')[0]}`.slice(0, 500),
        code: 'NOT_FOUND',
      } satisfies ErrorBody),
    );
  },
  { name: 'switchboard-error-handler', fastify: '5.x' },
);

/** Sends an error body as plain JSON, past the route's response schema (see errorHandlerPlugin). */
function sendPlain(reply: FastifyReply, body: ErrorBody): FastifyReply {
  return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}
