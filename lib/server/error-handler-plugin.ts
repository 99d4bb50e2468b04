import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
};

/**
 * One error handler for the whole service, answering in the spec's Error shape: validation and other client
 * errors get 4xx with their message; anything else is logged and answered 500 with a generic message, so no
 * stack trace or internal detail leaks. Unknown routes get 404.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const mapped = error.code === undefined ? undefined : BY_CODE[error.code];
      const status = error.validation !== undefined ? 400 : (mapped?.[0] ?? error.statusCode ?? 500);
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return reply.code(500).send({ error: 'Internal Server Error', code: 'INTERNAL' } satisfies ErrorBody);
      }
      const code =
        error.validation !== undefined
          ? 'BAD_REQUEST'
          : (mapped?.[1] ?? (status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'));
      return reply.code(status).send({ error: error.message.slice(0, 500), code } satisfies ErrorBody);
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
