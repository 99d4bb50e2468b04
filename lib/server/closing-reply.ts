import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './error-handler-plugin.js';

const CLOSING: ErrorBody = { error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' };

/**
 * From the start of `app.close()`, answers each request that still arrives (on a kept-alive connection) 503
 * in the spec's Error shape with `Connection: close`, where Fastify's own 503 adds `message` and
 * `statusCode`. Requests already being handled finish normally. The server's request listener is swapped
 * at close rather than checked in an `onRequest` hook, so serving costs nothing more until then.
 */
export function answerUnavailableWhileClosing(app: FastifyInstance): void {
  const json = JSON.stringify(CLOSING);
  app.addHook('preClose', async () => {
    app.server.removeAllListeners('request');
    app.server.on('request', (_request, response) => {
      response.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
        connection: 'close',
      });
      response.end(json);
    });
  });
}
