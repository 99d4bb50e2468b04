/**
 * Upstream child of the `client` suite: `node --import tsx bench/client/upstream.ts`, forked with an IPC
 * channel. A bare node:http server (no framework, so the server costs as little as possible and the client is
 * what differs between variants) answering `GET /internal/notion/users/:userId/context` with a fixed JSON
 * body when `X-Internal-Auth` carries the token, 401 otherwise, 404 for anything else. Listens on 127.0.0.1
 * port 0 and sends `{type: 'listening', port}`; answers `{type: 'cpu'}`; exits on `{type: 'stop'}`, SIGTERM
 * or when the parent goes away.
 */
import { createServer } from 'node:http';
import {
  CONTEXT_BODY,
  UPSTREAM_TOKEN_ENV,
  type UpstreamReply,
  type UpstreamRequest,
} from './upstream-messages.js';

const token = process.env[UPSTREAM_TOKEN_ENV];
if (token === undefined || token === '' || process.send === undefined) {
  console.error(`usage: forked with an IPC channel and ${UPSTREAM_TOKEN_ENV} set`);
  process.exit(2);
}
const send = (message: UpstreamReply) => process.send?.(message);

const ROUTE = /^\/internal\/notion\/users\/[^/?]+\/context(?:\?|$)/;
const ok = Buffer.from(JSON.stringify(CONTEXT_BODY));
const unauthorized = Buffer.from(JSON.stringify({ error: 'Unauthorized' }));
const notFound = Buffer.from(JSON.stringify({ error: 'Not Found' }));

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const [status, body] =
    req.method !== 'GET' || !ROUTE.test(req.url ?? '')
      ? [404, notFound]
      : req.headers['x-internal-auth'] !== token
        ? [401, unauthorized]
        : [200, ok];
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error(`unexpected address ${String(address)}`);
  send({ type: 'listening', port: address.port });
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('disconnect', stop); // the suite died: do not linger
process.on('message', (message: UpstreamRequest) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', seconds: (user + system) / 1e6 });
  } else if (message.type === 'stop') stop();
});
