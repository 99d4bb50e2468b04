import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './error-handler-plugin.js';

/** What Node's HTTP parser can refuse before Fastify sees a request, in the spec's Error shape. */
const REFUSALS: Readonly<Record<string, [number, string, ErrorBody]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    { error: 'Request not received in time', code: 'REQUEST_TIMEOUT' },
  ],
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    { error: 'Request headers too large', code: 'HEADERS_TOO_LARGE' },
  ],
};
const MALFORMED: [number, string, ErrorBody] = [
  400,
  'Bad Request',
  { error: 'Malformed HTTP request', code: 'BAD_REQUEST' },
];

/** A raw HTTP/1.1 answer that closes the connection: there is no request object to reply through. */
export function rawErrorResponse(status: number, reason: string, body: ErrorBody): string {
  const json = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`
  );
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's parser refused (an incomplete request past
 * `requestTimeout`: 408, headers above `maxHeaderSize`: 431, anything else malformed: 400) in the spec's
 * Error shape, where Fastify's default adds `message` and `statusCode`, then closes the socket. Nothing is
 * written once an answer to the connection's request has begun.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: NodeJS.ErrnoException,
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, body] = REFUSALS[error.code ?? ''] ?? MALFORMED;
  this.log.debug({ err: error, status }, 'client error');
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && answering?.headersSent !== true)
    socket.write(rawErrorResponse(status, reason, body));
  socket.destroy(error);
}
