/**
 * Upstream child of the `client` suite: `node --import tsx bench/client/upstream.ts`, started by
 * `listening-child.ts`. A bare node:http server (no framework, so the server costs as little as possible and the client is
 * what differs between variants) answering `GET /internal/notion/users/:userId/context` with a fixed JSON
 * body when `X-Internal-Auth` carries the token, 401 otherwise, 404 for anything else. Listens on 127.0.0.1
 * port 0, prints `{"listening": port}` and exits when stdin closes or on SIGTERM.
 */
import { createServer } from 'node:http';
import { announceListening } from '../serve-until-stopped.js';
import { CONTEXT_BODY, UPSTREAM_TOKEN_ENV } from './upstream-messages.js';

const token = process.env[UPSTREAM_TOKEN_ENV];
if (token === undefined || token === '') {
  console.error(`usage: ${UPSTREAM_TOKEN_ENV}=<token> upstream.ts`);
  process.exit(2);
}

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
  announceListening(
    address.port,
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
});
